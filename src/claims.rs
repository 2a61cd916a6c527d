//! Claims: every clause that reports what a source said, wrote, found or
//! believes — quoted (direct) or not (indirect) — with its content span,
//! cue and source.
//!
//! Direct claims are the attributed quotes (the parts of a split quote
//! that share one cue make one claim). Indirect claims come from cues with
//! a source outside quotation marks; their content follows the clause:
//! the complement after `said (that)` / `told Y (that)` / `according to X,`,
//! or the main clause before `, X said` / `, said X` / `, according to X`.
//! A headline ending `…: Kremlin` is a claim by the Kremlin.

use serde::{Deserialize, Serialize};

use crate::attribution::Attribution;
use crate::cues::{Cue, CuePattern, Mention, MentionKind};
use crate::lang::LangRules;
use crate::quotes::Quote;
use crate::span::Span;
use crate::tokens::is_capitalized;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The reported content (for a direct claim, the quote with its marks).
    pub content: Span,
    /// For a split quote, each quoted part.
    pub fragments: Vec<Span>,
    pub source: Option<Mention>,
    /// Index of the speaker in the speaker table.
    pub speaker: Option<u32>,
    /// The cue words, when there is a cue.
    pub cue: Option<Span>,
    /// Quoted words (true) or paraphrase (false).
    pub direct: bool,
}

pub struct Input<'a> {
    pub text: &'a str,
    pub paragraphs: &'a [Span],
    pub sentences: &'a [Span],
    pub quotes: &'a [Quote],
    pub cues: &'a [Cue],
    pub attributions: &'a [Option<Attribution>],
    pub rules: &'a LangRules,
}

/// Verbs whose hearer comes between the verb and the content:
/// `told reporters that …`.
const WITH_HEARER: &[&str] = &[
    "tell", "inform", "assure", "remind", "warn", "advise", "notify", "brief", "convince",
    "promise", "urge", "ask", "persuade",
];

