//! Output formats of `check` and `extract`.

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use quotecheck::analysis::Analysis;
use quotecheck::diagnostic::{Diagnostic, Severity};
use quotecheck::document::LineIndex;
use quotecheck::engine::Engine;
use quotecheck::extract::quote_records;
use serde_json::{Value, json};

/// Each file's name, text and diagnostics.
pub type Results<'a> = [(&'a str, &'a str, &'a [Diagnostic])];

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Code frames with a caret under the mark and labels on partner marks.
pub fn full(results: &Results<'_>, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    let mut total = 0;
    for &(name, text, diags) in results {
        if diags.is_empty() {
            continue;
        }
        let idx = LineIndex::new(text);
        for d in diags {
            total += 1;
            // Hand the renderer only the lines the diagnostic touches, so
            // that rendering stays linear in the size of the file.
            let spans = std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span));
            let (first, last) = spans.fold((usize::MAX, 0), |(lo, hi), s| {
                let a = idx.line_col(text, s.start as usize).0;
                let b = idx.line_col(text, s.end as usize).0;
                (lo.min(a), hi.max(b))
            });
            let window_start = idx.line_span(text, first).start as usize;
            let window_end = idx.line_span(text, last).end as usize;
            let window = &text[window_start..window_end];
            let local = |s: quotecheck::span::Span| {
                let a = (s.start as usize).clamp(window_start, window_end) - window_start;
                let b = (s.end as usize).clamp(window_start, window_end) - window_start;
                a..b
            };
            let mut snippet = Snippet::source(window)
                .line_start(first)
                .path(name)
                .fold(true)
                .annotation(
                    AnnotationKind::Primary
                        .span(local(d.span))
                        .label(d.message.as_str()),
                );
            for l in &d.labels {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(local(l.span))
                        .label(l.message.as_str()),
                );
            }
            let title = level(d.severity)
                .primary_title(d.message.as_str())
                .id(d.rule.as_str());
            let mut group: Vec<Group> = vec![title.element(snippet)];
            if let Some(f) = &d.fix {
                let help =
                    Level::HELP.secondary_title(format!("{} ({})", f.message, applicability(f)));
                group.push(Group::with_title(help));
            }
            out.push_str(&renderer.render(&group));
            out.push_str("\n\n");
        }
    }
    if total > 0 {
        out.push_str(&format!(
            "Found {total} diagnostic{}.\n",
            if total == 1 { "" } else { "s" }
        ));
        let fixable: usize = results
            .iter()
            .map(|(_, _, d)| super::check::fixable(d))
            .sum();
        if fixable > 0 {
            out.push_str(&format!(
                "{fixable} {} a safe fix (`quotecheck check --fix`; `--diff` to see it first).\n",
                if fixable == 1 { "has" } else { "have" }
            ));
        }
    }
    out
}

/// `--statistics`: how many diagnostics of each rule, most frequent first.
pub fn statistics(results: &Results<'_>, as_json: bool) -> String {
    use std::collections::BTreeMap;
    let mut counts: BTreeMap<&str, (usize, usize, Severity)> = BTreeMap::new();
    for &(_, _, diags) in results {
        for d in diags {
            let e = counts.entry(d.rule.as_str()).or_insert((0, 0, d.severity));
            e.0 += 1;
            e.1 += super::check::fixable(std::slice::from_ref(d));
            e.2 = e.2.max(d.severity);
        }
    }
    let mut rows: Vec<(&str, usize, usize, Severity)> = counts
        .into_iter()
        .map(|(r, (n, f, s))| (r, n, f, s))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if as_json {
        let v: Vec<Value> = rows
            .iter()
            .map(|(rule, n, f, s)| json!({"rule": rule, "count": n, "fixable": f, "severity": s}))
            .collect();
        let mut s = serde_json::to_string_pretty(&v).expect("JSON values serialise");
        s.push('\n');
        return s;
    }
    let mut out = String::new();
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    for (rule, n, f, s) in &rows {
        let fix = if *f > 0 {
            format!("  ({f} fixable)")
        } else {
            String::new()
        };
        let line = format!("{n:>6}  {rule:<width$} {:<7}{fix}", s.as_str());
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let total: usize = rows.iter().map(|r| r.1).sum();
    out.push_str(&format!("{total:>6}  total\n"));
    out
}

fn applicability(f: &quotecheck::diagnostic::Fix) -> &'static str {
    match f.applicability {
        quotecheck::diagnostic::Applicability::Safe => "safe fix",
        quotecheck::diagnostic::Applicability::Unsafe => "unsafe fix",
        quotecheck::diagnostic::Applicability::DisplayOnly => "suggestion",
    }
}

