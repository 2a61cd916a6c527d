//! Sentence boundaries that survive news copy.
//!
//! Candidate boundaries are found with a byte scan for `.`, `?`, `!` and
//! `…`; each is kept only when the rules of news copy agree: closing quotes
//! and brackets stay with the sentence they end (`…,” he said.` and
//! `“…?” she asked.` are one sentence), a lowercase continuation is never a
//! new sentence, and abbreviations (`Mr.`, `Jan.`, `U.S.`) and initials
//! (`J. R. R. Tolkien`) don't end one unless a typical sentence opener
//! follows. Paragraphs in scripts without spaces between sentences (`。`)
//! are split with Unicode's UAX #29 rules from `unicode-segmentation`.

use unicode_segmentation::UnicodeSegmentation;

use crate::lang::LangRules;
use crate::span::{Span, is_space_byte};

/// Words that, capitalised after an abbreviation, start a new sentence.
const OPENERS: &[&str] = &[
    "A", "After", "All", "An", "And", "As", "At", "But", "By", "For", "He", "Her", "His",
    "However", "I", "If", "In", "It", "Its", "Many", "Most", "No", "Now", "On", "One", "Only",
    "Our", "She", "Some", "That", "The", "Their", "There", "These", "They", "This", "Those", "To",
    "We", "What", "When", "While", "Who", "Yet",
];

/// Splits every paragraph into sentences; spans are trimmed, never empty.
pub fn split(text: &str, paragraphs: &[Span], rules: &LangRules) -> Vec<Span> {
    let mut out = Vec::with_capacity(paragraphs.len() * 3);
    // Looked for once in the whole text rather than in every paragraph:
    // most news copy has neither a `。！？` lead byte nor a `…`, and then
    // no paragraph needs either scan (each a memchr with its own setup).
    let bytes = text.as_bytes();
    let found = Found {
        cjk_lead: memchr::memchr2(0xE3, 0xEF, bytes).is_some(),
        ellipsis: next_ellipsis(bytes, 0) < bytes.len(),
    };
    for &p in paragraphs {
        split_paragraph(text, p, rules, found, &mut out);
    }
    out
}

/// What [`split`] found anywhere in the text (so in any paragraph).
#[derive(Clone, Copy)]
struct Found {
    /// A `0xE3` or `0xEF` byte, which leads each of `。！？`.
    cjk_lead: bool,
    /// A `…`.
    ellipsis: bool,
}

