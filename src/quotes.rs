//! Pairing quotation marks into quotes, the way editors read them.
//!
//! Marks are paired per paragraph with a stack, so nesting (single inside
//! double, double inside single) falls out. A paragraph that ends inside a
//! quote is a *continued* quote when the next paragraph reopens it (the
//! English convention); otherwise the opening mark is unclosed. A closing
//! mark with nothing open is unopened: its quote is still recovered (from
//! the start of its sentence) so that attribution can work on it.

use serde::{Deserialize, Serialize};

use crate::lang::{Continuation, LangRules};
use crate::lower::lower;
use crate::marks::{Glyph, Mark, Role};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    /// A quoted sentence or more.
    Full,
    /// A partial quote inside the writer's narration.
    Fragment,
    /// A word held at arm's length: the so-called “reform”.
    Scare,
    /// The title of a work or a coined name: the film “Harbor Lights”.
    Title,
    /// A paragraph that reopens a quote running on from the paragraph before.
    Continued,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Fragment => "fragment",
            QuoteKind::Scare => "scare",
            QuoteKind::Title => "title",
            QuoteKind::Continued => "continued",
        }
    }

    /// Whether the quote reports somebody's words (and so needs a source).
    pub fn is_speech(self) -> bool {
        !matches!(self, QuoteKind::Scare | QuoteKind::Title)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The opening mark; `None` when it is missing and the start was recovered.
    pub open: Option<Span>,
    /// The closing mark; `None` when the quote runs to the paragraph's end.
    pub close: Option<Span>,
    pub open_glyph: Option<Glyph>,
    pub close_glyph: Option<Glyph>,
    /// The quoted words, marks excluded, trimmed of white space.
    pub content: Span,
    /// Nesting depth: 0 for a top-level quote.
    pub depth: u32,
    /// Index of the enclosing quote.
    pub parent: Option<u32>,
    pub paragraph: u32,
    pub kind: QuoteKind,
    /// The quote runs on into the next paragraph (no closing mark here).
    pub continues: bool,
    /// The previous segment of a multi-paragraph quote.
    pub continued_from: Option<u32>,
}

impl Quote {
    /// The quote with its marks.
    pub fn outer(&self) -> Span {
        let start = self.open.map_or(self.content.start, |o| o.start);
        let end = self.close.map_or(self.content.end, |c| c.end);
        Span {
            start: start.min(self.content.start),
            end: end.max(self.content.end),
        }
    }

    pub fn recovered(&self) -> bool {
        self.open.is_none()
    }
}

