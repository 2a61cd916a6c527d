//! `mismatched-quote`
//!
//! ## What it does
//! Flags a pair of quotation marks that don't match: a quote opened in one
//! style and closed in another (`“…"`), or a flipped mark (`“…“`, `”…”`).
//!
//! ## Why
//! Mixed and flipped marks are typing slips that survive spell-checking and
//! look wrong in print; in some fonts a flipped mark reads as the start of a
//! new quote.
//!
//! ## Example
//! ```text
//! “Stop the vote“, he said.
//! ```
//! becomes
//! ```text
//! “Stop the vote”, he said.
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Label, Severity};
use crate::quotes::{Flipped, MarkIssue};

pub const RULE: Rule = Rule {
    name: "mismatched-quote",
    summary: "a quote opened and closed with marks that don't match, or a flipped mark",
    default_severity: Severity::Warning,
    default_enabled: true,
    needs: crate::analysis::Depth::Quotes,
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for issue in &ctx.analysis.mark_issues {
        let MarkIssue::Mismatched {
            open,
            close,
            open_glyph,
            close_glyph,
            flipped,
        } = issue
        else {
            continue;
        };
        let (span, message, label_span, label, edit_span, replacement) = match flipped {
            Some(Flipped::Close) => (
                *close,
                format!(
                    "closing mark is a flipped opening mark {}",
                    close_glyph.as_str()
                ),
                *open,
                "the quote opens here".to_string(),
                *close,
                open_glyph.natural_close(),
            ),
            Some(Flipped::Open) => (
                *open,
                format!(
                    "opening mark is a flipped closing mark {}",
                    open_glyph.as_str()
                ),
                *close,
                "the quote closes here".to_string(),
                *open,
                crate::marks::Glyph::LeftDouble,
            ),
            None => (
                *close,
                format!(
                    "quote opened with {} is closed with {}",
                    open_glyph.as_str(),
                    close_glyph.as_str()
                ),
                *open,
                format!("opened with {} here", open_glyph.as_str()),
                *close,
                open_glyph.natural_close(),
            ),
        };
        out.push(Diagnostic {
            rule: RULE.name.into(),
            severity: RULE.default_severity,
            span,
            message,
            labels: vec![Label {
                span: label_span,
                message: label,
            }],
            fix: Some(Fix {
                message: format!("replace with {}", replacement.as_str()),
                applicability: Applicability::Safe,
                edits: vec![crate::diagnostic::Edit {
                    span: edit_span,
                    replacement: replacement.as_str().to_string(),
                }],
            }),
        });
    }
}
