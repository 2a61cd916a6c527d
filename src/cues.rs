//! Reporting cues: reporting verbs and patterns, each with its source.
//!
//! Patterns recognised: `X said` (source before the verb, also `X told Y
//! that`, `X has long said`), `said X` (inverted, after a comma or a closing
//! quote), `according to X` and other phrases whose source follows, `X:`
//! (a speaker label before a colon), and `the statement read` (a document
//! as source). The source is a noun phrase found by walking the sentence's
//! tokens away from the verb.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::lang::{LangRules, PhraseKind, Stance, VerbClass};
use crate::lower::lower;
use crate::span::Span;
use crate::tokens::{
    Token, is_capitalized, strip_possessive, tokenize, tokenize_lowered_into, tokenize_part,
};
use crate::wordclass::{
    CLAUSE_LINKS, CLAUSE_OPENERS, DETERMINERS, FINITE_AUX, IRREGULAR_PAST, ISSUING_VERBS, NOUNY,
    NP_PREP, SENTENCE_ADVERBS, SKIP_BEFORE_VERB, STOP, TIME_WORDS,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CuePattern {
    /// `X said`, `X told Y that`.
    SourceBefore,
    /// `said X` after a quote or comma.
    SourceAfter,
    /// `according to X`.
    AccordingTo,
    /// `X: …`.
    Colon,
    /// `the statement read`.
    DocumentRead,
    /// `her remark that`, `Trump’s claim that`: a speech noun after its
    /// possessor.
    SpeechNoun,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MentionKind {
    /// he, she, they, it.
    Pronoun,
    /// A proper name: Putin, the Kremlin, The Moscow Times.
    Name,
    /// A description: the president, a spokesperson.
    Nominal,
    /// A document: the statement, a report, the poll.
    Document,
    /// An unnamed source: sources, officials, a person familiar with.
    Anonymous,
}

/// A mention of a source, as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// The cue words: `said`, `according to`, `:`.
    pub span: Span,
    /// The verb's lemma or the phrase (shared with the rules that list
    /// it: most cues take a reference, not a copy).
    pub lemma: Arc<str>,
    pub stance: Stance,
    pub class: VerbClass,
    pub pattern: CuePattern,
    pub source: Option<Mention>,
    pub sentence: u32,
}

/// A weekday, capitalised as written.
fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// Finds the cues of every sentence.
pub fn find(text: &str, sentences: &[Span], rules: &LangRules) -> Vec<Cue> {
    find_with(text, sentences, rules, |_, _| {})
}

/// [`find`], handing each sentence's tokens to `also` so a later stage can
/// reuse them instead of tokenizing again.
pub fn find_with(
    text: &str,
    sentences: &[Span],
    rules: &LangRules,
    mut also: impl FnMut(Span, &[Token]),
) -> Vec<Cue> {
    let mut out = Vec::with_capacity(sentences.len());
    // The text's ASCII lower case, once: every ASCII word's lower case is
    // a slice of it (`Token::lower`), not a copy made at each look-up.
    let lowered = text.to_ascii_lowercase();
    let mut toks = Vec::with_capacity(64);
    for (si, &sent) in sentences.iter().enumerate() {
        toks.clear();
        tokenize_lowered_into(text, &lowered, sent, rules, &mut toks);
        find_in_sentence(text, &toks, si as u32, rules, &mut out);
        also(sent, &toks);
    }
    out
}

fn is_closing_quote(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | "»" | "」")
}

/// What a speech tag's unlisted verb looks like, for [`inverted_tag`] and
/// [`trailing_tag`]: a lowercase ASCII word of five bytes or more ending
/// in `ed` (`beamed`, `pressed`).
fn tag_verb(text: &str, t: &Token) -> bool {
    let word = t.text(text);
    t.word && word.len() > 4 && word.ends_with("ed") && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// An [`inverted_tag`] or else a [`trailing_tag`] at the word `i`.
fn unlisted_tag(text: &str, toks: &[Token], i: usize, si: u32, rules: &LangRules) -> Option<Cue> {
    if !tag_verb(text, &toks[i]) {
        return None;
    }
    inverted_tag(text, toks, i, si, rules).or_else(|| trailing_tag(text, toks, i, si, rules))
}

/// A speech tag with a verb the rules don't list, known by its place:
/// `…!” beamed Donald Hartley`, `…,” quipped Ana Ruiz`.
/// (The caller tests [`may_be_tag`] first.)
fn inverted_tag(text: &str, toks: &[Token], i: usize, si: u32, rules: &LangRules) -> Option<Cue> {
    let word = toks[i].text(text);
    debug_assert!(tag_verb(text, &toks[i]));
    if !(i > 0
        && closes_quote(text, &toks[i - 1])
        && text[..toks[i - 1].span.start as usize].ends_with([',', '!', '?']))
    {
        return None;
    }
    let next = toks
        .get(i + 1)
        .filter(|t| t.word && t.is_capitalized(text))?;
    let source = np_after(text, toks, i + 1, rules, false)
        .filter(|m| m.kind == MentionKind::Name && m.span.start == next.span.start)?;
    // `…,” retired Air Force general Lloyd Newton said`: an adjective
    // before the subject of a verb.
    let after = toks.partition_point(|t| t.span.start < source.span.end);
    if toks
        .get(after)
        .is_some_and(|t| t.word && rules.verbs.contains_key(t.lower(text).as_ref()))
    {
        return None;
    }
    Some(Cue {
        span: toks[i].span,
        lemma: word.into(),
        stance: Stance::Neutral,
        class: VerbClass::Speech,
        pattern: CuePattern::SourceAfter,
        source: Some(source),
        sentence: si,
    })
}

/// The same tag with the subject first: `“…?” Hannity pressed.`, `“…,” she
/// smiled, …` — an unlisted past tense after a name or pronoun that
/// directly follows a quote's closing punctuation, ending the clause.
fn trailing_tag(text: &str, toks: &[Token], i: usize, si: u32, rules: &LangRules) -> Option<Cue> {
    debug_assert!(tag_verb(text, &toks[i]));
    if !(toks.get(i + 1).is_none_or(|t| {
        matches!(
            t.text(text),
            "." | "," | "!" | "?" | ":" | "on" | "about" | "at"
        )
    })) {
        return None;
    }
    // The subject is a few words: the last punctuation before the verb
    // (or the sentence start) must be where a quote closes.
    if let Some(k) = (i.saturating_sub(7)..i).rev().find(|&k| !toks[k].word)
        && !closes_quote(text, &toks[k])
    {
        return None;
    }
    // One pronoun, up to three capitalised words, or a description of up
    // to five words (`the Republican vice-presidential nominee riffed`),
    // after the quote.
    let mut start = i;
    while start > 0 && i - start < 3 && toks[start - 1].word && toks[start - 1].is_capitalized(text)
    {
        start -= 1;
    }
    if start == i
        && i > 0
        && toks[i - 1].word
        && matches!(toks[i - 1].lower(text).as_ref(), "he" | "she" | "they")
    {
        start = i - 1;
    }
    // (Also before a name: `“…,” an angry Hollande retaliated.`)
    if (start == i || start > 0 && toks[start - 1].word)
        && let Some(the) = (start.saturating_sub(5)..start)
            .rev()
            .take_while(|&k| toks[k].word)
            // (`“…,” an angry Hollande retaliated.`)
            .find(|&k| matches!(toks[k].lower(text).as_ref(), "the" | "a" | "an"))
        && the + 1 < i
        && !toks[the + 1..i].iter().any(|t| {
            let l = t.lower(text);
            rules.verbs.contains_key(l.as_ref())
                || matches!(
                    l.as_ref(),
                    "was" | "were" | "is" | "are" | "be" | "been" | "has" | "had" | "have"
                )
        })
    {
        start = the;
    }
    // (The quote may end the sentence before: `…?” Hannity pressed.`)
    let before = text[..toks[start].span.start as usize].trim_end();
    let closed = before
        .strip_suffix(['”', '"', '’', '\'', '»'])
        .is_some_and(|b| b.ends_with([',', '!', '?']));
    if start == i || !closed || start > 0 && !closes_quote(text, &toks[start - 1]) {
        return None;
    }
    let span = Span {
        start: toks[start].span.start,
        end: toks[i - 1].span.end,
    };
    Some(Cue {
        span: toks[i].span,
        lemma: toks[i].text(text).into(),
        stance: Stance::Neutral,
        class: VerbClass::Speech,
        pattern: CuePattern::SourceBefore,
        source: Some(mention(text, span, &toks[start..i], rules)),
        sentence: si,
    })
}

/// What [`inverted_tag`] and [`trailing_tag`] need before they look at
/// any text: a word of five bytes or more, after punctuation (a closing
/// quote is never a word token) or ending in `ed`. Most words fail it, so
/// the cue loop tests it inline.
#[inline(always)]
fn may_be_tag(text: &str, toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    let b = t.bytes(text);
    b.len() > 4 && (i > 0 && !toks[i - 1].word || b.ends_with(b"ed"))
}

/// The first token from `from` that is a word and may start a cue or be
/// an unlisted speech tag ([`may_be_tag`]): a plain loop over the slice,
/// kept out of line so that its position and the slice stay in registers
/// (inlined into the cue loop, or as a `find` over a range, they were
/// spilled to memory and reloaded at every token).
#[inline(never)]
fn next_candidate(text: &str, toks: &[Token], from: usize) -> Option<usize> {
    let mut k = from;
    while let Some(t) = toks.get(k) {
        // (A token that may start a cue is a word; of the others, most are
        // too short to be a tag, which turns them away before `word`.)
        if t.may_start_cue() || t.bytes(text).len() > 4 && t.word && may_be_tag(text, toks, k) {
            return Some(k);
        }
        k += 1;
    }
    None
}

/// Whether token `t` closes a quotation: a closing mark, or an opening “
/// typed the wrong way round after the quote's last punctuation and before
/// a space (`“It’s unusual,“ said Noble`).
fn closes_quote(text: &str, t: &Token) -> bool {
    let s = t.text(text);
    is_closing_quote(s)
        || s == "“"
            && text[..t.span.start as usize].ends_with([',', '.', '!', '?'])
            && text[t.span.end as usize..].starts_with(char::is_whitespace)
}

/// Whether `at` directly follows a quote closed on a comma, question or
/// exclamation mark (`“…,” Will wrote`): a speech tag's place.
fn in_tag_position(text: &str, at: u32) -> bool {
    let before = text[..at as usize].trim_end();
    let inner = before.trim_end_matches(['”', '"', '’', '\'']);
    inner.len() < before.len() && inner.ends_with([',', '?', '!'])
}

/// A source that is one lowercase function word or verb, which no subject
/// can be: a determiner left over where the cue word is a noun (`a call
/// for`, `the deadly attacks`), an adverb or preposition (`On Wednesday,
/// however, …`) or another verb (`came shouts`, `took credit`).
fn stray_word(text: &str, m: &Mention) -> bool {
    let s = m.span.slice(text);
    // `“…,” Will wrote`: a capitalised word right after a quote is a name.
    if s.starts_with(char::is_uppercase) && in_tag_position(text, m.span.start) {
        return false;
    }
    // `many of them derisively known as …`: an object pronoun is no
    // subject.
    if m.kind == MentionKind::Pronoun {
        return matches!(lower(s).as_ref(), "them" | "him" | "us" | "me");
    }
    if s.contains(char::is_whitespace) {
        // `as the platform committee meeting began vowing to …`: a phrase
        // that ends on a past tense is a clause, not a noun phrase.
        return s
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase) && IRREGULAR_PAST.contains(&w));
    }
    let l = lower(s);
    let l = l.as_ref();
    // `Instead, Will called for …`: a sentence adverb, capitalised or not.
    if SENTENCE_ADVERBS.contains(&l) {
        return true;
    }
    // `one`, `several`, `many`, `another` stand for people on their own.
    let quantifier = matches!(l, "one" | "two" | "three" | "several" | "many" | "another");
    // `The retired neurosurgeon …, saying`: a determiner or preposition,
    // capitalised or not; a bare number (`$70,000 to sign up`).
    if DETERMINERS.contains(&l) && !quantifier
        || NP_PREP.contains(&l)
        || s.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return true;
    }
    // A capitalised verb form may be a name (`Will`, `Rich`).
    if !s.starts_with(char::is_lowercase) {
        return false;
    }
    FINITE_AUX.contains(&l)
        || IRREGULAR_PAST.contains(&l)
        || matches!(
            l,
            "however" | "between" | "toward" | "towards" | "various" | "keeps" | "gives" | "takes"
        )
}

