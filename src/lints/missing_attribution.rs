//! `missing-attribution`
//!
//! ## What it does
//! Flags a full quote — a quoted sentence, not a fragment, scare quote or
//! title — that no cue attributes: nothing in its sentence, the sentences
//! beside it, its multi-paragraph chain or the quote before it says who
//! said it. A few words in title case with no sentence in them
//! (`“Greer County Live,” a weekly program`, `“Close The Dump.”`) name a
//! work or a slogan and are not flagged.
//!
//! ## Why
//! Every quotation in news copy needs a source. An unattributed quote is
//! most often an attribution lost in editing.
//!
//! ## Example
//! ```text
//! “The plant will close in March.”
//! ```
//! Add the source:
//! ```text
//! “The plant will close in March,” the company said.
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::quotes::QuoteKind;

pub const RULE: Rule = Rule {
    name: "missing-attribution",
    summary: "a full quote that nobody is said to have said",
    default_severity: Severity::Warning,
    default_enabled: true,
    needs: crate::analysis::Depth::Attribution,
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let a = ctx.analysis;
    for (i, q) in a.quotes.iter().enumerate() {
        if q.depth != 0 || !matches!(q.kind, QuoteKind::Full | QuoteKind::Continued) {
            continue;
        }
        if a.attributions[i].is_some() || super::reads_as_a_title(q.content.slice(ctx.text)) {
            continue;
        }
        let preview: String = q.content.slice(ctx.text).chars().take(40).collect();
        let span = q.open.unwrap_or(q.content);
        out.push(Diagnostic {
            rule: RULE.name.into(),
            severity: RULE.default_severity,
            span,
            message: format!("quote “{}…” has no attribution", preview.trim_end()),
            labels: vec![],
            fix: None,
        });
    }
}
