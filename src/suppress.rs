//! Suppression comments: `quotecheck-disable-next-line RULE[, RULE]`,
//! `quotecheck-disable RULE` … `quotecheck-enable RULE`.
//!
//! Markdown and HTML write them as comments (`<!-- … -->`), plain text as
//! a line of its own inside `[…]` or after `#`. The front ends find them;
//! [`apply`] drops the diagnostics they cover and reports each suppression
//! that covered nothing as `unused-suppression`. A directive without rule
//! names covers every rule.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::document::LineIndex;
use crate::lints::{self, RuleSelection};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DirectiveKind {
    /// Covers the line after the comment.
    DisableNextLine,
    /// Covers everything up to the matching `quotecheck-enable`.
    Disable,
    Enable,
}

impl DirectiveKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DirectiveKind::DisableNextLine => "quotecheck-disable-next-line",
            DirectiveKind::Disable => "quotecheck-disable",
            DirectiveKind::Enable => "quotecheck-enable",
        }
    }
}

/// One suppression comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Rule names as written; empty means every rule.
    pub rules: Vec<String>,
    /// The whole comment (or line) in the file.
    pub span: Span,
}

/// Parses a comment's contents (`quotecheck-disable-next-line a, b`).
/// Anything that is not a directive is `None`.
pub fn parse(content: &str, span: Span) -> Option<Directive> {
    let content = content.trim();
    let (kind, rest) = [
        DirectiveKind::DisableNextLine,
        DirectiveKind::Disable,
        DirectiveKind::Enable,
    ]
    .into_iter()
    .find_map(|k| content.strip_prefix(k.as_str()).map(|r| (k, r)))?;
    if !(rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || c == ':')) {
        return None;
    }
    let rest = rest.trim_start().strip_prefix(':').unwrap_or(rest);
    let rules = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    Some(Directive { kind, rules, span })
}

/// What one rule of one directive covers.
struct Entry {
    directive: usize,
    /// `None`: every rule.
    rule: Option<String>,
    region: Region,
    used: bool,
}

enum Region {
    /// A 1-based line.
    Line(usize),
    /// Byte range `[start, end)`.
    Range(usize, usize),
}

/// Drops the diagnostics that `directives` cover and adds an
/// `unused-suppression` diagnostic for every suppression that covered
/// nothing (when that rule is enabled). `text` is the analysed text.
pub fn apply(
    text: &str,
    directives: &[Directive],
    diags: Vec<Diagnostic>,
    selection: &RuleSelection,
) -> Vec<Diagnostic> {
    let unused_rule = &lints::unused_suppression::RULE;
    if directives.is_empty() {
        return diags;
    }
    let idx = LineIndex::new(text);
    let mut entries: Vec<Entry> = Vec::new();
    let mut extra: Vec<Diagnostic> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let per_rule = |d: &Directive| -> Vec<Option<String>> {
        if d.rules.is_empty() || d.rules.iter().any(|r| r == "ALL") {
            vec![None]
        } else {
            d.rules.iter().cloned().map(Some).collect()
        }
    };
    for (i, d) in directives.iter().enumerate() {
        match d.kind {
            DirectiveKind::DisableNextLine => {
                let (line, _) = idx.line_col(text, d.span.end as usize);
                for rule in per_rule(d) {
                    entries.push(Entry {
                        directive: i,
                        rule,
                        region: Region::Line(line + 1),
                        used: false,
                    });
                }
            }
            DirectiveKind::Disable => {
                for rule in per_rule(d) {
                    open.push(entries.len());
                    entries.push(Entry {
                        directive: i,
                        rule,
                        region: Region::Range(d.span.end as usize, text.len()),
                        used: false,
                    });
                }
            }
            DirectiveKind::Enable => {
                let targets = per_rule(d);
                let before = open.len();
                open.retain(|&e| {
                    let closes = targets.contains(&None) || targets.contains(&entries[e].rule);
                    if closes && let Region::Range(s, _) = entries[e].region {
                        entries[e].region = Region::Range(s, d.span.start as usize);
                    }
                    !closes
                });
                if open.len() == before {
                    extra.push(unused(
                        selection,
                        d.span,
                        format!(
                            "`{}` has no matching `quotecheck-disable` before it",
                            d.kind.as_str()
                        ),
                    ));
                }
            }
        }
    }
    let mut kept = Vec::with_capacity(diags.len());
    for diag in diags {
        let at = diag.span.start as usize;
        let line = idx.line_col(text, at).0;
        let mut covered = false;
        for e in &mut entries {
            let rule_matches = e.rule.as_deref().is_none_or(|r| r == diag.rule);
            let inside = match e.region {
                Region::Line(l) => l == line,
                Region::Range(s, end) => s <= at && at < end,
            };
            if rule_matches && inside {
                e.used = true;
                covered = true;
            }
        }
        if !covered {
            kept.push(diag);
        }
    }
    for e in &entries {
        if e.used {
            continue;
        }
        let d = &directives[e.directive];
        let message = match &e.rule {
            None => "unused suppression: no diagnostic here to suppress".to_string(),
            Some(r) => match lints::find_rule(r) {
                None => format!("unknown rule `{r}` in a suppression comment"),
                Some(rule) if !selection.enabled(rule) => continue,
                Some(_) => format!("unused suppression: no `{r}` diagnostic here to suppress"),
            },
        };
        extra.push(unused(selection, d.span, message));
    }
    if selection.enabled(unused_rule) {
        kept.extend(extra);
    }
    kept.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
    kept
}

