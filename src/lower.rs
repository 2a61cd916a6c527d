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
pub fn lower(s: &str) -> Lower<'_> {
    let bytes = s.as_bytes();
    if bytes.is_ascii() {
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
        assert!(matches!(lower("Said"), Lower::Inline(_)));
    }
}
