//! Byte spans into the analysed text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the analysed text.
///
/// Offsets are `u32`: quotecheck refuses inputs of 4 GiB or more before
/// analysis, so every offset fits.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn empty(at: usize) -> Self {
        Span::new(at, at)
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn contains_offset(self, at: usize) -> bool {
        (self.start as usize) <= at && at < self.end as usize
    }

    pub fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }

    /// `self` with leading and trailing white space of `text` removed.
    pub fn trim(self, text: &str) -> Span {
        let s = self.slice(text);
        // Both ends ASCII and not white space (as `char::is_whitespace`
        // has it): nothing to trim, no character decoded.
        let kept = |&b: &u8| b.is_ascii() && !is_space_byte(b);
        if s.as_bytes().first().is_some_and(kept) && s.as_bytes().last().is_some_and(kept) {
            return self;
        }
        let from_start = s.trim_start();
        let lead = s.len() - from_start.len();
        let trimmed = from_start.trim_end();
        Span::new(
            self.start as usize + lead,
            self.start as usize + lead + trimmed.len(),
        )
    }
}

/// Whether ASCII byte `b` is white space as `char::is_whitespace` has it
/// (unlike `u8::is_ascii_whitespace`, with the vertical tab `0x0B`).
#[inline]
pub(crate) fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_agrees_with_str_trim() {
        let text = "  a \u{0B}b\u{0B} \u{a0}“c”\u{a0} d\t\r\n x \u{3000}";
        for start in 0..=text.len() {
            for end in start..=text.len() {
                if !(text.is_char_boundary(start) && text.is_char_boundary(end)) {
                    continue;
                }
                let s = &text[start..end];
                let t = Span::new(start, end).trim(text);
                assert_eq!(t.slice(text), s.trim(), "{s:?}");
                if !s.trim().is_empty() {
                    assert_eq!(t.start as usize, start + s.len() - s.trim_start().len());
                }
            }
        }
    }
}