/// A problem with the quotation marks, found while pairing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum MarkIssue {
    /// An opening mark that nothing closes in its paragraph, and the next
    /// paragraph does not reopen.
    Unclosed {
        open: Span,
        glyph: Glyph,
        /// Where the closing mark was expected at the latest.
        paragraph_end: u32,
    },
    /// A closing mark with no opening mark before it.
    Unopened {
        close: Span,
        glyph: Glyph,
        /// Where the opening mark most likely belongs.
        suggested_open: u32,
        /// The glyph to insert there.
        suggested_glyph: Glyph,
    },
    /// A pair whose marks don't match: different styles, or a flipped mark.
    Mismatched {
        open: Span,
        close: Span,
        open_glyph: Glyph,
        close_glyph: Glyph,
        /// Which of the two marks is wrong: the closing one is a flipped
        /// opener (“…“) or the opening one a flipped closer (”…”).
        flipped: Option<Flipped>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flipped {
    Open,
    Close,
}

/// The result of pairing.
#[derive(Clone, Debug, Default)]
pub struct Pairing {
    pub quotes: Vec<Quote>,
    pub issues: Vec<MarkIssue>,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    glyph: Glyph,
    span: Span,
    /// Index of the previous segment when this opening reopens a
    /// continued quote.
    continues_from: Option<usize>,
    /// The mark was a flipped closer used as an opener.
    flipped: bool,
}

/// Pairs `marks` (from [`crate::marks::scan`]) into quotes.
pub fn pair(
    text: &str,
    marks: &[Mark],
    paragraphs: &[Span],
    sentences: &[Span],
    rules: &LangRules,
) -> Pairing {
    let mut out = Pairing::default();
    let mut mi = 0;
    // The outermost quote left open by the previous paragraph, if any.
    let mut carried: Option<(usize, Open)> = None;
    // One paragraph's open quotes and open doubles and singles (cleared
    // for each paragraph, allocated once).
    let mut stack: Vec<Open> = Vec::new();
    let mut doubles: Vec<usize> = Vec::new();
    let mut singles: Vec<usize> = Vec::new();
    for (pi, &para) in paragraphs.iter().enumerate() {
        let start = mi;
        while mi < marks.len() && marks[mi].span.start < para.end {
            mi += 1;
        }
        // Marks outside any paragraph (white space only) can't exist, but
        // skip anything before the paragraph defensively (read where they
        // are, not copied).
        let pmarks = marks[start..mi]
            .iter()
            .filter(|m| m.span.start >= para.start);
        stack.clear();
        // Positions in `stack` of the open doubles and singles, so the
        // nearest of each is found in constant time (a paragraph of
        // 100,000 opening marks stays linear).
        doubles.clear();
        singles.clear();
        let reopen = carried.take();
        for (k, m) in pmarks.enumerate() {
            let is_first = k == 0 && m.span.start == para.start;
            let mut role = m.role;
            let double = m.glyph.is_double();
            let top_double = doubles.last().copied();
            let top_single_in_level = singles
                .last()
                .copied()
                .filter(|&s| top_double.is_none_or(|d| s > d));
            // French continuation: the paragraph starts with the closing mark.
            if is_first
                && reopen.is_some()
                && rules.quotes.continuation == Continuation::ReopenWithClose
                && double
                && role != Role::Open
            {
                role = Role::Open;
            }
            if role == Role::Ambiguous {
                role = if double {
                    if top_double.is_some() {
                        Role::Close
                    } else {
                        Role::Open
                    }
                } else if top_single_in_level.is_some() {
                    Role::Close
                } else if m.flipped {
                    Role::Apostrophe
                } else {
                    Role::Open
                };
            }
            match role {
                Role::Apostrophe => {}
                Role::Open => {
                    let continues_from = match (&reopen, is_first, double) {
                        (Some((seg, _)), true, true) => Some(*seg),
                        _ => None,
                    };
                    if double {
                        doubles.push(stack.len());
                    } else {
                        singles.push(stack.len());
                    }
                    stack.push(Open {
                        glyph: m.glyph,
                        span: m.span,
                        continues_from,
                        flipped: m.flipped,
                    });
                }
                Role::Close => {
                    let target = if double {
                        top_double
                    } else {
                        top_single_in_level
                    };
                    match target {
                        Some(t) => {
                            // Singles left open above a closing double were
                            // apostrophes or a sloppy nested quote: drop them.
                            stack.truncate(t + 1);
                            let o = stack.pop().expect("target is on the stack");
                            let len = stack.len();
                            while doubles.last().is_some_and(|&d| d >= len) {
                                doubles.pop();
                            }
                            while singles.last().is_some_and(|&d| d >= len) {
                                singles.pop();
                            }
                            let depth = stack.len() as u32;
                            let q = make_quote(text, o, Some(m), para, pi, depth);
                            if !o.glyph.closes_naturally(m.glyph) || o.flipped {
                                let flipped = if m.flipped {
                                    Some(Flipped::Close)
                                } else if o.flipped {
                                    Some(Flipped::Open)
                                } else {
                                    None
                                };
                                // German „…“ is natural; everything else that
                                // does not close naturally is a mismatch.
                                out.issues.push(MarkIssue::Mismatched {
                                    open: o.span,
                                    close: m.span,
                                    open_glyph: o.glyph,
                                    close_glyph: m.glyph,
                                    flipped,
                                });
                            }
                            out.quotes.push(q);
                        }
                        None if double => {
                            let suggested =
                                recover_start(text, para, sentences, m.span, &out.quotes, pi);
                            out.issues.push(MarkIssue::Unopened {
                                close: m.span,
                                glyph: m.glyph,
                                suggested_open: suggested as u32,
                                suggested_glyph: opener_for(m.glyph),
                            });
                            let content = Span::new(suggested, m.span.start as usize).trim(text);
                            out.quotes.push(Quote {
                                open: None,
                                close: Some(m.span),
                                open_glyph: None,
                                close_glyph: Some(m.glyph),
                                content,
                                depth: stack.len() as u32,
                                parent: None,
                                paragraph: pi as u32,
                                kind: QuoteKind::Full,
                                continues: false,
                                continued_from: None,
                            });
                        }
                        None => {} // a plural possessive: the officials’ plan
                    }
                }
                Role::Ambiguous => unreachable!("resolved above"),
            }
        }
        // Whatever is still open at the paragraph's end.
        let next_reopens = paragraphs.get(pi + 1).is_some_and(|next| {
            marks[mi..]
                .iter()
                .find(|m| m.role != Role::Apostrophe)
                .is_some_and(|m| {
                    m.span.start == next.start
                        && m.glyph.is_double()
                        && (m.role != Role::Close
                            || rules.quotes.continuation == Continuation::ReopenWithClose)
                })
        });
        let outermost_double = stack.iter().position(|o| o.glyph.is_double());
        for (k, o) in stack.iter().enumerate() {
            if !o.glyph.is_double() {
                continue; // an unclosed single is most often an apostrophe
            }
            let continues = next_reopens
                && Some(k) == outermost_double
                && rules.quotes.continuation != Continuation::None;
            let mut q = make_quote(text, *o, None, para, pi, k as u32);
            q.continues = continues;
            if continues {
                carried = Some((out.quotes.len(), *o));
            } else {
                out.issues.push(MarkIssue::Unclosed {
                    open: o.span,
                    glyph: o.glyph,
                    paragraph_end: para.end,
                });
            }
            out.quotes.push(q);
        }
    }
    out.quotes
        .sort_by_key(|q| (q.outer().start, std::cmp::Reverse(q.outer().end)));
    link_parents(&mut out.quotes);
    out.issues.sort_by_key(issue_start);
    for i in 0..out.quotes.len() {
        let kind = classify(text, &out.quotes[i], sentences, rules);
        out.quotes[i].kind = kind;
    }
    out
}

fn issue_start(i: &MarkIssue) -> u32 {
    match i {
        MarkIssue::Unclosed { open, .. } => open.start,
        MarkIssue::Unopened { close, .. } => close.start,
        MarkIssue::Mismatched { open, .. } => open.start,
    }
}

fn opener_for(close: Glyph) -> Glyph {
    match close {
        Glyph::RightDouble => Glyph::LeftDouble,
        Glyph::RightGuillemet => Glyph::LeftGuillemet,
        Glyph::RightCorner => Glyph::LeftCorner,
        Glyph::RightWhiteCorner => Glyph::LeftWhiteCorner,
        other => other,
    }
}

fn make_quote(
    text: &str,
    o: Open,
    close: Option<&Mark>,
    para: Span,
    pi: usize,
    depth: u32,
) -> Quote {
    let end = close.map_or(para.end as usize, |c| c.span.start as usize);
    let content = Span::new(o.span.end as usize, end.max(o.span.end as usize)).trim(text);
    Quote {
        open: Some(o.span),
        close: close.map(|c| c.span),
        open_glyph: Some(o.glyph),
        close_glyph: close.map(|c| c.glyph),
        content,
        depth,
        parent: None,
        paragraph: pi as u32,
        kind: QuoteKind::Full,
        continues: false,
        continued_from: o.continues_from.map(|i| i as u32),
    }
}

/// Where the opening mark of an unopened quote most likely belongs: the
/// start of the sentence holding the closing mark, but not before the end
/// of an earlier quote in the same paragraph.
fn recover_start(
    text: &str,
    para: Span,
    sentences: &[Span],
    close: Span,
    quotes: &[Quote],
    pi: usize,
) -> usize {
    let si = sentences.partition_point(|s| s.start <= close.start);
    let sentence_start = sentences[..si]
        .last()
        .filter(|s| para.contains(**s))
        .map_or(para.start, |s| s.start);
    // Quotes are pushed in paragraph order: look back over this one's.
    let after_quote = quotes
        .iter()
        .rev()
        .take_while(|q| q.paragraph as usize == pi)
        .filter(|q| q.outer().end <= close.start)
        .map(|q| q.outer().end)
        .max()
        .unwrap_or(para.start);
    let start = sentence_start.max(after_quote) as usize;
    // Skip white space so the suggestion lands on the first word.
    let s = &text[start..close.start as usize];
    start + (s.len() - s.trim_start().len())
}

/// Fills `parent` (and fixes `depth`) from span containment.
fn link_parents(quotes: &mut [Quote]) {
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..quotes.len() {
        let outer = quotes[i].outer();
        while let Some(&top) = stack.last() {
            if quotes[top].outer().contains(outer) && quotes[top].paragraph == quotes[i].paragraph {
                break;
            }
            stack.pop();
        }
        quotes[i].parent = stack.last().map(|&p| p as u32);
        quotes[i].depth = stack.len() as u32;
        stack.push(i);
    }
    // Continuation links were recorded as indices before sorting; remap by
    // searching the segment that ends its paragraph open.
    let segs: Vec<(u32, usize)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.continues)
        .map(|(i, q)| (q.paragraph, i))
        .collect();
    let by_para: rustc_hash::FxHashMap<u32, usize> = segs.into_iter().collect();
    for q in quotes.iter_mut() {
        if q.continued_from.is_some() {
            q.continued_from = q
                .paragraph
                .checked_sub(1)
                .and_then(|p| by_para.get(&p))
                .map(|&i| i as u32);
        }
    }
}

