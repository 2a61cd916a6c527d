//! SARIF 2.1.0, as GitHub code scanning reads it: one run, the tool's
//! rules with their documentation, one result per diagnostic with its
//! location (URI relative to the working directory, 1-based lines and
//! code-point columns) and its fix where it has one.

use serde_json::{Value, json};

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::LineIndex;
use crate::lints::{self, Rule};
use crate::span::Span;

/// Where quotecheck's documentation lives.
pub const INFORMATION_URI: &str = match option_env!("CARGO_PKG_REPOSITORY") {
    Some(r) if !r.is_empty() => r,
    _ => "https://crates.io/crates/quotecheck",
};

/// One checked file.
pub struct FileResult<'a> {
    /// The artifact URI: relative to the working directory (see
    /// [`artifact_uri`]).
    pub uri: String,
    /// The file's text, for lines and columns.
    pub source: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A rule's first documentation paragraph (under "What it does").
fn full_description(rule: &Rule) -> String {
    let docs = rule.docs();
    let body = docs
        .split("## What it does")
        .nth(1)
        .unwrap_or(docs)
        .split("\n## ")
        .next()
        .unwrap_or_default();
    let para = body.trim().split("\n\n").next().unwrap_or_default();
    let text = para.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        rule.summary.to_string()
    } else {
        text
    }
}

fn rule_json(rule: &Rule) -> Value {
    let docs = rule.docs();
    json!({
        "id": rule.name,
        "name": rule.name.split('-').map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        }).collect::<String>(),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full_description(rule)},
        "help": {"text": docs, "markdown": docs},
        "helpUri": INFORMATION_URI,
        "defaultConfiguration": {"level": level(rule.default_severity), "enabled": rule.default_enabled},
        "properties": {"tags": ["quotecheck"]},
    })
}

fn region(idx: &LineIndex, text: &str, span: Span) -> Value {
    let (sl, sc) = idx.line_col(text, span.start as usize);
    let (el, ec) = idx.line_col(text, span.end as usize);
    json!({"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec})
}

/// The whole SARIF log for `files`.
pub fn render(files: &[FileResult]) -> String {
    let mut results = Vec::new();
    for f in files {
        let idx = LineIndex::new(f.source);
        for d in f.diagnostics {
            let location = |span: Span| {
                json!({"physicalLocation": {
                    "artifactLocation": {"uri": f.uri},
                    "region": region(&idx, f.source, span),
                }})
            };
            let mut r = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [location(d.span)],
            });
            if let Some(i) = lints::RULES.iter().position(|x| x.name == d.rule) {
                r["ruleIndex"] = i.into();
            }
            if !d.labels.is_empty() {
                r["relatedLocations"] = d
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let mut v = location(l.span);
                        v["id"] = i.into();
                        v["message"] = json!({"text": l.message});
                        v
                    })
                    .collect::<Vec<_>>()
                    .into();
            }
            if let Some(fix) = &d.fix {
                let kind = match fix.applicability {
                    Applicability::Safe => "safe fix",
                    Applicability::Unsafe => "unsafe fix",
                    Applicability::DisplayOnly => "suggestion",
                };
                r["fixes"] = json!([{
                    "description": {"text": format!("{} ({kind})", fix.message)},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": f.uri},
                        "replacements": fix.edits.iter().map(|e| json!({
                            "deletedRegion": region(&idx, f.source, e.span),
                            "insertedContent": {"text": e.replacement},
                        })).collect::<Vec<_>>(),
                    }],
                }]);
            }
            results.push(r);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "quotecheck",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": lints::RULES.iter().map(rule_json).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).expect("JSON values serialise");
    s.push('\n');
    s
}

/// A path as a SARIF artifact URI: relative to `cwd` with `/` separators
/// when the path is inside it, a `file://` URI otherwise; reserved and
/// non-ASCII bytes percent-encoded.
pub fn artifact_uri(path: &std::path::Path, cwd: &std::path::Path) -> String {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    let normal: std::path::PathBuf =
        abs.components()
            .fold(std::path::PathBuf::new(), |mut acc, c| {
                match c {
                    std::path::Component::CurDir => {}
                    std::path::Component::ParentDir => {
                        acc.pop();
                    }
                    other => acc.push(other),
                }
                acc
            });
    match normal.strip_prefix(cwd) {
        Ok(rel) => encode(&rel.to_string_lossy().replace('\\', "/")),
        Err(_) => {
            let s = normal.to_string_lossy().replace('\\', "/");
            let s = if s.starts_with('/') {
                s
            } else {
                format!("/{s}")
            };
            format!("file://{}", encode(&s))
        }
    }
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn uris_are_relative_and_encoded() {
        let cwd = Path::new("/work/news");
        assert_eq!(artifact_uri(Path::new("./a b/c.md"), cwd), "a%20b/c.md");
        assert_eq!(
            artifact_uri(Path::new("/work/news/x/../y.txt"), cwd),
            "y.txt"
        );
        assert_eq!(
            artifact_uri(Path::new("/tmp/é.txt"), cwd),
            "file:///tmp/%C3%A9.txt"
        );
    }

    #[test]
    fn every_rule_has_a_description() {
        for r in lints::RULES {
            assert!(!full_description(r).is_empty(), "{}", r.name);
            assert!(!r.docs().is_empty(), "{}", r.name);
        }
    }
}