fn split_paragraph(text: &str, para: Span, rules: &LangRules, found: Found, out: &mut Vec<Span>) {
    let s = para.slice(text);
    // `。！？` are three-byte characters led by 0xE3 or 0xEF: look for the
    // lead bytes first so that a Latin-script paragraph costs one memchr.
    if found.cjk_lead
        && memchr::memchr2(0xE3, 0xEF, s.as_bytes()).is_some()
        && s.contains(['。', '！', '？'])
    {
        let base = para.start as usize;
        for (i, sent) in s.split_sentence_bound_indices() {
            let span = Span::new(base + i, base + i + sent.len()).trim(text);
            if !span.is_empty() {
                out.push(span);
            }
        }
        return;
    }
    let bytes = s.as_bytes();
    let base = para.start as usize;
    // Every sentence but the paragraph's last starts at a non-space (the
    // paragraph's first, or where `boundary_after` found the end of the
    // white space) and ends just after its terminal punctuation or a
    // closing mark: it is trimmed, and not empty, as it is found.
    let mut start = s.len() - trim_start(s).len();
    let mut i = start;
    // The next `…` (`E2 80 A6`), kept ahead of `i`; `.?!` are found with
    // `memchr3` from `i`. (Found by its last byte: `E2` also leads every
    // curly quote and apostrophe, `A6` ends few other characters.) With
    // no `…` in the text it is never looked for: the end of the paragraph.
    let mut next_e2 = if found.ellipsis { 0 } else { bytes.len() };
    while i < bytes.len() {
        if next_e2 < i {
            next_e2 = next_ellipsis(bytes, i);
        }
        let stop = memchr::memchr3(b'.', b'?', b'!', &bytes[i..next_e2.min(bytes.len())]);
        i = stop.map_or(next_e2, |k| i + k);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let term_len = match b {
            b'.' | b'?' | b'!' => 1,
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        if let Some((end, next)) = boundary_after(s, i, term_len, rules) {
            let span = Span::new(base + start, base + end);
            debug_assert!(start < end && span.trim(text) == span);
            out.push(span);
            // The next sentence from its first non-space character, which
            // `boundary_after` found.
            start = next;
            i = end;
        } else {
            i += term_len;
        }
    }
    if start < bytes.len() {
        let span = Span::new(base + start, base + bytes.len()).trim(text);
        if !span.is_empty() {
            out.push(span);
        }
    }
}

/// Where the first `…` at or after `from` starts, or `bytes.len()`. (Kept
/// out of line: it runs about once a paragraph.)
#[inline(never)]
fn next_ellipsis(bytes: &[u8], from: usize) -> usize {
    let tail = bytes.get(from + 2..).unwrap_or(&[]);
    memchr::memchr_iter(0xA6, tail)
        .map(|k| from + k)
        .find(|&at| bytes[at] == 0xE2 && bytes[at + 1] == 0x80)
        .unwrap_or(bytes.len())
}

/// If the terminal punctuation at `at` ends a sentence, the offset where
/// the sentence ends (after closing quotes and brackets) and the offset
/// after the white space that follows it (where the next one starts).
fn boundary_after(
    s: &str,
    at: usize,
    term_len: usize,
    rules: &LangRules,
) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut j = at + term_len;
    // More terminal punctuation: ?!, ..., ?…
    while j < bytes.len() && matches!(bytes[j], b'.' | b'?' | b'!') {
        j += 1;
    }
    // Closing quotes and brackets belong to this sentence: `"`, `'`, `)`,
    // `]`, `”` `’` `›` (`E2 80 9D`, `99`, `BA`), `»` (`C2 BB`), `」` `』`
    // (`E3 80 8D`, `8F`), matched on their bytes.
    loop {
        j += match bytes[j..] {
            [] => return Some((j, j)),
            [b'"' | b'\'' | b')' | b']', ..] => 1,
            [0xE2, 0x80, 0x9D | 0x99 | 0xBA, ..] | [0xE3, 0x80, 0x8D | 0x8F, ..] => 3,
            [0xC2, 0xBB, ..] => 2,
            _ => break,
        };
    }
    // White space must follow.
    let rest = &s[j..];
    let after_ws = trim_start(rest);
    if after_ws.len() == rest.len() {
        return None;
    }
    let first = after_ws.chars().next()?;
    let opener_ok = first.is_uppercase()
        || first.is_numeric()
        || matches!(
            first,
            '“' | '‘' | '"' | '\'' | '(' | '[' | '«' | '„' | '—' | '–' | '-' | '`' | '¿' | '¡'
        )
        || !first.is_alphabetic() && !first.is_ascii_punctuation();
    if !opener_ok {
        return None;
    }
    if bytes[at] == b'.' && term_len == 1 && j == at + 1 {
        // A period directly before white space: an abbreviation or initial?
        let word = word_before(s, at + 1);
        // (Found only after an abbreviation: most periods end a sentence.)
        let next_word = || -> &str {
            after_ws
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
        };
        if is_initial(word) {
            return None;
        }
        if (rules.is_abbreviation(word) || is_dotted_abbreviation(word))
            && (rules.is_title(word) || !OPENERS.contains(&next_word()))
        {
            return None;
        }
    }
    Some((j, s.len() - after_ws.len()))
}

/// `s.trim_start()`, with ASCII white space passed on the bytes (most
/// often the one space after a sentence, or none).
fn trim_start(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && is_space_byte(b[i]) {
        i += 1;
    }
    match b.get(i) {
        Some(c) if !c.is_ascii() => s[i..].trim_start(),
        _ => &s[i..],
    }
}