fn find_in_sentence(text: &str, toks: &[Token], si: u32, rules: &LangRules, out: &mut Vec<Cue>) {
    let w = |i: usize| toks[i].text(text);
    // Speaker label: `Reed: “…”` at the start of the sentence. A dateline
    // (`MOSCOW: Russia and …`) is not followed by a quotation mark.
    if let Some(colon) = toks.iter().take(7).position(|t| t.is_byte(text, b':')) {
        let start = usize::from(toks.first().is_some_and(|t| !t.word && t.text(text) != "("));
        let quote_follows = toks
            .get(colon + 1)
            .is_some_and(|t| matches!(t.text(text), "“" | "\"" | "'" | "‘" | "«" | "„"));
        if quote_follows
            && colon > start
            && (start..colon).all(|i| toks[i].word && toks[i].is_capitalized(text))
            && colon - start <= 5
        {
            let span = Span {
                start: toks[start].span.start,
                end: toks[colon - 1].span.end,
            };
            out.push(Cue {
                span: toks[colon].span,
                lemma: ":".into(),
                stance: Stance::Neutral,
                class: VerbClass::Speech,
                pattern: CuePattern::Colon,
                source: Some(mention(text, span, &toks[start..colon], rules)),
                sentence: si,
            });
        }
    }
    let mut i = 0;
    // Most tokens are punctuation, or words that neither may start a cue
    // nor be an unlisted speech tag: a tight scan passes them. (Speech
    // nouns are in the cue-start filter.)
    while let Some(next) = next_candidate(text, toks, i) {
        i = next;
        if !toks[i].may_start_cue() {
            // `“This is fantastic!” beamed Donald Hartley`: a past tense
            // between a quote's closing punctuation and a name is a speech
            // tag, whatever the verb.
            if let Some(c) = unlisted_tag(text, toks, i, si, rules) {
                out.push(c);
            }
            i += 1;
            continue;
        }
        let lw = toks[i].lower(text);
        let start = rules.phrase_index.get(lw.as_ref());
        // `her remark that`: a speech noun (flagged in `phrase_index`, so
        // found with the same lookup) after its possessor.
        if start.is_some_and(|s| s.speech_noun)
            && let Some(c) = speech_noun(text, toks, i, si, rules)
        {
            out.push(c);
            i += 1;
            continue;
        }
        let Some(start) = start.filter(|s| s.starts_phrase_or_verb()) else {
            if may_be_tag(text, toks, i)
                && let Some(c) = unlisted_tag(text, toks, i, si, rules)
            {
                out.push(c);
            }
            i += 1;
            continue;
        };
        // Multi-word phrases first.
        let mut matched = false;
        for pc in start.phrases.iter().map(|&k| &rules.phrase_cues[k]) {
            let n = match_phrase(text, toks, i, &pc.words);
            if n == 0 {
                continue;
            }
            // `standing by her side` is no `stand by` (support).
            if pc.words.last().is_some_and(|l| l == "by")
                && toks
                    .get(i + n + 1)
                    .is_some_and(|t| t.word && t.lower(text).as_ref() == "side")
            {
                continue;
            }
            let span = Span {
                start: toks[i].span.start,
                end: toks[i + n - 1].span.end,
            };
            let (pattern, source) = match pc.kind {
                PhraseKind::SourceAfter => (
                    CuePattern::AccordingTo,
                    np_after(text, toks, i + n, rules, true),
                ),
                // `his call for`, `a wake-up call for`: a noun.
                PhraseKind::Verb if noun_after_determiner(text, toks, i, rules) => continue,
                PhraseKind::Verb => verb_source(text, toks, i, i + n, rules),
                PhraseKind::DocumentRead => {
                    let after_quote =
                        i > 0 && (closes_quote(text, &toks[i - 1]) || w(i - 1) == ",");
                    // `“…,” read one.` (of several signs): a quantifier
                    // alone after the verb.
                    let one = after_quote
                        && toks.get(i + n).is_some_and(|t| {
                            t.word && matches!(t.lower(text).as_ref(), "one" | "another")
                        })
                        && toks.get(i + n + 1).is_none_or(|t| !t.word);
                    let src =
                        if one {
                            Some(mention(text, toks[i + n].span, &toks[i + n..=i + n], rules))
                        } else if after_quote {
                            // `reads a Wednesday editorial in The Des Moines
                            // Register`: a document noun heads the phrase.
                            np_after(text, toks, i + n, rules, true).filter(|m| {
                                m.kind == MentionKind::Document
                                    || m.span.slice(text).rsplit(' ').next().is_some_and(|h| {
                                        rules.documents.contains(lower(h).as_ref())
                                    })
                            })
                        } else {
                            None
                        }
                        .or_else(|| np_before(text, toks, i, rules));
                    match src {
                        Some(m) if m.kind == MentionKind::Document || after_quote => {
                            (CuePattern::DocumentRead, Some(m))
                        }
                        // `At the bottom it reads, “…”` and `“…,” it read.`:
                        // the pronoun stands for a document.
                        Some(m)
                            if m.kind == MentionKind::Pronoun
                                && lower(m.span.slice(text)) == "it"
                                && (toks.get(i + n).is_some_and(|t| t.text(text) == ",")
                                    || i >= 2 && closes_quote(text, &toks[i - 2])) =>
                        {
                            (CuePattern::DocumentRead, Some(m))
                        }
                        _ => continue,
                    }
                }
            };
            let source = source.filter(|m| !stray_word(text, m));
            out.push(Cue {
                span,
                lemma: Arc::clone(&pc.phrase),
                stance: pc.stance,
                class: VerbClass::Speech,
                pattern,
                source,
                sentence: si,
            });
            i += n;
            matched = true;
            break;
        }
        if matched {
            continue;
        }
        // A capitalised verb form inside a sentence is a name: the
        // Washington Post, the United States, Turner Broadcasting.
        let sentence_initial = i == 0 || (i == 1 && !toks[0].word);
        // `…, Credit Suisse and UBS`: or before another capitalised word.
        let name_like = toks[i].is_capitalized(text)
            && !sentence_initial
            && i > 0
            && (toks[i - 1].word
                && (toks[i - 1].is_capitalized(text) || DETERMINERS.has(toks[i - 1], text))
                || toks
                    .get(i + 1)
                    .is_some_and(|t| t.word && t.is_capitalized(text)));
        // The word's verb entry, for the two patterns below (found with its
        // phrases: no second lookup).
        let verb = start.verb.as_ref().filter(|_| !name_like);
        // `Sanders was asked by host Bill Maher, “…”`, `criticized by
        // Republicans as “reckless”`: a passive's agent is the speaker.
        if let Some(v) = verb
            && lw.ends_with("ed")
            && toks.get(i + 1).is_some_and(|t| t.lower(text).as_ref() == "by")
            // `responded by saying` is active.
            && toks.get(i + 2).is_some_and(|t| !t.lower(text).ends_with("ing"))
            // Not at the start of the sentence: `Asked by Stephanopoulos to
            // respond, Carson said, “…”` describes the main clause's subject.
            && !sentence_initial
            // Only in a sentence that quotes: `borders defended by its
            // weakest countries` reports nothing.
            && toks
                .iter()
                .any(|t| matches!(t.text(text), "“" | "\"" | "‘" | "«" | "„" | "''"))
            && let Some(agent) = np_after(text, toks, i + 2, rules, true).filter(|m| {
                // `highlighted by the recent shootings`: only someone speaks.
                match m.kind {
                    MentionKind::Name | MentionKind::Anonymous => true,
                    MentionKind::Nominal => m
                        .span
                        .slice(text)
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| rules.is_title(&lower(w))),
                    _ => false,
                }
            })
        {
            out.push(Cue {
                span: toks[i].span,
                lemma: Arc::clone(&v.lemma),
                stance: v.stance,
                class: v.class,
                pattern: CuePattern::SourceAfter,
                source: Some(agent),
                sentence: si,
            });
            i += 1;
            continue;
        }
        if let Some(v) = verb
            && !is_passive_or_adjectival(text, toks, i, rules)
        {
            let (pattern, mut source) = verb_source(text, toks, i, i + 1, rules);
            // `Bolton distanced himself … by saying he would …`: the gerund's
            // subject is the sentence's.
            if w(i).ends_with("ing")
                && i > 0
                && matches!(
                    toks[i - 1].lower(text).as_ref(),
                    "by" | "after" | "before" | "upon" | "while" | "despite"
                )
            {
                let sentence = Span {
                    start: toks[0].span.start,
                    end: toks[toks.len() - 1].span.end,
                };
                // `After saying her foot was “…”, she …`: an opening clause
                // reports for the main clause's subject.
                // (The sentence's tokens are those `subject` and
                // `subject_after_opener` would find: the span is theirs, up
                // to the sentence's end, when `subject` reads all of it.)
                let subject_of_sentence = if i == 1 {
                    subject_after_opener_in(text, toks, rules)
                } else if sentence.len() <= SUBJECT_BYTES {
                    subject_in(text, toks, rules)
                } else {
                    subject(text, sentence, rules)
                };
                // `Paul Ryan, R-Wis., despite admitting …`: the phrase
                // interrupts its subject's clause after a comma.
                let interrupted = (i >= 3 && toks[i - 2].text(text) == ",")
                    .then(|| np_before(text, toks, i - 1, rules))
                    .flatten()
                    .filter(|m| m.kind != MentionKind::Pronoun);
                let prep = toks[i - 1].span;
                source = interrupted
                    .or(subject_of_sentence
                        .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun)))
                    .or(source.filter(|m| m.span != prep));
                // Without a subject to report for, such a gerund is no cue
                // (`while denouncing the “perversion” of …, she …`).
                if source.is_none() {
                    i += 1;
                    continue;
                }
            }
            // `X said Monday, adding that …`: the earlier cue's source.
            if w(i).ends_with("ing") && i > 0 && w(i - 1) == "," {
                let earlier = out
                    .iter()
                    .rev()
                    .take_while(|c| c.sentence == si)
                    // Not a relative clause's report: in `… an architect
                    // who said he was stiffed …, saying, “…”` the
                    // participle hangs from the main clause.
                    .filter(|c| {
                        !c.source
                            .as_ref()
                            .is_some_and(|m| matches!(m.span.slice(text), "who" | "which" | "that"))
                    })
                    .find_map(|c| c.source.clone());
                if earlier.is_some() {
                    source = earlier;
                }
            }
            let source = source.filter(|m| !stray_word(text, m));
            out.push(Cue {
                span: toks[i].span,
                lemma: Arc::clone(&v.lemma),
                stance: v.stance,
                class: v.class,
                pattern,
                source,
                sentence: si,
            });
        }
        i += 1;
    }
}

/// `her remark that “…”`, `Donald Trump’s claim that Obama “founded
/// ISIS”`, `his call for “a total and complete ban”`: a speech noun after
/// a possessive, followed by what was said (a `that` clause or a
/// quotation), is a cue whose source is the possessor.
fn speech_noun(text: &str, toks: &[Token], i: usize, si: u32, rules: &LangRules) -> Option<Cue> {
    // The possessive, right before the noun or before one modifier
    // (`her March comment`, `his earlier remark`). Its last byte (`s` of
    // `’s`, `his`, `its`; `r` of `her`, `their`) turns most words away
    // before any lookup.
    let possessive = |p: usize| {
        let pw = toks[p].text(text);
        toks[p].word
            && matches!(pw.as_bytes().last(), Some(b's' | b'r'))
            && (matches!(
                pw,
                "his" | "her" | "their" | "its" | "His" | "Her" | "Their" | "Its"
            ) || (pw.ends_with("’s") || pw.ends_with("'s"))
                && toks[p].is_capitalized(text)
                && !contracted_auxiliary(&toks[p].lower(text)))
    };
    let p = i.checked_sub(1).filter(|&p| toks[p].word)?;
    let p = if possessive(p) {
        p
    } else {
        p.checked_sub(1).filter(|&q| possessive(q))?
    };
    let lw = toks[i].lower(text);
    if !rules.speech_nouns.contains(lw.as_ref())
        || p + 1 < i && rules.verbs.contains_key(toks[p + 1].lower(text).as_ref())
    {
        return None;
    }
    // (`possessive` held: a name's `’s`, or else a pronoun.)
    let pw = toks[p].text(text);
    let possessive_name = pw.ends_with("’s") || pw.ends_with("'s");
    let opens_quote = |t: &Token| matches!(t.text(text), "“" | "\"" | "‘" | "«" | "„" | "''");
    let directive = matches!(
        lw.as_ref(),
        "call" | "calls" | "promise" | "promises" | "pledge" | "vow" | "appeal" | "appeals"
    );
    let is_that = |t: &Token| t.word && t.lower(text).as_ref() == "that";
    // What was said follows at once (`her remark that`, `his call for`),
    // or after a short adjunct (`his statement on Wednesday that`, `her
    // assertion during the debate that`).
    let said = toks.get(i + 1).is_some_and(|t| {
        is_that(t)
            || opens_quote(t)
            || directive && matches!(t.lower(text).as_ref(), "for" | "to")
            || matches!(
                t.lower(text).as_ref(),
                "on" | "during" | "in" | "at" | "before" | "last" | "this" | "earlier"
            ) && toks[i + 2..]
                .iter()
                .take(6)
                .find(|t| !t.word || is_that(t))
                .is_some_and(is_that)
    });
    if !said {
        return None;
    }
    // The possessor: the pronoun, or the capitalised words of the name.
    let mut start = p;
    if possessive_name {
        while start > 0
            && (toks[start - 1].word && toks[start - 1].is_capitalized(text)
                || toks[start - 1].text(text) == ".")
        {
            start -= 1;
        }
        while toks[start].text(text) == "." {
            start += 1;
        }
    }
    let span = Span {
        start: toks[start].span.start,
        end: toks[p].span.end,
    };
    Some(Cue {
        span: toks[i].span,
        lemma: lw.as_ref().into(),
        stance: Stance::Neutral,
        class: VerbClass::Speech,
        pattern: CuePattern::SpeechNoun,
        source: Some(mention(text, span, &toks[start..=p], rules)),
        sentence: si,
    })
}

/// Number of tokens the phrase covers at `i`, or 0. The phrase comes from
/// `phrase_index` under the word at `i`, so its first word matches already.
fn match_phrase(text: &str, toks: &[Token], i: usize, phrase: &[String]) -> usize {
    for (n, part) in phrase.iter().enumerate().skip(1) {
        match toks.get(i + n) {
            Some(t) if *t.lower(text) == **part => {}
            _ => return 0,
        }
    }
    phrase.len()
}

/// `he’s`, `they’re`, `I’m`, `that’s` (lower case): a pronoun with a
/// contracted auxiliary, not a possessive.
fn contracted_auxiliary(word: &str) -> bool {
    // Every contraction ends in `s`, `e` or `m`: most words are turned
    // away by their last byte before any suffix is compared, and only the
    // two suffixes of that byte are.
    let stem = match word.as_bytes().last() {
        Some(b's') => word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")),
        Some(b'e') => word
            .strip_suffix("’re")
            .or_else(|| word.strip_suffix("'re")),
        Some(b'm') => word.strip_suffix("’m").or_else(|| word.strip_suffix("'m")),
        _ => None,
    };
    stem.is_some_and(|w| {
        matches!(
            w,
            "he" | "she" | "it" | "they" | "we" | "you" | "i" | "who" | "that" | "there" | "what"
        )
    })
}