/// Full, fragment, scare, title or continued: what the quote's position in
/// its sentence says.
fn classify(text: &str, q: &Quote, sentences: &[Span], rules: &LangRules) -> QuoteKind {
    if q.continued_from.is_some() {
        return QuoteKind::Continued;
    }
    let Some(open) = q.open else {
        return QuoteKind::Full;
    };
    let si = sentences.partition_point(|s| s.end <= open.start);
    let sentence = sentences
        .get(si)
        .filter(|s| s.contains_offset(open.start as usize))
        .copied()
        .unwrap_or(Span::new(open.start as usize, open.start as usize));
    // Only the end of the sentence before the mark matters (the longest
    // scare cue is a few words): keep the work per quote constant.
    let mut from = (open.start as usize)
        .saturating_sub(64)
        .max(sentence.start as usize);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let at_start = from == sentence.start as usize;
    let before = text[from..open.start as usize].trim_end();
    let content = q.content.slice(text);
    // `a bill dubbed the “Clean Slate Act”`: look past a determiner.
    // (`before` is at most 64 bytes: lower-cased on the stack when ASCII.)
    let mut ascii = arrayvec::ArrayString::<64>::new();
    let cased;
    let lowered: &str = if before.is_ascii() && ascii.try_push_str(before).is_ok() {
        ascii.make_ascii_lowercase();
        &ascii
    } else {
        cased = lower(before);
        &cased
    };
    let lower_before: &str = ["the", "a", "an"]
        .iter()
        .find_map(|d| {
            lowered
                .strip_suffix(d)
                .filter(|rest| rest.ends_with(' '))
                .map(str::trim_end)
        })
        .unwrap_or(lowered);
    let last_byte = lower_before.as_bytes().last();
    let lb = lower_before.as_bytes();
    for cue in rules.scare_cues_ending(last_byte) {
        // The byte before the last first: the cues of one last byte mostly
        // differ there (`said` is none of the `-ed` cues), and a cue
        // longer than the context cannot end it.
        let c = cue.as_bytes();
        if c.len() >= 2 && (lb.len() < c.len() || lb[lb.len() - 2] != c[c.len() - 2]) {
            continue;
        }
        // The last byte first: most cues end in another letter.
        if cue.as_bytes().last().is_none_or(|b| Some(b) == last_byte)
            && lower_before.ends_with(cue.as_str())
        {
            let at = lower_before.len() - cue.len();
            let bounded = if at == 0 {
                at_start || !text[..from].ends_with(|c: char| c.is_alphanumeric())
            } else {
                !lower_before[..at].ends_with(|c: char| c.is_alphanumeric())
            };
            if bounded {
                // `whom he called a “con artist”`, `Gorab called the show
                // “the news show of record”`: a person naming something in
                // their own words is quoted, not a scare quote.
                if named_by_a_person(before, cue) || quotes_words_used(cue) {
                    return QuoteKind::Fragment;
                }
                return if is_title_cue(cue) {
                    QuoteKind::Title
                } else {
                    QuoteKind::Scare
                };
            }
        }
    }
    // `Some chanted “USA! USA!”`, `chants of “Ted! Ted!”`, `cries of “Lock
    // her up!”`: words shouted by a crowd are speech, however capitalised.
    if shouted(lower_before) {
        return QuoteKind::Fragment;
    }
    // `he called his opponent “Senator Cruz”`, `referred to Obama as “the
    // most valuable player”`: a person naming something in their words.
    if named_with_object(before) {
        return QuoteKind::Fragment;
    }
    let first = content.chars().next().unwrap_or(' ');
    let starts_upper = first.is_uppercase() || !first.is_alphabetic();
    // Counted up to what the rules below ask, so long quotes cost nothing;
    // and only when a rule gets that far (most quotes are decided first).
    let counted = std::cell::OnceCell::new();
    let words = || *counted.get_or_init(|| crate::tokens::words_upto(content, 6));
    // `on CNN’s “New Day,”`, `appeared on “Meet the Press.”`, `the “Gang of
    // Eight,”`: a title-case name after a possessive, `on` or `the` names a
    // show, a work or a group, whatever punctuation the marks hold.
    if starts_upper && is_title_case(content) && words() <= 6 {
        let prev = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        // `the Netflix thriller, “Bloodline,”`: a comma after a work noun.
        let (prev, after_comma) = match prev.strip_suffix(',') {
            Some(p) => (p, true),
            None => (prev, false),
        };
        let possessive = prev.ends_with("’s") || prev.ends_with("'s");
        // `the reality show “The Apprentice,”`, `author of “Hacked World
        // Order,”`, `told “Fox and Friends,”`.
        let work_noun = matches!(
            lower(prev).as_ref(),
            "show"
                | "movie"
                | "film"
                | "book"
                | "series"
                | "novel"
                | "song"
                | "album"
                | "podcast"
                | "program"
                | "programme"
                | "documentary"
                | "memoir"
                | "biography"
                | "episode"
                | "musical"
                | "play"
                | "column"
                | "newsletter"
                | "autobiography"
                | "thriller"
                | "drama"
                | "comedy"
                | "sitcom"
                | "opera"
        );
        // `“Broad City” star Arturo Castro`, `“Daily Show” host Trevor Noah`.
        let after = q
            .close
            .map(|c| text[c.end as usize..].trim_start())
            .unwrap_or("");
        let credit = [
            "star ", "host ", "creator ", "actress ", "actor ", "anchor ",
        ]
        .iter()
        .any(|w| after.starts_with(w));
        // `author of “…”`, `an interview with “…”`, but not `chants of
        // “Feel the Bern”`.
        let prev2 = lower(
            before
                .rsplit(|c: char| c.is_whitespace())
                .nth(1)
                .unwrap_or(""),
        );
        let of_a_work = match prev {
            "of" => matches!(
                prev2.as_ref(),
                "author"
                    | "host"
                    | "star"
                    | "creator"
                    | "director"
                    | "editor"
                    | "producer"
                    | "season"
                    | "episode"
                    | "cast"
                    | "revival"
                    | "version"
                    | "chapter"
                    | "co-author"
                    | "co-host"
                    | "publisher"
                    | "writer"
            ),
            "with" => &*prev2 == "interview",
            _ => false,
        };
        if work_noun
            || credit
            || !after_comma
                && (possessive
                    || of_a_work
                    || prev == "on"
                    || (words() >= 2 && matches!(prev, "the" | "The" | "told")))
        {
            return QuoteKind::Title;
        }
    }
    if before.is_empty()
        || before.ends_with([':', '—', '–'])
        || (before.ends_with(',') && starts_upper)
        || before.ends_with(['(', '"', '“', '\''])
    {
        return QuoteKind::Full;
    }
    if starts_upper
        && words() >= 2
        && is_title_case(content)
        && !content.ends_with(['.', ',', '?', '!'])
    {
        return QuoteKind::Title;
    }
    if starts_upper && content.ends_with(['.', '?', '!', ',']) && words() >= 6 {
        return QuoteKind::Full;
    }
    QuoteKind::Fragment
}

