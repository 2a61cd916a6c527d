//! Quotation marks: find every mark and classify it by its position.
//!
//! A mark is *left-flanking* when white space (or an opening bracket or
//! dash) is before it and a non-space after it, *right-flanking* in the
//! mirror case. Curly marks say which side they belong to, but copy gets
//! them wrong; straight marks are resolved by flanking alone. A closing
//! single mark between letters (`don’t`, `Kremlin’s`) or before a digit
//! (`’90s`) is an apostrophe and never a quotation mark.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The glyph of a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Glyph {
    /// “
    LeftDouble,
    /// ”
    RightDouble,
    /// ‘
    LeftSingle,
    /// ’
    RightSingle,
    /// "
    StraightDouble,
    /// '
    StraightSingle,
    /// '' (wire copy's double quotation mark)
    DoubleApostrophe,
    /// `` (wire copy's opening double mark)
    DoubleBacktick,
    /// „
    LowDouble,
    /// ‚
    LowSingle,
    /// «
    LeftGuillemet,
    /// »
    RightGuillemet,
    /// ‹
    LeftSingleGuillemet,
    /// ›
    RightSingleGuillemet,
    /// 「
    LeftCorner,
    /// 」
    RightCorner,
    /// 『
    LeftWhiteCorner,
    /// 』
    RightWhiteCorner,
}

impl Glyph {
    pub fn as_str(self) -> &'static str {
        match self {
            Glyph::LeftDouble => "“",
            Glyph::RightDouble => "”",
            Glyph::LeftSingle => "‘",
            Glyph::RightSingle => "’",
            Glyph::StraightDouble => "\"",
            Glyph::StraightSingle => "'",
            Glyph::DoubleApostrophe => "''",
            Glyph::DoubleBacktick => "``",
            Glyph::LowDouble => "„",
            Glyph::LowSingle => "‚",
            Glyph::LeftGuillemet => "«",
            Glyph::RightGuillemet => "»",
            Glyph::LeftSingleGuillemet => "‹",
            Glyph::RightSingleGuillemet => "›",
            Glyph::LeftCorner => "「",
            Glyph::RightCorner => "」",
            Glyph::LeftWhiteCorner => "『",
            Glyph::RightWhiteCorner => "』",
        }
    }

    /// Double (primary) or single (secondary) family.
    pub fn is_double(self) -> bool {
        !matches!(
            self,
            Glyph::LeftSingle
                | Glyph::RightSingle
                | Glyph::StraightSingle
                | Glyph::LowSingle
                | Glyph::LeftSingleGuillemet
                | Glyph::RightSingleGuillemet
                | Glyph::LeftWhiteCorner
                | Glyph::RightWhiteCorner
        )
    }

    pub fn is_straight(self) -> bool {
        matches!(
            self,
            Glyph::StraightDouble
                | Glyph::StraightSingle
                | Glyph::DoubleApostrophe
                | Glyph::DoubleBacktick
        )
    }

    /// The glyph that closes a quote this glyph opens in its own style.
    pub fn natural_close(self) -> Glyph {
        match self {
            Glyph::LeftDouble => Glyph::RightDouble,
            Glyph::LeftSingle => Glyph::RightSingle,
            Glyph::LowDouble => Glyph::LeftDouble,
            Glyph::LowSingle => Glyph::LeftSingle,
            Glyph::DoubleBacktick => Glyph::DoubleApostrophe,
            Glyph::LeftGuillemet => Glyph::RightGuillemet,
            Glyph::RightGuillemet => Glyph::LeftGuillemet,
            Glyph::LeftSingleGuillemet => Glyph::RightSingleGuillemet,
            Glyph::RightSingleGuillemet => Glyph::LeftSingleGuillemet,
            Glyph::LeftCorner => Glyph::RightCorner,
            Glyph::LeftWhiteCorner => Glyph::RightWhiteCorner,
            other => other,
        }
    }

    /// Whether `close` closes a quote opened by `self` in a style editors
    /// accept (German „…“ and „…” both count).
    pub fn closes_naturally(self, close: Glyph) -> bool {
        close == self.natural_close()
            || matches!(
                (self, close),
                (Glyph::LowDouble, Glyph::RightDouble) | (Glyph::LowSingle, Glyph::RightSingle)
            )
    }
}

