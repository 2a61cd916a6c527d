//! Invariants every fuzz target asserts on an analysis.

#![allow(dead_code)]

use quotecheck::diagnostic::{Applicability, Diagnostic};
use quotecheck::span::Span;
use quotecheck::{Analysis, Engine};

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

/// Applies every safe fix (non-overlapping edits, first come first kept).
pub fn apply_safe(text: &str, diags: &[Diagnostic]) -> Option<String> {
    let mut edits: Vec<_> = diags
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe)
        .flat_map(|f| f.edits.iter())
        .collect();
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    for e in edits {
        let (s, t) = (e.span.start as usize, e.span.end as usize);
        if s < at {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(&e.replacement);
        at = t;
    }
    out.push_str(&text[at..]);
    Some(out)
}

fn quote_diags(d: &[Diagnostic]) -> usize {
    d.iter().filter(|d| QUOTE_RULES.contains(&d.rule.as_str())).count()
}

/// Applying all safe fixes adds no quote-mark diagnostic, and applying
/// them again changes nothing.
pub fn check_fixes(engine: &Engine, text: &str, diags: &[Diagnostic]) {
    let Some(fixed) = apply_safe(text, diags) else {
        return;
    };
    let (a2, d2) = engine.check(&fixed);
    check_analysis(&fixed, &a2, &d2);
    assert!(
        quote_diags(&d2) <= quote_diags(diags),
        "safe fixes added a quote-mark diagnostic: {} before, {} after",
        quote_diags(diags),
        quote_diags(&d2)
    );
    if let Some(again) = apply_safe(&fixed, &d2) {
        assert_eq!(again, fixed, "a second application of the safe fixes changed the text");
    }
}
