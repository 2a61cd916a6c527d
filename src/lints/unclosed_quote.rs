//! `unclosed-quote`
//!
//! ## What it does
//! Flags an opening quotation mark that nothing closes: its paragraph ends
//! with the quote still open and the next paragraph does not reopen it.
//!
//! ## Why
//! A reader can't tell where the quoted words end, and neither can anybody
//! checking who said them. The English convention for a quote running over
//! paragraphs — no closing mark at the end of the paragraph, an opening mark
//! at the start of the next — is recognised and not flagged.
//!
//! ## Example
//! ```text
//! “We will not back down, the governor said.
//! ```
//! Close the quote where the speaker's words end:
//! ```text
//! “We will not back down,” the governor said.
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
use crate::quotes::MarkIssue;
use crate::span::Span;

pub const RULE: Rule = Rule {
    name: "unclosed-quote",
    summary: "an opening quotation mark that is never closed",
    default_severity: Severity::Error,
    default_enabled: true,
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for issue in &ctx.analysis.mark_issues {
        if let MarkIssue::Unclosed {
            open,
            glyph,
            paragraph_end,
        } = issue
        {
            let close = glyph.natural_close().as_str();
            let end = Span::empty(*paragraph_end as usize);
            out.push(Diagnostic {
                rule: RULE.name.into(),
                severity: RULE.default_severity,
                span: *open,
                message: format!("opening {} is never closed", glyph.as_str()),
                labels: vec![Label {
                    span: end,
                    message: format!("the paragraph ends here without a closing {close}, and the next paragraph does not reopen the quote"),
                }],
                fix: Some(Fix {
                    message: format!("close the quote with {close} where the quoted words end"),
                    applicability: Applicability::DisplayOnly,
                    edits: vec![Edit {
                        span: end,
                        replacement: close.to_string(),
                    }],
                }),
            });
        }
    }
}