/// `his call for`, `a passionate advocate`, `a wake-up call`: the word at
/// `i` is a noun, after a determiner or, in its base form, at the end of a
/// singular noun phrase (a verb after `a …` would agree: `a critic calls`).
fn noun_after_determiner(text: &str, toks: &[Token], i: usize, rules: &LangRules) -> bool {
    let Some(j) = i.checked_sub(1).filter(|&j| toks[j].word) else {
        return false;
    };
    if matches!(
        toks[j].lower(text).as_ref(),
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
    ) {
        return true;
    }
    // The article first: most verbs have none before them, and then the
    // verb needs no lookup.
    // Back from the word before the verb, at most two words more, over
    // lowercase words only: each word passed is tested once (it is the
    // one that joins the run of lowercase words before the verb).
    let article = {
        let lo = i.saturating_sub(3);
        let mut k = j;
        let mut found = false;
        while k > lo && toks[k].word && !toks[k].is_capitalized(text) {
            k -= 1;
            if toks[k].word && matches!(toks[k].lower(text).as_ref(), "a" | "an") {
                found = true;
                break;
            }
        }
        found
    };
    article && {
        let lw = toks[i].lower(text);
        rules
            .verbs
            .get(lw.as_ref())
            .is_some_and(|v| *v.lemma == *lw)
    }
}

/// `was told`, `is said`, `the so-called`, `an infrastructure project`:
/// not a report by a subject.
fn is_passive_or_adjectival(text: &str, toks: &[Token], i: usize, rules: &LangRules) -> bool {
    if noun_after_determiner(text, toks, i, rules) {
        return true;
    }
    // Only the word directly before counts: after a quote or a comma the
    // previous word belongs to another phrase.
    let prev_idx = i.checked_sub(1).filter(|&j| toks[j].word);
    let prev = prev_idx.map(|j| toks[j].lower(text));
    let word = toks[i].text(text);
    let lw = toks[i].lower(text);
    // `allow` reports only a clause (`allowed that the plan had flaws`,
    // `allowed, “…”`), not `allowing people to see …`, `allowed its case
    // to be heard`.
    if lw.starts_with("allow")
        && rules
            .verbs
            .get(lw.as_ref())
            .is_some_and(|v| &*v.lemma == "allow")
        && !toks.get(i + 1).is_some_and(|t| {
            t.lower(text).as_ref() == "that" || (!t.word && !matches!(t.text(text), "(" | "-"))
        })
    {
        return true;
    }
    // Negated: `didn't say`, `won't allow`, `never said`.
    if let Some(p) = prev.as_deref()
        && (p.ends_with("n't") || p.ends_with("n’t") || matches!(p, "not" | "never" | "cannot"))
    {
        return true;
    }
    // A participle modifying a noun: `a report charging`, `a statement
    // saying`. It reports only after a comma or an auxiliary.
    if lw.ends_with("ing") && i > 0 && toks[i - 1].word {
        let p = prev.as_deref().unwrap_or("");
        // `a statement saying …`: a document reports (also `a statement
        // Wednesday saying …`).
        let before_day = (is_weekday(toks[i - 1].text(text)) && i > 1 && toks[i - 2].word)
            .then(|| toks[i - 2].lower(text));
        if rules.documents.contains(strip_possessive(p))
            || before_day.is_some_and(|d| rules.documents.contains(strip_possessive(&d)))
        {
            return false;
        }
        // `before saying, “…”`, `footage of Hillary Clinton asking, “…”`: a
        // gerund that introduces a quotation after a comma or colon.
        // `distanced himself by saying he would …`: a gerund after a
        // preposition of manner or time reports for the main clause.
        if matches!(p, "by" | "after" | "before" | "upon" | "while" | "despite")
            && lw.as_ref() != "being"
        {
            return false;
        }
        if introduces_quote(text, toks, i + 1)
            && (matches!(
                p,
                "before" | "after" | "upon" | "while" | "without" | "when" | "by"
            ) || toks
                .get(i + 1)
                .is_some_and(|t| matches!(t.text(text), "," | ":"))
                && toks[i - 1].is_capitalized(text))
        {
            return false;
        }
        // `with Sen. John McCain calling it …`, `– Ryan saying he was …`:
        // an absolute clause whose subject is the name before the gerund.
        if toks[i - 1].is_capitalized(text) && !p.ends_with("’s") && !p.ends_with("'s") {
            let mut k = i - 1;
            while k > 0
                && (toks[k - 1].word && toks[k - 1].is_capitalized(text)
                    || toks[k - 1].text(text) == ".")
            {
                k -= 1;
            }
            if k > 0 && matches!(toks[k - 1].text(text), "with" | "and" | "—" | "–" | ",") {
                return false;
            }
        }
        // `with many marchers and spectators chanting “…”`, `with the
        // campaign of the former senator saying …`: a noun phrase of a few
        // words after `with`.
        if !p.ends_with("’s")
            && !p.ends_with("'s")
            && !DETERMINERS.has(toks[i - 1], text)
            && !NP_PREP.has(toks[i - 1], text)
            && (i.saturating_sub(9)..i - 1)
                .rev()
                .take_while(|&k| toks[k].word)
                .any(|k| toks[k].lower(text).as_ref() == "with")
        {
            return false;
        }
        // `he’s predicting`, `they’re claiming`: a contracted auxiliary.
        if !contracted_auxiliary(p)
            && !matches!(
                p,
                "is" | "was"
                    | "were"
                    | "are"
                    | "been"
                    | "be"
                    | "am"
                    | "keeps"
                    | "kept"
                    | "started"
                    | "began"
                    | "continued"
                    | "continues"
                    // `can be heard asking`, `is seen saying`
                    | "heard"
                    | "seen"
            )
            && !p.ends_with("ly")
        {
            return true;
        }
    }
    // A naming participle after an indefinite noun phrase: `a company
    // called Tigris`, `a newly formed super PAC called Future 45` (but `A
    // spokesman called it …` opens the sentence with its subject).
    if matches!(
        lw.as_ref(),
        "called"
            | "named"
            | "dubbed"
            | "titled"
            | "entitled"
            | "nicknamed"
            | "labeled"
            | "labelled"
    ) && i >= 2
        && toks[i - 1].word
        && !toks[i - 1].is_capitalized(text)
        && (i.saturating_sub(4)..i - 1).any(|k| {
            k > 0
                && matches!(toks[k].lower(text).as_ref(), "a" | "an")
                && toks[k + 1..i].iter().all(|t| t.word)
        })
    {
        return true;
    }
    // A reduced passive: `a court document filed by the state attorney`,
    // `the divide highlighted by the shootings`, `a star likened to …`
    // (an active `liken` has its object before `to`).
    if lw.ends_with("ed") && !is_capitalized(word) {
        let next = toks.get(i + 1).map(|t| t.lower(text));
        let next = next.as_deref();
        // `responded by saying` is active.
        let by_gerund = toks
            .get(i + 2)
            .is_some_and(|t| t.word && t.lower(text).ends_with("ing"));
        if next == Some("by") && !by_gerund
            || next == Some("to")
                && matches!(
                    lw.as_ref(),
                    "likened" | "compared" | "attributed" | "credited" | "addressed"
                )
        {
            return true;
        }
    }
    // `a Facebook message posted Friday`, `a statement released Monday`: a
    // document's participle is passive.
    // (The participle first: the document lookup is the dearer test.)
    if let Some(p) = prev.as_deref()
        && matches!(
            lw.as_ref(),
            "posted"
                | "released"
                | "issued"
                | "published"
                | "sent"
                | "filed"
                | "aired"
                | "circulated"
                | "distributed"
                | "obtained"
                | "tweeted"
        )
        && rules.documents.contains(strip_possessive(p))
    {
        return true;
    }
    // After a possessive it is a noun: `Clinton’s remarks`, `Farook’s name`;
    // not after a contracted `is` (`he’s claiming`).
    if prev_idx.is_some_and(|j| {
        j + 1 == i && {
            let p = toks[j].text(text);
            // (The suffix first: most words end in none of them.)
            (p.ends_with("’s") || p.ends_with("'s") || p.ends_with("s’") || p.ends_with("s'"))
                && !contracted_auxiliary(&toks[j].lower(text))
        }
    }) {
        return true;
    }
    if NOUNY.has(toks[i], text) {
        // A name before it makes it a verb (`Trump posts`), unless the name
        // itself modifies a noun (`a series of Twitter posts`).
        // (Looked up where a rule below reads it, not for every such word.)
        let base_form = || {
            rules
                .verbs
                .get(lw.as_ref())
                .is_some_and(|vi| *vi.lemma == *lw)
        };
        // At the start of the sentence, before a base form (`Republicans
        // claim`) or a form no verb follows (`Trump claims the …`, not
        // `Twitter posts show`).
        // Whether the capitalised words that start at `k` follow `Name and`.
        let coordinated = |k: usize| {
            k >= 2
                && toks[k - 1].word
                && toks[k - 1].lower(text).as_ref() == "and"
                && toks[k - 2].word
                && toks[k - 2].is_capitalized(text)
        };
        let name_start = |j: usize| {
            let mut k = j;
            while k > 0 && toks[k - 1].word && toks[k - 1].is_capitalized(text) {
                k -= 1;
            }
            k
        };
        let name_subject = |j: usize| {
            let k = name_start(j);
            if k == 0 {
                return base_form()
                    || toks.get(i + 1).is_some_and(|t| {
                        !finite_verb(text, toks, i + 1, rules)
                            && !rules.verbs.contains_key(t.lower(text).as_ref())
                    });
            }
            // `Obama and Clinton call`: two names joined by `and`.
            coordinated(k)
                || !(toks[k - 1].word
                    && (DETERMINERS.has(toks[k - 1], text) || NP_PREP.has(toks[k - 1], text)))
        };
        // `…, saying “…”`, `…, warning that …`: a participle clause after
        // a comma reports.
        let participle_clause =
            lw.ends_with("ing") && i > 0 && matches!(toks[i - 1].text(text), "," | "—" | "–" | ";");
        // `Michael Gerson, a former speechwriter, calls Cruz …`: a verb
        // after an appositive that closes on a name.
        let after_appositive = || {
            word.ends_with('s')
                && i > 0
                && toks[i - 1].text(text) == ","
                && np_before(text, toks, i, rules).is_some_and(|m| m.kind == MentionKind::Name)
        };
        // `“…,” the Saudis state in the white paper`: a name (with its
        // article) right after a quote's closing comma is the tag's subject.
        let tag_subject = || {
            prev_idx.is_some_and(|j| {
                j + 1 == i && toks[j].is_capitalized(text) && {
                    let k = name_start(j);
                    let np = if k > 0 && toks[k - 1].lower(text).as_ref() == "the" {
                        k - 1
                    } else {
                        k
                    };
                    in_tag_position(text, toks[np].span.start)
                }
            })
        };
        // (Each test only when those before it fail.)
        let ok = participle_clause
            || after_appositive()
            || tag_subject()
            || match (prev_idx, prev.as_deref()) {
                (Some(j), Some(p)) => {
                    j + 1 == i
                        // `the Paris attack`, `the Benghazi attack`: a base
                        // form after a singular name is a compound noun;
                        // `Republicans attack` is a verb.
                        && (toks[j].is_capitalized(text)
                            && name_subject(j)
                            && (!base_form() || {
                                let n = toks[j].text(text);
                                n.ends_with('s') && !n.ends_with("is") && !n.ends_with("ss") && !n.ends_with("us")
                            } || coordinated(name_start(j)))
                        || matches!(
                            p,
                            "he" | "she"
                                | "they"
                                | "it"
                                | "we"
                                | "i"
                                | "you"
                                | "who"
                                // `the report, which notes, “…”`
                                | "which"
                                | "also"
                                | "often"
                                | "still"
                                | "now"
                                | "officials"
                                | "sources"
                                | "critics"
                                | "experts"
                                | "analysts"
                                | "people"
                        )
                        || p.ends_with("ly")
                        // `The ad claims`, `the report notes`: a document
                        // noun after a determiner.
                        || rules.documents.contains(strip_possessive(p))
                            && !toks[j].is_capitalized(text)
                            && (0..j)
                                .rev()
                                .take(3)
                                .find(|&k| !(toks[k].word && toks[k].is_capitalized(text)) || k == 0)
                                .is_some_and(|k| {
                                    DETERMINERS.has(toks[k], text)
                                }))
                }
                _ => false,
            };
        if !ok
            || toks.get(i + 1).is_some_and(|t| {
                matches!(t.lower(text).as_ref(), "of" | "by" | "from" | "on" | "to")
            }) && !word.ends_with('s')
        {
            return true;
        }
    }
    match prev.as_deref() {
        Some("was" | "were" | "been" | "being" | "be" | "is" | "are" | "get" | "got" | "gets") => {
            // "was told" is passive; "was saying"/"were asking" are reports.
            !word.ends_with("ing")
        }
        // `He is best known as …`, `was well known for`, `is also called`.
        Some("best" | "well" | "better" | "also" | "often" | "widely" | "commonly")
            if i >= 2
                && matches!(
                    toks[i - 2].lower(text).as_ref(),
                    "was" | "were" | "been" | "being" | "be" | "is" | "are"
                ) =>
        {
            !word.ends_with("ing")
        }
        // (`the`, `a`, `his` … are [`noun_after_determiner`]'s.)
        Some("this" | "that" | "no" | "any") => true,
        // `three claims`, but `the mother of three replied`, `some said`:
        // a past tense after a quantifier is its verb, and so is a base
        // form after `the two` (`“…,” the two write`).
        Some("few" | "some" | "many" | "several" | "two" | "three") => {
            let past = !lw.ends_with('s')
                && !lw.ends_with("ing")
                && rules
                    .verbs
                    .get(lw.as_ref())
                    .is_some_and(|vi| *vi.lemma != *lw);
            let after_the = i >= 2
                && toks[i - 2].word
                && toks[i - 2].lower(text).as_ref() == "the"
                && rules
                    .verbs
                    .get(lw.as_ref())
                    .is_some_and(|vi| *vi.lemma == *lw);
            !(past || after_the)
        }
        // After a preposition a verb form is a noun: `amid disputes over`,
        // `of claims`, `over charges` (a gerund may still report).
        Some("amid" | "of" | "over" | "about" | "against" | "among" | "despite") => {
            !word.ends_with("ing")
        }
        _ => false,
    }
}

