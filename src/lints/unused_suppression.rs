//! `unused-suppression`
//!
//! ## What it does
//! Flags a suppression comment that suppressed nothing: a
//! `quotecheck-disable-next-line` whose next line has no diagnostic of the
//! rules it names, a `quotecheck-disable` … `quotecheck-enable` range with
//! none inside, a `quotecheck-enable` with no `quotecheck-disable` before
//! it, or a rule name that does not exist.
//!
//! ## Why
//! A suppression outlives the problem it hid: once the copy is fixed, the
//! comment would silently hide the next real problem on that line. Remove
//! it. Suppressions of rules that are not enabled are not reported.
//!
//! ## Example
//! ```markdown
//! <!-- quotecheck-disable-next-line missing-attribution -->
//! “The plant will close in March,” the company said.
//! ```
//! The quote is attributed, so the comment can go.

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    name: "unused-suppression",
    summary: "a suppression comment that suppressed nothing",
    default_severity: Severity::Info,
    default_enabled: true,
    needs: crate::analysis::Depth::Quotes,
    check,
};

/// Reported by [`crate::suppress::apply`], which sees the comments; the
/// lint pass itself has nothing to do.
fn check(_ctx: &Context, _out: &mut Vec<Diagnostic>) {}
