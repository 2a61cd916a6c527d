//! Property tests of the pairing on generated articles: sentences, full,
//! split, partial, nested and continued quotes, apostrophes, paragraphs.
//!
//! - the pairing agrees with the reference model (the quotes the
//!   generator wrote, mark for mark);
//! - a balanced article has no quote-mark diagnostic, with or without
//!   apostrophes added;
//! - deleting one double mark yields a quote-mark diagnostic in that
//!   paragraph.

use std::collections::BTreeSet;

use proptest::prelude::*;
use quotecheck::Engine;

const QUOTE_RULES: &[&str] = &["unclosed-quote", "unopened-quote", "mismatched-quote"];

const WORDS: &[&str] = &[
    "the", "plan", "was", "good", "for", "all", "of", "us", "we", "will", "win", "this", "time",
    "and", "they", "know", "it", "council", "voted", "on", "budget", "people", "deserve", "better",
    "today",
];
const APOSTROPHE_WORDS: &[&str] = &[
    "don’t",
    "Kremlin’s",
    "it’s",
    "’90s",
    "can't",
    "mayor's",
    "won’t",
];
const SPEAKERS: &[&str] = &[
    "the mayor said",
    "she said",
    "Ms. Reyes said",
    "he added",
    "officials said",
];

/// A little deterministic stream of choices from proptest's values.
struct Choices<'a> {
    vals: &'a [u32],
    at: usize,
}

impl Choices<'_> {
    fn next(&mut self, n: usize) -> usize {
        let v = self.vals[self.at % self.vals.len()]
            .wrapping_add((self.at / self.vals.len()) as u32 * 7919);
        self.at += 1;
        v as usize % n
    }
}

/// A generated article and what the reference model expects of it.
struct Article {
    text: String,
    /// (opening mark start, closing mark start) of every quote written.
    quotes: BTreeSet<(usize, usize)>,
    /// Every double mark: its byte span and its paragraph's span.
    doubles: Vec<((usize, usize), (usize, usize))>,
    /// Opening marks of continued segments (no closing mark in their
    /// paragraph, by the continuation convention).
    continued_opens: BTreeSet<usize>,
}

struct Builder<'a> {
    c: Choices<'a>,
    apostrophes: bool,
    out: String,
    quotes: BTreeSet<(usize, usize)>,
    doubles_in_para: Vec<(usize, usize)>,
    doubles: Vec<((usize, usize), (usize, usize))>,
    continued_opens: BTreeSet<usize>,
}

impl Builder<'_> {
    fn words(&mut self, min: usize, nested_ok: bool) {
        let n = min + self.c.next(5);
        for i in 0..n {
            if i > 0 {
                self.out.push(' ');
            }
            if self.apostrophes && self.c.next(4) == 0 {
                let w = APOSTROPHE_WORDS[self.c.next(APOSTROPHE_WORDS.len())];
                self.out.push_str(w);
            } else if self.apostrophes && !nested_ok && self.c.next(8) == 0 {
                // A plural possessive, only outside single quotes.
                self.out.push_str("officials’");
            } else {
                self.out.push_str(WORDS[self.c.next(WORDS.len())]);
            }
        }
    }

    fn open_double(&mut self) -> usize {
        let at = self.out.len();
        self.out.push('“');
        self.doubles_in_para.push((at, self.out.len()));
        at
    }

    fn close_double(&mut self, open: usize) {
        let at = self.out.len();
        self.out.push('”');
        self.doubles_in_para.push((at, self.out.len()));
        self.quotes.insert((open, at));
    }

    fn single(&mut self) {
        let o = self.out.len();
        self.out.push('‘');
        self.words(1, true);
        let c = self.out.len();
        self.out.push('’');
        self.quotes.insert((o, c));
    }

    /// Quote content: words, perhaps with a nested single quote.
    fn content(&mut self) {
        self.words(1, false);
        if self.c.next(3) == 0 {
            self.out.push(' ');
            self.single();
            self.out.push(' ');
            self.words(1, false);
        }
    }

    fn sentence(&mut self) {
        match self.c.next(5) {
            // Plain.
            0 => {
                self.out.push_str("The ");
                self.words(2, false);
                self.out.push('.');
            }
            // Full quote.
            1 => {
                let o = self.open_double();
                self.out.push('W');
                self.content();
                self.out.push(',');
                self.close_double(o);
                self.out.push(' ');
                self.out.push_str(SPEAKERS[self.c.next(SPEAKERS.len())]);
                self.out.push('.');
            }
            // Split quote.
            2 => {
                let o = self.open_double();
                self.out.push('W');
                self.content();
                self.out.push(',');
                self.close_double(o);
                self.out.push(' ');
                self.out.push_str(SPEAKERS[self.c.next(SPEAKERS.len())]);
                self.out.push_str(", ");
                let o = self.open_double();
                self.content();
                self.out.push('.');
                self.close_double(o);
            }
            // Partial quote.
            3 => {
                self.out.push_str("He called it ");
                let o = self.open_double();
                self.words(1, false);
                self.close_double(o);
                self.out.push_str(" on Monday.");
            }
            // Introduced by a colon.
            _ => {
                self.out.push_str("The mayor said: ");
                let o = self.open_double();
                self.out.push('W');
                self.content();
                self.out.push('.');
                self.close_double(o);
            }
        }
    }

    fn end_paragraph(&mut self, start: usize) {
        let para = (start, self.out.len());
        for d in self.doubles_in_para.drain(..) {
            self.doubles.push((d, para));
        }
        self.out.push_str("\n\n");
    }

    fn article(mut self, continuation: bool) -> Article {
        let paras = 1 + self.c.next(4);
        for _ in 0..paras {
            let start = self.out.len();
            let sentences = 1 + self.c.next(3);
            for s in 0..sentences {
                if s > 0 {
                    self.out.push(' ');
                }
                self.sentence();
            }
            if continuation && self.c.next(3) == 0 {
                // A quote that runs on: this paragraph leaves it open and
                // the next reopens it.
                self.out.push(' ');
                let o = self.open_double();
                self.out.push('W');
                self.words(2, false);
                self.out.push('.');
                self.continued_opens.insert(o);
                self.end_paragraph(start);
                let start = self.out.len();
                let o = self.open_double();
                self.out.push('W');
                self.words(2, false);
                self.out.push(',');
                self.close_double(o);
                self.out.push_str(" she said.");
                self.end_paragraph(start);
            } else {
                self.end_paragraph(start);
            }
        }
        Article {
            text: self.out,
            quotes: self.quotes,
            doubles: self.doubles,
            continued_opens: self.continued_opens,
        }
    }
}