pub fn extract(inp: &Input) -> Vec<Claim> {
    let text = inp.text;
    let mut out: Vec<Claim> = Vec::with_capacity(inp.quotes.len() + inp.cues.len());
    let top: Vec<usize> = (0..inp.quotes.len())
        .filter(|&i| inp.quotes[i].depth == 0)
        .collect();
    // Direct claims: attributed quotes, merged when they share a cue.
    let mut used_cues = vec![false; inp.cues.len()];
    for &qi in &top {
        let q = &inp.quotes[qi];
        let Some(a) = &inp.attributions[qi] else {
            continue;
        };
        // A fragment is part of the paraphrase around it: its cue's clause
        // is the claim (below), not the quoted words alone.
        if !q.kind.is_speech() || q.kind == crate::quotes::QuoteKind::Fragment {
            continue;
        }
        let outer = q.outer();
        if let Some(ci) = a.cue {
            used_cues[ci as usize] = true;
            // The other half of a split quote: same cue, same paragraph.
            if let Some(prev) = out.last_mut() {
                let same_cue = prev.cue == Some(inp.cues[ci as usize].span);
                let same_para = inp.paragraphs[q.paragraph as usize].contains(prev.content);
                if same_cue && same_para && prev.direct {
                    prev.fragments.push(outer);
                    prev.content.end = outer.end;
                    continue;
                }
            }
        }
        out.push(Claim {
            content: outer,
            fragments: vec![outer],
            source: Some(a.mention.clone()),
            speaker: a.speaker,
            cue: a.cue.map(|c| inp.cues[c as usize].span),
            direct: true,
        });
    }
    // Top-level quotes don't overlap: the last one starting before a span
    // is the only one that can hold it.
    let in_quote = |s: Span| {
        let k = top.partition_point(|&i| inp.quotes[i].outer().start <= s.start);
        k > 0 && inp.quotes[top[k - 1]].content.contains(s)
    };
    // Indirect claims from the remaining cues.
    for (ci, c) in inp.cues.iter().enumerate() {
        if used_cues[ci] || in_quote(c.span) {
            continue;
        }
        let Some(src) = &c.source else { continue };
        let sentence = inp.sentences[c.sentence as usize];
        let Some(content) = content_of(text, sentence, c, src, inp.rules) else {
            continue;
        };
        // A quote inside the content makes it (mostly) direct.
        let words = crate::tokens::words_upto(content.slice(text), 3);
        if words < 3 {
            continue;
        }
        // Direct when at least half of the content's word characters are
        // quoted.
        let word_chars = |s: Span| alnum_chars(s.slice(text));
        let from = top.partition_point(|&i| inp.quotes[i].outer().start < content.start);
        let quoted: usize = top[from..]
            .iter()
            .map(|&i| inp.quotes[i].outer())
            .take_while(|o| o.start < content.end)
            .filter(|o| content.contains(*o))
            .map(word_chars)
            .sum();
        // With nothing quoted the claim is indirect: no need to count.
        let total = if quoted == 0 { 0 } else { word_chars(content) };
        out.push(Claim {
            content,
            fragments: vec![content],
            source: Some(src.clone()),
            speaker: None,
            cue: Some(c.span),
            direct: total > 0 && quoted * 2 >= total,
        });
    }
    // A label opening a sentence: `Poll: Sanders leads nationally`.
    // The text's colons, found in one scan rather than one per sentence:
    // most sentences have none, and a scan's setup costs more than the
    // search below.
    let colons: Vec<usize> = memchr::memchr_iter(b':', text.as_bytes()).collect();
    for &sent in inp.sentences {
        let s = sent.slice(text);
        // The sentence's first colon with a space after it (in the
        // sentence), among the text's colons from the sentence's start.
        let start = sent.start as usize;
        let Some(colon) = colons[colons.partition_point(|&c| c < start)..]
            .iter()
            .map(|&c| c - start)
            .take_while(|&i| i < s.len())
            .find(|&i| s.as_bytes().get(i + 1) == Some(&b' '))
        else {
            continue;
        };
        let label = &s[..colon];
        // Five words are enough to tell a label of at most four.
        let words: Vec<&str> = label.split_whitespace().take(5).collect();
        if words.is_empty() || words.len() > 4 {
            continue;
        }
        let all_caps = label
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let rest = s[colon + 2..].trim_start();
        if all_caps
            || !words.iter().all(|w| is_capitalized(w))
            || !rest.starts_with(|c: char| c.is_uppercase())
            || rest.starts_with(['“', '"'])
            || in_quote(sent)
        {
            continue;
        }
        let start = sent.start as usize;
        out.push(Claim {
            content: trim_content(text, Span::new(start + colon + 2, sent.end as usize)),
            fragments: vec![],
            source: Some(Mention {
                span: Span::new(start, start + colon),
                kind: MentionKind::Name,
            }),
            speaker: None,
            cue: Some(Span::new(start + colon, start + colon + 1)),
            direct: false,
        });
    }
    // Headline attribution: `… on Jan. 17: Kremlin`.
    for &p in inp.paragraphs.iter().take(3) {
        let s = p.slice(text);
        // (`s.rfind(": ")`, by `memchr` from the end.)
        let b = s.as_bytes();
        if let Some(colon) = memchr::memrchr_iter(b':', b).find(|&i| b.get(i + 1) == Some(&b' ')) {
            let tail = &s[colon + 2..];
            let words: Vec<&str> = tail.split_whitespace().take(4).collect();
            if !words.is_empty()
                && words.len() <= 3
                && words.iter().all(|w| is_capitalized(w))
                && !tail.ends_with(['.', '?', '!'])
                && colon > 10
            {
                let start = p.start as usize;
                out.push(Claim {
                    content: Span::new(start, start + colon).trim(text),
                    fragments: vec![],
                    source: Some(Mention {
                        span: Span::new(start + colon + 2, p.end as usize),
                        kind: MentionKind::Name,
                    }),
                    speaker: None,
                    cue: Some(Span::new(start + colon, start + colon + 1)),
                    direct: false,
                });
            }
        }
    }
    out.sort_by_key(|c| (c.content.start, c.content.end));
    out.dedup_by(|a, b| a.content == b.content);
    out
}

/// Trims white space, edge punctuation (not quotation marks) and a
/// dateline (`MOSCOW:`, `CARROW FALLS, Ohio (AP) —`).
fn trim_content(text: &str, span: Span) -> Span {
    let span = skip_dateline(text, span);
    let s = span.slice(text);
    let lead = s.len()
        - s.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-')
        })
        .len();
    let body = &s[lead..];
    let kept = body.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '—' | '–' | '-')
    });
    Span::new(
        span.start as usize + lead,
        span.start as usize + lead + kept.len(),
    )
}

