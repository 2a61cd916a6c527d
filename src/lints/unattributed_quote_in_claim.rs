//! `unattributed-quote-in-claim`
//!
//! ## What it does
//! Flags a quoted fragment — a few quoted words inside the writer's own
//! sentence — when no source is in reach: no cue in its sentence, none in
//! the sentence before, and no subject that could be speaking. Short scare
//! quotes, titles of works and title-case names (`''A Serious Man''`) are
//! not flagged.
//!
//! ## Why
//! Quotation marks tell the reader somebody said these exact words. A
//! fragment with nobody attached reads as the writer's sneer or as a
//! quotation whose source was cut.
//!
//! ## Severity
//! Info by default: on published news most findings are fragments whose
//! source the sentence does give in a form the attributor does not read
//! (`the resolution which said the city “…”`, `for saying that … “…”`,
//! `Nixon's appeal for “…”`), so it reports without failing a run. A desk
//! that wants it to block sets `[severity] unattributed-quote-in-claim =
//! "warning"`.
//!
//! ## Example
//! ```text
//! The plan would “devastate small businesses across the county.”
//! ```
//! Say whose words they are:
//! ```text
//! The plan would “devastate small businesses across the county,” the
//! chamber of commerce said.
//! ```

use super::{Context, Rule};
use crate::attribution::Method;
use crate::cues::MentionKind;
use crate::diagnostic::{Diagnostic, Severity};
use crate::quotes::QuoteKind;

pub const RULE: Rule = Rule {
    name: "unattributed-quote-in-claim",
    summary: "a quoted fragment with no source in reach",
    default_severity: Severity::Info,
    default_enabled: true,
    needs: crate::analysis::Depth::Attribution,
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let a = ctx.analysis;
    for (i, q) in a.quotes.iter().enumerate() {
        if q.depth != 0 || q.kind != QuoteKind::Fragment {
            continue;
        }
        // A sentence's subject stands in for a source only when it can
        // speak: a name, a pronoun, a document — not `the proposal`.
        let sourced = a.attributions[i].as_ref().is_some_and(|at| {
            at.method != Method::SentenceSubject
                || !matches!(
                    at.mention.kind,
                    MentionKind::Nominal | MentionKind::Anonymous
                )
        });
        if sourced || super::reads_as_a_title(q.content.slice(ctx.text)) {
            continue;
        }
        let preview: String = q.content.slice(ctx.text).chars().take(40).collect();
        out.push(Diagnostic {
            rule: RULE.name.into(),
            severity: RULE.default_severity,
            span: q.open.unwrap_or(q.content),
            message: format!("quoted words “{}” have no source", preview.trim_end()),
            labels: vec![],
            fix: None,
        });
    }
}
