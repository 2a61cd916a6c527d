//! The seed article: exactly one quotation-mark error, on line 14, and the
//! five quoted passages attributed as an editor would.

use quotecheck::Engine;
use quotecheck::document::LineIndex;
use quotecheck::extract::quote_records;

const SEED: &str = include_str!("fixtures/articles/seed-article.txt");

#[test]
fn one_unopened_quote_on_line_14_with_the_opening_suggested() {
    let (_, diags) = Engine::english().check(SEED);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.rule, "unopened-quote");
    let idx = LineIndex::new(SEED);
    assert_eq!(idx.line_col(SEED, d.span.start as usize).0, 14);
    let fix = d.fix.as_ref().expect("a suggested opening mark");
    let at = fix.edits[0].span.start as usize;
    assert!(
        SEED[at..].starts_with("On 17 January"),
        "{}",
        &SEED[at..at + 20]
    );
    assert_eq!(fix.edits[0].replacement, "“");
}

#[test]
fn five_quotes_and_their_speakers() {
    let analysis = Engine::english().analyze(SEED);
    let got: Vec<(String, Option<String>, Option<String>)> = quote_records(SEED, &analysis)
        .into_iter()
        .map(|q| {
            let words: String = SEED[q.start as usize..q.end as usize]
                .chars()
                .take(24)
                .collect();
            (words, q.speaker, q.resolved)
        })
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        vec![
            (
                "comprehensive strategic ".into(),
                s("the Kremlin"),
                s("the Kremlin")
            ),
            (
                "On 17 January, Vladimir ".into(),
                s("the Kremlin"),
                s("the Kremlin")
            ),
            (
                "The two leaders are also".into(),
                s("the statement"),
                s("the Kremlin")
            ),
            (
                "central pillars".into(),
                s("The Moscow Times"),
                s("The Moscow Times")
            ),
            (
                "truly friendly and const".into(),
                s("Putin"),
                s("Vladimir Putin")
            ),
        ]
    );
}

#[test]
fn no_apostrophe_is_taken_for_a_quote() {
    let analysis = Engine::english().analyze(SEED);
    for q in &analysis.quotes {
        let inner = &SEED[q.content.range()];
        assert!(
            !inner.starts_with("s "),
            "apostrophe paired as a quote: {inner}"
        );
    }
    for word in ["Kremlin’s", "latter’s", "Pezeshkian’s", "Russia’s"] {
        let at = SEED.find(word).unwrap() + word.find('’').unwrap();
        let mark = analysis
            .marks
            .iter()
            .find(|m| m.span.start as usize == at)
            .unwrap();
        assert_eq!(mark.role, quotecheck::marks::Role::Apostrophe, "{word}");
    }
}
