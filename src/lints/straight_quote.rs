//! `straight-quote`
//!
//! ## What it does
//! Flags a quote typed with straight marks (`"…"`, `'…'`, wire copy's
//! ` ``…'' `) in copy whose house style is curly. Off by default; the
//! config's `quote-style = "curly"` turns it on (as does selecting it).
//!
//! ## Why
//! Typeset copy uses curly quotation marks, and a straight mark left in by
//! a CMS or a wire feed looks careless in print. Only marks the pairing has
//! matched are flagged, so the fix knows which mark opens and which
//! closes; apostrophes and primes (`5'10"`) are left alone.
//!
//! ## Fix
//! Safe: each mark becomes the language's curly opening or closing mark
//! (`“ ”` and `‘ ’` in English, `„ “` and `‚ ‘` in German).
//!
//! ## Example
//! ```text
//! "We will rebuild," the mayor said.
//! ```
//! becomes
//! ```text
//! “We will rebuild,” the mayor said.
//! ```

use super::{Context, Rule};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
use crate::lang::Level;
use crate::marks::Glyph;

pub const RULE: Rule = Rule {
    name: "straight-quote",
    summary: "a quote in straight marks where the house style is curly",
    default_severity: Severity::Warning,
    default_enabled: false,
    needs: crate::analysis::Depth::Quotes,
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    restyle(ctx, Target::Curly, &RULE, out);
}

/// The style a quote is restyled to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Curly,
    Straight,
}

/// Curly marks that [`Target::Straight`] replaces.
fn is_curly(g: Glyph) -> bool {
    matches!(
        g,
        Glyph::LeftDouble
            | Glyph::RightDouble
            | Glyph::LeftSingle
            | Glyph::RightSingle
            | Glyph::LowDouble
            | Glyph::LowSingle
    )
}

/// The language's curly pair of a level (English “ ” and ‘ ’).
fn curly_pair(ctx: &Context, level: Level) -> (String, String) {
    let straight = |s: &str| s.chars().all(|c| matches!(c, '"' | '\'' | '`'));
    ctx.lang
        .quotes
        .pair
        .iter()
        .find(|p| p.level == level && !straight(&p.open) && !straight(&p.close))
        .map(|p| (p.open.clone(), p.close.clone()))
        .unwrap_or_else(|| match level {
            Level::Primary => ("“".into(), "”".into()),
            Level::Secondary => ("‘".into(), "’".into()),
        })
}

/// Flags every matched quote whose marks are not in `target` style, with a
/// safe fix to it.
pub(crate) fn restyle(ctx: &Context, target: Target, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let off_style = |g: Glyph| match target {
        Target::Curly => g.is_straight(),
        Target::Straight => is_curly(g),
    };
    for q in &ctx.analysis.quotes {
        // Only quotes whose marks the pairing matched: an opening mark and
        // either its closing mark or a continuation into the next paragraph.
        let (Some(open), Some(og)) = (q.open, q.open_glyph) else {
            continue;
        };
        let close = match (q.close, q.close_glyph) {
            (Some(c), Some(cg)) => Some((c, cg)),
            (None, _) if q.continues => None,
            _ => continue,
        };
        if !off_style(og) || close.is_some_and(|(_, cg)| !off_style(cg)) {
            // A quote with one mark in each style is `mismatched-quote`'s.
            continue;
        }
        let double = og.is_double();
        let (to_open, to_close) = match target {
            Target::Curly => curly_pair(
                ctx,
                if double {
                    Level::Primary
                } else {
                    Level::Secondary
                },
            ),
            Target::Straight => {
                let s = if double { "\"" } else { "'" };
                (s.to_string(), s.to_string())
            }
        };
        let mut edits = vec![Edit {
            span: open,
            replacement: to_open.clone(),
        }];
        let mut labels = Vec::new();
        if let Some((c, _)) = close {
            edits.push(Edit {
                span: c,
                replacement: to_close.clone(),
            });
            labels.push(Label {
                span: c,
                message: "closed here".into(),
            });
        }
        let (from, to) = match target {
            Target::Curly => ("straight", "curly"),
            Target::Straight => ("curly", "straight"),
        };
        let marks = if close.is_some() {
            format!("{to_open}…{to_close}")
        } else {
            to_open.clone()
        };
        out.push(Diagnostic {
            rule: rule.name.into(),
            severity: rule.default_severity,
            span: open,
            message: format!("quote in {from} marks; the house style is {to}"),
            labels,
            fix: Some(Fix {
                message: format!("use {marks}"),
                applicability: Applicability::Safe,
                edits,
            }),
        });
    }
}