/// What a mark does, as far as its position tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Open,
    Close,
    /// Could open or close; the pairing decides.
    Ambiguous,
    /// Not a quotation mark: an apostrophe, a prime, an elision.
    Apostrophe,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub span: Span,
    pub glyph: Glyph,
    pub role: Role,
    /// A curly mark standing on the wrong side ( “ closing, ” opening).
    pub flipped: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    /// Start/end of text, or white space.
    Space,
    /// Opening bracket, dash, slash: a mark after it opens.
    OpenPunct,
    /// Closing punctuation: . , ; : ! ? ) ] …
    ClosePunct,
    Letter,
    Digit,
    /// Another quotation mark.
    Mark,
}

fn side_of(c: Option<char>) -> Side {
    match c {
        None => Side::Space,
        Some(c) if c.is_whitespace() => Side::Space,
        Some('(' | '[' | '{' | '—' | '–' | '/' | '-' | '<' | '>') => Side::OpenPunct,
        Some('.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '…') => Side::ClosePunct,
        Some('"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '`') => {
            Side::Mark
        }
        Some(c) if c.is_numeric() => Side::Digit,
        Some(c) if c.is_alphabetic() => Side::Letter,
        Some(_) => Side::ClosePunct,
    }
}

/// Left-flanking: nothing word-like before, something after.
fn left_flanking(before: Side, after: Side) -> bool {
    matches!(before, Side::Space | Side::OpenPunct) && !matches!(after, Side::Space)
}

/// Right-flanking: something word-like before, nothing after.
fn right_flanking(before: Side, after: Side) -> bool {
    !matches!(before, Side::Space | Side::OpenPunct)
        && matches!(
            after,
            Side::Space | Side::ClosePunct | Side::Mark | Side::OpenPunct
        )
}

/// Bytes that start a mark: `"`, `'`, `` ` ``, and the lead bytes of the
/// multi-byte marks (U+2018–201E, U+2039–203A: E2; «»: C2; 「」『』: E3);
/// and `<`, which may start a tag. ([`Candidates`] searches for them; the
/// test compares it with this table.)
#[cfg(test)]
fn is_candidate(b: u8) -> bool {
    CANDIDATE[b as usize]
}

#[cfg(test)]
static CANDIDATE: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = [b'"', b'\'', b'`', 0xE2, 0xC2, 0xE3, b'<'];
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// The bytes that may start a mark ([`is_candidate`]), found with
/// `memchr`: the common ones (`"`, `'` and `0xE2`, the lead byte of curly
/// marks and dashes) searched from each position asked about, the rare
/// ones kept ahead of it in two pairs (`` ` `` and `<`; `0xC2` and `0xE3`),
/// each searched again only once passed, so that a text without them is
/// searched for them once, and one with many non-breaking spaces (`C2 A0`)
/// is not searched for `<` again at each.
struct Candidates<'a> {
    bytes: &'a [u8],
    /// The first `` ` `` or `<` at or after the last position asked about
    /// (`bytes.len()` for none), or `None` before the first search.
    ticks: Option<usize>,
    /// The same for `0xC2` and `0xE3`.
    leads: Option<usize>,
}

impl<'a> Candidates<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Candidates {
            bytes,
            ticks: None,
            leads: None,
        }
    }

    /// The first candidate at or after `i`; `i` never decreases from one
    /// call to the next.
    fn next(&mut self, i: usize) -> Option<usize> {
        let bytes = self.bytes;
        let rest = bytes.get(i..)?;
        // The first of `a` or `b` at or after `i`, from `cached` when that
        // is still ahead.
        let ahead = |cached: &mut Option<usize>, a: u8, b: u8| match *cached {
            Some(r) if r >= i => r,
            _ => {
                let r = memchr::memchr2(a, b, rest).map_or(bytes.len(), |k| i + k);
                *cached = Some(r);
                r
            }
        };
        let rare = ahead(&mut self.ticks, b'`', b'<').min(ahead(&mut self.leads, 0xC2, 0xE3));
        match memchr::memchr3(b'"', b'\'', 0xE2, &bytes[i..rare]) {
            Some(k) => Some(i + k),
            None => (rare < bytes.len()).then_some(rare),
        }
    }
}