fn build(vals: &[u32], apostrophes: bool, continuation: bool) -> Article {
    Builder {
        c: Choices { vals, at: 0 },
        apostrophes,
        out: String::new(),
        quotes: BTreeSet::new(),
        doubles_in_para: Vec::new(),
        doubles: Vec::new(),
        continued_opens: BTreeSet::new(),
    }
    .article(continuation)
}

fn engine() -> &'static Engine {
    static E: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    E.get_or_init(Engine::english)
}

fn quote_diags(text: &str) -> Vec<quotecheck::Diagnostic> {
    let (_, d) = engine().check(text);
    d.into_iter()
        .filter(|d| QUOTE_RULES.contains(&d.rule.as_str()))
        .collect()
}

/// The pairs the engine found, as (opening start, closing start); a
/// continued segment's open-ended first part is left out.
fn found_pairs(text: &str) -> BTreeSet<(usize, usize)> {
    let a = engine().analyze(text);
    a.quotes
        .iter()
        .filter_map(|q| Some((q.open?.start as usize, q.close?.start as usize)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn pairing_agrees_with_the_reference_model(
        vals in prop::collection::vec(any::<u32>(), 1..24),
        apostrophes in any::<bool>(),
        continuation in any::<bool>(),
    ) {
        let a = build(&vals, apostrophes, continuation);
        prop_assert_eq!(found_pairs(&a.text), a.quotes.clone(), "{}", a.text);
        let an = engine().analyze(&a.text);
        for q in &an.quotes {
            if let Some(o) = q.open
                && q.close.is_none() {
                    prop_assert!(a.continued_opens.contains(&(o.start as usize)), "unexpected open-ended quote at {}: {}", o.start, a.text);
                    prop_assert!(q.continues, "open-ended quote that does not continue: {}", a.text);
                }
        }
    }

    #[test]
    fn balanced_articles_have_no_quote_mark_diagnostic_with_or_without_apostrophes(
        vals in prop::collection::vec(any::<u32>(), 1..24),
        continuation in any::<bool>(),
    ) {
        for apostrophes in [false, true] {
            let a = build(&vals, apostrophes, continuation);
            let d = quote_diags(&a.text);
            prop_assert!(d.is_empty(), "{:?}\n{}", d, a.text);
        }
    }

    #[test]
    fn deleting_a_double_mark_is_flagged_in_its_paragraph(
        vals in prop::collection::vec(any::<u32>(), 1..24),
        apostrophes in any::<bool>(),
        pick in any::<prop::sample::Index>(),
    ) {
        let a = build(&vals, apostrophes, false);
        prop_assume!(!a.doubles.is_empty());
        let ((s, e), (ps, pe)) = a.doubles[pick.index(a.doubles.len())];
        // A paragraph left open before one that opens with a mark is a
        // continued quote by the convention: nothing to flag.
        let closing = &a.text[s..e] == "”";
        prop_assume!(!(closing && a.text[pe..].trim_start().starts_with('“')));
        let mut text = a.text.clone();
        text.replace_range(s..e, "");
        let removed = e - s;
        let pe = pe - removed;
        let d = quote_diags(&text);
        prop_assert!(
            d.iter().any(|d| (d.span.start as usize) >= ps && (d.span.start as usize) <= pe),
            "no quote-mark diagnostic in {}..{} after deleting the mark at {}: {:?}\n{}", ps, pe, s, d, text
        );
    }
}
