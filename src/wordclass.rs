//! The cue stage's fixed word lists (determiners, prepositions,
//! auxiliaries, time words …), and a per-token filter of them.
//!
//! The cue stage asks of many words whether their lower case is in one of
//! these lists, and most of the words it asks about are in none. The
//! tokenizer gives each token [`Token::maybe_classes`]: for each list, a bit
//! that is set when the word may be in it, from one table load indexed by
//! a hash of the word's length and first eight bytes (case-blind). [`Words::has`] tests that bit first, and only a word that
//! passes is lower-cased and compared; so the answer is always the list's
//! own, and most words are turned away with a bit test.

/// A fixed word list: a `match` on the word (compiled to comparisons by
/// length), its words (for the filter table), and its bit in the table.
pub struct Words {
    matches: fn(&str) -> bool,
    words: &'static [&'static str],
    class: u16,
}

impl Words {
    /// Whether the lower-case word `w` is in the list.
    #[inline]
    pub fn contains(&self, w: &&str) -> bool {
        (self.matches)(w)
    }

    /// Whether the token's lower case is in the list: its filter bit
    /// first, then the word.
    #[inline(always)]
    pub fn has(&self, t: Token, text: &str) -> bool {
        t.maybe_classes() & self.class != 0 && (self.matches)(&t.lower(text))
    }
}

use crate::tokens::Token;

/// Defines a word list (one source for its `match` and its words).
macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident = $class:expr; $($w:literal)|+) => {
        $(#[$doc])*
        pub const $name: Words = Words {
            matches: |w| matches!(w, $($w)|+),
            words: &[$($w),+],
            class: $class,
        };
    };
}

word_list! {
    /// Auxiliaries and adverbs that may stand between a subject and its verb.
    SKIP_BEFORE_VERB = 1 << 0;
    "has"
        | "had"
        | "have"
        | "also"
        | "later"
        | "then"
        | "previously"
        | "once"
        | "again"
        | "recently"
        | "repeatedly"
        | "publicly"
        | "privately"
        | "reportedly"
        | "would"
        | "will"
        | "could"
        | "can"
        | "may"
        | "might"
        | "should"
        | "did"
        | "does"
        | "do"
        | "just"
        | "further"
        | "flatly"
        | "bluntly"
        | "simply"
        | "quickly"
        | "often"
        | "never"
        | "always"
        | "already"
        | "still"
        | "first"
        | "last"
        | "earlier"
        | "long"
        | "frequently"
        | "initially"
        | "subsequently"
        | "separately"
        | "ultimately"
        | "finally"
        | "explicitly"
        | "openly"
        | "angrily"
        | "loudly"
        | "quietly"
        | "softly"
        | "told"
        | "even"
        | "only"
        | "originally"
        | "specifically"
        | "directly"
        | "elsewhere"
        | "similarly"
        | "too"
        | "is"
        | "are"
        | "was"
        | "were"
        | "been"
        | "be"
        | "now"
        | "today"
        | "yesterday"
        | "tonight"
}

word_list! {
    /// Lowercase words that end a noun phrase.
    STOP = 1 << 1;
    "that"
        | "which"
        | "who"
        | "whom"
        | "whose"
        | "when"
        | "where"
        | "while"
        | "because"
        | "but"
        | "or"
        | "so"
        | "if"
        | "as"
        | "than"
        | "then"
        | "although"
        | "though"
        | "after"
        | "before"
        | "since"
        | "until"
        | "is"
        | "are"
        | "was"
        | "were"
        | "be"
        | "been"
        | "being"
        | "has"
        | "have"
        | "had"
        | "will"
        | "would"
        | "can"
        | "could"
        | "should"
        | "may"
        | "might"
        | "must"
        | "do"
        | "does"
        | "did"
        | "not"
        | "to"
        | "also"
        | "why"
        | "how"
        | "what"
        | "whether"
        | "there"
        | "here"
        | "this"
        | "these"
        | "those"
        | "it"
        | "into"
        | "about"
        | "over"
        | "under"
        | "against"
        | "during"
        | "without"
        | "through"
        | "upon"
        | "by"
        | "yet"
        | "nor"
        | "either"
        | "neither"
        | "both"
        | "all"
        | "any"
        | "some"
        | "every"
        | "each"
        | "very"
        | "more"
        | "most"
        | "now"
        | "today"
        | "yesterday"
        | "tonight"
        | "later"
        | "earlier"
        | "again"
        | "once"
        | "just"
        | "only"
        | "even"
        | "never"
        | "up"
        | "out"
        | "off"
        | "down"
        | "back"
        | "away"
        | "such"
        | "no"
        | "we"
        | "i"
        | "you"
        | "me"
        | "us"
        | "him"
        | "them"
}