fn unused(selection: &RuleSelection, span: Span, message: String) -> Diagnostic {
    let rule = &lints::unused_suppression::RULE;
    Diagnostic {
        rule: rule.name.into(),
        severity: selection.severity(rule),
        span,
        message,
        labels: vec![],
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn diag(rule: &str, at: usize) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            severity: Severity::Warning,
            span: Span::new(at, at + 1),
            message: String::new(),
            labels: vec![],
            fix: None,
        }
    }

    #[test]
    fn parses_the_three_forms() {
        let d = parse(
            " quotecheck-disable-next-line missing-attribution, unclosed-quote ",
            Span::new(0, 1),
        )
        .unwrap();
        assert_eq!(d.kind, DirectiveKind::DisableNextLine);
        assert_eq!(d.rules, vec!["missing-attribution", "unclosed-quote"]);
        assert_eq!(
            parse("quotecheck-disable", Span::empty(0)).unwrap().kind,
            DirectiveKind::Disable
        );
        assert_eq!(
            parse("quotecheck-enable a", Span::empty(0)).unwrap().rules,
            vec!["a"]
        );
        assert!(parse("quotecheck-disabled", Span::empty(0)).is_none());
        assert!(parse("just a comment", Span::empty(0)).is_none());
    }

    #[test]
    fn next_line_covers_only_the_next_line() {
        let text = "c\nx\ny\n";
        let ds = vec![
            parse(
                "quotecheck-disable-next-line missing-attribution",
                Span::new(0, 1),
            )
            .unwrap(),
        ];
        let out = apply(
            text,
            &ds,
            vec![
                diag("missing-attribution", 2),
                diag("missing-attribution", 4),
            ],
            &RuleSelection::default(),
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span.start, 4);
    }

    #[test]
    fn ranges_end_at_enable_and_unused_ones_are_reported() {
        let text = "d\nx\ne\ny\nd2\n";
        let ds = vec![
            parse("quotecheck-disable unclosed-quote", Span::new(0, 1)).unwrap(),
            parse("quotecheck-enable unclosed-quote", Span::new(4, 5)).unwrap(),
            parse(
                "quotecheck-disable-next-line mismatched-quote",
                Span::new(8, 10),
            )
            .unwrap(),
        ];
        let out = apply(
            text,
            &ds,
            vec![diag("unclosed-quote", 2), diag("unclosed-quote", 6)],
            &RuleSelection::default(),
        );
        let rules: Vec<&str> = out.iter().map(|d| d.rule.as_str()).collect();
        assert_eq!(rules, vec!["unclosed-quote", "unused-suppression"]);
        assert_eq!(out[0].span.start, 6);
        assert_eq!(out[1].severity, Severity::Info);
    }

    #[test]
    fn unknown_rules_are_reported() {
        let ds = vec![parse("quotecheck-disable-next-line no-such-rule", Span::new(0, 1)).unwrap()];
        let out = apply("c\nx\n", &ds, vec![], &RuleSelection::default());
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains("unknown rule `no-such-rule`"));
    }
}
