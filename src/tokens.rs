//! A small word tokenizer for the cue and speaker stages.
//!
//! Words are runs of letters and digits joined by inner apostrophes,
//! hyphens and periods (`don’t`, `Pezeshkian’s`, `U.S.`), plus a final
//! period when the word is a known abbreviation or an initial (`Mr.`,
//! `J.`). Everything else that is not white space is a one-character
//! punctuation token.

use crate::lang::LangRules;
use crate::span::Span;
use crate::wordclass;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub span: Span,
    /// The token's text, `span` of the text it was tokenized from: a slice
    /// made once, by the tokenizer, so that [`Token::text`] and
    /// [`Token::lower`] (called for most tokens, many times) check no
    /// character boundaries.
    s: &'a str,
    /// The text's ASCII lower case, when the token was tokenized with it
    /// ([`tokenize_lowered_into`]): an ASCII token's lower case is its
    /// span of it. (A thin reference: the token stays small.)
    low: Option<&'a String>,
    pub word: bool,
    /// [`is_capitalized`] of the token's text, found by the tokenizer.
    cap: bool,
    /// The text is ASCII with no capital: its own lower case.
    plain: bool,
    /// The text is ASCII.
    ascii: bool,
    /// A word that may start a cue: `LangRules::cue_starts` lets it
    /// through (for a word that is not ASCII, `may_contain_wide`); never
    /// punctuation.
    cue: bool,
    /// The [`wordclass`] lists the token's lower case
    /// may be in (every list, for a token that is not ASCII).
    maybe: u16,
}

impl<'a> Token<'a> {
    /// The token's text; `text` is the text it was tokenized from (the
    /// token keeps its own slice of it).
    #[inline(always)]
    pub fn text<'t>(self, text: &'t str) -> &'t str
    where
        'a: 't,
    {
        debug_assert_eq!(self.s, self.span.slice(text));
        self.s
    }

    /// The bytes of the token's text (`text` is the text it was tokenized
    /// from): [`Token::text`] without the checks that its ends are
    /// character boundaries.
    #[inline(always)]
    pub fn bytes<'t>(self, text: &'t str) -> &'t [u8]
    where
        'a: 't,
    {
        self.text(text).as_bytes()
    }

    /// [`is_capitalized`] of the token's text (`text` is the text it was
    /// tokenized from), as the tokenizer found it.
    #[inline]
    pub fn is_capitalized(self, _text: &str) -> bool {
        self.cap
    }

    /// [`lower`](crate::lower::lower) of the token's text, with no look at
    /// the text when the tokenizer found it ASCII lower case.
    /// (An ASCII token tokenized with the lower-cased text borrows its
    /// lower case from there: no copy, nothing to compute.)
    #[inline(always)]
    pub fn lower<'t>(self, text: &'t str) -> crate::lower::Lower<'t>
    where
        'a: 't,
    {
        if self.plain {
            crate::lower::Lower::Borrowed(self.text(text))
        } else if self.ascii
            && let Some(low) = self.low
        {
            crate::lower::Lower::Borrowed(self.span.slice(low))
        } else {
            // Not plain: not ASCII, or ASCII with a capital.
            crate::lower::lower_cased(self.text(text), self.ascii)
        }
    }

    /// Whether the token's text is the one ASCII byte `b` (`t.text(text)
    /// == ":"`, without slicing the text or comparing strings).
    #[inline]
    pub fn is_byte(self, text: &str, b: u8) -> bool {
        debug_assert_eq!(self.s, self.span.slice(text));
        self.s.as_bytes() == [b]
    }

    /// Whether the token's text is ASCII.
    #[inline]
    pub fn is_ascii(self) -> bool {
        self.ascii
    }

    /// The ASCII lower case of all of the text the token was tokenized
    /// from, when it was tokenized with it ([`tokenize_lowered_into`]): an
    /// ASCII span of the text has its lower case at the same offsets.
    #[inline]
    pub fn lowered_text(self) -> Option<&'a str> {
        self.low.map(String::as_str)
    }

    /// Whether the token is a word that may start a cue: one
    /// [`WordFilter::may_contain_ascii`](crate::lang::WordFilter::may_contain_ascii)
    /// (or, not ASCII, [`WordFilter::may_contain_wide`](crate::lang::WordFilter::may_contain_wide))
    /// lets through (`LangRules::cue_starts`).
    #[inline]
    pub fn may_start_cue(self) -> bool {
        self.cue
    }

    /// The [`wordclass`] lists the token's lower case may be in, as the
    /// tokenizer found them: a list whose bit is clear does not hold it.
    #[inline(always)]
    pub fn maybe_classes(self) -> u16 {
        self.maybe
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '‑')
}