/// The word ending at `end` (which is just after its period), with leading
/// quotes and brackets removed: `(Calif.` → `Calif.`.
fn word_before(s: &str, end: usize) -> &str {
    // Back over ASCII bytes that are not white space; a non-ASCII byte
    // (which may be part of wide white space) hands over to the decoding
    // search from there.
    let bytes = s.as_bytes();
    let mut start = end;
    while start > 0 && bytes[start - 1].is_ascii() {
        if is_space_byte(bytes[start - 1]) {
            break;
        }
        start -= 1;
    }
    if start > 0 && !bytes[start - 1].is_ascii() {
        start = s[..start]
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    }
    let word = &s[start..end];
    // Most words start with a letter: nothing to strip, nothing decoded.
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() && !matches!(b, b'(' | b'[' | b'"' | b'\'' | b'-') => word,
        _ => word.trim_start_matches(['(', '[', '"', '\'', '“', '‘', '—', '-']),
    }
}

/// `J.` — a single capital letter and a period.
fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
}

/// `U.S.`, `N.Y.`, `a.m.`: letters each followed by a period.
fn is_dotted_abbreviation(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 4
        && b.chunks(2)
            .all(|c| c.len() == 2 && c[0].is_ascii_alphabetic() && c[1] == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::paragraphs;

    fn sents(text: &str) -> Vec<String> {
        let rules = LangRules::builtin("en").unwrap();
        split(text, &paragraphs(text), &rules)
            .iter()
            .map(|s| s.slice(text).to_string())
            .collect()
    }

    #[test]
    fn quotes_ending_sentences_stay_with_their_attribution() {
        assert_eq!(
            sents("“We will win,” he said. “Will we?” she asked. “Yes.” He left."),
            vec![
                "“We will win,” he said.",
                "“Will we?” she asked.",
                "“Yes.”",
                "He left."
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sents(
                "Mr. Smith met Sen. J. R. Doe in Washington, D.C. on Jan. 17 at 3 p.m. The talks ended."
            ),
            vec![
                "Mr. Smith met Sen. J. R. Doe in Washington, D.C. on Jan. 17 at 3 p.m.",
                "The talks ended."
            ]
        );
        assert_eq!(
            sents("He moved to the U.S. He liked it. Prices rose 3.5 percent... Then fell."),
            vec![
                "He moved to the U.S.",
                "He liked it.",
                "Prices rose 3.5 percent...",
                "Then fell."
            ]
        );
    }

    #[test]
    fn states_and_companies() {
        assert_eq!(
            sents("Rep. Ann Wagner (R-Mo.) said Acme Inc. would pay. It did."),
            vec![
                "Rep. Ann Wagner (R-Mo.) said Acme Inc. would pay.",
                "It did."
            ]
        );
    }

    #[test]
    fn sentences_start_after_any_white_space() {
        assert_eq!(
            sents("He left.\u{a0} \u{2003}She stayed.\u{3000}“Why?”\u{a0}"),
            vec!["He left.", "She stayed.", "“Why?”"]
        );
    }

    #[test]
    fn trim_start_agrees_with_str_trim_start() {
        let text = " \t\n a\u{a0} \u{3000}b \u{85}\r“c” \u{2009}é\x0B\x0C\x1Fd  ";
        for (i, _) in text.char_indices() {
            assert_eq!(trim_start(&text[i..]), text[i..].trim_start(), "{i}");
        }
        assert_eq!(trim_start(""), "");
    }

    #[test]
    fn word_before_agrees_with_a_char_search() {
        let reference = |s: &str, end: usize| -> String {
            let start = s[..end]
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
            s[start..end]
                .trim_start_matches(['(', '[', '"', '\'', '“', '‘', '—', '-'])
                .to_string()
        };
        let text = "Mr. (Calif. “Jan. — x\u{a0}Sen. é.a.\u{3000}U.S. ‘D.C. \tGov.\n-Inc. \
                    ([\"Ltd. a\u{2009}b. café. x\u{85}y. .";
        for (end, _) in text.match_indices('.') {
            assert_eq!(
                word_before(text, end + 1),
                reference(text, end + 1),
                "{end}"
            );
        }
    }

    #[test]
    fn cjk_paragraphs_use_uax29() {
        assert_eq!(
            sents("今日は晴れ。明日は雨。"),
            vec!["今日は晴れ。", "明日は雨。"]
        );
    }
}