/// The source of a verb cue spanning tokens `v..end`.
fn verb_source(
    text: &str,
    toks: &[Token],
    v: usize,
    end: usize,
    rules: &LangRules,
) -> (CuePattern, Option<Mention>) {
    let prev = v.checked_sub(1).map(|p| toks[p].text(text));
    let verb = toks[v].lower(text);
    let gerund = verb.ends_with("ing");
    let after_quote = v > 0 && closes_quote(text, &toks[v - 1]);
    // `Mr. Trump was prompted to say, “…”`, `McConnell deflected questions
    // before saying, “…”`: an infinitive or a gerund after a preposition
    // that introduces a quotation speaks for the nearest clause's subject.
    let nonfinite = match prev {
        Some("to") => true,
        Some(_) if gerund => matches!(
            toks[v - 1].lower(text).as_ref(),
            "before" | "after" | "upon" | "by" | "while" | "without" | "when"
        ),
        _ => false,
    };
    if nonfinite && introduces_quote(text, toks, end) {
        return (
            CuePattern::SourceBefore,
            nearest_clause_subject(text, toks, v - 1, rules),
        );
    }
    let after_break = matches!(prev, None | Some("," | "—" | "–" | ";")) || after_quote;
    if after_break {
        // `…, saying …`: the subject of the sentence, never the object
        // after the verb (`telling Reuters`).
        if gerund {
            return (
                CuePattern::SourceBefore,
                main_clause_subject(text, toks, v, rules)
                    .or_else(|| sentence_subject(text, toks, v, rules)),
            );
        }
        // `Smith, a Democrat, said`: an appositive before the verb.
        if !after_quote && let Some(m) = np_before(text, toks, v, rules) {
            // `The paradox of Nancy, says Carl Anthony, a historian, is …`:
            // a parenthetical report whose name follows it.
            let mut words = m.span.slice(text).split_whitespace();
            let description = DETERMINERS.contains(&lower(words.next().unwrap_or("")).as_ref())
                && words.next().is_some_and(|w| !is_capitalized(w));
            if description
                && let Some(n) = np_after(text, toks, end, rules, false)
                && n.kind == MentionKind::Name
                && toks
                    .iter()
                    .find(|t| t.span.start >= n.span.end)
                    .is_some_and(|t| t.text(text) == ",")
            {
                return (CuePattern::SourceAfter, Some(n));
            }
            return (CuePattern::SourceBefore, Some(m));
        }
        // Inverted: `,” said the Kremlin.` / `, said Smith`. Not for verbs
        // whose object follows (`told Reuters`).
        let takes_object = matches!(
            verb.as_ref(),
            "told"
                | "tell"
                | "tells"
                | "asked"
                | "ask"
                | "asks"
                | "called"
                | "calls"
                | "urged"
                | "warned"
                | "reminded"
                | "informed"
                | "assured"
        );
        // After a quote (`…?” asked Bennett`) the noun phrase is the speaker.
        if (!takes_object || after_quote)
            && let Some(m) = np_after(text, toks, end, rules, false)
            // `said his boss was …`: the subject of the reported clause.
            && !followed_by_verb(text, toks, &m, rules)
            // `…, said the days when the nation had …`: the subject of a
            // reported clause that a relative clause follows.
            && (after_quote
                || !toks
                    .get(toks.partition_point(|t| t.span.start < m.span.end))
                    .is_some_and(|t| {
                        t.word && matches!(t.lower(text).as_ref(), "when" | "that" | "who" | "which")
                    }))
        {
            let subject_pronoun = m.kind != MentionKind::Pronoun
                || matches!(
                    lower(m.span.slice(text)).as_ref(),
                    "he" | "she" | "they" | "it" | "we" | "i"
                );
            // `…,” denounced her record`: a verb of accusation takes its
            // target after it; only a name (`blasted Sanders`) is inverted.
            let accusation = rules
                .verbs
                .get(verb.as_ref())
                .is_some_and(|vi| vi.class == crate::lang::VerbClass::Accusation);
            if subject_pronoun && (!accusation || m.kind == MentionKind::Name) {
                return (CuePattern::SourceAfter, Some(m));
            }
        }
    }
    // (After a break, not after a quote, `np_before` was found `None`
    // above for a verb that is no gerund.)
    let source = if after_break && !after_quote && !gerund {
        None
    } else {
        np_before(text, toks, v, rules)
    }
    .map(|m| relative_antecedent(text, toks, m, rules));
    // `Black Lives Matter issued a statement saying …`: the statement's
    // issuer is the source, not the document itself.
    if gerund
        && let Some(doc) = &source
        && doc.kind == MentionKind::Document
        && let Some(issuer) = issuer_of(text, toks, doc, rules)
    {
        return (CuePattern::SourceBefore, Some(issuer));
    }
    // `Mrs. Clinton shook her head and said`: the second verb of a
    // coordination shares the clause's subject; the noun phrase before
    // `and` is the first verb's object.
    // Only a finite verb (`said`, `says`), not an infinitive: `called on
    // Trump to stop and apologize`.
    // (Looked up last, only for a verb after `and` or `but`.)
    let finite = || {
        rules
            .verbs
            .get(verb.as_ref())
            .is_some_and(|vi| *vi.lemma != *verb)
    };
    // `… and later said`, `declined to comment but said`: past adverbs,
    // `and` or `but`.
    let mut conj = v.saturating_sub(1);
    while conj > 0
        && v - conj <= 2
        && toks[conj].word
        && matches!(
            toks[conj].lower(text).as_ref(),
            "later" | "also" | "then" | "still" | "again" | "instead" | "quickly" | "finally"
        )
    {
        conj -= 1;
    }
    let coordinated = v >= 2
        && (conj + 1 == v && prev == Some("and")
            || matches!(toks[conj].lower(text).as_ref(), "and" | "but")
                && (conj + 1 < v || prev == Some("but")))
        && conj >= 1
        && toks[conj - 1].word
        && finite();
    let object_like = |m: &Mention| {
        let k = toks.partition_point(|t| t.span.start < m.span.start);
        m.kind == MentionKind::Nominal
            && k > 0
            && toks[k - 1].word
            && !toks[k - 1].is_capitalized(text)
    };
    if coordinated
        && source.as_ref().is_none_or(object_like)
        && let Some(m) = clause_subject(text, toks, conj, rules)
    {
        return (CuePattern::SourceBefore, Some(m));
    }
    (CuePattern::SourceBefore, source)
}

/// The subject of the verb that put out the document `doc` (`American
/// Bridge President Jessica Mackler issued a statement`), when `doc` is
/// that verb's object.
fn issuer_of(text: &str, toks: &[Token], doc: &Mention, rules: &LangRules) -> Option<Mention> {
    let k = toks.partition_point(|t| t.span.start < doc.span.start);
    if k == 0 || !toks[k - 1].word {
        return None;
    }
    let mut verb = k - 1;
    if toks[verb].lower(text) == "out" {
        // `put out`, `sent out`
        verb = verb.checked_sub(1)?;
    }
    let lv = toks[verb].lower(text);
    if !ISSUING_VERBS.has(toks[verb], text) || lv == "out" {
        return None;
    }
    let m = np_before(text, toks, verb, rules)?;
    matches!(
        m.kind,
        MentionKind::Name | MentionKind::Pronoun | MentionKind::Nominal | MentionKind::Anonymous
    )
    .then_some(m)
}

/// The subject of the main clause a `…, saying` participle hangs from:
/// the noun phrase before the clause's first finite verb, after a dateline
/// (`WASHINGTON, Dec. 8 (UPI) —`) and an opening adverbial or subordinate
/// clause (`At a campaign event in Ames, Iowa, on Sunday,`).
fn main_clause_subject(
    text: &str,
    toks: &[Token],
    before: usize,
    rules: &LangRules,
) -> Option<Mention> {
    let w = |i: usize| toks[i].text(text);
    let mut start = 0;
    // A dateline: a place (and agency) closed by a dash in the first tokens.
    if let Some(d) = (0..before.min(12)).find(|&k| matches!(w(k), "—" | "–" | "--"))
        && d > 0
        && toks[..d]
            .iter()
            .any(|t| t.text(text) == "(" || t.text(text) == ",")
        && toks[0].word
        && toks[0].is_capitalized(text)
    {
        start = d + 1;
    }
    let first = (start..before).find(|&k| toks[k].word)?;
    let opener = toks[first].lower(text);
    let participle_opener = !is_capitalized(w(first).get(1..).unwrap_or(""))
        && (opener.ends_with("ing") || opener.ends_with("ed"));
    let mut from = first;
    if CLAUSE_OPENERS.has(toks[first], text) || participle_opener {
        // The opener's comma: the last comma before the first finite verb
        // after it, so a place like `Ames, Iowa,` stays inside the opener.
        let mut k = first + 1;
        let mut comma = None;
        while k < before {
            if w(k) == "," {
                let close = skip_relative_clause(text, toks, k, before);
                // A relative clause belongs to the noun before it; the comma
                // that closes it may close the opener too.
                comma = Some(close);
                k = close;
            } else if comma.is_some() && toks[k].word && toks[k].is_capitalized(text) {
                // `…, Mrs. Clinton tried`: a capitalised word after a comma
                // may open the main clause; keep looking for its verb.
            } else if comma.is_some() && toks[k].word && finite_verb(text, toks, k, rules) {
                break;
            }
            k += 1;
        }
        from = comma? + 1;
        // The main clause opens right after the opener's last comma.
        while from < before && !toks[from].word {
            from += 1;
        }
    }
    // The first finite verb outside a relative clause or appositive
    // (`Mr. Paulson, who made billions …, told investors`).
    let mut k = from;
    let mut relative = None;
    let v = loop {
        if k >= before {
            return None;
        }
        if w(k) == "," {
            let close = skip_relative_clause(text, toks, k, before);
            if close != k {
                relative = Some((k, close));
            }
            k = close;
        } else if finite_verb(text, toks, k, rules) {
            break k;
        }
        k += 1;
    };
    if v == from {
        return None;
    }
    let m = match relative {
        // `Mr. Paulson, who made billions …, told`: the noun before the
        // relative clause.
        Some((open, close)) if close + 1 == v => np_before(text, toks, open, rules)?,
        _ => np_before(text, toks, v, rules)?,
    };
    (m.span.start >= toks[from].span.start).then_some(m)
}

/// The subject of a sentence that opens with an adverbial or participle
/// clause (`Speaking to MSNBC on Monday, which …, Bush referred to Rubio as
/// “…”`): the main clause's subject, before `upto` (a quote's opening).
pub fn subject_after_opener(
    text: &str,
    sentence: Span,
    upto: u32,
    rules: &LangRules,
) -> Option<Mention> {
    let mut end = (upto as usize).min(sentence.end as usize);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let toks = tokenize(text, Span::new(sentence.start as usize, end), rules);
    subject_after_opener_in(text, &toks, rules)
}

/// [`subject_after_opener`] of the tokens of the sentence up to the
/// quote's opening.
fn subject_after_opener_in(text: &str, toks: &[Token], rules: &LangRules) -> Option<Mention> {
    let mut first = toks.iter().position(|t| t.word)?;
    // `Immediately after the attacks,`: an adverb before the opener.
    if toks[first].lower(text).ends_with("ly")
        && toks
            .get(first + 1)
            .is_some_and(|t| CLAUSE_OPENERS.has(*t, text))
    {
        first += 1;
    }
    // `A month later,`, `Thirteen years earlier,`, `Last week,`: a time
    // adverbial of a few words, then the main clause.
    let comma = (first..toks.len().min(first + 6)).find(|&k| toks[k].text(text) == ",");
    if let Some(c) = comma {
        let head = toks[first].lower(text);
        let tail = toks[c - 1].lower(text);
        if matches!(tail.as_ref(), "later" | "earlier" | "ago")
            || matches!(head.as_ref(), "last" | "next" | "earlier") && c - first <= 3
        {
            let rest = &toks[c + 1..];
            return main_clause_subject(text, rest, rest.len(), rules)
                .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun));
        }
    }
    let opener = toks[first].lower(text);
    let participle = opener.len() > 4 && (opener.ends_with("ing") || opener.ends_with("ed"));
    if !(participle || CLAUSE_OPENERS.has(toks[first], text)) {
        return None;
    }
    main_clause_subject(text, &toks[first..], toks.len() - first, rules)
        .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))
}

/// Whether an opening quotation mark follows token `end` (after an
/// optional comma or colon): `to say, “…”`.
fn introduces_quote(text: &str, toks: &[Token], end: usize) -> bool {
    let Some(next) = toks.get(end) else {
        return false;
    };
    let rest = text[next.span.start as usize..].trim_start_matches([',', ':', ' ']);
    // `by tweeting that “…”`, `to say that “…”`.
    let rest = rest.strip_prefix("that ").unwrap_or(rest);
    rest.starts_with(['“', '"', '‘', '«', '„']) || rest.starts_with("''") || rest.starts_with("``")
}

/// The subject of the nearest finite verb before token `before`, within
/// the clause: `Mr. Trump was prompted [to say]` → `Mr. Trump`.
fn nearest_clause_subject(
    text: &str,
    toks: &[Token],
    before: usize,
    rules: &LangRules,
) -> Option<Mention> {
    let lo = before.saturating_sub(14);
    let v = (lo..before)
        .rev()
        .take_while(|&k| toks[k].word || toks[k].text(text) == "’" || toks[k].text(text) == "'")
        .find(|&k| finite_verb(text, toks, k, rules))?;
    // Skip back over a verb group (`was prompted`): its first word.
    let mut first = v;
    while first > 0 && finite_verb(text, toks, first - 1, rules) {
        first -= 1;
    }
    np_before(text, toks, first, rules)
        .filter(|m| !matches!(lower(m.span.slice(text)).as_ref(), "that" | "which" | "who"))
}

/// Whether a finite verb directly follows the mention `m`.
fn followed_by_verb(text: &str, toks: &[Token], m: &Mention, rules: &LangRules) -> bool {
    let k = toks.partition_point(|t| t.span.start < m.span.end);
    k < toks.len() && finite_verb(text, toks, k, rules)
}