/// Tokens of `span`.
pub fn tokenize<'t>(text: &'t str, span: Span, rules: &LangRules) -> Vec<Token<'t>> {
    let mut out = Vec::with_capacity(span.len() / 5 + 4);
    tokenize_into(text, span, rules, &mut out);
    out
}

/// The Unicode General Punctuation block (`’`, `“`, `—`, `…`).
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// `c.is_alphanumeric()`, without the Unicode tables for ASCII and for
/// curly quotes and dashes.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if GENERAL_PUNCTUATION.contains(&c) {
        // Curly quotes and dashes: no letter or digit in the block (tested).
        false
    } else {
        c.is_alphanumeric()
    }
}

/// Byte classes for the ASCII fast path of [`tokenize_into`].
/// (Bit 0 marks a letter or digit, bit 1 a capital among them.)
const SPACE: u8 = 0;
/// A lowercase letter or a digit.
const ALNUM: u8 = 1;
/// A capital letter.
const UPPER: u8 = 3;
const PUNCT: u8 = 2;
/// An ASCII joiner (`'`, `-`, `.`, `&`): punctuation that may join two
/// word parts.
const JOIN: u8 = 4;
/// A byte of a multi-byte character.
const WIDE: u8 = 6;
/// In the flags [`word_end`] returns: the word has a non-ASCII character.
const HAS_WIDE: u8 = 8;
/// In a class, or in flags or-ed from classes: the bit of a capital.
const CAPITAL: u8 = UPPER & !ALNUM;

/// The class of every byte: ASCII as `char::is_whitespace`,
/// [`is_alnum`] and [`is_joiner`] tell (tested), non-ASCII `WIDE`.
static CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => SPACE,
            b'0'..=b'9' | b'a'..=b'z' => ALNUM,
            b'A'..=b'Z' => UPPER,
            b'\'' | b'-' | b'.' | b'&' => JOIN,
            _ => PUNCT,
        };
        b += 1;
    }
    t
};

