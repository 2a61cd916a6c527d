//! Lower-casing without a heap allocation for the common case.
//!
//! The cue and speaker stages compare almost every word of an article, in
//! lower case, against word lists. Most words are ASCII and short, so
//! [`lower`] returns the word itself when it has no capitals, a lowered
//! copy on the stack when it is short ASCII, and a `String` otherwise.
//! The result is always exactly `str::to_lowercase` of the input.

use std::fmt;
use std::ops::Deref;

const INLINE: usize = 30;

/// A lower-cased word: borrowed, inline or owned.
pub enum Lower<'a> {
    Borrowed(&'a str),
    Inline(arrayvec::ArrayString<INLINE>),
    Owned(String),
}

/// `s` in lower case (the same as `s.to_lowercase()`).
///
/// The common case, ASCII with no capital, is decided inline at the
/// caller; the others are [`lower_cased`]'s.
#[inline]
pub fn lower(s: &str) -> Lower<'_> {
    let (ascii, upper) = ascii_and_upper(s.as_bytes());
    if ascii && !upper {
        return Lower::Borrowed(s);
    }
    lower_cased(s, ascii)
}

/// [`lower`] of a word that is not ASCII (`ascii` false) or has an ASCII
/// capital.
#[inline(never)]
pub(crate) fn lower_cased(s: &str, ascii: bool) -> Lower<'_> {
    let bytes = s.as_bytes();
    if ascii {
        if let Ok(mut buf) = arrayvec::ArrayString::<INLINE>::from(s) {
            // Most capitalised words have one capital, the first letter
            // (`Trump`, `Said`): lower that byte alone.
            if ascii_and_upper(&bytes[1..]).1 {
                buf.make_ascii_lowercase();
            } else {
                buf[..1].make_ascii_lowercase();
            }
            return Lower::Inline(buf);
        }
        return Lower::Owned(s.to_ascii_lowercase());
    }
    // Curly quotes and dashes (`Trump’s`) have no case: with no other
    // non-ASCII character the ASCII mapping is the whole mapping.
    if s.chars().all(|c| c.is_ascii() || NO_CASE.contains(&c)) {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return Lower::Borrowed(s);
        }
        if let Ok(mut buf) = arrayvec::ArrayString::<INLINE>::from(s) {
            buf.make_ascii_lowercase();
            return Lower::Inline(buf);
        }
        return Lower::Owned(s.to_ascii_lowercase());
    }
    if s.chars().any(char::is_uppercase) {
        Lower::Owned(s.to_lowercase())
    } else {
        Lower::Borrowed(s)
    }
}

/// The General Punctuation block (`’`, `“`, `—`, `…`): no character in it
/// has a case mapping (tested).
const NO_CASE: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Whether `bytes` are all ASCII, and (if so) whether any is a capital,
/// eight bytes at a time. A byte `b < 0x80` is `A..=Z` when `b + 0x3F`
/// has its high bit and `b + 0x25` has not; no sum carries into the next
/// byte.
#[inline]
fn ascii_and_upper(bytes: &[u8]) -> (bool, bool) {
    let mut high = 0u64;
    let mut upper = 0u64;
    let mut word = |w: u64| {
        high |= w;
        upper |= w.wrapping_add(0x3F * ONES) & !w.wrapping_add(0x25 * ONES);
    };
    // Overlapping reads cover every byte without a loop over the tail
    // (a byte read twice changes neither test; missing bytes are zero,
    // which is ASCII and not a capital).
    let n = bytes.len();
    let read4 = |k: usize| u64::from(u32::from_le_bytes(bytes[k..k + 4].try_into().expect("4")));
    let read8 = |k: usize| u64::from_le_bytes(bytes[k..k + 8].try_into().expect("8"));
    if n >= 8 {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            word(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        if !chunks.remainder().is_empty() {
            word(read8(n - 8));
        }
    } else if n >= 4 {
        word(read4(0) | read4(n - 4) << 32);
    } else if n > 0 {
        word(u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16);
    }
    let ascii = high & HIGH == 0;
    (ascii, ascii && upper & HIGH != 0)
}

impl Lower<'_> {
    /// The lower-cased word as an owned `String`.
    pub fn into_string(self) -> String {
        match self {
            Lower::Borrowed(s) => s.to_owned(),
            Lower::Inline(buf) => buf.as_str().to_owned(),
            Lower::Owned(s) => s,
        }
    }
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            Lower::Inline(buf) => buf,
            Lower::Owned(s) => s,
        }
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_to_lowercase() {
        for s in [
            "",
            "said",
            "Said",
            "KREMLIN",
            "Ünal",
            "ÉLYSÉE",
            "straße",
            "İstanbul",
            "ΣΟΦΊΑ",
            "a-very-long-ASCII-word-of-more-than-thirty-bytes",
            "Pezeshkian’s",
        ] {
            assert_eq!(&*lower(s), s.to_lowercase(), "{s}");
        }
        assert!(matches!(lower("said"), Lower::Borrowed(_)));
        for b in 0..=255u8 {
            for len in 1..20 {
                for at in 0..len {
                    let mut v = vec![b'm'; len];
                    v[at] = b;
                    let want = (
                        v.is_ascii(),
                        v.is_ascii() && v.iter().any(u8::is_ascii_uppercase),
                    );
                    assert_eq!(ascii_and_upper(&v), want, "{v:?}");
                }
            }
        }
        assert_eq!(ascii_and_upper(b""), (true, false));
        for c in NO_CASE {
            assert!(!c.is_uppercase() && !c.is_lowercase(), "{c:?}");
            assert!(c.to_lowercase().eq([c]), "{c:?}");
            for s in [format!("A{c}b"), format!("x{c}"), format!("{c}Y{c}")] {
                assert_eq!(&*lower(&s), s.to_lowercase(), "{s:?}");
            }
        }
        assert!(matches!(lower("Said"), Lower::Inline(_)));
        for s in [
            "S",
            "SA",
            "Sa",
            "sA",
            "SAID",
            "SaiD",
            "SaidSaidSaid",
            "a-b-C-D",
            "Z",
            "ZZZZZZZZZ",
        ] {
            assert_eq!(&*lower(s), s.to_lowercase(), "{s}");
        }
    }
}