/// Whether the scare or title cue `cue`, which ends `before`, is a naming
/// verb whose subject is a person: a pronoun or a name right before it
/// (`he called`, `whom Trump dubbed`), or such a verb and subject before a
/// noun cue (`Gorab called the show`). Passives and participles (`is
/// called`, `a bill dubbed`, `so-called`) are not.
fn named_by_a_person(before: &str, cue: &str) -> bool {
    const NAMING: &[&str] = &[
        "called",
        "dubbed",
        "branded",
        "labeled",
        "labelled",
        "termed",
        "nicknamed",
        "described as",
        "referred to as",
    ];
    // `what he called “…”`: the pronoun names it in its own words.
    if let Some(rest) = cue.strip_prefix("what ")
        && matches!(rest.split(' ').next(), Some("he" | "she" | "they" | "it"))
    {
        return true;
    }
    let mut words = before.split_whitespace().rev().peekable();
    // The determiner the cue was matched past: `called a “…”`.
    if words
        .peek()
        .is_some_and(|w| matches!(lower(w).as_ref(), "the" | "a" | "an"))
    {
        words.next();
    }
    let cue_words: Vec<&str> = cue.split_whitespace().collect();
    for _ in 0..cue_words.len() {
        words.next();
    }
    let subject = if NAMING.contains(&cue) {
        words.next()
    } else if cue.starts_with("the ") {
        match words.next() {
            Some(v) if NAMING.contains(&lower(v).as_ref()) => words.next(),
            _ => return false,
        }
    } else {
        return false;
    };
    subject.is_some_and(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // `what former employees have called a “fraudulent scheme”`: a
        // perfect is active, whoever its subject.
        if matches!(w, "have" | "has" | "had") {
            return true;
        }
        matches!(
            lower(w).as_ref(),
            "he" | "she" | "they" | "i" | "we" | "who" | "whom"
        ) || w.chars().next().is_some_and(char::is_uppercase)
            && !matches!(
                w,
                "The" | "A" | "An" | "It" | "This" | "That" | "What" | "Some" | "Many" | "Also"
            )
    })
}