/// Whether the character at byte `i` of `s` (a char boundary, or the end)
/// is a letter or digit.
#[inline]
fn alnum_at(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        None => false,
        Some(&b) if b < 0x80 => CLASS[b as usize] & 1 != 0,
        Some(_) => s[i..].chars().next().is_some_and(is_alnum),
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// For the eight bytes of `w`: the high bit of each byte that is an ASCII
/// letter or digit, and of each that is an ASCII capital. Each range test
/// adds to the byte's low seven bits a constant that carries into its high
/// bit exactly at the range's bound (no sum leaves its byte); a byte of
/// the high half is neither.
#[inline(always)]
pub(crate) fn alnum_and_upper(w: u64) -> (u64, u64) {
    let ascii = !w & HIGH;
    let y = w & !HIGH;
    // The high bit where the byte is at least `lo`, and where at most `hi`.
    let at_least = |y: u64, lo: u8| y.wrapping_add(ONES * u64::from(0x80 - lo)) & HIGH;
    let at_most = |y: u64, hi: u8| !y.wrapping_add(ONES * u64::from(0x7F - hi)) & HIGH;
    let digit = at_least(y, b'0') & at_most(y, b'9');
    let folded = y | (ONES * 0x20);
    let letter = at_least(folded, b'a') & at_most(folded, b'z');
    // A letter is a capital when its case bit (`0x20`) is clear: that bit
    // shifted onto the byte's high bit, with no third range test.
    let upper = letter & !(w << 2);
    ((digit | letter) & ascii, upper & ascii)
}

/// The eight bytes of `text` from `at`, little-endian, where the span
/// being tokenized has only `avail` (one to seven) bytes left: those past
/// it are zero. (Zero is no letter or digit, and as punctuation it ends a
/// word as the span's end does.) Out of line: it runs near the end of a
/// span only.
#[inline(never)]
fn eight_at(text: &[u8], at: usize, avail: usize) -> u64 {
    debug_assert!((1..8).contains(&avail));
    let w = match text.get(at..at + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
        // The text's last few bytes.
        None => {
            let mut buf = [0; 8];
            let rest = &text[at..];
            buf[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(buf)
        }
    };
    w & (u64::MAX >> (64 - 8 * avail))
}

/// The end of the run of ASCII letters and digits from byte `from`, and the
/// classes it passed, or-ed together; eight bytes at a time, so that a
/// word's end is found without a branch on each of its bytes.
#[inline(always)]
fn ascii_run(bytes: &[u8], from: usize) -> (usize, u8) {
    let mut end = from;
    let mut seen = 0;
    while let Some(chunk) = bytes.get(end..end + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let (alnum, upper) = alnum_and_upper(w);
        let stop = !alnum & HIGH;
        // The bytes before the first that is no letter or digit.
        let run = stop.trailing_zeros() as usize / 8;
        // The bits up to the first stop's (all of them when there is
        // none); no capital is at the stop, which is no letter.
        let within = stop ^ stop.wrapping_sub(1);
        if run > 0 {
            seen |= ALNUM;
        }
        if upper & within != 0 {
            seen |= UPPER;
        }
        end += run;
        if run < 8 {
            return (end, seen);
        }
    }
    for &b in &bytes[end..] {
        let class = CLASS[b as usize];
        if class & 1 == 0 {
            break;
        }
        seen |= class;
        end += 1;
    }
    (end, seen)
}

/// The end of the word whose first character ends at byte `end`: letters
/// and digits, and joiners between them; and flags of what it passed:
/// `UPPER`'s bit for an ASCII capital, `HAS_WIDE` for a non-ASCII
/// character.
#[inline(always)]
fn word_end(s: &str, mut end: usize) -> (usize, u8) {
    let bytes = s.as_bytes();
    let mut seen = 0;
    loop {
        // Most of a word is ASCII letters and digits.
        let (run_end, run_seen) = ascii_run(bytes, end);
        end = run_end;
        seen |= run_seen;
        let Some(&b) = bytes.get(end) else {
            return (end, seen);
        };
        match CLASS[b as usize] {
            JOIN if alnum_at(s, end + 1) => end += 1,
            WIDE => {
                let c = s[end..].chars().next().unwrap_or(' ');
                if is_alnum(c) || (is_joiner(c) && alnum_at(s, end + c.len_utf8())) {
                    end += c.len_utf8();
                    seen |= HAS_WIDE;
                } else {
                    return (end, seen);
                }
            }
            _ => return (end, seen),
        }
    }
}

/// For a word from `start` (its first byte ASCII, a capital when `cap`)
/// whose letters and digits run to `end`, where a joiner or a character
/// outside ASCII follows: its end with what may join or follow it
/// ([`word_end`], [`word_suffix`]), the flags `word_end` gives and those
/// `word_suffix` gives. Out of line: about one word in ten goes on past
/// its first run, and the tokenizer's loop keeps more in registers
/// without this code in it.
#[inline(never)]
fn word_rest(s: &str, rules: &LangRules, start: usize, end: usize, cap: bool) -> (usize, u8, u8) {
    let (end, more) = word_end(s, end);
    let (end, wide) = word_suffix(s, rules, start, end, cap, 1);
    (end, more, wide)
}

/// Appends the tokens of `span` to `out`.
pub fn tokenize_into<'t>(text: &'t str, span: Span, rules: &LangRules, out: &mut Vec<Token<'t>>) {
    tokenize_with(text, None, span, 0, usize::MAX, rules, out);
}

/// Appends the tokens of `span` that start from byte `from` of it (an
/// offset from its start: 0, or where an earlier call stopped) and before
/// byte `stop`, and returns the offset after the last one (at or past
/// `stop`, or the span's length). A token may end past `stop`, and every
/// token is the one [`tokenize_into`] gives for the whole span: called
/// again from the offset returned, for as long as the caller wants more,
/// it appends the span's tokens a part at a time.
pub fn tokenize_part<'t>(
    text: &'t str,
    span: Span,
    from: usize,
    stop: usize,
    rules: &LangRules,
    out: &mut Vec<Token<'t>>,
) -> usize {
    tokenize_with(text, None, span, from, stop, rules, out)
}

