//! A small word tokenizer for the cue and speaker stages.
//!
//! Words are runs of letters and digits joined by inner apostrophes,
//! hyphens and periods (`don’t`, `Pezeshkian’s`, `U.S.`), plus a final
//! period when the word is a known abbreviation or an initial (`Mr.`,
//! `J.`). Everything else that is not white space is a one-character
//! punctuation token.

use crate::lang::LangRules;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub word: bool,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        self.span.slice(text)
    }

    /// [`is_capitalized`] of the token's text, from its first byte when
    /// that is ASCII (no slicing).
    #[inline]
    pub fn is_capitalized(self, text: &str) -> bool {
        match text.as_bytes().get(self.span.start as usize) {
            Some(b) if b.is_ascii() && !self.span.is_empty() => b.is_ascii_uppercase(),
            _ => is_capitalized(self.text(text)),
        }
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '‑')
}

/// Tokens of `span`.
pub fn tokenize(text: &str, span: Span, rules: &LangRules) -> Vec<Token> {
    let mut out = Vec::with_capacity(span.len() / 5 + 4);
    tokenize_into(text, span, rules, &mut out);
    out
}

/// The character starting at byte `i` of `s` (a char boundary), with an
/// ASCII fast path: almost all of news copy is ASCII.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b.is_ascii() => Some(b as char),
        Some(_) => s[i..].chars().next(),
    }
}

/// The Unicode General Punctuation block (`’`, `“`, `—`, `…`).
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if GENERAL_PUNCTUATION.contains(&c) {
        // Curly quotes and dashes: no letter or digit in the block (tested).
        false
    } else {
        c.is_alphanumeric()
    }
}

/// Appends the tokens of `span` to `out`.
pub fn tokenize_into(text: &str, span: Span, rules: &LangRules, out: &mut Vec<Token>) {
    let s = span.slice(text);
    let base = span.start as usize;
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        if c == ' ' {
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if !is_alnum(c) {
            out.push(Token {
                span: Span::new(base + i, base + i + c.len_utf8()),
                word: false,
            });
            i += c.len_utf8();
            continue;
        }
        let mut end = i + c.len_utf8();
        loop {
            // Most of a word is ASCII letters and digits.
            while s.as_bytes().get(end).is_some_and(u8::is_ascii_alphanumeric) {
                end += 1;
            }
            match char_at(s, end) {
                Some(c) if is_alnum(c) => end += c.len_utf8(),
                Some(j) if is_joiner(j) => match char_at(s, end + j.len_utf8()) {
                    Some(n) if is_alnum(n) => end += j.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        // A plural possessive keeps its apostrophe: `the officials’ plan`.
        if s.as_bytes()[end - 1] == b's' {
            let rest = &s[end..];
            let mut cs = rest.chars();
            if let (Some(a @ ('’' | '\'')), Some(sp), Some(n)) = (cs.next(), cs.next(), cs.next())
                && sp == ' '
                && n.is_lowercase()
            {
                end += a.len_utf8();
            }
        }
        // A final period belongs to abbreviations and initials.
        if s.as_bytes().get(end) == Some(&b'.') {
            let with = &s[i..end + 1];
            let single_cap = end - i == c.len_utf8() && c.is_uppercase();
            if single_cap || rules.abbreviations.contains(with) || with.matches('.').count() >= 2 {
                end += 1;
            }
        }
        out.push(Token {
            span: Span::new(base + i, base + end),
            word: true,
        });
        i = end;
    }
}

/// Whether the word starts with an uppercase letter.
#[inline]
pub fn is_capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// `Pezeshkian’s` → `Pezeshkian`.
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(w) = word.strip_suffix(suffix) {
            return w;
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_has_no_letters_or_digits() {
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric());
        }
    }

    #[test]
    fn words_abbreviations_and_punctuation() {
        let rules = LangRules::builtin("en").unwrap();
        let text = "“Yes,” said Mr. J. Doe of the U.S. Kremlin’s well-known press.";
        let toks: Vec<&str> = tokenize(text, Span::new(0, text.len()), &rules)
            .iter()
            .map(|t| t.text(text))
            .collect();
        assert_eq!(
            toks,
            vec![
                "“",
                "Yes",
                ",",
                "”",
                "said",
                "Mr.",
                "J.",
                "Doe",
                "of",
                "the",
                "U.S.",
                "Kremlin’s",
                "well-known",
                "press",
                "."
            ]
        );
    }
}