/// `a White House official who spoke anonymously to discuss internal
/// strategy said`: the noun phrase before the verb ends a restrictive
/// relative clause; the verb's subject is the noun the clause modifies.
fn relative_antecedent(text: &str, toks: &[Token], m: Mention, rules: &LangRules) -> Mention {
    if m.kind == MentionKind::Pronoun {
        return m;
    }
    let k = toks.partition_point(|t| t.span.start < m.span.start);
    let lo = k.saturating_sub(12);
    let Some(who) = (lo..k)
        .rev()
        .take_while(|&i| toks[i].word && !CLAUSE_LINKS.has(toks[i], text))
        .find(|&i| toks[i].lower(text) == "who")
    else {
        return m;
    };
    if who == 0 || !(who + 1..k).any(|i| finite_verb(text, toks, i, rules)) {
        return m;
    }
    match np_before(text, toks, who, rules) {
        Some(a)
            if matches!(
                a.kind,
                MentionKind::Name | MentionKind::Nominal | MentionKind::Anonymous
            ) =>
        {
            a
        }
        _ => m,
    }
}

/// When the comma at `comma` opens a relative clause (`, who made …,`),
/// the index of the comma that closes it; otherwise `comma`.
fn skip_relative_clause(text: &str, toks: &[Token], comma: usize, before: usize) -> usize {
    let opens = toks
        .get(comma + 1)
        .is_some_and(|t| matches!(t.lower(text).as_ref(), "who" | "which" | "whose" | "whom"));
    if !opens {
        return comma;
    }
    (comma + 2..before)
        .find(|&k| toks[k].text(text) == ",")
        .unwrap_or(comma)
}

/// Whether token `k` looks like a finite verb: lowercase and an auxiliary,
/// a past tense (regular or common irregular), a reporting verb's finite
/// form, or an `-s` form after a name or pronoun.
pub fn finite_verb(text: &str, toks: &[Token], k: usize, rules: &LangRules) -> bool {
    let t = toks[k].text(text);
    if !toks[k].word || is_capitalized(t) {
        return false;
    }
    let lt = toks[k].lower(text);
    // (The word before is looked at only where a test needs it.)
    let after_subject = || {
        k > 0 && toks[k - 1].word && {
            let p = toks[k - 1].text(text);
            is_capitalized(p) || matches!(lower(p).as_ref(), "he" | "she" | "it" | "they")
        }
    };
    let negated = lt
        .strip_suffix("n't")
        .or_else(|| lt.strip_suffix("n’t"))
        .is_some_and(|base| !base.is_empty());
    // `The retired neurosurgeon`: a participle after a determiner is an
    // adjective.
    let after_determiner = || k > 0 && DETERMINERS.has(toks[k - 1], text);
    negated
        || FINITE_AUX.has(toks[k], text)
        || IRREGULAR_PAST.has(toks[k], text)
        || (lt.ends_with("ed") && lt.len() > 3 && !after_determiner())
        || rules
            .verbs
            .get(lt.as_ref())
            .is_some_and(|vi| *vi.lemma != *lt && !lt.ends_with("ing"))
        // (`The officials` is a noun after a determiner, not `Ruiz says`.)
        || (lt.ends_with('s')
            && !lt.ends_with("ss")
            && lt.len() > 2
            && after_subject()
            && !after_determiner())
}

/// The name or pronoun that opens the clause ending at token `end`: the
/// capitalised words after the last comma (or the sentence start), when a
/// lowercase word (the clause's verb) follows them.
fn clause_subject(text: &str, toks: &[Token], end: usize, rules: &LangRules) -> Option<Mention> {
    let mut start = toks[..end]
        .iter()
        .rposition(|t| t.text(text) == ",")
        .map_or(0, |c| c + 1);
    // `he looked into the camera, furrowed his brow and said`: a segment
    // that opens with a verb continues the segment before it.
    for _ in 0..3 {
        if start >= 2 && start < end && finite_verb(text, toks, start, rules) {
            start = toks[..start - 1]
                .iter()
                .rposition(|t| t.text(text) == ",")
                .map_or(0, |c| c + 1);
        } else {
            break;
        }
    }
    // A pronoun that opens the clause: `he looked …`.
    if start < end
        && matches!(
            toks[start].lower(text).as_ref(),
            "he" | "she" | "they" | "we" | "i"
        )
        && toks
            .get(start + 1)
            .is_some_and(|t| finite_verb(text, toks, start + 1, rules) && t.word)
    {
        return Some(Mention {
            span: toks[start].span,
            kind: MentionKind::Pronoun,
        });
    }
    // `such as when Cruz knocked Rubio and called him …`: past the words
    // that open a subordinate clause.
    while start < end
        && matches!(
            toks[start].lower(text).as_ref(),
            "such"
                | "as"
                | "when"
                | "after"
                | "while"
                | "because"
                | "since"
                | "though"
                | "although"
                | "if"
                | "once"
                | "before"
                | "until"
                | "where"
        )
    {
        start += 1;
    }
    let mut e = start;
    while e < end && toks[e].word && toks[e].is_capitalized(text) {
        e += 1;
    }
    // `A spokesman for Platte River declined … but said`: a description
    // that opens the sentence, up to its verb.
    if e == start + 1 && start == 0 && DETERMINERS.has(toks[start], text) {
        let v = (e..end).find(|&k| toks[k].word && finite_verb(text, toks, k, rules))?;
        let m = np_before(text, toks, v, rules)?;
        return (m.span.start == toks[start].span.start
            && matches!(
                m.kind,
                MentionKind::Nominal | MentionKind::Anonymous | MentionKind::Name
            ))
        .then_some(m);
    }
    if e == start || e >= end || !toks[e].word {
        return None;
    }
    let m = np_before(text, toks, e, rules)?;
    (m.span.start == toks[start].span.start
        && matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))
    .then_some(m)
}

/// Who a colon introduces, for a quote after it with no reporting cue:
/// the name right before the colon (`- Pew Research: “…”`, `doesn’t
/// surprise pollster Daron Shaw: “…”`), the document after `From`/`More
/// from` (`From the report: “…”`), the name after `Here’s`, or the main
/// clause's subject (`the Board of Elections was conclusive in its
/// findings: “…”`). `colon` is the offset of the colon.
pub fn colon_label(text: &str, sentence: Span, colon: u32, rules: &LangRules) -> Option<Mention> {
    let toks = tokens_before_colon(text, sentence, colon, rules)?;
    let n = toks.len();
    if n == 0 {
        return None;
    }
    if let Some(m) = document_author(text, toks.as_slice(), rules) {
        return Some(m);
    }
    if let Some(m) = np_before(text, toks.as_slice(), n, rules) {
        let k = toks.partition_point(|t| t.span.start < m.span.start);
        let from = k > 0 && matches!(toks[k - 1].lower(text).as_ref(), "from");
        // A clean name: capitalised words and connectors only (not `month
        // on CNN`, `headline reads`).
        let raw = m.span.slice(text);
        let clean = raw.split_whitespace().last().is_some_and(is_capitalized)
            && raw.split_whitespace().all(|x| {
                !matches!(
                    x,
                    "on" | "in" | "at" | "with" | "by" | "to" | "from" | "over" | "about"
                )
            });
        // `exemplified by this finding:`: a document the colon labels.
        let labelled_document = m.kind == MentionKind::Document
            && (k > 0 && matches!(toks[k - 1].lower(text).as_ref(), "this" | "these")
                || lower(raw).starts_with("the following "));
        let m = if labelled_document && k > 0 && !lower(raw).starts_with("the ") {
            // The mention takes in its demonstrative: `this finding`.
            let span = Span {
                start: toks[k - 1].span.start,
                end: m.span.end,
            };
            Mention { span, ..m }
        } else {
            m
        };
        match m.kind {
            MentionKind::Name if clean => return Some(m),
            MentionKind::Document if labelled_document => return Some(m),
            // `From Bush’s Facebook post:`, `From the report:`
            MentionKind::Name | MentionKind::Document if from => return Some(m),
            _ => {}
        }
    }
    // `Here’s Clinton in December 1992:`
    if n > 1 && matches!(toks[0].lower(text).as_ref(), "here’s" | "here's") {
        let mut e = 1;
        while e < n && toks[e].word && toks[e].is_capitalized(text) {
            e += 1;
        }
        if e > 1 {
            let span = Span {
                start: toks[1].span.start,
                end: toks[e - 1].span.end,
            };
            let m = mention(text, span, &toks[1..e], rules);
            if m.kind == MentionKind::Name {
                return Some(m);
            }
        }
    }
    if (colon as usize).saturating_sub(300) <= sentence.start as usize {
        return main_clause_subject(text, &toks, n, rules)
            .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun));
    }
    None
}

/// [`document_author`] of the words of `sentence` before the colon at
/// `colon`, for a quote paragraph that a paragraph ending in a colon
/// introduces.
pub fn document_author_before(
    text: &str,
    sentence: Span,
    colon: u32,
    rules: &LangRules,
) -> Option<Mention> {
    let toks = tokens_before_colon(text, sentence, colon, rules)?;
    document_author(text, toks.as_slice(), rules)
}

/// The tokens of `sentence` in the 300 bytes before the colon at `colon`
/// (`None` when the colon is not inside the sentence on a char boundary).
fn tokens_before_colon<'t>(
    text: &'t str,
    sentence: Span,
    colon: u32,
    rules: &LangRules,
) -> Option<Vec<Token<'t>>> {
    let mut start = (sentence.start as usize).max((colon as usize).saturating_sub(300));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    if start > colon as usize || !text.is_char_boundary(colon as usize) {
        return None;
    }
    Some(tokenize(text, Span::new(start, colon as usize), rules))
}

/// The author of a document the colon labels, named after `by` (`how the
/// website rated this statement by Trump on June 11:`, `a tweet by Sen.
/// Ted Cruz:`): the document noun, `by`, the capitalised name, and at most
/// a short time or place phrase before the colon.
fn document_author(text: &str, toks: &[Token], rules: &LangRules) -> Option<Mention> {
    let n = toks.len();
    let by = (n.saturating_sub(10)..n)
        .rev()
        .find(|&k| k >= 1 && toks[k].word && toks[k].text(text) == "by")?;
    if !(toks[by - 1].word && rules.documents.contains(toks[by - 1].lower(text).as_ref())) {
        return None;
    }
    let mut e = by + 1;
    while e < n && toks[e].word && toks[e].is_capitalized(text) {
        e += 1;
    }
    if e == by + 1 {
        return None;
    }
    let rest = &toks[e..];
    let rest_ok = rest.is_empty()
        || rest.len() <= 5
            && rest[0].word
            && matches!(
                rest[0].lower(text).as_ref(),
                "on" | "in" | "at" | "last" | "this" | "earlier" | "during"
            )
            && rest.iter().all(|t| t.word || t.text(text) == ".");
    if !rest_ok {
        return None;
    }
    let span = Span {
        start: toks[by + 1].span.start,
        end: toks[e - 1].span.end,
    };
    let m = mention(text, span, &toks[by + 1..e], rules);
    (m.kind == MentionKind::Name).then_some(m)
}

/// How much of a sentence [`subject`] reads, in bytes.
const SUBJECT_BYTES: usize = 400;

/// The subject that opens a sentence (`Bush referred to Rubio as “…”`,
/// `The ad claims …`), for a quote whose sentence has no reporting cue.
pub fn subject(text: &str, sentence: Span, rules: &LangRules) -> Option<Mention> {
    // The subject opens the sentence: its first few hundred bytes hold it.
    let mut end = (sentence.start as usize + SUBJECT_BYTES).min(sentence.end as usize);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // The tokens up to the verb [`subject_in`] looks for, a part at a
    // time: what it finds depends on no token after the verb (its tests
    // and the noun phrases before it read none), and the verb is mostly
    // one of the first few words. (The verb test of a token reads the
    // token before it, and each token is the one of the whole span.)
    let span = Span::new(sentence.start as usize, end);
    let mut toks = Vec::with_capacity(24);
    let mut at = 0;
    loop {
        let tested = toks.len();
        at = tokenize_part(text, span, at, at + SUBJECT_PART, rules, &mut toks);
        if let Some(verb_at) = subject_verb(text, &toks, tested, rules) {
            return subject_at(text, &toks, verb_at, rules);
        }
        if at >= span.len() {
            // No verb in all of the span: `subject_in` finds none either.
            return None;
        }
    }
}

/// How many bytes [`subject`] tokenizes at a time.
const SUBJECT_PART: usize = 64;

/// [`subject`] of the tokens of the sentence's first few hundred bytes.
fn subject_in(text: &str, toks: &[Token], rules: &LangRules) -> Option<Mention> {
    let verb_at = subject_verb(text, toks, 0, rules)?;
    subject_at(text, toks, verb_at, rules)
}

/// The first token from `from` that [`subject_in`] takes for the verb
/// after the subject (looking at it and the token before it).
fn subject_verb(text: &str, toks: &[Token], from: usize, rules: &LangRules) -> Option<usize> {
    (from..toks.len()).find(|&k| {
        let t = &toks[k];
        t.word && {
            let lt = t.lower(text);
            // `-s` is a verb only after a name or pronoun (`Trump says`), not
            // after a determiner or adjective (`The authors`).
            // `Hoff’s letter makes …`: after a document noun too.
            // (Worked out only for a word that ends in `-s`.)
            let after_subject = || {
                k > 0 && toks[k - 1].word && {
                    let p = toks[k - 1].text(text);
                    is_capitalized(p)
                        || matches!(lower(p).as_ref(), "he" | "she" | "it" | "they" | "who")
                        || rules.documents.contains(lower(p).as_ref())
                }
            };
            !t.is_capitalized(text)
                && (lt.ends_with("ed")
                    || lt.ends_with('s')
                        && !lt.ends_with("ss")
                        && !lt.ends_with("’s")
                        && !lt.ends_with("'s")
                        && after_subject()
                    || rules.verbs.contains_key(lt.as_ref())
                    || matches!(
                        lt.as_ref(),
                        "is" | "was"
                            | "has"
                            | "had"
                            | "will"
                            | "would"
                            | "can"
                            | "could"
                            | "are"
                            | "were"
                            | "have"
                    )
                    // `Trump took to Twitter …`, `He held up …`.
                    || IRREGULAR_PAST.has(*t, text) && after_subject())
        }
    })
}

