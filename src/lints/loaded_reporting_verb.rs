//! `loaded-reporting-verb`
//!
//! ## What it does
//! Flags a reporting verb that takes a side — doubtful (`claimed`,
//! `alleged`), concessive (`admitted`, `conceded`) or emotive
//! (`complained`, `scoffed`) — where the neutral `said` would do: before
//! `that`, a quote or the end of the clause, or after a quote. Each verb's
//! stance is data in `rules/lang/en/verbs.toml` (assertive verbs such as
//! `insisted` or `vowed` are not flagged: they often carry the news); the
//! rule's examples are in `rules/lints/loaded-reporting-verb.toml`.
//!
//! ## Why
//! "He claimed" tells the reader not to believe him; "she admitted" says
//! she had something to hide. Style guides (AP, Reuters) ask for `said`
//! unless the loaded verb is itself the news.
//!
//! ## Example
//! ```text
//! The mayor claimed the budget was balanced.
//! ```
//! becomes
//! ```text
//! The mayor said the budget was balanced.
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::lang::Stance;

pub const RULE: Rule = Rule {
    name: "loaded-reporting-verb",
    summary: "a reporting verb that takes a side where `said` would do",
    default_severity: Severity::Info,
    default_enabled: true,
    needs: crate::analysis::Depth::Attribution,
    check,
};

/// The neutral verb in the same form, when the form is clear.
fn neutral_form(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    if lower.ends_with("ing") {
        Some("saying")
    } else if lower.ends_with("ed")
        || matches!(lower.as_ref(), "swore" | "wrote" | "spoke" | "told")
    {
        Some("said")
    } else if lower.ends_with('s') {
        Some("says")
    } else {
        None
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let a = ctx.analysis;
    for c in &a.cues {
        if !matches!(
            c.stance,
            Stance::Doubtful | Stance::Concessive | Stance::Emotive
        ) || c.source.is_none()
        {
            continue;
        }
        // Only where it reports words, so `said` could replace it: before
        // `that`, a quote or the end of the clause, or after a quote.
        let after = ctx.text[c.span.end as usize..].trim_start();
        let before = ctx.text[..c.span.start as usize].trim_end();
        // `claimed the budget was balanced`: a clause without `that` has a
        // verb of its own within a few words; `claimed victory` has none.
        let clause = after
            .split_whitespace()
            .take(8)
            .take_while(|w| !w.ends_with(['.', ';']))
            .any(|w| {
                matches!(
                    w.trim_matches(|c: char| !c.is_alphanumeric()),
                    "is" | "was"
                        | "were"
                        | "are"
                        | "would"
                        | "will"
                        | "had"
                        | "has"
                        | "have"
                        | "could"
                        | "should"
                        | "can"
                        | "did"
                        | "does"
                )
            });
        let reports = after.starts_with("that ")
            || clause
            || after.starts_with(['“', '"', '\'', '‘', ',', '.', ';', ':', '—'])
            || after.is_empty()
            || before.ends_with(['”', '"', '\'', '’', ','])
            || c.pattern == crate::cues::CuePattern::SourceAfter;
        if !reports {
            continue;
        }
        if a.inside_quote(c.span) {
            continue;
        }
        let word = c.span.slice(ctx.text);
        if word.contains(' ') {
            continue; // phrase cues ("fired back") are left to the editor
        }
        let fix = neutral_form(word).map(|n| Fix {
            message: format!("use the neutral “{n}”"),
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                span: c.span,
                replacement: n.to_string(),
            }],
        });
        out.push(Diagnostic {
            rule: RULE.name.into(),
            severity: RULE.default_severity,
            span: c.span,
            message: format!(
                "“{word}” is {} ({}); “said” is neutral",
                stance_phrase(c.stance),
                c.stance.as_str()
            ),
            labels: vec![],
            fix,
        });
    }
}

fn stance_phrase(s: Stance) -> &'static str {
    match s {
        Stance::Doubtful => "a verb of doubt",
        Stance::Assertive => "an assertive verb",
        Stance::Concessive => "a verb of concession",
        Stance::Emotive => "an emotive verb",
        Stance::Neutral | Stance::Tentative => "a neutral verb",
    }
}
