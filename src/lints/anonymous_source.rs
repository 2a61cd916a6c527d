//! `anonymous-source`
//!
//! ## What it does
//! Flags a claim or quote whose source is unnamed: "sources said", "a
//! source familiar with the talks", "officials said", "a person close to
//! the campaign". The phrases live in `rules/lang/en/anonymous-sources.txt`;
//! the rule's own examples in `rules/lints/anonymous-source.toml`.
//!
//! ## Why
//! Anonymous sourcing is sometimes necessary, but most newsrooms require an
//! editor to sign off on each use and the copy to say why the source was
//! not named. Listing them makes that review quick. Off for nothing: it is
//! information, not an error.
//!
//! ## Example
//! ```text
//! The deal is expected to close Friday, sources said.
//! ```
//! Name the source, or say why it can't be named:
//! ```text
//! The deal is expected to close Friday, said two people involved in the
//! talks who were not authorised to discuss them publicly.
//! ```

use super::{Context, Rule};
use crate::cues::MentionKind;
use crate::diagnostic::{Diagnostic, Label, Severity};

pub const RULE: Rule = Rule {
    name: "anonymous-source",
    summary: "a claim or quote attributed to an unnamed source",
    default_severity: Severity::Info,
    default_enabled: true,
    needs: crate::analysis::Depth::Attribution,
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let a = ctx.analysis;
    let mut seen = std::collections::BTreeSet::new();
    for c in &a.cues {
        let Some(m) = &c.source else { continue };
        if m.kind != MentionKind::Anonymous || !seen.insert(m.span) {
            continue;
        }
        // Cues inside quotes are the speaker's words, not the writer's.
        if a.inside_quote(c.span) {
            continue;
        }
        out.push(Diagnostic {
            rule: RULE.name.into(),
            severity: RULE.default_severity,
            span: m.span,
            message: format!("unnamed source “{}”", m.span.slice(ctx.text)),
            labels: vec![Label {
                span: c.span,
                message: "reported here".into(),
            }],
            fix: None,
        });
    }
}