word_list! {
    /// Lowercase words that join parts of one noun phrase.
    NP_PREP = 1 << 2;
    "of"
        | "for"
        | "at"
        | "from"
        | "in"
        | "with"
        | "on"
        | "and"
        | "&"
        | "de"
        | "von"
        | "van"
        | "al"
        | "bin"
        | "beyond"
        | "through"
        | "across"
        | "among"
        | "including"
        | "like"
}

word_list! {
    DETERMINERS = 1 << 3;
    "the"
        | "a"
        | "an"
        | "his"
        | "her"
        | "their"
        | "its"
        | "our"
        | "my"
        | "your"
        | "one"
        | "two"
        | "three"
        | "several"
        | "many"
        | "another"
}

word_list! {
    TIME_WORDS = 1 << 4;
    "monday"
        | "tuesday"
        | "wednesday"
        | "thursday"
        | "friday"
        | "saturday"
        | "sunday"
        | "today"
        | "yesterday"
        | "tonight"
        | "last"
        | "this"
        | "on"
        | "in"
        | "at"
        | "earlier"
        | "later"
        | "recently"
        | "previously"
        | "afterward"
        | "afterwards"
        | "then"
        | "again"
        | "also"
        | "week"
        | "month"
        | "year"
        | "past"
        | "future"
        | "weekend"
        | "morning"
        | "afternoon"
        | "evening"
        | "night"
        | "when"
        | "after"
        | "before"
        | "during"
        | "while"
        | "as"
        | "through"
        | "via"
        | "over"
        | "repeatedly"
        | "publicly"
        | "privately"
        | "flatly"
}

word_list! {
    /// Sentence adverbs, which open a clause but are never its subject
    /// (`Instead, Will called …`, `Meanwhile Trump continues …`).
    SENTENCE_ADVERBS = 1 << 5;
    "instead"
        | "however"
        | "meanwhile"
        | "still"
        | "rather"
        | "indeed"
        | "moreover"
        | "furthermore"
        | "nonetheless"
        | "nevertheless"
        | "likewise"
        | "similarly"
        | "separately"
        | "finally"
        | "thus"
        | "hence"
        | "yet"
        | "then"
        | "now"
        | "perhaps"
}

word_list! {
    /// Verb forms that are more often nouns: `an infrastructure project`,
    /// `the talks`, `a brief`. They count as verbs only after a pronoun, a
    /// name, or an auxiliary.
    NOUNY = 1 << 6;
    "retort"
        | "retorts"
        | "jeers"
        | "project"
        | "projects"
        | "post"
        | "posts"
        | "text"
        | "texts"
        | "figure"
        | "figures"
        | "name"
        | "names"
        | "term"
        | "terms"
        | "brief"
        | "briefs"
        | "grant"
        | "grants"
        | "talk"
        | "talks"
        | "report"
        | "reports"
        | "claim"
        | "claims"
        | "answer"
        | "answers"
        | "reply"
        | "replies"
        | "comment"
        | "comments"
        | "note"
        | "notes"
        | "call"
        | "calls"
        | "request"
        | "requests"
        | "order"
        | "orders"
        | "promise"
        | "promises"
        | "estimate"
        | "estimates"
        | "charge"
        | "charges"
        | "demand"
        | "demands"
        | "praise"
        | "quote"
        | "quotes"
        | "question"
        | "questions"
        | "release"
        | "releases"
        | "statement"
        | "pledge"
        | "pledges"
        | "vow"
        | "vows"
        | "warning"
        | "plea"
        | "pleas"
        | "testimony"
        | "tweet"
        | "tweets"
        | "email"
        | "emails"
        | "signal"
        | "signals"
        | "state"
        | "states"
        | "rule"
        | "rules"
        | "fear"
        | "fears"
        | "hope"
        | "hopes"
        | "doubt"
        | "doubts"
        | "guess"
        | "echo"
        | "echoes"
        | "counter"
        | "counters"
        | "label"
        | "labels"
        | "caution"
        | "forecast"
        | "forecasts"
        | "plan"
        | "plans"
        | "concern"
        | "concerns"
        | "point"
        | "points"
        | "review"
        | "reviews"
        | "finding"
        | "findings"
        | "suggestion"
        | "briefing"
        | "ruling"
        | "saying"
        | "sayings"
        | "reading"
        | "writing"
        | "teaching"
        | "remark"
        | "remarks"
        | "attack"
        | "attacks"
        | "fault"
        | "faults"
        | "cite"
        | "cites"
        | "allow"
        | "allows"
        | "response"
        | "responses"
        | "outline"
        | "outlines"
        | "challenge"
        | "challenges"
        | "notice"
        | "notices"
        | "guarantee"
        | "guarantees"
        | "offer"
        | "offers"
        | "protest"
        | "protests"
        | "complaint"
        | "complaints"
}

