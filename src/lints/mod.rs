//! Lints: each reads the analysis and reports diagnostics. One file each,
//! with its documentation in its `//!` comment (see `build.rs`).

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::{Analysis, Depth};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{Error, ErrorKind, Result};
use crate::lang::LangRules;

pub mod ambiguous_speaker;
pub mod anonymous_source;
pub mod curly_quote;
pub mod loaded_reporting_verb;
pub mod mismatched_quote;
pub mod missing_attribution;
pub mod straight_quote;
pub mod unattributed_quote_in_claim;
pub mod unclosed_quote;
pub mod unopened_quote;
pub mod unused_suppression;

/// What a lint sees.
pub struct Context<'a> {
    pub text: &'a str,
    pub analysis: &'a Analysis,
    pub lang: &'a LangRules,
}

/// A lint rule.
pub struct Rule {
    /// Kebab-case name that reads as what it flags.
    pub name: &'static str,
    /// One line: what it flags.
    pub summary: &'static str,
    pub default_severity: Severity,
    /// Whether it runs without being selected.
    pub default_enabled: bool,
    /// The analysis it reads: `check` goes no deeper than its rules need.
    pub needs: Depth,
    pub check: fn(&Context, &mut Vec<Diagnostic>),
}

/// Every lint, sorted by name.
pub const RULES: &[Rule] = &[
    ambiguous_speaker::RULE,
    anonymous_source::RULE,
    curly_quote::RULE,
    loaded_reporting_verb::RULE,
    mismatched_quote::RULE,
    missing_attribution::RULE,
    straight_quote::RULE,
    unattributed_quote_in_claim::RULE,
    unclosed_quote::RULE,
    unopened_quote::RULE,
    unused_suppression::RULE,
];

pub fn find_rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

include!(concat!(env!("OUT_DIR"), "/lint_docs.rs"));

impl Rule {
    /// The rule's Markdown documentation (its file's `//!` comment).
    pub fn docs(&self) -> &'static str {
        LINT_DOCS
            .iter()
            .find(|(n, _)| *n == self.name)
            .map_or("", |(_, d)| d)
    }
}

/// Which rules run and at what severity.
#[derive(Debug, Clone, Default)]
pub struct RuleSelection {
    /// When set, only these rules run (plus `extend_select`).
    pub select: Option<BTreeSet<String>>,
    pub extend_select: BTreeSet<String>,
    pub ignore: BTreeSet<String>,
    pub severity: BTreeMap<String, Severity>,
}

impl RuleSelection {
    /// Checks every named rule exists. `ALL` selects every rule.
    pub fn validate(&self) -> Result<()> {
        let names = self
            .select
            .iter()
            .flatten()
            .chain(&self.extend_select)
            .chain(&self.ignore)
            .chain(self.severity.keys());
        for n in names {
            if n != "ALL" && find_rule(n).is_none() {
                return Err(Error::new(
                    ErrorKind::Usage,
                    format!("unknown rule `{n}` (see `quotecheck rules`)"),
                ));
            }
        }
        Ok(())
    }

    pub fn enabled(&self, rule: &Rule) -> bool {
        let named = |set: &BTreeSet<String>| set.contains(rule.name) || set.contains("ALL");
        if named(&self.ignore) && !self.extend_select.contains(rule.name) {
            return false;
        }
        match &self.select {
            Some(sel) => named(sel) || named(&self.extend_select),
            None => rule.default_enabled || named(&self.extend_select),
        }
    }

    pub fn severity(&self, rule: &Rule) -> Severity {
        self.severity
            .get(rule.name)
            .copied()
            .unwrap_or(rule.default_severity)
    }
}

/// The depth of analysis the selected rules need (at least the quotes).
pub fn depth(selection: &RuleSelection) -> Depth {
    RULES
        .iter()
        .filter(|r| selection.enabled(r))
        .map(|r| r.needs)
        .max()
        .unwrap_or(Depth::Quotes)
}

/// Runs the selected lints; diagnostics sorted by position, then rule.
pub fn run(
    text: &str,
    analysis: &Analysis,
    lang: &LangRules,
    selection: &RuleSelection,
) -> Vec<Diagnostic> {
    let ctx = Context {
        text,
        analysis,
        lang,
    };
    let mut out = Vec::new();
    for rule in RULES {
        if !selection.enabled(rule) {
            continue;
        }
        let from = out.len();
        (rule.check)(&ctx, &mut out);
        let sev = selection.severity(rule);
        for d in &mut out[from..] {
            d.severity = sev;
        }
    }
    out.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
    out
}

/// `''Tales From the Crypt,'' an HBO series`, `“Peace Through Strength,”`:
/// a few words in title case, with no sentence inside, name a work or a
/// slogan; nobody needs to be said to have said them.
pub(crate) fn reads_as_a_title(content: &str) -> bool {
    let bare = content.trim_end_matches([',', '.', '!', '?', ' ']);
    let words = bare.split_whitespace().count();
    let ends_sentence = content.trim_end().ends_with(['.', '!', '?']);
    words > 0 && (words <= 4 || !ends_sentence) && crate::quotes::is_title_case(bare)
}