/// Whether `before` ends with a person's naming verb and its object:
/// `he called his opponent`, `Weaver called that`, `referred to him as a`.
/// The subject must be a pronoun or a capitalised name right before the
/// verb, so passives and participles (`is called`, `a class called`) are
/// not.
fn named_with_object(before: &str) -> bool {
    let words = last_words(before);
    // words[0] is the last word before the mark.
    for (k, w) in words.iter().enumerate().skip(1).take(5) {
        let lw = lower(w);
        let naming = matches!(
            lw.as_ref(),
            "called"
                | "calls"
                | "call"
                | "dubbed"
                | "labeled"
                | "labelled"
                | "branded"
                | "nicknamed"
        );
        let referred = &*lw == "to"
            && words
                .get(k + 1)
                .is_some_and(|v| matches!(lower(v).as_ref(), "referred" | "refers" | "refer"))
            && words[..k].iter().any(|x| x.eq_ignore_ascii_case("as"));
        if !(naming || referred) {
            continue;
        }
        // The object: a few words without punctuation.
        if words[..k]
            .iter()
            .any(|x| x.ends_with([',', '.', ';', ':', ')']) || x.contains(['“', '"']))
        {
            return false;
        }
        let subject_at = if referred { k + 2 } else { k + 1 };
        return words.get(subject_at).is_some_and(|s| {
            let s = s.trim_matches(|c: char| !c.is_alphanumeric());
            matches!(
                lower(s).as_ref(),
                "he" | "she" | "they" | "i" | "we" | "who" | "whom" | "each" | "also"
            ) || s.chars().next().is_some_and(char::is_uppercase)
                && !matches!(
                    s,
                    "The" | "A" | "An" | "It" | "This" | "That" | "What" | "Some" | "Many" | "Also"
                )
        });
    }
    false
}