word_list! {
    /// Verbs whose object is a document its subject put out: `issued a
    /// statement`, `released a new radio ad`, `sent out a press release`.
    ISSUING_VERBS = 1 << 7;
    "issued"
        | "issues"
        | "released"
        | "releases"
        | "put"
        | "puts"
        | "sent"
        | "sends"
        | "posted"
        | "posts"
        | "published"
        | "publishes"
        | "unveiled"
        | "launched"
        | "aired"
        | "ran"
        | "runs"
        | "filed"
        | "distributed"
        | "circulated"
        | "tweeted"
        | "out"
}

word_list! {
    /// Irregular past tenses that can be the main verb of a clause, so that
    /// `He went further on Tuesday, saying …` finds `He`.
    IRREGULAR_PAST = 1 << 8;
    "became"
        | "began"
        | "bought"
        | "brought"
        | "built"
        | "came"
        | "chose"
        | "drew"
        | "drove"
        | "fell"
        | "felt"
        | "fought"
        | "found"
        | "gave"
        | "got"
        | "grew"
        | "held"
        | "hit"
        | "kept"
        | "knew"
        | "laid"
        | "led"
        | "left"
        | "lost"
        | "made"
        | "meant"
        | "met"
        | "paid"
        | "put"
        | "ran"
        | "rose"
        | "sat"
        | "saw"
        | "sent"
        | "set"
        | "shook"
        | "sought"
        | "spent"
        | "spoke"
        | "stood"
        | "struck"
        | "swore"
        | "took"
        | "threw"
        | "thought"
        | "told"
        | "went"
        | "won"
        | "wrote"
        | "cut"
        | "let"
        | "quit"
}

word_list! {
    /// Finite auxiliaries and copulas that open a clause's verb group.
    FINITE_AUX = 1 << 9;
    "is"
        | "was"
        | "are"
        | "were"
        | "has"
        | "had"
        | "have"
        | "will"
        | "would"
        | "can"
        | "could"
        | "did"
        | "does"
        | "do"
        | "may"
        | "might"
        | "should"
        | "must"
}

word_list! {
    /// Words that open a sentence-initial adverbial or subordinate clause,
    /// which ends at its comma: `At a rally in Portsmouth, N.H., on Tuesday,`.
    CLAUSE_OPENERS = 1 << 10;
    "after"
        | "although"
        | "amid"
        | "as"
        | "at"
        | "because"
        | "before"
        | "despite"
        | "during"
        | "ever"
        | "following"
        | "for"
        | "from"
        | "if"
        | "in"
        | "on"
        | "once"
        | "since"
        | "though"
        | "under"
        | "until"
        | "when"
        | "whereas"
        | "while"
        | "with"
        | "without"
}

word_list! {
    /// Conjunctions and relative words that end the walk back from a noun
    /// phrase to a `who` whose clause it is in.
    CLAUSE_LINKS = 1 << 11;
    "that"
        | "which"
        | "when"
        | "where"
        | "while"
        | "because"
        | "if"
        | "although"
        | "though"
        | "since"
        | "but"
        | "and"
}

/// Every list, for the filter table.
const LISTS: [&Words; 12] = [
    &SKIP_BEFORE_VERB,
    &STOP,
    &NP_PREP,
    &DETERMINERS,
    &TIME_WORDS,
    &SENTENCE_ADVERBS,
    &NOUNY,
    &ISSUING_VERBS,
    &IRREGULAR_PAST,
    &FINITE_AUX,
    &CLAUSE_OPENERS,
    &CLAUSE_LINKS,
];