/// [`subject_in`] with the verb at token `verb_at`: no token after it is
/// read (`toks` may end there).
fn subject_at(text: &str, toks: &[Token], verb_at: usize, rules: &LangRules) -> Option<Mention> {
    // At most eight tokens before the verb, not counting a parenthetical
    // or a short interrupter between commas (`Senate Minority Leader Harry
    // Reid (D-Nev.), in particular, has`).
    let mut counted = 0usize;
    let mut depth = 0u32;
    let mut k = 0;
    while k < verb_at {
        let t = toks[k].text(text);
        if t == "(" {
            depth += 1;
        } else if t == ")" {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            let close = (t == ",")
                .then(|| (k + 1..verb_at.min(k + 4)).find(|&e| toks[e].text(text) == ","))
                .flatten()
                .filter(|&e| toks[k + 1..e].iter().all(|x| x.word));
            match close {
                Some(e) => k = e,
                None => counted += 1,
            }
        }
        k += 1;
    }
    let words_before = counted;
    if verb_at == 0 || words_before > 8 {
        return None;
    }
    let m = sentence_subject(text, toks, verb_at, rules)?;
    // A bare determiner, an adverb or an all-capitals label is no subject.
    let raw = m.span.slice(text);
    let single = !raw.contains(' ');
    if single
        && (DETERMINERS.contains(&lower(raw).as_ref())
            || lower(raw).ends_with("ly")
            || raw
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase))
    {
        return None;
    }
    // The subject must open the sentence (after an opening adverbial).
    let first_word = toks.iter().position(|t| t.word)?;
    let opens = m.span.start == toks[first_word].span.start
        || toks
            .iter()
            .any(|t| t.text(text) == "," && t.span.end <= m.span.start);
    opens.then_some(m)
}

/// The first noun phrase of the sentence, for `…, saying …`.
fn sentence_subject(
    text: &str,
    toks: &[Token],
    before: usize,
    rules: &LangRules,
) -> Option<Mention> {
    let mut first = toks.iter().take(before).position(|t| t.word)?;
    // `On Monday, Clinton …`: skip an opening adverbial up to its comma.
    let opener = toks[first].lower(text);
    if matches!(
        opener.as_ref(),
        "on" | "in"
            | "at"
            | "after"
            | "before"
            | "during"
            | "earlier"
            | "later"
            | "last"
            | "when"
            | "while"
            | "hours"
            | "days"
            | "speaking"
            | "asked"
            | "but"
            | "and"
            | "yet"
            | "still"
            | "meanwhile"
            | "separately"
            | "instead"
            | "however"
            | "like"
            | "unlike"
            | "as"
            | "for"
            | "with"
            | "without"
            | "despite"
            | "since"
            | "although"
            | "though"
            | "if"
            | "because"
            | "contrary"
            | "conversely"
            | "according"
            | "under"
            | "by"
            | "to"
            | "from"
            | "among"
            | "amid"
            | "within"
            | "over"
            | "through"
            | "following"
    ) && let Some(c) = (first..before).find(|&k| toks[k].text(text) == ",")
    {
        first = c + 1;
    }
    // Walk right over a simple noun phrase, then reuse np_before from the
    // token after it.
    let mut j = first;
    while j < before
        && toks[j].word
        && !STOP.has(toks[j], text)
        && !rules.verbs.contains_key(toks[j].lower(text).as_ref())
        && !(j > first && !toks[j].is_capitalized(text) && toks[j].text(text).ends_with("ed"))
    {
        j += 1;
    }
    if j == first {
        return None;
    }
    np_before(text, toks, j, rules)
}

