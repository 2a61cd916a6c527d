//! `unopened-quote`
//!
//! ## What it does
//! Flags a closing quotation mark with no opening mark before it in its
//! paragraph, and suggests where the opening mark belongs: the start of the
//! sentence that holds the closing mark (after any earlier quote).
//!
//! ## Why
//! The quoted words have no start, so the reader can't tell which words the
//! source said. quotecheck still recovers the quote and attributes it.
//!
//! ## Example
//! ```text
//! Officials met Friday. The talks went well,” the minister said.
//! ```
//! becomes
//! ```text
//! Officials met Friday. “The talks went well,” the minister said.
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
use crate::quotes::MarkIssue;
use crate::span::Span;

pub const RULE: Rule = Rule {
    name: "unopened-quote",
    summary: "a closing quotation mark with no opening mark",
    default_severity: Severity::Error,
    default_enabled: true,
    needs: crate::analysis::Depth::Quotes,
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for issue in &ctx.analysis.mark_issues {
        if let MarkIssue::Unopened {
            close,
            glyph,
            suggested_open,
            suggested_glyph,
        } = issue
        {
            let at = *suggested_open as usize;
            let preview: String = ctx.text[at..].chars().take(24).collect();
            let preview = preview
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Diagnostic {
                rule: RULE.name.into(),
                severity: RULE.default_severity,
                span: *close,
                message: format!(
                    "closing {} has no opening {}",
                    glyph.as_str(),
                    suggested_glyph.as_str()
                ),
                labels: vec![Label {
                    span: Span::empty(at),
                    message: format!(
                        "the opening {} probably belongs here, before “{preview}”",
                        suggested_glyph.as_str()
                    ),
                }],
                fix: Some(Fix {
                    message: format!("insert {} before “{preview}”", suggested_glyph.as_str()),
                    applicability: Applicability::Unsafe,
                    edits: vec![Edit {
                        span: Span::empty(at),
                        replacement: suggested_glyph.as_str().to_string(),
                    }],
                }),
            });
        }
    }
}
