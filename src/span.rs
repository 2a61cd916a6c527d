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
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span::new(
            self.start as usize + lead,
            self.start as usize + lead + trimmed.len(),
        )
    }
}