/// Bits of the filter table's index.
const TABLE_BITS: u32 = 12;

/// The table index of a non-empty ASCII word: the top bits of the cue
/// filter's first hash ([`WordFilter::first_hash`](crate::lang::WordFilter::first_hash):
/// its length and first eight bytes, each with bit 5 set, which lowers a
/// capital and leaves lower case, digits and the joiners `'`, `-`, `.`,
/// `&` alone), so that a word and its ASCII lower case hash alike, and
/// the tokenizer, which hashes every word for the cue filter, computes it
/// once.
#[inline(always)]
pub(crate) const fn slot(b: &[u8]) -> usize {
    crate::lang::WordFilter::first_hash_const(b) >> (16 - TABLE_BITS)
}

/// For each slot, the classes of the listed words that hash to it.
static TABLE: [u16; 1 << TABLE_BITS] = {
    let mut t = [0u16; 1 << TABLE_BITS];
    let mut l = 0;
    while l < LISTS.len() {
        let list = LISTS[l];
        let mut i = 0;
        while i < list.words.len() {
            let w = list.words[i].as_bytes();
            assert!(!w.is_empty() && w.is_ascii());
            t[slot(w)] |= list.class;
            i += 1;
        }
        l += 1;
    }
    t
};

/// Every class: what a token the filter cannot judge may be.
pub(crate) const ALL: u16 = u16::MAX;

/// The classes a non-empty ASCII word (of letters, digits and joiners)
/// or one-byte ASCII token may be in: a superset of the lists that hold
/// its lower case.
#[cfg(test)]
pub(crate) fn maybe_classes(b: &[u8]) -> u16 {
    TABLE[slot(b)]
}

/// The filter classes of the word whose [`WordFilter::first_hash`](crate::lang::WordFilter::first_hash)
/// is `first`.
#[inline(always)]
pub(crate) fn maybe_classes_hashed(first: usize) -> u16 {
    TABLE[(first >> (16 - TABLE_BITS)) & ((1 << TABLE_BITS) - 1)]
}

/// The filter classes of each one-byte ASCII token (`&` is a listed word).
pub(crate) static BYTE_MAYBE: [u16; 128] = {
    let mut t = [0u16; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = TABLE[slot(&[b as u8])];
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_passes_its_filter_in_any_case() {
        for list in LISTS {
            for w in list.words {
                assert!(list.contains(w), "{w}");
                for v in [
                    w.to_string(),
                    w.to_ascii_uppercase(),
                    w[..1].to_ascii_uppercase() + &w[1..],
                ] {
                    assert_ne!(maybe_classes(v.as_bytes()) & list.class, 0, "{v}");
                }
            }
        }
    }

    #[test]
    fn the_const_hash_is_the_filter_hash() {
        let words = LISTS.iter().flat_map(|l| l.words.iter().copied());
        for w in words.chain(["x", "Kremlin", "U.S.", "AT&T", "don't", "2016", "&", ","]) {
            for v in [w.to_string(), w.to_ascii_uppercase()] {
                let b = v.as_bytes();
                assert_eq!(
                    crate::lang::WordFilter::first_hash(b),
                    crate::lang::WordFilter::first_hash_const(b),
                    "{v}"
                );
            }
        }
    }

    #[test]
    fn one_byte_tokens_are_looked_up_alike() {
        for b in 0..128u8 {
            assert_eq!(BYTE_MAYBE[b as usize], maybe_classes(&[b]));
            let first = crate::lang::WordFilter::first_hash(&[b]);
            assert_eq!(maybe_classes_hashed(first), maybe_classes(&[b]));
        }
        assert_ne!(BYTE_MAYBE[b'&' as usize] & NP_PREP.class, 0);
    }

    #[test]
    fn classes_are_distinct_bits() {
        let mut seen = 0u16;
        for list in LISTS {
            assert_eq!(list.class.count_ones(), 1);
            assert_eq!(seen & list.class, 0);
            seen |= list.class;
        }
    }

    #[test]
    fn most_other_words_are_turned_away() {
        let words = "president Kremlin statement Putin officials war minister Russia \
                     government policy spokesman election campaign senator economy";
        let passed = words
            .split(' ')
            .filter(|w| !w.is_empty() && maybe_classes(w.as_bytes()) != 0)
            .count();
        assert!(passed <= 4, "{passed}");
    }
}