/// `s.split_whitespace().rev().take(9)`, collected; on the bytes when `s`
/// is ASCII (its white space is then `' '` and `\t..=\r`).
fn last_words(s: &str) -> smallvec::SmallVec<[&str; 9]> {
    if !s.is_ascii() {
        return s.split_whitespace().rev().take(9).collect();
    }
    let mut out = smallvec::SmallVec::new();
    let space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
    let b = s.as_bytes();
    let mut end = b.len();
    while out.len() < 9 {
        while end > 0 && space(b[end - 1]) {
            end -= 1;
        }
        if end == 0 {
            break;
        }
        let mut start = end;
        while start > 0 && !space(b[start - 1]) {
            start -= 1;
        }
        out.push(&s[start..end]);
        end = start;
    }
    out
}

/// Whether `before` (lowercase, a determiner dropped) ends in a verb or
/// noun of shouting: `chanted`, `chants of`, `the chant`, `cries of`.
fn shouted(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let Some(mut last) = words.next() else {
        return false;
    };
    let of = last == "of";
    if of {
        last = words.next().unwrap_or("");
    }
    matches!(
        last,
        "chant"
            | "chants"
            | "chanted"
            | "chanting"
            | "shouts"
            | "shouted"
            | "shouting"
            | "yells"
            | "yelled"
            | "yelling"
            | "screams"
            | "screamed"
            | "screaming"
            | "cries"
            | "cried"
            | "roared"
            | "cheers"
            | "chorus"
    ) || of && matches!(last, "calls" | "cry" | "shout" | "roar" | "refrain")
}

/// Cues that mention words somebody used or a judgement somebody made,
/// rather than coin a name: `refused to say the words “radical Islam”`,
/// `accused her of using the term “superpredator”`, `messages later deemed
/// “top secret”`. The
/// words are quoted from a source, like a fragment.
fn quotes_words_used(cue: &str) -> bool {
    matches!(
        cue,
        "the term" | "the phrase" | "the word" | "the words" | "deemed"
    )
}

fn is_title_cue(cue: &str) -> bool {
    !matches!(
        cue,
        "so-called"
            | "the word"
            | "the term"
            | "the phrase"
            | "what he called"
            | "what she called"
            | "what they called"
    ) && !cue.ends_with("called")
}