/// `path:line:col: severity[rule] message`.
pub fn concise(results: &Results<'_>) -> String {
    let mut out = String::new();
    for &(name, text, diags) in results {
        // (A clean file needs no line index: most files in a CI run.)
        if diags.is_empty() {
            continue;
        }
        let idx = LineIndex::new(text);
        for d in diags {
            let (l, c) = idx.line_col(text, d.span.start as usize);
            out.push_str(&format!(
                "{name}:{l}:{c}: {}[{}] {}\n",
                d.severity.as_str(),
                d.rule,
                d.message
            ));
        }
    }
    out
}

/// One diagnostic as JSON, with 1-based lines and character columns.
pub fn diagnostic_json(name: &str, text: &str, idx: &LineIndex, d: &Diagnostic) -> Value {
    let (l, c) = idx.line_col(text, d.span.start as usize);
    let (el, ec) = idx.line_col(text, d.span.end as usize);
    let labels: Vec<Value> = d
        .labels
        .iter()
        .map(|lab| {
            let (ll, lc) = idx.line_col(text, lab.span.start as usize);
            json!({"message": lab.message, "line": ll, "column": lc, "start": lab.span.start, "end": lab.span.end})
        })
        .collect();
    let fix = d.fix.as_ref().map(|f| {
        json!({
            "message": f.message,
            "applicability": f.applicability,
            "edits": f.edits.iter().map(|e| {
                let (l, c) = idx.line_col(text, e.span.start as usize);
                json!({"start": e.span.start, "end": e.span.end, "line": l, "column": c, "replacement": e.replacement})
            }).collect::<Vec<_>>(),
        })
    });
    let mut v = json!({
        "path": name,
        "rule": d.rule,
        "severity": d.severity,
        "message": d.message,
        "line": l,
        "column": c,
        "end_line": el,
        "end_column": ec,
        "start": d.span.start,
        "end": d.span.end,
        "labels": labels,
    });
    if let Some(f) = fix {
        v["fix"] = f;
    }
    v
}

/// An array of every diagnostic.
pub fn json(results: &Results<'_>) -> String {
    let mut all = Vec::new();
    for &(name, text, diags) in results {
        let idx = LineIndex::new(text);
        for d in diags {
            all.push(diagnostic_json(name, text, &idx, d));
        }
    }
    let mut s = serde_json::to_string_pretty(&all).expect("JSON values serialise");
    s.push('\n');
    s
}