fn content_of(
    text: &str,
    sentence: Span,
    c: &Cue,
    src: &Mention,
    rules: &LangRules,
) -> Option<Span> {
    let s_start = sentence.start as usize;
    let s_end = sentence.end as usize;
    let before_end = src.span.start.min(c.span.start) as usize;
    let after_start = src.span.end.max(c.span.end) as usize;
    // (Trimmed only where a pattern reads it: a `said` cue whose source
    // comes first mostly does not.)
    let before = || trim_content(text, Span::new(s_start, before_end));
    match c.pattern {
        CuePattern::SourceAfter | CuePattern::DocumentRead => {
            Some(before()).filter(|b| !b.is_empty())
        }
        CuePattern::Colon => Some(trim_content(text, Span::new(c.span.end as usize, s_end))),
        // A speech noun names a claim inside another clause (`over her
        // remark that …`), whose end the sentence does not give.
        CuePattern::SpeechNoun => None,
        CuePattern::AccordingTo => {
            let after = trim_content(text, Span::new(after_start, s_end));
            let before = before();
            // `According to X, …` opens the sentence; `…, according to X` closes it.
            if before.is_empty() || (before.len() < 4) {
                Some(after).filter(|a| !a.is_empty())
            } else {
                Some(before)
            }
        }
        CuePattern::SourceBefore => {
            // `…, the Kremlin said Monday.`: the source closes the sentence
            // after a comma, the content is the clause before it.
            let gap = &text[s_start..src.span.start as usize];
            let rest = &text[c.span.end as usize..s_end];
            let comma_before = gap.trim_end().ends_with([',', '”', '"', '—']);
            // (The words after the cue are counted only after a comma: most
            // cues have none before their source.)
            if comma_before && counted_words_upto(rest, 6, char::is_alphanumeric) <= 5 {
                let before = before();
                if !before.is_empty() {
                    return Some(before);
                }
            }
            // `X said (that) …` / `X told Y (that) …`.
            let mut start = c.span.end as usize;
            let lemma_has_hearer = WITH_HEARER.contains(&&*c.lemma);
            let after = &text[start..s_end];
            if lemma_has_hearer {
                if let Some(that) = find_word(after, "that").filter(|&t| t < 60) {
                    start += that + 4;
                } else {
                    // `told reporters Monday he …`: skip a short hearer.
                    let skip: usize = after
                        .split_inclusive(' ')
                        .take(3)
                        .take_while(|w| {
                            let w = w.trim();
                            !w.is_empty() && !rules.pronouns.contains_key(&crate::lower::lower(w))
                        })
                        .map(str::len)
                        .sum();
                    start += skip.min(after.len());
                }
            } else {
                let trimmed = after.trim_start();
                let lead = after.len() - trimmed.len();
                if let Some(rest) = trimmed.strip_prefix("that ") {
                    start += lead + (trimmed.len() - rest.len());
                }
            }
            let content = trim_content(text, Span::new(start, s_end));
            Some(content).filter(|c| !c.is_empty())
        }
    }
}

fn skip_dateline(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    // The head below is at most 60 characters, so within the first 240
    // bytes: without a separator there (`:`, `-`, or the `E2 80 93/94` of
    // `–` and `—`; `’` and `“` share only the lead byte), there is no
    // dateline, and no characters need counting.
    let window = &s.as_bytes()[..s.len().min(240)];
    // (The dashes are found by their last bytes, `93` and `94`, which few
    // characters of news copy hold; their lead byte `E2` is also that of
    // every curly quote and apostrophe, a stop each.)
    if memchr::memchr2(b':', b'-', window).is_none()
        && !memchr::memchr2_iter(0x93, 0x94, window)
            .any(|k| k >= 2 && window[k - 2] == 0xE2 && window[k - 1] == 0x80)
    {
        return span;
    }
    // The first 60 characters: bytes, when they are ASCII.
    let head = match s.as_bytes().get(..60) {
        Some(b) if b.is_ascii() && s.len() > 60 => &s[..60],
        // (`s.char_indices().nth(60)`, counting the bytes that start a
        // character rather than decoding each.)
        _ => match s
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b & 0xC0 != 0x80)
            .nth(60)
        {
            Some((at, _)) => &s[..at],
            None => s,
        },
    };
    // Every separator holds `:`, `-` or the lead byte of `—` and `–`:
    // one scan turns away most heads.
    if memchr::memchr3(b':', b'-', 0xE2, head.as_bytes()).is_none() {
        return span;
    }
    for sep in [":", " —", " –", " -"] {
        if let Some(at) = find_str(head, sep) {
            let lead = &head[..at];
            let caps = lead
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.len() > 1)
                .take(1)
                .all(|w| w.chars().all(char::is_uppercase));
            if caps && !lead.is_empty() && lead.chars().any(char::is_alphabetic) {
                let skip = at + sep.len();
                return Span::new(span.start as usize + skip, span.end as usize);
            }
        }
    }
    span
}

