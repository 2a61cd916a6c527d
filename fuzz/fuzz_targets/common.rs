//! Invariants every fuzz target asserts on an analysis.

#![allow(dead_code)]

use quotecheck::diagnostic::Diagnostic;
use quotecheck::frontend::{self, Checked, InputFormat};
use quotecheck::span::Span;
use quotecheck::{Analysis, Engine, extract, fix};

/// Bytes as text: valid UTF-8 as it is (arbitrary UTF-8), anything else
/// lossily (arbitrary bytes, as a CMS export might be after decoding).
pub fn text_of(data: &[u8]) -> String {
    match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => String::from_utf8_lossy(data).into_owned(),
    }
}

pub fn span_ok(text: &str, s: Span, what: &str) {
    let (a, b) = (s.start as usize, s.end as usize);
    assert!(a <= b && b <= text.len(), "{what} {a}..{b} outside the text ({} bytes)", text.len());
    assert!(
        text.is_char_boundary(a) && text.is_char_boundary(b),
        "{what} {a}..{b} not on a char boundary"
    );
}

/// Every span on a char boundary inside the text; every quote's opening
/// mark before its closing mark.
pub fn check_analysis(text: &str, a: &Analysis, diags: &[Diagnostic]) {
    for &p in &a.paragraphs {
        span_ok(text, p, "paragraph");
    }
    for &s in &a.sentences {
        span_ok(text, s, "sentence");
    }
    for m in &a.marks {
        span_ok(text, m.span, "mark");
    }
    for q in &a.quotes {
        span_ok(text, q.content, "quote content");
        span_ok(text, q.outer(), "quote");
        if let Some(o) = q.open {
            span_ok(text, o, "opening mark");
            assert!(o.end <= q.content.start, "opening mark after the content start");
        }
        if let Some(c) = q.close {
            span_ok(text, c, "closing mark");
            assert!(q.content.end <= c.start, "closing mark before the content end");
        }
        if let (Some(o), Some(c)) = (q.open, q.close) {
            assert!(o.end <= c.start, "opening mark {o:?} not before closing mark {c:?}");
        }
    }
    for c in &a.cues {
        span_ok(text, c.span, "cue");
        if let Some(m) = &c.source {
            span_ok(text, m.span, "cue source");
        }
    }
    assert_eq!(a.attributions.len(), a.quotes.len());
    for d in diags {
        span_ok(text, d.span, "diagnostic");
        for l in &d.labels {
            span_ok(text, l.span, "label");
        }
        if let Some(f) = &d.fix {
            for e in &f.edits {
                span_ok(text, e.span, "fix edit");
            }
        }
    }
}

const QUOTE_RULES: &[&str] = &["unclosed-quote", "unopened-quote", "mismatched-quote"];

fn quote_diags(d: &[Diagnostic]) -> usize {
    d.iter().filter(|d| QUOTE_RULES.contains(&d.rule.as_str())).count()
}

/// Applies every safe fix with the library's own fix code
/// (`quotecheck::fix::fix`, what `check --fix` runs): the fixed text has
/// no more quote-mark diagnostics than the original, and fixing it again
/// changes nothing.
pub fn check_fixes(engine: &Engine, format: InputFormat, text: &str) {
    let before = frontend::check(engine, format, text);
    let fixed = fix::fix(engine, format, text);
    if fixed.text == text {
        return;
    }
    let after = frontend::check(engine, format, &fixed.text);
    check_front_spans(&fixed.text, &after);
    assert!(
        quote_diags(&after.diagnostics) <= quote_diags(&before.diagnostics),
        "safe fixes added a quote-mark diagnostic: {} before, {} after",
        quote_diags(&before.diagnostics),
        quote_diags(&after.diagnostics)
    );
    let again = fix::fix(engine, format, &fixed.text);
    assert_eq!(again.text, fixed.text, "a second application of the safe fixes changed the text");
}

/// A file through a front end and the engine: every diagnostic span
/// (labels and fix edits too), every quote and every extracted record on
/// a char boundary inside the original `source`; opening marks before
/// closing marks.
pub fn check_front_spans(source: &str, c: &Checked) {
    assert_eq!(c.prepared.text.len(), source.len(), "the masked copy changed length");
    for &p in &c.prepared.paragraphs {
        span_ok(&c.prepared.text, p, "paragraph");
    }
    check_analysis(&c.prepared.text, &c.analysis, &[]);
    for q in &c.analysis.quotes {
        span_ok(source, q.content, "quote content");
        span_ok(source, q.outer(), "quote");
        if let Some(o) = q.open {
            span_ok(source, o, "opening mark");
        }
        if let Some(cl) = q.close {
            span_ok(source, cl, "closing mark");
        }
        if let (Some(o), Some(cl)) = (q.open, q.close) {
            assert!(o.end <= cl.start, "opening mark {o:?} not before closing mark {cl:?}");
        }
    }
    for d in &c.diagnostics {
        span_ok(source, d.span, "diagnostic");
        for l in &d.labels {
            span_ok(source, l.span, "label");
        }
        if let Some(f) = &d.fix {
            for e in &f.edits {
                span_ok(source, e.span, "fix edit");
            }
        }
    }
    for records in [
        extract::quote_records(source, &c.analysis),
        extract::all_quote_records(source, &c.analysis),
    ] {
        for r in &records {
            span_ok(source, Span::new(r.start as usize, r.end as usize), "record");
            if let (Some(s), Some(e)) = (r.speaker_start, r.speaker_end) {
                span_ok(source, Span::new(s as usize, e as usize), "speaker");
            }
        }
    }
}

/// `source` as a file of `format`: no panic, spans as above.
pub fn check_front(engine: &Engine, format: InputFormat, source: &str) {
    let c = frontend::check(engine, format, source);
    check_front_spans(source, &c);
}