/// `extract --format json` for one article. `text` is the analysed text
/// (the front end's masked copy), `original` the file: lines and columns
/// come from the file, quoted words from the analysed text, with runs of
/// white space left by markup collapsed when `collapse` is set.
pub fn extract_json(name: &str, original: &str, text: &str, a: &Analysis, collapse: bool) -> Value {
    let idx = LineIndex::new(original);
    let words = |s: &str| -> String {
        if collapse {
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            s.to_string()
        }
    };
    let quotes: Vec<Value> = quote_records(text, a)
        .into_iter()
        .map(|q| {
            let (l, c) = idx.line_col(original, q.start as usize);
            let mut v = serde_json::to_value(&q).expect("records serialise");
            v["text"] = Value::String(words(&text[q.start as usize..q.end as usize]));
            v["line"] = l.into();
            v["column"] = c.into();
            v
        })
        .collect();
    let speakers: Vec<Value> = a
        .speakers
        .iter()
        .map(|s| {
            json!({
                "name": s.name,
                "kind": s.kind,
                "roles": s.roles,
                "belongs_to": s.belongs_to.map(|o| a.speakers[o as usize].name.clone()),
                "mentions": s.mentions.iter().map(|m| json!({"text": words(m.slice(text)), "start": m.start, "end": m.end})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let cues: Vec<Value> = a
        .cues
        .iter()
        .map(|c| {
            json!({
                "text": words(c.span.slice(text)),
                "start": c.span.start,
                "end": c.span.end,
                "lemma": c.lemma,
                "stance": c.stance,
                "pattern": c.pattern,
                "source": c.source.as_ref().map(|m| words(m.span.slice(text))),
            })
        })
        .collect();
    json!({"path": name, "quotes": quotes, "speakers": speakers, "cues": cues})
}

/// The input fields of one `--jsonl` record; `text` borrows from the line
/// when it has no escapes.
#[derive(serde::Deserialize)]
struct JsonlIn<'a> {
    #[serde(default)]
    id: Value,
    #[serde(default, borrow)]
    text: Option<JsonlText<'a>>,
}

/// A string (borrowed when it has no escapes), or any other JSON value.
/// Deserialised by hand: an untagged enum buffers the value (the article
/// text) before trying each variant, a copy this avoids.
enum JsonlText<'a> {
    Text(std::borrow::Cow<'a, str>),
    Other,
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for JsonlText<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = JsonlText<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(JsonlText::Text(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(JsonlText::Text(std::borrow::Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(JsonlText::Text(std::borrow::Cow::Owned(v)))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(JsonlText::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(JsonlText::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(JsonlText::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(JsonlText::Other)
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(JsonlText::Other)
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(JsonlText::Other)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(JsonlText::Other)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(JsonlText::Other)
            }
        }
        d.deserialize_any(Visit(std::marker::PhantomData))
    }
}

/// One `--jsonl` record: `{"id","text"}` in, the `{"id","quotes","claims"}`
/// line out (without its newline).
pub fn jsonl_record(engine: &Engine, line: &[u8], all_quotes: bool) -> Result<String, String> {
    let mut out = String::new();
    jsonl_record_into(engine, line, all_quotes, &mut out).map(|()| out)
}

/// [`jsonl_record`], appended to `out`; on an error `out` is as it was.
pub fn jsonl_record_into(
    engine: &Engine,
    line: &[u8],
    all_quotes: bool,
    out: &mut String,
) -> Result<(), String> {
    // The usual line is read by hand; any other goes to serde_json.
    let usual;
    let v: JsonlIn;
    let (id, text) = match super::jsonl::read_usual(line) {
        Some(read) => {
            usual = read;
            (&usual.0, usual.1.as_ref())
        }
        None => {
            v = serde_json::from_slice(line).map_err(|e| format!("invalid JSON: {e}"))?;
            match &v.text {
                Some(JsonlText::Text(t)) => (&v.id, t.as_ref()),
                _ => return Err("record has no string field `text`".to_string()),
            }
        }
    };
    let analysis = engine.analyze(text);
    let quotes = quotecheck::extract::quote_records_in(text, &analysis, all_quotes);
    let claims = quotecheck::extract::claim_records_in(text, &analysis);
    super::jsonl::record_into(out, id, &quotes, &claims);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_text_is_a_string_or_anything_else() {
        let text = |line: &str| match serde_json::from_str::<JsonlIn>(line) {
            Ok(JsonlIn {
                text: Some(JsonlText::Text(t)),
                ..
            }) => Ok(Some(t.into_owned())),
            Ok(_) => Ok(None),
            Err(e) => Err(e.to_string()),
        };
        assert_eq!(text(r#"{"text":"plain"}"#), Ok(Some("plain".into())));
        assert_eq!(
            text(r#"{"text":"a \"b\"\n"}"#),
            Ok(Some("a \"b\"\n".into()))
        );
        for other in [
            r#"{"text":1}"#,
            r#"{"text":[1,{"a":[2]}]}"#,
            r#"{"text":{"x":null}}"#,
            r#"{"text":true}"#,
            r#"{"text":null}"#,
            r#"{"id":3}"#,
        ] {
            assert_eq!(text(other), Ok(None), "{other}");
        }
        assert!(text(r#"{"text":[1,}"#).is_err());
        assert!(text(r#"{"text":"abc"#).is_err());
    }
}