/// `hay.find(needle)` for a short needle, without setting up a substring
/// searcher: `memchr` for its last byte (rarer than a leading space), then
/// a comparison of the bytes before it.
fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let last = n.len() - 1;
    let tail = h.get(last..)?;
    memchr::memchr_iter(n[last], tail).find(|&i| h[i..i + last] == n[..last])
}

/// `s.split_whitespace().filter(|w| w.chars().any(counts)).take(n).count()`,
/// in one pass over the characters without building the words.
fn counted_words_upto(s: &str, n: usize, counts: impl Fn(char) -> bool) -> usize {
    let mut found = 0;
    // Whether the current word has been counted already.
    let mut counted = false;
    for c in s.chars() {
        if found == n {
            break;
        }
        if c.is_whitespace() {
            counted = false;
        } else if !counted && counts(c) {
            found += 1;
            counted = true;
        }
    }
    found
}

/// The number of letters and digits in `s`, byte by byte when it is ASCII.
fn alnum_chars(s: &str) -> usize {
    let bytes = s.as_bytes();
    // Eight bytes at a time: the ASCII letters and digits by their bits,
    // and each other character decoded at its lead byte (a quotation's
    // curly marks make most contents not ASCII, but few of their bytes).
    let wide = |at: usize| usize::from(s[at..].chars().next().is_some_and(crate::tokens::is_alnum));
    let mut n = 0;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        let (alnum, _) = crate::tokens::alnum_and_upper(w);
        n += alnum.count_ones() as usize;
        // Lead bytes of multi-byte characters: `11xxxxxx`.
        let mut lead = w & (w << 1) & 0x8080_8080_8080_8080;
        while lead != 0 {
            n += wide(at + lead.trailing_zeros() as usize / 8);
            lead &= lead - 1;
        }
        at += 8;
    }
    for (k, &b) in chunks.remainder().iter().enumerate() {
        if b.is_ascii_alphanumeric() {
            n += 1;
        } else if b >= 0xC0 {
            n += wide(at + k);
        }
    }
    n
}
fn find_word(hay: &str, word: &str) -> Option<usize> {
    hay.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before_ok = i == 0 || !hay[..i].ends_with(|c: char| c.is_alphanumeric());
        let after = &hay[i + word.len()..];
        before_ok && !after.starts_with(|c: char| c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_chars_counts_as_chars_do() {
        for t in [
            "",
            "plain ascii 123",
            "“Yes,” he said — it’s 3½ times ① naïve Ünal 東京 straße",
            "é",
            "’’’",
        ] {
            let want = t.chars().filter(|&c| crate::tokens::is_alnum(c)).count();
            assert_eq!(alnum_chars(t), want, "{t:?}");
        }
    }

    #[test]
    fn counted_words_upto_agrees_with_split_whitespace() {
        let texts = [
            "",
            "   ",
            "one",
            " one two  three\tfour\nfive six seven ",
            "— “Yes,” he said , . ! x",
            "a\u{a0}b\u{2003}c\u{3000}d\u{85}e f\u{200b}g",
            "-- -- -- 1 2 3 4 5 6 7 8",
            "é ü 東京 ’s ’ …",
        ];
        for t in texts {
            for n in 0..9 {
                let all = t.split_whitespace().take(n).count();
                assert_eq!(counted_words_upto(t, n, |_| true), all, "{t:?} {n}");
                let alnum = t
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .take(n)
                    .count();
                assert_eq!(
                    counted_words_upto(t, n, char::is_alphanumeric),
                    alnum,
                    "{t:?} {n}"
                );
            }
        }
    }
}
