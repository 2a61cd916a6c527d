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
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '‑')
}

/// Tokens of `span`.
pub fn tokenize(text: &str, span: Span, rules: &LangRules) -> Vec<Token> {
    let mut out = Vec::new();
    let s = span.slice(text);
    let base = span.start as usize;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                span: Span::new(base + i, base + i + c.len_utf8()),
                word: false,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        loop {
            let rest = &s[end..];
            let mut cs = rest.chars();
            match cs.next() {
                Some(c) if c.is_alphanumeric() => end += c.len_utf8(),
                Some(j) if is_joiner(j) => match cs.next() {
                    Some(n) if n.is_alphanumeric() => end += j.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        // A plural possessive keeps its apostrophe: `the officials’ plan`.
        if s[..end].ends_with('s') {
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
        if s[end..].starts_with('.') {
            let with = &s[i..end + 1];
            let single_cap = s[i..end].chars().count() == 1 && c.is_uppercase();
            if single_cap || rules.abbreviations.contains(with) || with.matches('.').count() >= 2 {
                end += 1;
            }
        }
        out.push(Token {
            span: Span::new(base + i, base + end),
            word: true,
        });
        while it.peek().is_some_and(|(j, _)| *j < end) {
            it.next();
        }
    }
    out
}

/// Whether the word starts with an uppercase letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
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