/// "Harbor Lights", "The Art of the Deal": every long word capitalised.
pub fn is_title_case(s: &str) -> bool {
    // More than eight words is no title, and neither is a lowercase word:
    // one pass that stops at whichever comes first (most quotes have a
    // lowercase word among their first few).
    let mut n = 0;
    for (k, w) in s.split_whitespace().enumerate() {
        if k == 8 {
            return false;
        }
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        // (A `match`, not a scan of a list with a `memcmp` a word.)
        if w.is_empty()
            || matches!(
                w,
                "a" | "an"
                    | "the"
                    | "of"
                    | "and"
                    | "or"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "for"
                    | "with"
                    | "by"
                    | "from"
            )
        {
            continue;
        }
        n += 1;
        if !w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        {
            return false;
        }
    }
    n >= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_words_split_as_split_whitespace_does() {
        for t in [
            "",
            "   ",
            "one",
            " he called his  opponent\t",
            "a\x0Bb\x0Cc\rd\ne f g h i j k l",
            "x\x1Fy z",
            "referred to him as a",
            "é  Ünal said\u{a0}it",
            "“Yes,” he said — it’s\u{2009}thin\u{3000}wide\u{85}next\u{2028}line\u{205f}m",
            "he called its “best” ’90s\u{202f}x\u{1680}y\u{200a}z\u{200b}w",
        ] {
            let want: Vec<&str> = t.split_whitespace().rev().take(9).collect();
            assert_eq!(last_words(t).to_vec(), want, "{t:?}");
        }
    }
    use crate::document::paragraphs;
    use crate::{marks, sentences};

    fn run(text: &str) -> Pairing {
        let rules = LangRules::builtin("en").unwrap();
        let paras = paragraphs(text);
        let sents = sentences::split(text, &paras, &rules);
        pair(text, &marks::scan(text), &paras, &sents, &rules)
    }

    fn contents(text: &str) -> Vec<(String, QuoteKind)> {
        run(text)
            .quotes
            .iter()
            .map(|q| (q.content.slice(text).to_string(), q.kind))
            .collect()
    }

    #[test]
    fn a_person_naming_in_their_own_words_is_quoted() {
        let k = |t: &str| contents(t)[0].1;
        assert_eq!(
            k("Trump, whom he called a “con artist,” left."),
            QuoteKind::Fragment
        );
        assert_eq!(
            k("Dave Gorab called the show “the news show of record.”"),
            QuoteKind::Fragment
        );
        assert_eq!(
            k("Rubio, who he dubbed “the little senator,” won."),
            QuoteKind::Fragment
        );
        assert_eq!(
            k("It is what former employees have called a “fraudulent scheme.”"),
            QuoteKind::Fragment
        );
        assert_eq!(
            k("The president denounced what he called the “deeply pessimistic” vision."),
            QuoteKind::Fragment
        );
        assert_eq!(
            k("He backed the marchers, whom he described as “peaceful.”"),
            QuoteKind::Fragment
        );
        assert_eq!(
            k("There was no insult; he called his opponent “Senator Cruz” instead."),
            QuoteKind::Fragment
        );
        assert_eq!(
            k("Mr. Trump referred to him as “The Comeback Kid” for it."),
            QuoteKind::Fragment
        );
        // Shouted words are speech, however capitalised.
        assert_eq!(
            k("The crowd chanted “Lock Her Up” as he spoke."),
            QuoteKind::Fragment
        );
        assert_eq!(
            k("There were cries of “Feel The Bern” all night."),
            QuoteKind::Fragment
        );
        // Words a source used, mentioned: `the words`, `the term`, `deemed`.
        assert_eq!(
            k("They refused to say the words “radical Islam” on stage."),
            QuoteKind::Fragment
        );
        assert_eq!(
            k("Emails were later deemed “top secret” by officials."),
            QuoteKind::Fragment
        );
        assert_ne!(
            k("It was taught in a psychology class called “Perception” that year."),
            QuoteKind::Fragment
        );
        // Passives, participles and `so-called` stay scare quotes and titles.
        assert_ne!(
            k("The book is described as a “riveting read.”"),
            QuoteKind::Fragment
        );
        assert_eq!(k("It has been called a “scheme” before."), QuoteKind::Scare);
        assert_eq!(k("It is what is called a “debate” now."), QuoteKind::Scare);
        assert_eq!(
            k("A bill dubbed the “Clean Slate Act” passed."),
            QuoteKind::Title
        );
        assert_eq!(k("The so-called “reform” failed."), QuoteKind::Scare);
        assert_eq!(
            k("She hosts the show “Harbor Lights” daily."),
            QuoteKind::Title
        );
    }

    #[test]
    fn nested_singles_and_apostrophes() {
        let text = "“He told me, ‘Don’t sign it,’ and I didn’t,” she said of the officials’ plan.";
        let p = run(text);
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        assert_eq!(p.quotes.len(), 2);
        assert_eq!(p.quotes[1].content.slice(text), "Don’t sign it,");
        assert_eq!(p.quotes[1].parent, Some(0));
    }

    #[test]
    fn continuation_is_not_an_error() {
        let text = "“First paragraph.\n\n“Second paragraph.\n\n“Third,” he said.";
        let p = run(text);
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        let kinds: Vec<QuoteKind> = p.quotes.iter().map(|q| q.kind).collect();
        assert_eq!(
            kinds,
            vec![QuoteKind::Full, QuoteKind::Continued, QuoteKind::Continued]
        );
        assert_eq!(p.quotes[2].continued_from, Some(1));
        assert!(p.quotes[0].continues);
    }

    #[test]
    fn paragraph_ending_open_without_reopening_is_unclosed() {
        let text = "“First paragraph.\n\nNarration follows.";
        let p = run(text);
        assert!(
            matches!(p.issues[..], [MarkIssue::Unclosed { .. }]),
            "{:?}",
            p.issues
        );
    }

    #[test]
    fn unopened_close_recovers_the_sentence_start() {
        let text = "Officials met. The talks went well,” the minister said.";
        let p = run(text);
        match &p.issues[..] {
            [MarkIssue::Unopened { suggested_open, .. }] => {
                assert_eq!(
                    &text[*suggested_open as usize..*suggested_open as usize + 9],
                    "The talks"
                )
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(p.quotes[0].content.slice(text), "The talks went well,");
    }

    #[test]
    fn flipped_and_mixed_marks_are_mismatched() {
        let p = run("“Stop it“, he said. “Go\", she said.");
        assert_eq!(p.issues.len(), 2, "{:?}", p.issues);
        assert!(matches!(
            p.issues[0],
            MarkIssue::Mismatched {
                flipped: Some(Flipped::Close),
                ..
            }
        ));
        assert!(matches!(
            p.issues[1],
            MarkIssue::Mismatched { flipped: None, .. }
        ));
    }

    #[test]
    fn kinds_from_position() {
        assert_eq!(
            contents(
                "He called it a “total disaster” and the so-called “reform caucus” agreed. The film “Harbor Lights” opened."
            ),
            vec![
                ("total disaster".into(), QuoteKind::Fragment),
                ("reform caucus".into(), QuoteKind::Scare),
                ("Harbor Lights".into(), QuoteKind::Title),
            ]
        );
        assert_eq!(contents("He said: “We won.”")[0].1, QuoteKind::Full);
    }

    #[test]
    fn a_show_or_group_name_keeps_its_punctuation_inside_and_is_a_title() {
        let k = |t: &str| contents(t)[0].1;
        assert_eq!(
            k("Sunday on CNN’s “State of the Union,” the governor said it was over."),
            QuoteKind::Title
        );
        assert_eq!(k("“No,” he said on “Meet the Press.”"), QuoteKind::Full);
        assert_eq!(
            contents("“No,” he said on “Meet the Press.”")[1].1,
            QuoteKind::Title
        );
        assert_eq!(
            k("He joined the “Gang of Eight,” a bipartisan group."),
            QuoteKind::Title
        );
        assert_eq!(
            k("Ms. Reyes, the author of “Hacked World Order,” said it was likely."),
            QuoteKind::Title
        );
        assert_eq!(
            k("He hosted the reality show “Apprentice,” then ran."),
            QuoteKind::Title
        );
        assert_eq!(
            k("“Broad City” star Arturo Castro turned the tables."),
            QuoteKind::Title
        );
        assert_eq!(
            k("He also stars in the Netflix thriller, “Bloodline,” this year."),
            QuoteKind::Title
        );
        // A comma after an ordinary word still opens a full quote.
        assert_eq!(k("Then, “We Will Win This,” she said."), QuoteKind::Full);
        // A chant is speech, not a work.
        assert_ne!(
            k("Activists joined in a thunderous chant of “Feel the Bern.”"),
            QuoteKind::Title
        );
        // Lowercase words after a possessive are still the person's.
        assert_eq!(
            k("Clinton slammed Trump’s “reprehensible, prejudiced and divisive” plan."),
            QuoteKind::Fragment
        );
    }

    #[test]
    fn german_marks_pair_naturally() {
        let p = run("Er sagte: „Wir kommen“, und ging.");
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        assert_eq!(p.quotes.len(), 1);
    }

    #[test]
    fn wire_quotes_pair() {
        let text = "''She said 'no' twice,'' he said.";
        let p = run(text);
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        assert_eq!(p.quotes[0].content.slice(text), "She said 'no' twice,");
        assert_eq!(p.quotes[1].content.slice(text), "no");
    }
}