/// The noun phrase ending just before token `v` (skipping auxiliaries).
pub fn np_before(text: &str, toks: &[Token], v: usize, rules: &LangRules) -> Option<Mention> {
    let w = |i: usize| toks[i].text(text);
    let mut j = v;
    // Skip auxiliaries and adverbs, and a parenthetical like (R-Ariz.).
    loop {
        if j == 0 {
            return None;
        }
        let t = w(j - 1);
        let lt = toks[j - 1].lower(text);
        let adverb = lt.ends_with("ly") && lt.len() > 4 && !is_capitalized(t);
        let goes_on_to = lt == "to" && j >= 2 && toks[j - 2].lower(text) == "on";
        // `officials started to portray`, `she began to describe`: the
        // infinitive's subject is the subject of the verb before it.
        // (A verb of speech: `the bias begins to show` is no report.)
        let started_to = lt == "to"
            && j >= 2
            && matches!(
                toks[j - 2].lower(text).as_ref(),
                "started" | "starts" | "began" | "begins" | "continued" | "continues"
            )
            && rules
                .verbs
                .get(toks[v].lower(text).as_ref())
                .is_some_and(|vi| vi.class == VerbClass::Speech);
        if toks[j - 1].word
            && (SKIP_BEFORE_VERB.has(toks[j - 1], text) || adverb)
            && !(j == v && t == "told")
            // `,” Will wrote`: a surname, not an auxiliary.
            && !(is_capitalized(t) && in_tag_position(text, toks[j - 1].span.start))
            // `While Will acknowledges`: a modal takes a base form.
            && !(is_capitalized(t)
                && j == v
                && matches!(lt.as_ref(), "will" | "can" | "may")
                && rules
                    .verbs
                    .get(toks[v].lower(text).as_ref())
                    .is_some_and(|vi| *vi.lemma != *toks[v].lower(text)))
        {
            j -= 1;
        } else if is_weekday(t) {
            // `Ryan on Tuesday called`, `Trump Monday said`, `Sanders during
            // a Sunday thanked`
            j -= 1;
            // `the order released Friday said`: a document's participle.
            if j > 1
                && matches!(
                    toks[j - 1].lower(text).as_ref(),
                    "released" | "issued" | "published" | "posted" | "sent" | "filed"
                )
                && rules
                    .documents
                    .contains(strip_possessive(&toks[j - 2].lower(text)))
            {
                j -= 1;
            }
            if j > 1 && matches!(w(j - 1), "a" | "the") && w(j - 2) == "during" {
                j -= 2;
            } else if j > 0
                && matches!(
                    w(j - 1),
                    "on" | "late" | "early" | "last" | "this" | "during"
                )
            {
                j -= 1;
            }
        } else if matches!(
            lt.as_ref(),
            "week" | "month" | "year" | "morning" | "night" | "evening" | "afternoon"
        ) && j >= 2
            && matches!(
                toks[j - 2].lower(text).as_ref(),
                "this" | "last" | "that" | "next"
            )
        {
            j -= 2;
        } else if lt == "and"
            && j >= 2
            && toks[j - 2].word
            && !toks[j - 2].is_capitalized(text)
            && toks[j - 2].lower(text).ends_with("ed")
        {
            // `Ms. Sherry smiled and said`: skip the first verb.
            j -= 2;
        } else if j >= 2
            && t.len() == 4
            && (t.starts_with("19") || t.starts_with("20"))
            && t.bytes().all(|b| b.is_ascii_digit())
            && toks[j - 2].lower(text) == "in"
        {
            // `McConnell, who in 2010 said`
            j -= 2;
        } else if j == v
            && j >= 2
            && matches!(lt.as_ref(), "heard" | "seen")
            && matches!(
                toks[j - 2].lower(text).as_ref(),
                "be" | "is" | "was" | "are" | "were" | "been"
            )
            && toks[v].lower(text).ends_with("ing")
        {
            // `a reporter can be heard asking`, `Trump is seen saying`
            j -= 2;
        } else if lt == "ago" && j >= 3 {
            // `The State Department less than two weeks ago said`: a time
            // phrase (a unit and its count) between subject and verb.
            let unit = toks[j - 2].lower(text);
            let unit = unit.strip_suffix('s').unwrap_or(&unit);
            if !matches!(
                unit,
                "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" | "while"
            ) {
                break;
            }
            let mut k = j - 2;
            while k > 0
                && j - k < 6
                && toks[k - 1].word
                && !toks[k - 1].is_capitalized(text)
                && (toks[k - 1].text(text).bytes().all(|b| b.is_ascii_digit())
                    || matches!(
                        toks[k - 1].lower(text).as_ref(),
                        "a" | "an"
                            | "one"
                            | "two"
                            | "three"
                            | "four"
                            | "five"
                            | "six"
                            | "seven"
                            | "eight"
                            | "nine"
                            | "ten"
                            | "few"
                            | "several"
                            | "many"
                            | "less"
                            | "more"
                            | "than"
                            | "about"
                            | "just"
                            | "only"
                            | "some"
                            | "nearly"
                            | "almost"
                    ))
            {
                k -= 1;
            }
            if k == j - 2 {
                break;
            }
            j = k;
        } else if started_to {
            j -= 2;
        } else if goes_on_to {
            // `The email goes on to say`
            j -= 2;
            if j > 0
                && matches!(
                    toks[j - 1].lower(text).as_ref(),
                    "goes" | "went" | "go" | "going" | "gone"
                )
            {
                j -= 1;
            }
        } else if t == ")" {
            match (0..j - 1).rev().find(|&k| w(k) == "(") {
                Some(k) => j = k,
                None => return None,
            }
        } else {
            break;
        }
    }
    // `Another intelligence source speaking to Fox News said`: a participle
    // phrase between the subject and its verb.
    if let Some(p) = (j.saturating_sub(8)..j).rev().find(|&k| {
        k > 0
            && k + 1 < j
            && toks[k].bytes(text).len() >= 7
            && toks[k].bytes(text).ends_with(b"ing")
            && matches!(
                toks[k].lower(text).as_ref(),
                "speaking" | "talking" | "writing" | "commenting"
            )
            && matches!(
                toks[k + 1].lower(text).as_ref(),
                "to" | "with" | "for" | "on" | "in"
            )
            && toks[k - 1].word
            && (k..j).all(|x| toks[x].word || w(x) == "." || w(x) == "’s" || w(x) == "'s")
    }) && let Some(m) = np_before(text, toks, p, rules)
        && m.kind != MentionKind::Pronoun
    {
        return Some(m);
    }
    // A dash-delimited appositive: `Jason Sims — a teacher from Mount
    // Pleasant — says`.
    // `A former candidate -- John McCain, who lost in 2008 -- said`: a
    // typed double hyphen is a dash too, and the appositive may hold
    // commas.
    let dash =
        |k: usize| matches!(w(k), "—" | "–" | "--") || w(k) == "-" && k > 0 && w(k - 1) == "-";
    if j > 1
        && dash(j - 1)
        && let Some(open) = (j.saturating_sub(24)..j - 1)
            .rev()
            .filter(|&k| k + 1 < j - 1 || !dash(k))
            .find(|&k| dash(k) || w(k) == ".")
            .filter(|&k| dash(k) && k > 0)
            .map(|k| if w(k) == "-" { k - 1 } else { k })
        && let Some(m) = np_before(text, toks, open, rules)
        && matches!(m.kind, MentionKind::Name | MentionKind::Nominal)
    {
        return Some(m);
    }
    // Appositives: `Josh Earnest, the White House press secretary, said`,
    // `Clinton, 35, the daughter of …, said`. Walk back over up to three
    // comma-delimited segments to the name that opens the clause.
    if j > 0 && w(j - 1) == "," {
        let mut comma = j - 1;
        // The comma that closes the segment after the current one.
        let mut later: Option<usize> = None;
        for _ in 0..5 {
            // `, R-Ky.,`: periods and hyphens stay inside a segment, and so
            // does a parenthetical (`Rep. Elijah Cummings (D-Md.),`).
            let mut seg_start = comma;
            while seg_start > 0 {
                let k = seg_start - 1;
                // (A typed dash `--` ends the segment.)
                if toks[k].word || w(k) == "." || w(k) == "-" && !(k > 0 && w(k - 1) == "-") {
                    seg_start = k;
                } else if w(k) == ")"
                    && let Some(open) = (0..k).rev().take(12).find(|&x| w(x) == "(")
                    && open > 0
                    && toks[open - 1].word
                {
                    seg_start = open;
                } else {
                    break;
                }
            }
            if seg_start == comma || comma - seg_start > 28 {
                return None;
            }
            // `Or, as Tom Ridge, a former secretary, put it:`: a segment that
            // is a conjunction and a name holds the subject.
            let subordinate = seg_start + 1 < comma
                && matches!(
                    toks[seg_start].lower(text).as_ref(),
                    "as" | "after"
                        | "when"
                        | "while"
                        | "because"
                        | "since"
                        | "though"
                        | "although"
                        | "once"
                        | "until"
                )
                // `, which Apple’s chief executive, Tim Cook, called`: an
                // object relative clause has its own subject (not `, which
                // represents 1,100 workers,`).
                || seg_start + 1 < comma
                    && matches!(toks[seg_start].lower(text).as_ref(), "which" | "whom")
                    && (toks[seg_start + 1].is_capitalized(text)
                        || DETERMINERS.has(toks[seg_start + 1], text));
            if subordinate
                && toks[seg_start + 1].is_capitalized(text)
                && let Some(m) = np_before(text, toks, comma, rules)
                && m.kind == MentionKind::Name
                && m.span.start == toks[seg_start + 1].span.start
            {
                return Some(m);
            }
            // `…, after winning Ohio, Gov. John Kasich (R-OH), said`: a
            // subordinate clause set off before the subject and its
            // appositive; the subject is the segment after it.
            if subordinate && let Some(l) = later {
                return np_before(text, toks, l, rules).filter(|m| {
                    matches!(m.kind, MentionKind::Name | MentionKind::Nominal)
                        && m.span.start == toks[comma + 1].span.start
                });
            }
            let at_clause_start = seg_start == 0 || {
                let p = w(seg_start - 1);
                p != "," && p != ")"
            };
            if at_clause_start {
                // `In an interview, Steve Huhn, a former HP vice president,
                // said`: an opening adverbial is not the subject; the
                // segment after it is.
                let opener = toks[seg_start].lower(text);
                // `But Sen. Richard Durbin, noting the crowd, said`: the
                // subject follows the conjunction in the same segment.
                if seg_start == 0
                    && matches!(opener.as_ref(), "but" | "and")
                    && seg_start + 1 < comma
                    && let Some(m) = np_before(text, toks, comma, rules)
                    && m.span.start == toks[seg_start + 1].span.start
                    && m.kind == MentionKind::Name
                    // (Not a description before the name it describes:
                    // `And Florida’s attorney general, Pam Bondi, said`.)
                    && m.span.slice(text).split_whitespace().all(is_capitalized)
                {
                    return Some(m);
                }
                // `Alarmed by the unrest, Senator Reid, …, said`: a
                // participle clause (a participle followed by a lowercase
                // word, unlike a name such as `Ted Cruz`).
                let participle = (opener.ends_with("ed") || opener.ends_with("ing"))
                    && opener.len() > 4
                    && seg_start + 1 < comma
                    && toks[seg_start + 1].word
                    && !toks[seg_start + 1].is_capitalized(text);
                // `Just last week, J.J. Goldberg, …, wrote`: a time
                // adverbial of a few words.
                let time_opener = comma - seg_start <= 4
                    && (TIME_WORDS.has(toks[comma - 1], text)
                        || matches!(toks[comma - 1].lower(text).as_ref(), "later" | "ago"));
                if participle
                    || time_opener
                    || matches!(
                        opener.as_ref(),
                        "in" | "on"
                            | "at"
                            | "during"
                            | "after"
                            | "before"
                            | "speaking"
                            | "asked"
                            | "meanwhile"
                            | "still"
                            | "but"
                            | "and"
                            | "however"
                            | "earlier"
                            | "later"
                            | "last"
                            | "since"
                            | "for"
                            | "with"
                            | "without"
                            | "from"
                    )
                {
                    let mut next_start = comma + 1;
                    let mut next_end = (next_start..j - 1).find(|&k| w(k) == ",").unwrap_or(j - 1);
                    // `On Wednesday, however, the director …, said`: past
                    // a discourse adverb set off by commas.
                    while next_end == next_start + 1
                        && next_end < j - 1
                        && matches!(
                            toks[next_start].lower(text).as_ref(),
                            "however"
                                | "meanwhile"
                                | "though"
                                | "instead"
                                | "too"
                                | "moreover"
                                | "nonetheless"
                                | "nevertheless"
                                | "then"
                        )
                    {
                        next_start = next_end + 1;
                        next_end = (next_start..j - 1).find(|&k| w(k) == ",").unwrap_or(j - 1);
                    }
                    if next_end > next_start {
                        let m = np_before(text, toks, next_end, rules)?;
                        if m.kind == MentionKind::Pronoun
                            || m.span.start != toks[next_start].span.start
                        {
                            return None;
                        }
                        // `But in an interview, the union's president, Mary
                        // Kay Henry, expressed`: the description and the
                        // name it is followed by.
                        if matches!(m.kind, MentionKind::Nominal | MentionKind::Anonymous)
                            && next_end + 1 < j - 1
                        {
                            let name_toks = &toks[next_end + 1..j - 1];
                            if name_toks.len() <= 4
                                && name_toks.iter().all(|t| t.word && t.is_capitalized(text))
                            {
                                return Some(Mention {
                                    span: Span {
                                        start: m.span.start,
                                        end: name_toks[name_toks.len() - 1].span.end,
                                    },
                                    kind: MentionKind::Name,
                                });
                            }
                        }
                        return Some(m);
                    }
                    return None;
                }
                // The segment must itself be a noun phrase ending at the comma.
                let m = np_before(text, toks, comma, rules)?;
                if m.kind == MentionKind::Pronoun {
                    return None;
                }
                if m.span.start != toks[seg_start].span.start {
                    // `… after Mr. Trump, asked about it, had said`, `As Tom
                    // Ridge, a former secretary, put it`: a subordinate
                    // clause whose subject directly follows its conjunction.
                    let k = toks.partition_point(|t| t.span.start < m.span.start);
                    let after_conjunction = k > seg_start
                        && toks[k - 1].word
                        && matches!(
                            toks[k - 1].lower(text).as_ref(),
                            "after"
                                | "as"
                                | "when"
                                | "while"
                                | "because"
                                | "since"
                                | "until"
                                | "although"
                                | "though"
                                | "once"
                                | "whereas"
                                | "and"
                                | "but"
                                // `Even China, Pyongyang’s only ally, said`
                                | "even"
                                // `It was a week ago that Michael Bloomberg,
                                // who …, said`
                                | "that"
                                | "only"
                                | "so"
                                | "yet"
                                // `Now Donald Trump, the most …, is
                                // promising`: a sentence adverb.
                                | "now"
                                | "then"
                                | "today"
                                | "meanwhile"
                                | "instead"
                        );
                    return (after_conjunction && m.kind == MentionKind::Name).then_some(m);
                }
                // `A spokeswoman for the governor, Alicia Brandt, said`: a
                // description followed by the name it describes.
                if matches!(m.kind, MentionKind::Nominal | MentionKind::Anonymous)
                    && comma + 1 < j - 1
                {
                    let name_toks = &toks[comma + 1..j - 1];
                    let is_name = name_toks.len() <= 4
                        && name_toks.iter().all(|t| t.word && t.is_capitalized(text));
                    if is_name {
                        let span = Span {
                            start: m.span.start,
                            end: name_toks[name_toks.len() - 1].span.end,
                        };
                        return Some(Mention {
                            span,
                            kind: MentionKind::Name,
                        });
                    }
                }
                return Some(m);
            }
            later = Some(comma);
            comma = seg_start - 1;
        }
        return None;
    }
    // `Mike Lee, who declared …`: the relative pronoun is the nearest
    // mention of the source.
    if j > 0
        && (toks[j - 1].lower(text) == "who"
            || toks[j - 1].lower(text) == "which"
                && j >= 2
                // `the report, which notes`, `the study -- which notes`,
                // `the Chicago Police Department which reported`.
                && (matches!(w(j - 2), "," | "—" | "–" | "-")
                    || toks[j - 2].word && toks[j - 2].is_capitalized(text)))
    {
        let span = toks[j - 1].span;
        return Some(Mention {
            span,
            kind: MentionKind::Pronoun,
        });
    }
    let end = j;
    let mut start = j;
    while start > 0 && end - start < 9 {
        let k = start - 1;
        if !toks[k].word {
            break;
        }
        let t = w(k);
        let lt = toks[k].lower(text);
        let lt = lt.as_ref();
        if rules.pronouns.contains_key(lt)
            && !matches!(lt, "his" | "her" | "their" | "its" | "our" | "my" | "your")
        {
            if start == end {
                start = k; // the pronoun alone is the subject
            }
            break;
        }
        // `Some chanted “…”`, `Several said …`: a quantifier alone opens
        // the clause and stands for people.
        if start == end
            && (k == 0 || !toks[k - 1].word)
            && matches!(
                lt,
                "some" | "many" | "most" | "few" | "others" | "several" | "both"
            )
        {
            start = k;
            break;
        }
        if is_capitalized(t) {
            // A capitalised opener of the sentence that is a function word
            // (`But the senator said`) ends the phrase; not a surname alone
            // in a speech tag (`,” Will wrote`, `,” From said`).
            // (Only for a word that opens its clause: inside a name the
            // word before is a word.)
            let tag_surname = || start == end && in_tag_position(text, toks[k].span.start);
            if (k == 0 || !toks[k - 1].word)
                && !tag_surname()
                && (STOP.has(toks[k], text)
                    || SENTENCE_ADVERBS.has(toks[k], text)
                    || matches!(lt, "and" | "in" | "on" | "at" | "for"))
            {
                break;
            }
            start = k;
            continue;
        }
        if DETERMINERS.has(toks[k], text) {
            start = k;
            // `the two write`: the article before a quantifier.
            if matches!(lt, "two" | "three" | "several" | "many")
                && k > 0
                && toks[k - 1].lower(text).as_ref() == "the"
            {
                start = k - 1;
                break;
            }
            let time_after_document = || {
                k > 1
                    && matches!(
                        toks[k - 1].lower(text).as_ref(),
                        "after" | "before" | "during" | "following"
                    )
                    && rules
                        .documents
                        .contains(lower(strip_possessive(w(k - 2))).as_ref())
            };
            let before_prep = k > 0
                && toks[k - 1].word
                && (NP_PREP.has(toks[k - 1], text) && toks[k - 1].lower(text) != "and"
                    || time_after_document());
            if before_prep {
                continue;
            }
            break;
        }
        // `The officials’ statement after the vote said`: a time phrase
        // after a document noun stays in the phrase.
        let after_document = matches!(lt, "after" | "before" | "during" | "following")
            && k > 0
            && rules
                .documents
                .contains(lower(strip_possessive(w(k - 1))).as_ref());
        if NP_PREP.has(toks[k], text) || after_document {
            if start == end {
                break;
            }
            start = k;
            continue;
        }
        // A verb form after a determiner is a noun: `the talks`, `a report`.
        // (Worked out only for a verb form.)
        let noun_use = || {
            NOUNY.has(toks[k], text)
                || k > 0 && {
                    let p = toks[k - 1].lower(text);
                    DETERMINERS.has(toks[k - 1], text)
                    // `this finding`
                    || matches!(p.as_ref(), "this" | "these") && rules.documents.contains(lt)
                    // `Cruz’s thinking`
                    || p.ends_with("’s") || p.ends_with("'s")
                }
        };
        if STOP.has(toks[k], text)
            || rules.verbs.contains_key(lt) && !noun_use()
            || lt.ends_with("ly")
        {
            break;
        }
        // A lowercase noun: `officials`, `press`, `spokesperson`.
        start = k;
    }
    // Don't start on a preposition or conjunction (but `,” From said`).
    let tag_surname = start + 1 == end
        && toks[start].is_capitalized(text)
        && in_tag_position(text, toks[start].span.start);
    while !tag_surname && start < end && NP_PREP.has(toks[start], text) {
        start += 1;
    }
    if start >= end {
        return None;
    }
    // `Sanders in the past`: cut a trailing time phrase.
    let mut end = end;
    if TIME_WORDS.has(toks[end - 1], text)
        && let Some(p) = (start + 1..end).rev().find(|&k| {
            matches!(
                toks[k].lower(text).as_ref(),
                "in" | "on" | "at" | "last" | "this"
            )
        })
    {
        end = p;
    }
    if start >= end {
        return None;
    }
    let head = w(end - 1);
    let lhead = toks[end - 1].lower(text);
    if TIME_WORDS.has(toks[end - 1], text)
        || (!is_capitalized(head)
            && (lhead.ends_with("ed") || lhead.ends_with("ing"))
            && lhead.len() > 4
            // (`this finding`, `the ruling` are documents.)
            && !rules.documents.contains(lhead.as_ref())
            // (`a source familiar with the thinking`: the object of a
            // preposition inside the phrase.)
            && !(start..end - 1).any(|k| {
                let l = toks[k].lower(text);
                l.as_ref() != "and" && NP_PREP.contains(&l.as_ref())
            }))
    {
        return None;
    }
    // `delegates erupted in a chorus of booing and loud chants`, `films
    // that extend beyond TV shows`: a phrase that opens on a past tense,
    // or on the verb of a relative clause, is a predicate, not a source.
    // `is supporting Sanders as a superdelegate and in a statement
    // credited`, `laid off 200 staffers and began talking`: a coordinated
    // predicate, not a noun phrase.
    if (start + 1..end).any(|k| {
        toks[k - 1].word
            && matches!(toks[k - 1].lower(text).as_ref(), "and" | "but")
            && (matches!(
                toks[k].lower(text).as_ref(),
                "in" | "on" | "at" | "with" | "during" | "after" | "before"
            ) || k + 1 == end && IRREGULAR_PAST.has(toks[k], text))
    }) {
        // The clause's subject shares the second verb.
        return main_clause_subject(text, toks, start, rules)
            .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun));
    }
    // (Not `retired neurosurgeon Ben Carson`, `that the foundation`: the
    // verb is lowercase and its complement follows it.)
    let first = w(start);
    if !is_capitalized(first) && start + 1 < end && !DETERMINERS.has(toks[start], text) && {
        let second = toks[start + 1].lower(text);
        NP_PREP.has(toks[start + 1], text) && second.as_ref() != "and"
            || DETERMINERS.has(toks[start + 1], text)
    } {
        let lfirst = toks[start].lower(text);
        let past = lfirst.len() > 4 && lfirst.ends_with("ed") && !NOUNY.has(toks[start], text);
        let after_relative = start > 0
            && toks[start - 1].word
            && matches!(
                toks[start - 1].lower(text).as_ref(),
                "that" | "which" | "who"
            );
        if past || after_relative {
            return None;
        }
    }
    let span = Span {
        start: toks[start].span.start,
        end: toks[end - 1].span.end,
    };
    Some(mention(text, span, &toks[start..end], rules))
}

/// The noun phrase starting at token `s`.
pub fn np_after(
    text: &str,
    toks: &[Token],
    s: usize,
    rules: &LangRules,
    allow_lower_start: bool,
) -> Option<Mention> {
    let w = |i: usize| toks[i].text(text);
    let mut end = s;
    while end < toks.len() && end - s < 9 {
        if !toks[end].word {
            break;
        }
        let t = w(end);
        let lt = toks[end].lower(text);
        let lt = lt.as_ref();
        if end == s {
            if rules.pronouns.contains_key(lt)
                && !matches!(lt, "his" | "her" | "their" | "its" | "our" | "my" | "your")
            {
                end += 1;
                break;
            }
            if TIME_WORDS.has(toks[end], text) {
                return None;
            }
            // `said 9/11 widow Terry Strada`: a date as a modifier.
            let digits = |k: usize| {
                toks.get(k)
                    .is_some_and(|t| t.word && t.text(text).bytes().all(|b| b.is_ascii_digit()))
            };
            if digits(s)
                && toks.get(s + 1).is_some_and(|t| t.text(text) == "/")
                && digits(s + 2)
                && toks.get(s + 3).is_some_and(|t| t.word)
            {
                end += 3;
                continue;
            }
            let name_follows = || {
                toks[s..toks.len().min(s + 5)]
                    .iter()
                    .take_while(|t| t.word && !STOP.has(**t, text))
                    .any(|t| t.is_capitalized(text))
            };
            if !(is_capitalized(t)
                || DETERMINERS.has(toks[end], text)
                || rules.is_title(t)
                || allow_lower_start
                || name_follows())
            {
                return None;
            }
            end += 1;
            continue;
        }
        if is_capitalized(t) {
            // (`a Wednesday editorial`: a weekday modifying a noun.)
            let modifier = end == s + 1
                && matches!(toks[s].lower(text).as_ref(), "a" | "the")
                && toks
                    .get(end + 1)
                    .is_some_and(|n| n.word && !n.is_capitalized(text));
            if TIME_WORDS.has(toks[end], text) && !modifier {
                break;
            }
            end += 1;
            continue;
        }
        if matches!(lt, "of" | "for" | "and" | "at" | "by" | "&")
            || DETERMINERS.has(toks[end], text)
        {
            end += 1;
            continue;
        }
        // After a determiner a verb form is a noun: `said the report`,
        // `said the ruling`.
        let after_determiner = DETERMINERS.has(toks[end - 1], text);
        if STOP.has(toks[end], text)
            || TIME_WORDS.has(toks[end], text)
            || (rules.verbs.contains_key(lt) && !after_determiner)
            || lt.ends_with("ly")
        {
            break;
        }
        end += 1;
    }
    // Don't end on a joining word.
    while end > s
        && (matches!(
            toks[end - 1].lower(text).as_ref(),
            "of" | "for" | "and" | "at" | "by" | "&"
        ) || DETERMINERS.has(toks[end - 1], text))
    {
        end -= 1;
    }
    if end == s {
        return None;
    }
    let span = Span {
        start: toks[s].span.start,
        end: toks[end - 1].span.end,
    };
    Some(mention(text, span, &toks[s..end], rules))
}