/// [`tokenize_into`], with `lowered` the text's ASCII lower case
/// (`str::to_ascii_lowercase`, byte for byte at the same offsets): an
/// ASCII word keeps a slice of it as its [`Token::lower`].
pub fn tokenize_lowered_into<'a>(
    text: &'a str,
    lowered: &'a String,
    span: Span,
    rules: &LangRules,
    out: &mut Vec<Token<'a>>,
) {
    debug_assert_eq!(text.len(), lowered.len());
    tokenize_with(text, Some(lowered), span, 0, usize::MAX, rules, out);
}

/// The tokens of `span` from offset `from` that start before offset
/// `stop` ([`tokenize_part`]; the whole span from `0` to `usize::MAX`),
/// and the offset where they end.
#[inline(always)]
fn tokenize_with<'a>(
    text: &'a str,
    lowered: Option<&'a String>,
    span: Span,
    from: usize,
    stop: usize,
    rules: &LangRules,
    out: &mut Vec<Token<'a>>,
) -> usize {
    let s = span.slice(text);
    let bytes = s.as_bytes();
    let base = span.start as usize;
    // Where tokens may start: the whole span for the whole span's tokens
    // (`stop` then folds away), while what a token is and where it ends
    // is read from `bytes`, all of the span, as in one call for all of it.
    let starts = &bytes[..stop.min(bytes.len())];
    let mut i = from;
    while let Some(&b) = starts.get(i) {
        let class = CLASS[b as usize];
        // A word that starts with an ASCII letter or digit: most tokens.
        // (`b` is tested as ASCII too, which the class implies, so that the
        // compiler knows the word's start is a character boundary and
        // slices its text without testing that.)
        if b.is_ascii() && class & 1 != 0 {
            // The word's first eight bytes (zero past the span), classified
            // at once: most words end within them, at their first byte that
            // is no letter or digit.
            let w = match bytes.get(i..i + 8) {
                Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
                None => eight_at(text.as_bytes(), base + i, bytes.len() - i),
            };
            let (alnum, upper) = alnum_and_upper(w);
            // (The first byte's flags are the low byte's: the class found
            // above is no longer needed, and no register keeps it.)
            let cap = upper & 0x80 != 0;
            let stops = !alnum & HIGH;
            // The end of the letters and digits, whether they hold a
            // capital, the class of the byte at the end: punctuation at the
            // end of the span (a zero byte of `w`, or by `map_or`); and the
            // bytes of `w` up to the end (all eight of a longer run), which
            // the filters below hash.
            let (mut end, mut capital, stop, mut first) = if stops != 0 {
                // The high bit of the first stop: its byte's bits end there.
                let at = stops.trailing_zeros();
                // The bits up to that one: no capital is at the stop, which
                // is no letter. (Without the stop's byte, they keep the
                // bytes before it: one shift, not a mask from the length.)
                let within = stops ^ stops.wrapping_sub(1);
                (
                    i + at as usize / 8,
                    upper & within != 0,
                    CLASS[usize::from((w >> (at - 7)) as u8)],
                    w & (within >> 8),
                )
            } else {
                let (end, seen) = ascii_run(bytes, i + 8);
                (
                    end,
                    seen & CAPITAL != 0 || upper != 0,
                    bytes.get(end).map_or(PUNCT, |&b| CLASS[b as usize]),
                    w,
                )
            };
            // The first eight bytes of a word that goes on past the stop:
            // its first `n` (all eight when it is longer), the rest masked
            // off.
            let first_of = |n: usize| w & (u64::MAX >> (64 - 8 * n.min(8)));
            // Most words end at a space or at punctuation that is no joiner
            // (`,`): nothing can join or follow them. Otherwise the word
            // goes on as `word_end` and `word_suffix` decide.
            // `skip`: one white-space byte right after the word (most words
            // are followed by one), passed here rather than by another turn
            // of the loop.
            let mut skip = 0;
            // Whether the word is ASCII: a run of ASCII letters and digits
            // is, with or without an abbreviation's period; only what
            // `word_rest` adds may not be. (Set in the branches, so that
            // the common words pass the test below with none.)
            let mut ascii = true;
            if stop == SPACE || stop == PUNCT {
                skip = usize::from(stop == SPACE);
            } else if bytes[end] == b'.' && !alnum_at(s, end + 1) {
                // A period that joins nothing (most end a sentence): what
                // `word_rest` decides, for a word of letters and digits
                // alone — nothing joins it, no possessive apostrophe
                // follows, and it has no period of its own.
                if cap && end - i == 1 || rules.is_ascii_abbreviation(&s[i..end + 1]) {
                    end += 1;
                    first = first_of(end - i);
                }
            } else {
                let (e, more, wide) = word_rest(s, rules, i, end, cap);
                end = e;
                capital |= more & CAPITAL != 0;
                ascii = (more | wide) & HAS_WIDE == 0;
                first = first_of(end - i);
            }
            // (`capital` has the first byte's: `upper` covers it.)
            let plain = ascii && !capital;
            // One hash of the word for the cue filter and the word-class
            // filter, from the bytes read above: the word's first eight
            // (all of them, the rest masked off, when it is shorter).
            let (cue, maybe) = if ascii {
                let h = crate::lang::WordFilter::hash_eight(first, end - i);
                (
                    rules.cue_starts.first_bit(h)
                        && rules.cue_starts.may_contain_ascii_hashed(&bytes[i..end], h),
                    wordclass::maybe_classes_hashed(h),
                )
            } else {
                (
                    rules.cue_starts.may_contain_wide(&s[i..end]),
                    wordclass::ALL,
                )
            };
            out.push(Token {
                span: Span::new(base + i, base + end),
                s: &s[i..end],
                low: lowered,
                word: true,
                cap,
                plain,
                ascii,
                cue,
                maybe,
            });
            i = end + skip;
            continue;
        }
        match class {
            SPACE => {
                i += 1;
                continue;
            }
            // (ASCII, as the class implies, tested so that the compiler
            // knows the byte after it starts a character: its one-byte text
            // is sliced with no test.)
            PUNCT | JOIN if b.is_ascii() => {
                out.push(Token {
                    span: Span::new(base + i, base + i + 1),
                    s: &s[i..i + 1],
                    low: None,
                    word: false,
                    cap: false,
                    plain: true,
                    ascii: true,
                    cue: false,
                    maybe: wordclass::BYTE_MAYBE[b as usize],
                });
                i += 1;
                continue;
            }
            _ => {}
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if !is_alnum(c) {
            out.push(Token {
                span: Span::new(base + i, base + i + c.len_utf8()),
                s: &s[i..i + c.len_utf8()],
                low: None,
                word: false,
                cap: c.is_uppercase(),
                plain: false,
                ascii: false,
                cue: false,
                maybe: wordclass::ALL,
            });
            i += c.len_utf8();
            continue;
        }
        let (end, _) = word_end(s, i + c.len_utf8());
        let cap = c.is_uppercase();
        let (end, _) = word_suffix(s, rules, i, end, cap, c.len_utf8());
        out.push(Token {
            span: Span::new(base + i, base + end),
            s: &s[i..end],
            low: None,
            word: true,
            cap,
            plain: false,
            ascii: false,
            cue: rules.cue_starts.may_contain_wide(&s[i..end]),
            maybe: wordclass::ALL,
        });
        i = end;
    }
    i
}

/// The end of the word `s[start..end]` with what may follow it: the
/// apostrophe of a plural possessive, the period of an abbreviation or
/// an initial (`cap`: the first character, `first_len` bytes long, is a
/// capital); and `HAS_WIDE` when an added apostrophe is not ASCII.
#[inline(always)]
fn word_suffix(
    s: &str,
    rules: &LangRules,
    start: usize,
    mut end: usize,
    cap: bool,
    first_len: usize,
) -> (usize, u8) {
    let bytes = s.as_bytes();
    let mut seen = 0;
    match bytes.get(end) {
        // A plural possessive keeps its apostrophe: `the officials’ plan`.
        Some(b'\'' | 0xE2) if bytes[end - 1] == b's' => {
            let rest = &s[end..];
            let mut cs = rest.chars();
            if let (Some(a @ ('’' | '\'')), Some(sp), Some(n)) = (cs.next(), cs.next(), cs.next())
                && sp == ' '
                && n.is_lowercase()
            {
                end += a.len_utf8();
                if !a.is_ascii() {
                    seen |= HAS_WIDE;
                }
            }
        }
        _ => {}
    }
    // A final period belongs to abbreviations and initials.
    if bytes.get(end) == Some(&b'.') {
        let with = &s[start..end + 1];
        // (`with` ends in a period: it has two when the word has one.)
        if (cap && end - start == first_len)
            || rules.is_abbreviation(with)
            || bytes[start..end].contains(&b'.')
        {
            end += 1;
        }
    }
    (end, seen)
}

/// `s.split_whitespace().take(n).count()`, on the bytes: a character is
/// decoded only at a lead byte that white space outside ASCII starts with
/// (`C2` for U+0085 and U+00A0, `E1` for U+1680, `E2` for U+2000–U+205F,
/// `E3` for U+3000).
pub(crate) fn words_upto(s: &str, n: usize) -> usize {
    let b = s.as_bytes();
    let (mut count, mut in_word, mut i) = (0, false, 0);
    while i < b.len() && count < n {
        // Eight ASCII bytes at a time: a word starts at each byte that is
        // no white space after one that is (or, for the first, after the
        // white space before them). (The count may pass `n` here: the
        // words are counted up to `n` below.)
        if let Some(chunk) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if w & HIGH == 0 {
                let word = !ascii_space(w) & HIGH;
                let before = word << 8 | if in_word { 0x80 } else { 0 };
                count += (word & !before).count_ones() as usize;
                in_word = word >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let (space, len) = match b[i] {
            b' ' | b'\t'..=b'\r' => (true, 1),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = s[i..].chars().next().unwrap_or('x');
                (c.is_whitespace(), c.len_utf8())
            }
            // Any other byte: no white space starts there (a continuation
            // byte is passed one at a time).
            _ => (false, 1),
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            count += 1;
        }
        i += len;
    }
    count.min(n)
}

/// For the eight ASCII bytes of `w`: the high bit of each that is white
/// space (`' '`, or `'\t'` to `'\r'`). (No sum below carries out of its
/// byte, whose high bit is clear.)
#[inline]
fn ascii_space(w: u64) -> u64 {
    debug_assert_eq!(w & HIGH, 0);
    // A space: a zero byte of `w ^ '  …'`, whose sum with `7F` has no high bit.
    let blank = !(w ^ (ONES * 0x20)).wrapping_add(ONES * 0x7F) & HIGH;
    let at_least_tab = w.wrapping_add(ONES * (0x80 - 0x09)) & HIGH;
    let at_most_cr = !w.wrapping_add(ONES * (0x7F - 0x0D)) & HIGH;
    blank | at_least_tab & at_most_cr
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
#[inline]
pub fn strip_possessive(word: &str) -> &str {
    // Each suffix ends in `s`, `'` or the last byte of `’`: any other last
    // byte keeps the word as it is, with no suffix compared.
    if !matches!(word.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return word;
    }
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
    fn words_upto_counts_as_split_whitespace_does() {
        let texts = [
            "",
            "   ",
            "one",
            " one two  three\tfour\nfive six seven ",
            "— “Yes,” he said , . ! x",
            "a\u{a0}b\u{2003}c\u{3000}d\u{85}e f\u{200b}g\u{1680}h\u{2028}i\u{205f}j",
            "é ü 東京 ’s ’ … ①½ straße\u{202f}x",
            "x\x1Fy z\u{2060}w",
            "x\x0Bvertical\x0Cfeed\rcarriage  words and   more words here, to count past twelve",
            "abcdefgh ijklmnop\tqrstuvwx\u{a0}yz0123456789  a b c d e f g h i j k l\u{3000}m",
        ];
        for t in texts {
            for n in 0..12 {
                assert_eq!(
                    words_upto(t, n),
                    t.split_whitespace().take(n).count(),
                    "{t:?} {n}"
                );
            }
        }
    }

    #[test]
    fn tokenize_part_gives_the_span_tokens_a_part_at_a_time() {
        let rules = LangRules::builtin("en").unwrap();
        let text = "“Yes,” said Mr. J. Doe of the U.S. Kremlin’s well-known press. The officials’ \
                    plan, co‑operate a-b-c x.. AT&T Ünal’s café 東京 — dash… Internationally said.";
        for span in [Span::new(0, text.len()), Span::new(3, text.len() - 2)] {
            let whole = tokenize(text, span, &rules);
            for part in 1..=20 {
                let (mut toks, mut at) = (Vec::new(), 0);
                while at < span.len() {
                    at = tokenize_part(text, span, at, at + part, &rules, &mut toks);
                }
                assert_eq!(toks, whole, "{part}");
            }
        }
    }

    #[test]
    fn ascii_space_agrees_with_the_byte_test() {
        for b in 0..128u8 {
            for at in 0..8 {
                for fill in [b'm', b' ', b'\t', 0x7F] {
                    let mut v = [fill; 8];
                    v[at] = b;
                    let space = ascii_space(u64::from_le_bytes(v));
                    for (k, &x) in v.iter().enumerate() {
                        let bit = 0x80u64 << (8 * k);
                        assert_eq!(space & bit != 0, (x as char).is_whitespace(), "{v:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn general_punctuation_has_no_letters_or_digits() {
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric());
        }
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

    /// The tokenizer before the byte-class fast path, character by character.
    fn tokenize_reference<'t>(
        text: &'t str,
        span: Span,
        rules: &LangRules,
        out: &mut Vec<Token<'t>>,
    ) {
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
                let t = &s[i..i + c.len_utf8()];
                out.push(Token {
                    span: Span::new(base + i, base + i + c.len_utf8()),
                    s: t,
                    low: None,
                    word: false,
                    cap: is_capitalized(&s[i..]),
                    plain: matches!(crate::lower::lower(t), crate::lower::Lower::Borrowed(_))
                        && t.is_ascii(),
                    ascii: t.is_ascii(),
                    cue: false,
                    maybe: if t.is_ascii() {
                        wordclass::maybe_classes(t.as_bytes())
                    } else {
                        wordclass::ALL
                    },
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
                if let (Some(a @ ('’' | '\'')), Some(sp), Some(n)) =
                    (cs.next(), cs.next(), cs.next())
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
                if single_cap
                    || rules.abbreviations.contains(with)
                    || with.matches('.').count() >= 2
                {
                    end += 1;
                }
            }
            let t = &s[i..end];
            out.push(Token {
                span: Span::new(base + i, base + end),
                s: t,
                low: None,
                word: true,
                cap: is_capitalized(t),
                plain: matches!(crate::lower::lower(t), crate::lower::Lower::Borrowed(_))
                    && t.is_ascii(),
                ascii: t.is_ascii(),
                cue: if t.is_ascii() {
                    rules.cue_starts.may_contain(t)
                } else {
                    rules.cue_starts.may_contain_wide(t)
                },
                maybe: if t.is_ascii() {
                    wordclass::maybe_classes(t.as_bytes())
                } else {
                    wordclass::ALL
                },
            });
            i = end;
        }
    }

    #[test]
    fn fast_path_agrees_with_the_reference() {
        let rules = LangRules::builtin("en").unwrap();
        let texts = [
            "“Yes,” said Mr. J. Doe of the U.S. Kremlin’s well-known press.",
            "the officials’ plan, the officials' plan, the boss’ Plan; rock ’n’ roll ’90s",
            "co‑operate a-b-c -x x- x--y x.y. x.. & AT&T R&D don’t it's 'tis",
            "\tTabs\u{0B}and\u{0C}feeds\r\n\u{a0}nbsp\u{2003}em space\u{3000}ideo",
            "Ünal İstanbul straße ΣΟΦΊΑ Café’s naïve 東京 «quoted» — dash… 3½ ①",
            "Gov. Sen. Dr. St. Jan. 17, 2024: U.N.-backed e.g. i.e. a.m. No. 10 A.",
            "x’ y’ z’s ’s s’ s’  s' a s'\u{a0}b s’é",
            "Internationally, extraordinarily long words said. Abcdefgh. ABCDEFGHI Sen.\0x a1234567.b",
        ];
        for text in texts {
            let span = Span::new(0, text.len());
            let mut fast = Vec::new();
            tokenize_into(text, span, &rules, &mut fast);
            let mut slow = Vec::new();
            tokenize_reference(text, span, &rules, &mut slow);
            assert_eq!(fast, slow, "{text}");
        }
        // Every span of each text (on char boundaries): a span may end
        // inside a word, with letters after it in the text.
        for text in texts {
            let ends: Vec<usize> = (0..=text.len())
                .filter(|&k| text.is_char_boundary(k))
                .collect();
            for (a, &start) in ends.iter().enumerate() {
                for &end in &ends[a..] {
                    let span = Span::new(start, end);
                    let (mut fast, mut slow) = (Vec::new(), Vec::new());
                    tokenize_into(text, span, &rules, &mut fast);
                    tokenize_reference(text, span, &rules, &mut slow);
                    assert_eq!(fast, slow, "{:?}", span.slice(text));
                }
            }
        }
        // Every string of four characters from an alphabet of the cases.
        let alphabet = [
            'a', 'S', 's', '.', '\'', '’', '‑', '-', ' ', 'é', '—', '\u{a0}', '1',
        ];
        let mut text = String::new();
        for n in 0..alphabet.len().pow(4) {
            text.clear();
            let mut k = n;
            for _ in 0..4 {
                text.push(alphabet[k % alphabet.len()]);
                k /= alphabet.len();
            }
            let span = Span::new(0, text.len());
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            tokenize_into(&text, span, &rules, &mut fast);
            tokenize_reference(&text, span, &rules, &mut slow);
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    /// The tokenizer's cue flag is the only test the cue stage makes
    /// before a word's lookup: every capitalisation of a cue word, and a
    /// word that is not ASCII, must keep it.
    #[test]
    fn cue_flag_keeps_every_possible_cue_start() {
        let rules = LangRules::builtin("en").unwrap();
        let text = "ACCORDING TO the mayor, Smith SAID, Said and “Claimed” — Ünal sagte.";
        let toks = tokenize(text, Span::new(0, text.len()), &rules);
        let flagged = |w: &str| {
            toks.iter()
                .find(|t| t.text(text) == w)
                .is_some_and(|t| t.may_start_cue())
        };
        for w in ["ACCORDING", "SAID", "Said", "Claimed", "Ünal"] {
            assert!(flagged(w), "{w}");
        }
        assert!(!toks.iter().any(|t| !t.word && t.may_start_cue()));
        let cues = crate::cues::find(text, &[Span::new(0, text.len())], &rules);
        let lemmas: Vec<&str> = cues.iter().map(|c| &*c.lemma).collect();
        assert!(lemmas.contains(&"according to"), "{lemmas:?}");
        assert!(lemmas.contains(&"say"), "{lemmas:?}");
    }

    #[test]
    fn alnum_and_upper_agree_with_the_byte_tests() {
        for b in 0..=255u8 {
            for at in 0..8 {
                for fill in [b'm', b'M', b'7', b' ', 0xC3] {
                    let mut v = [fill; 8];
                    v[at] = b;
                    let (alnum, upper) = alnum_and_upper(u64::from_le_bytes(v));
                    for (k, &x) in v.iter().enumerate() {
                        let bit = 0x80u64 << (8 * k);
                        assert_eq!(alnum & bit != 0, x.is_ascii_alphanumeric(), "{v:?}");
                        assert_eq!(upper & bit != 0, x.is_ascii_uppercase(), "{v:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn ascii_run_agrees_with_a_byte_loop() {
        let reference = |bytes: &[u8], from: usize| {
            let mut end = from;
            let mut seen = 0;
            while let Some(&b) = bytes.get(end) {
                if CLASS[b as usize] & 1 == 0 {
                    break;
                }
                seen |= CLASS[b as usize];
                end += 1;
            }
            (end, seen)
        };
        for b in 0..=255u8 {
            for len in 1..20 {
                for at in 0..len {
                    for fill in [b'm', b'M', b'7'] {
                        let mut v = vec![fill; len];
                        v[at] = b;
                        for from in [0, 1, at] {
                            assert_eq!(ascii_run(&v, from), reference(&v, from), "{v:?} {from}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn byte_classes_agree_with_the_char_tests() {
        for b in 0u8..128 {
            let c = b as char;
            let want = if c.is_whitespace() {
                SPACE
            } else if c.is_ascii_uppercase() {
                UPPER
            } else if is_alnum(c) {
                ALNUM
            } else if is_joiner(c) {
                JOIN
            } else {
                PUNCT
            };
            assert_eq!(CLASS[b as usize], want, "{c:?}");
        }
        assert!((128..256).all(|b| CLASS[b] == WIDE));
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
