//! `curly-quote`
//!
//! ## What it does
//! Flags a quote typed with curly marks (`“…”`, `‘…’`, `„…“`) in copy whose
//! house style is straight. Off by default; the config's
//! `quote-style = "straight"` turns it on (as does selecting it).
//!
//! ## Why
//! Some pipelines (plain-text wire feeds, SMS alerts, systems that mangle
//! non-ASCII text) want straight marks only. Only marks the pairing has
//! matched are flagged; apostrophes are left alone.
//!
//! ## Fix
//! Safe: each mark becomes `"` (or `'` for a quote inside a quote).
//!
//! ## Example
//! ```text
//! “We will rebuild,” the mayor said.
//! ```
//! becomes
//! ```text
//! "We will rebuild," the mayor said.
//! ```

use super::straight_quote::{Target, restyle};
use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    name: "curly-quote",
    summary: "a quote in curly marks where the house style is straight",
    default_severity: Severity::Warning,
    default_enabled: false,
    needs: crate::analysis::Depth::Quotes,
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    restyle(ctx, Target::Straight, &RULE, out);
}