/// Classifies a noun phrase.
pub fn mention(text: &str, span: Span, toks: &[Token], rules: &LangRules) -> Mention {
    // The words, as tokens (their lower case is the tokenizer's).
    let words = || toks.iter().filter(|t| t.word);
    let n = words().count();
    let raw = span.slice(text);
    // `he’s predicting`: the mention is `he`, not its contraction.
    if n == 1
        && let Some(w) = words().next()
        && contracted_auxiliary(&w.lower(text))
        && raw == w.text(text)
        && let Some(cut) = raw.rfind(['’', '\''])
        && rules.pronouns.contains_key(lower(&raw[..cut]).as_ref())
    {
        return Mention {
            span: Span {
                start: span.start,
                end: span.start + cut as u32,
            },
            kind: MentionKind::Pronoun,
        };
    }
    let kind =
        if n == 1
            && words()
                .next()
                .is_some_and(|t| rules.pronouns.contains_key(t.lower(text).as_ref()))
        {
            MentionKind::Pronoun
        } else if words().all(|t| !t.is_capitalized(text) || DETERMINERS.has(*t, text))
        // (The capitals first: they rule out most mentions, names, before
        // the head is found and looked up.)
        && head_word(text, toks).is_some_and(|h| {
            rules
                .documents
                .contains(lower(strip_possessive(h)).as_ref())
        }) {
            MentionKind::Document
        } else if !words().skip(1).any(|t| t.is_capitalized(text))
        // `sources` is anonymous; `sources close to Putin` names somebody.
        // (An ASCII phrase's lower case is a slice of the text's, when the
        // tokens have it: no copy.)
        && match toks.first().and_then(|t| t.lowered_text()) {
            Some(low) if raw.is_ascii() => is_anonymous(span.slice(low), rules),
            _ => is_anonymous(&lower(raw), rules),
        } {
            MentionKind::Anonymous
        } else if words().enumerate().any(|(i, t)| {
            let w = t.text(text);
            t.is_capitalized(text) && !rules.is_title(w) && !(i == 0 && DETERMINERS.has(*t, text))
        }) {
            MentionKind::Name
        } else {
            MentionKind::Nominal
        };
    Mention { span, kind }
}

/// The head of a noun phrase (the word tokens of `toks`): its last word
/// before a preposition (`the statement after the vote` → `statement`).
fn head_word<'t>(text: &'t str, toks: &[Token<'t>]) -> Option<&'t str> {
    let mut words = toks.iter().filter(|t| t.word);
    let first = words.next()?;
    let mut last = first.text(text);
    for t in words {
        let w = t.text(text);
        let lw = t.lower(text);
        if (NP_PREP.has(*t, text)
            || matches!(lw.as_ref(), "after" | "before" | "during" | "following"))
            && w != "and"
            && w != "&"
        {
            break;
        }
        last = w;
    }
    Some(last)
}

/// Whether a lowercased noun phrase is an anonymous source.
pub fn is_anonymous(lowered: &str, rules: &LangRules) -> bool {
    rules.is_anonymous(lowered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::paragraphs;
    use crate::sentences;

    fn cues(text: &str) -> Vec<(String, Option<String>, CuePattern)> {
        let rules = LangRules::builtin("en").unwrap();
        let sents = sentences::split(text, &paragraphs(text), &rules);
        find(text, &sents, &rules)
            .into_iter()
            .map(|c| {
                (
                    c.span.slice(text).to_string(),
                    c.source.map(|m| m.span.slice(text).to_string()),
                    c.pattern,
                )
            })
            .collect()
    }

    fn sources(text: &str) -> Vec<String> {
        cues(text).into_iter().filter_map(|c| c.1).collect()
    }

    /// [`subject`] tokenizes a sentence a part at a time, up to the verb:
    /// it finds what [`subject_in`] finds in all of its tokens.
    #[test]
    fn subject_by_parts_is_the_subject_of_all_the_tokens() {
        let rules = LangRules::builtin("en").unwrap();
        let text = "Senate Minority Leader Harry Reid (D-Nev.), in particular, has argued for it. \
                    The extraordinarily long-winded and thoroughly unnecessary opening of this \
                    sentence, which goes on for many, many words before anything happens, finally \
                    said nothing. On Monday, Clinton told reporters she would run. Hoff’s letter \
                    makes the case. The authors of the report, all of them economists at \
                    universities across the country, wrote that growth would slow. Nothing here \
                    but nouns, more nouns and adjectives. Trump took to Twitter. He held up a \
                    sign. Mr. Paulson, who made billions betting against housing, told investors \
                    he was worried. “It’s over,” Smith said.";
        let sents = sentences::split(text, &paragraphs(text), &rules);
        assert!(sents.len() > 8);
        for &s in &sents {
            let end = (s.start as usize + SUBJECT_BYTES).min(s.end as usize);
            let toks = tokenize(text, Span::new(s.start as usize, end), &rules);
            let all = subject_in(text, &toks, &rules);
            assert_eq!(subject(text, s, &rules), all, "{}", s.slice(text));
        }
    }

    #[test]
    fn source_before_the_verb() {
        assert_eq!(
            sources("Russia and Iran will sign a deal, the Kremlin said Monday."),
            vec!["the Kremlin"]
        );
        assert_eq!(
            sources("Putin will visit, the Kremlin’s press service said."),
            vec!["the Kremlin’s press service"]
        );
        assert_eq!(
            sources("The West and Ukraine have long accused North Korea of lying."),
            vec!["The West and Ukraine"]
        );
        assert_eq!(sources("“No,” he said."), vec!["he"]);
        assert_eq!(
            sources("A spokesman for the Pentagon said it was over."),
            vec!["A spokesman for the Pentagon"]
        );
    }

    /// The cue `verb` and its source in `text`.
    fn source_of(text: &str, verb: &str) -> Option<String> {
        cues(text)
            .into_iter()
            .find(|c| c.0 == verb)
            .and_then(|c| c.1)
    }

    #[test]
    fn participle_takes_the_main_clause_subject() {
        // A dateline is not the subject.
        assert_eq!(
            source_of(
                "WASHINGTON, Dec. 8 (UPI) — In response to the plan, the campaign chief rallied supporters, saying: “We have to stop him.”",
                "saying"
            )
            .as_deref(),
            Some("the campaign chief")
        );
        // An opening adverbial with a place in it (`Ames, Iowa,`).
        assert_eq!(
            source_of(
                "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on it, saying that allies must “step up.”",
                "saying"
            )
            .as_deref(),
            Some("Mrs. Clinton")
        );
        // An irregular past tense is the main verb; its object is not the
        // subject.
        assert_eq!(
            source_of(
                "Carly Fiorina threw her support behind Sen. Ted Cruz on Wednesday, saying it is time for a “real conservative.”",
                "saying"
            )
            .as_deref(),
            Some("Carly Fiorina")
        );
        assert_eq!(
            source_of(
                "He went further on Tuesday, saying it was “abuse.”",
                "saying"
            )
            .as_deref(),
            Some("He")
        );
        // A relative clause after the subject holds a verb of its own.
        assert_eq!(
            source_of(
                "In October, Mr. Paulson, who made billions on a bet, told investors the worries were “overblown,” adding that it had “upside.”",
                "adding"
            )
            .as_deref(),
            Some("Mr. Paulson")
        );
        // An opening subordinate clause has a subject of its own.
        assert_eq!(
            source_of(
                "Ever since she endorsed Mrs. Clinton, Ms. Warren has been a surrogate, attacking Mr. Trump as a “fraud.”",
                "attacking"
            )
            .as_deref(),
            Some("Ms. Warren")
        );
    }

    #[test]
    fn a_reduced_passive_is_no_report() {
        // `filed by`, `highlighted by`, `likened to`: participles after a
        // noun; the sentence's report is the later `said`.
        let c = cues(
            "The racial divide highlighted by the police shootings came up, and Gov. Mary Fallin said Trump is “trying.”",
        );
        assert!(c.iter().all(|c| c.0 != "highlighted"), "{c:?}");
        assert!(c.iter().any(|c| c.0 == "said"), "{c:?}");
        let c = cues(
            "Asked about a star likened to the Star of David, Speaker Paul Ryan said it “has no place.”",
        );
        assert!(c.iter().all(|c| c.0 != "likened"), "{c:?}");
        // `a Facebook message posted Friday`: the document's participle.
        let c = cues("In a Facebook message posted Friday, Cruz said he would vote for him.");
        assert!(c.iter().all(|c| c.0 != "posted"), "{c:?}");
        // `responded by saying` is active.
        assert_eq!(
            source_of(
                "A Chinese official responded by saying Japan should be careful “not to interfere.”",
                "responded"
            )
            .as_deref(),
            Some("A Chinese official")
        );
    }

    #[test]
    fn an_opening_participle_clause_is_not_the_subject() {
        assert_eq!(
            source_of(
                "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke with him.",
                "said"
            )
            .as_deref(),
            Some("Senator Harry Reid")
        );
        // A name ending in -ed is no participle.
        assert_eq!(
            source_of("Ted Cruz, the Texas senator, said it was over.", "said").as_deref(),
            Some("Ted Cruz")
        );
    }

    #[test]
    fn a_document_put_out_speaks_for_its_issuer() {
        assert_eq!(
            source_of(
                "American Bridge President Jessica Mackler issued a statement saying his comment “has no place” here.",
                "saying"
            )
            .as_deref(),
            Some("American Bridge President Jessica Mackler")
        );
        assert_eq!(
            source_of(
                "His office put out a statement saying the U.S. “does not have the capacity.”",
                "saying"
            )
            .as_deref(),
            Some("His office")
        );
        // A statement that nobody is said to have issued stays the source.
        assert_eq!(
            source_of(
                "A statement from the group, saying it “regrets” the move, followed.",
                "saying"
            )
            .as_deref()
            .map(|s| s.contains("statement")),
            Some(true)
        );
    }

    #[test]
    fn inverted_and_according_to() {
        assert_eq!(
            sources("“No,” said Sen. Ann Wagner, a Republican."),
            vec!["Sen. Ann Wagner"]
        );
        assert_eq!(
            sources("According to The Moscow Times, the deal is done."),
            vec!["The Moscow Times"]
        );
    }

    #[test]
    fn coordinated_verb_and_subordinate_subject() {
        // The second verb of `X did Y and said` shares X.
        let c = cues("Mrs. Rowe shook her head and said, “No.”");
        let said = c.iter().find(|c| c.0 == "said").unwrap();
        assert_eq!(said.1.as_deref(), Some("Mrs. Rowe"));
        // A subordinate clause's subject before a participial appositive.
        let c = cues("It came up after Mr. Hale, asked about the cuts, had said, “We will see.”");
        let said = c.iter().find(|c| c.0 == "said").unwrap();
        assert_eq!(said.1.as_deref(), Some("Mr. Hale"));
        // A lowercase phrase after the conjunction is no such subject.
        let c = cues("It ended after the vote, as expected, said aides.");
        let said = c.iter().find(|c| c.0 == "said").unwrap();
        assert_ne!(said.1.as_deref(), Some("the vote"));
    }

    #[test]
    fn no_report_from_an_infinitive_or_a_noun() {
        // `and apologize` coordinates an infinitive, not a report.
        let c = cues("Palmieri called on Trump to stop attacking Machado and apologize.");
        assert!(
            c.iter().all(|c| c.0 != "apologize" || c.1.is_none()),
            "{c:?}"
        );
        // `Amendment claims` is a noun phrase; `The Rove ad claims` reports.
        let c = cues("Because of his Fifth Amendment claims, prosecutors rarely act.");
        assert!(c.iter().all(|c| c.0 != "claims"), "{c:?}");
        let c = cues("The Rove ad claims “Wall Street made her rich.”");
        let claims = c.iter().find(|c| c.0 == "claims").unwrap();
        assert_eq!(claims.1.as_deref(), Some("The Rove ad"));
    }

    #[test]
    fn statement_read_and_colon() {
        let c = cues("“We agree,” the statement read.");
        let read = c.iter().find(|c| c.0 == "read").unwrap();
        assert_eq!(read.1.as_deref(), Some("the statement"));
        assert_eq!(read.2, CuePattern::DocumentRead);
        let c = cues("Reed: “We never saw the memo.”");
        assert_eq!(c[0].1.as_deref(), Some("Reed"));
        assert_eq!(c[0].2, CuePattern::Colon);
    }

    #[test]
    fn appositive_gives_the_name() {
        assert_eq!(
            sources("Josh Earnest, the White House press secretary, said the talks failed."),
            vec!["Josh Earnest"]
        );
    }

    #[test]
    fn told_that_takes_the_subject() {
        assert_eq!(
            sources("During a summit last year, Putin told Pezeshkian that he valued ties."),
            vec!["Putin"]
        );
    }
}