/// The end of an HTML-like tag starting at `i` (`<tweet author="…">`),
/// whose attribute quotes are markup, not quotations. A tag is `<` then a
/// letter or `/`, and a `>` on the same line within 4 KiB.
fn tag_end(bytes: &[u8], i: usize) -> Option<usize> {
    let next = *bytes.get(i + 1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return None;
    }
    let window = &bytes[i + 1..bytes.len().min(i + 4096)];
    let end = memchr::memchr(b'>', window)?;
    if memchr::memchr2(b'\n', b'<', &window[..end]).is_some() {
        return None;
    }
    Some(i + 1 + end + 1)
}

/// Finds and classifies every quotation mark in `text`.
pub fn scan(text: &str) -> Vec<Mark> {
    let bytes = text.as_bytes();
    // About one mark (quotation mark or apostrophe) in 64 bytes of copy:
    // enough room that the vector rarely grows.
    let mut marks = Vec::with_capacity(text.len() / 64 + 4);
    let mut candidates = Candidates::new(bytes);
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the next byte that can start a mark.
        match candidates.next(i) {
            Some(k) => i = k,
            None => break,
        }
        let b = bytes[i];
        let (glyph, len) = match b {
            b'<' => {
                i = tag_end(bytes, i).unwrap_or(i + 1);
                continue;
            }
            b'"' => (Glyph::StraightDouble, 1),
            b'\'' => {
                let run = bytes[i..].iter().take_while(|&&c| c == b'\'').count();
                if run >= 2 {
                    i = lex_apostrophe_run(text, i, run, &mut marks);
                    continue;
                }
                (Glyph::StraightSingle, 1)
            }
            b'`' if bytes.get(i + 1) == Some(&b'`') => (Glyph::DoubleBacktick, 2),
            0xE2 if bytes.get(i + 1) == Some(&0x80) => {
                let g = match bytes.get(i + 2) {
                    Some(0x98) => Glyph::LeftSingle,
                    Some(0x99) => Glyph::RightSingle,
                    Some(0x9A) => Glyph::LowSingle,
                    Some(0x9C) => Glyph::LeftDouble,
                    Some(0x9D) => Glyph::RightDouble,
                    Some(0x9E) => Glyph::LowDouble,
                    Some(0xB9) => Glyph::LeftSingleGuillemet,
                    Some(0xBA) => Glyph::RightSingleGuillemet,
                    _ => {
                        i += 1;
                        continue;
                    }
                };
                (g, 3)
            }
            0xC2 => match bytes.get(i + 1) {
                Some(0xAB) => (Glyph::LeftGuillemet, 2),
                Some(0xBB) => (Glyph::RightGuillemet, 2),
                _ => {
                    i += 1;
                    continue;
                }
            },
            0xE3 if bytes.get(i + 1) == Some(&0x80) => {
                let g = match bytes.get(i + 2) {
                    Some(0x8C) => Glyph::LeftCorner,
                    Some(0x8D) => Glyph::RightCorner,
                    Some(0x8E) => Glyph::LeftWhiteCorner,
                    Some(0x8F) => Glyph::RightWhiteCorner,
                    _ => {
                        i += 1;
                        continue;
                    }
                };
                (g, 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        marks.push(classify(text, i, len, glyph));
        i += len;
    }
    marks
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// [`side_of`] an ASCII character, without decoding or a Unicode table.
fn ascii_side(b: u8) -> Side {
    match b {
        b' ' | b'\t'..=b'\r' => Side::Space,
        b'(' | b'[' | b'{' | b'/' | b'-' | b'<' | b'>' => Side::OpenPunct,
        b'"' | b'\'' | b'`' => Side::Mark,
        b'0'..=b'9' => Side::Digit,
        b'a'..=b'z' | b'A'..=b'Z' => Side::Letter,
        _ => Side::ClosePunct,
    }
}

/// [`side_of`] the character before `at`: an ASCII byte is read as it is,
/// anything else decoded.
#[inline]
fn side_before(text: &str, at: usize) -> Side {
    match text.as_bytes()[..at].last() {
        Some(&b) if b.is_ascii() => ascii_side(b),
        _ => side_of(prev_char(text, at)),
    }
}

/// [`side_of`] the character at `at`, like [`side_before`].
#[inline]
fn side_after(text: &str, at: usize) -> Side {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => ascii_side(b),
        _ => side_of(next_char(text, at)),
    }
}

/// Two or more apostrophes in a row: wire copy's `''` double mark, and
/// `'''` where a single and a double mark meet.
fn lex_apostrophe_run(text: &str, start: usize, run: usize, marks: &mut Vec<Mark>) -> usize {
    let before = side_before(text, start);
    let after = side_after(text, start + run);
    let opening = left_flanking(before, after) || (before == Side::Mark && after != Side::Space);
    let closing = right_flanking(before, after);
    let role = if opening {
        Role::Open
    } else if closing {
        Role::Close
    } else {
        Role::Ambiguous
    };
    // Split the run into marks: the double comes outermost, so it is first
    // when opening and last when closing (a lone single goes inside).
    let single_first = run % 2 == 1 && role == Role::Close;
    let single_last = run % 2 == 1 && role != Role::Close;
    let mut at = start;
    let mut push = |glyph: Glyph, len: usize| {
        marks.push(Mark {
            span: Span::new(at, at + len),
            glyph,
            role,
            flipped: false,
        });
        at += len;
    };
    if single_first {
        push(Glyph::StraightSingle, 1);
    }
    for _ in 0..run / 2 {
        push(Glyph::DoubleApostrophe, 2);
    }
    if single_last {
        push(Glyph::StraightSingle, 1);
    }
    start + run
}

fn classify(text: &str, at: usize, len: usize, glyph: Glyph) -> Mark {
    let before = side_before(text, at);
    let after = side_after(text, at + len);
    let lf = left_flanking(before, after);
    let rf = right_flanking(before, after);
    let mut flipped = false;
    let role = match glyph {
        Glyph::LeftDouble | Glyph::LowDouble | Glyph::LeftCorner | Glyph::LeftWhiteCorner => {
            if rf && !lf && glyph == Glyph::LeftDouble {
                // “ after a word and before a space: German close, or a
                // flipped English close.
                flipped = true;
                Role::Ambiguous
            } else {
                Role::Open
            }
        }
        Glyph::RightDouble | Glyph::RightCorner | Glyph::RightWhiteCorner => {
            // At the start of a line (`” … what I learned`) a ” can only be
            // an opening mark typed the wrong way round.
            let line_start = at == 0 || text[..at].ends_with(['\n', '\r']);
            if glyph == Glyph::RightDouble && (lf && !rf || line_start) {
                flipped = true;
                Role::Ambiguous
            } else {
                Role::Close
            }
        }
        Glyph::LeftGuillemet | Glyph::LeftSingleGuillemet => {
            if rf && !lf {
                Role::Ambiguous
            } else {
                Role::Open
            }
        }
        Glyph::RightGuillemet | Glyph::RightSingleGuillemet => {
            if lf && !rf {
                Role::Ambiguous
            } else {
                Role::Close
            }
        }
        Glyph::LeftSingle | Glyph::LowSingle => {
            if after == Side::Digit || after == Side::Space {
                // ‘90s typed with the wrong apostrophe; a lone mark.
                Role::Apostrophe
            } else if rf && !lf {
                flipped = true;
                Role::Ambiguous
            } else {
                Role::Open
            }
        }
        Glyph::RightSingle | Glyph::StraightSingle => {
            let between_letters = matches!(before, Side::Letter | Side::Digit)
                && matches!(after, Side::Letter | Side::Digit);
            let second_of_n = before == Side::Letter && text[..at].ends_with(['n', 'N']) && {
                let b = &text[..at - 1];
                b.ends_with('’') || b.ends_with('\'')
            };
            // don’t, Kremlin’s, 5'10; the second mark of rock ’n’ roll;
            // ’90s, ’em.
            if between_letters || second_of_n || (glyph == Glyph::RightSingle && lf) {
                Role::Apostrophe
            } else if glyph == Glyph::StraightSingle && lf {
                if after == Side::Digit || is_elision(text, at + len) {
                    Role::Apostrophe
                } else {
                    Role::Open
                }
            } else if rf {
                if before == Side::Digit {
                    Role::Apostrophe // a prime: 6'
                } else {
                    Role::Close // may still be a plural possessive; pairing decides
                }
            } else {
                Role::Apostrophe
            }
        }
        Glyph::StraightDouble | Glyph::DoubleApostrophe => {
            if lf && !rf {
                Role::Open
            } else if rf && !lf {
                if before == Side::Digit && glyph == Glyph::StraightDouble {
                    Role::Apostrophe // inches: 5'10"
                } else {
                    Role::Close
                }
            } else {
                Role::Ambiguous
            }
        }
        Glyph::DoubleBacktick => Role::Open,
    };
    Mark {
        span: Span::new(at, at + len),
        glyph,
        role,
        flipped,
    }
}

/// Common elisions written with a leading apostrophe: 'em, 'n', 'til, 'cause.
fn is_elision(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        word.as_str(),
        "em" | "til" | "tis" | "twas" | "cause" | "bout" | "n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_agree_with_a_byte_scan() {
        let text = "He said: “It’s fine,” and 'no' -- `code` <b>x</b> « ok » 「x」 café \
                    0123456789abcdefghij!\"\u{7f}\u{80}~\x01\x21\x26\x28\x5f\x61";
        let bytes = text.as_bytes();
        let mut all: Vec<u8> = bytes.to_vec();
        // Each byte value, alone among neutral bytes, at each offset of a word.
        for b in 0..=255u8 {
            for at in 0..9 {
                let mut v = vec![b'a'; 20];
                v[at] = b;
                all.extend(&v);
            }
        }
        // From every position in turn, and in strides that jump over
        // candidates.
        for stride in [1, 7] {
            let mut candidates = Candidates::new(&all);
            for i in (0..=all.len()).step_by(stride) {
                let want = all[i..]
                    .iter()
                    .position(|&b| is_candidate(b))
                    .map(|k| i + k);
                assert_eq!(candidates.next(i), want, "from {i}");
            }
        }
    }

    #[test]
    fn ascii_sides_agree_with_side_of() {
        for b in 0..0x80u8 {
            assert_eq!(ascii_side(b), side_of(Some(char::from(b))), "{b:#x}");
        }
    }

    fn roles(text: &str) -> Vec<(String, Role)> {
        scan(text)
            .into_iter()
            .map(|m| (m.span.slice(text).to_string(), m.role))
            .collect()
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        for text in [
            "the Kremlin’s press service",
            "the latter’s visit",
            "don’t",
            "the ’90s",
            "rock ’n’ roll",
            "don't",
            "the '90s",
            "rock 'n' roll",
            "give 'em hell",
            "O’Brien",
        ] {
            assert!(
                roles(text).iter().all(|(_, r)| *r == Role::Apostrophe),
                "{text}: {:?}",
                roles(text)
            );
        }
    }

    #[test]
    fn curly_and_straight_marks_by_position() {
        assert_eq!(
            roles("“Yes,” he said. \"No,\" she said."),
            vec![
                ("“".into(), Role::Open),
                ("”".into(), Role::Close),
                ("\"".into(), Role::Open),
                ("\"".into(), Role::Close)
            ]
        );
    }

    #[test]
    fn wire_double_apostrophes() {
        let text = "''We won't,'' he said. ''She said 'no''' and ``left.''";
        let r = roles(text);
        let glyphs: Vec<&str> = r.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            glyphs,
            vec!["''", "'", "''", "''", "'", "'", "''", "``", "''"]
        );
        assert_eq!(r[1].1, Role::Apostrophe); // won't
        assert_eq!(r[5].1, Role::Close); // the single closes first
        assert_eq!(r[6].1, Role::Close);
    }

    #[test]
    fn quotes_inside_markup_tags_are_skipped() {
        assert_eq!(
            roles("<tweet author=\"@x\">“Hi,” she wrote</tweet> 3 < 4 \"ok\""),
            vec![
                ("“".into(), Role::Open),
                ("”".into(), Role::Close),
                ("\"".into(), Role::Open),
                ("\"".into(), Role::Close),
            ]
        );
    }

    #[test]
    fn flipped_marks_are_flagged() {
        let m = scan("“Stop it“, he said.");
        assert!(m[1].flipped);
        assert_eq!(m[1].role, Role::Ambiguous);
    }

    #[test]
    fn other_languages_marks() {
        let r = roles("« Non », „Ja“, 「はい」");
        let kinds: Vec<Role> = r.iter().map(|(_, r)| *r).collect();
        assert_eq!(kinds[0], Role::Open);
        // French spacing makes » ambiguous by position; pairing closes it.
        assert_eq!(kinds[1], Role::Ambiguous);
        assert_eq!(kinds[2], Role::Open);
        assert_eq!(kinds[4], Role::Open);
        assert_eq!(kinds[5], Role::Close);
    }
}
