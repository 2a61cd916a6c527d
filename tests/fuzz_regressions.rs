//! The invariants the `markdown`, `html` and `fix` fuzz targets (`fuzz/`)
//! assert, run on their committed seeds, on markup edge cases, and on
//! every input a fuzz run has found to break them.

use quotecheck::engine::Engine;
use quotecheck::fix;
use quotecheck::frontend::{self, InputFormat};
use quotecheck::span::Span;

const MARK_RULES: &[&str] = &["unclosed-quote", "unopened-quote", "mismatched-quote"];

fn span_ok(text: &str, s: Span, what: &str) {
    let (a, b) = (s.start as usize, s.end as usize);
    assert!(
        a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b),
        "{what} {a}..{b} is not a char-boundary span of {text:?}"
    );
}

/// What the `markdown` and `html` targets assert.
fn front_invariants(format: InputFormat, source: &str) {
    let engine = Engine::english();
    let c = frontend::check(&engine, format, source);
    assert_eq!(c.prepared.text.len(), source.len());
    for q in &c.analysis.quotes {
        span_ok(source, q.content, "quote content");
        span_ok(source, q.outer(), "quote");
        for m in q.open.iter().chain(&q.close) {
            span_ok(source, *m, "quotation mark");
        }
        if let (Some(o), Some(cl)) = (q.open, q.close) {
            assert!(
                o.end <= cl.start,
                "opening mark {o:?} after closing mark {cl:?}"
            );
        }
    }
    for d in &c.diagnostics {
        span_ok(source, d.span, "diagnostic");
        for l in &d.labels {
            span_ok(source, l.span, "label");
        }
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            span_ok(source, e.span, "fix edit");
        }
    }
    for r in quotecheck::extract::all_quote_records(source, &c.analysis) {
        span_ok(
            source,
            Span::new(r.start as usize, r.end as usize),
            "record",
        );
    }
}

/// What the `fix` target asserts.
fn fix_invariants(engine: &Engine, format: InputFormat, source: &str) {
    let count = |t: &str| {
        frontend::check(engine, format, t)
            .diagnostics
            .iter()
            .filter(|d| MARK_RULES.contains(&d.rule.as_str()))
            .count()
    };
    let fixed = fix::fix(engine, format, source);
    assert!(
        count(&fixed.text) <= count(source),
        "fixing added a quote-mark diagnostic"
    );
    let again = fix::fix(engine, format, &fixed.text);
    assert_eq!(again.text, fixed.text, "a second fix changed the text");
}

/// The committed seeds of the `markdown`, `html` and `fix` targets keep
/// the targets' invariants (so `cargo test` runs what the fuzzers start
/// from).
#[test]
fn fuzz_seeds_keep_the_invariants() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let mut curly = Engine::english();
    curly.settings.rules.extend_select.insert(
        quotecheck::config::QuoteStyle::Curly
            .rule()
            .unwrap()
            .to_string(),
    );
    let engines = [Engine::english(), curly];
    for (dir, format) in [
        ("markdown", InputFormat::Markdown),
        ("html", InputFormat::Html),
    ] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            front_invariants(format, &text);
        }
    }
    for e in std::fs::read_dir(root.join("fix")).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        let (&which, body) = bytes.split_first().unwrap();
        let format = match which % 3 {
            0 => InputFormat::Text,
            1 => InputFormat::Markdown,
            _ => InputFormat::Html,
        };
        let body = std::str::from_utf8(body).unwrap();
        fix_invariants(&engines[(which as usize / 3) % 2], format, body);
        front_invariants(format, body);
    }
}

/// Character references, escapes and HTML blocks inside Markdown, CRLF.
#[test]
fn markup_edge_cases_keep_the_invariants() {
    for s in [
        "&notit; “a&rdquo; said Bob.\n",
        "[“link&rdquo;](x) said Bob. &ldquo;Yes\n",
        "<div>\n&ldquo;Hi,&rdquo; he said. &#x201C;x\n</div>\n",
        "a\r\n\r\n&ldquo;x\r\n\r\n“y&#8221;\n",
        "# “H&amp;\n\n* “a\n* b”\n",
        "&#0; &#xD800; &#x110000; &#128512;“\n",
        "\\\"Hi,\\\" he said \"x\n",
    ] {
        front_invariants(InputFormat::Markdown, s);
        front_invariants(InputFormat::Html, s);
        let mut curly = Engine::english();
        curly
            .settings
            .rules
            .extend_select
            .insert("straight-quote".into());
        for f in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
            fix_invariants(&curly, f, s);
        }
    }
}
