//! The engine: rule data compiled once, then `check` is cheap and `Sync`.

use crate::analysis::{Analysis, Depth};
use crate::attribution::{self, Input};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document;
use crate::lang::LangRules;
use crate::lints::{self, RuleSelection};
use crate::speakers::{self, SpeakerTable};
use crate::{cues, marks, quotes, sentences};

/// Settings of one engine.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub rules: RuleSelection,
}

#[derive(Debug, Clone)]
pub struct Engine {
    pub lang: LangRules,
    pub settings: Settings,
}

impl Engine {
    pub fn new(lang: LangRules, settings: Settings) -> Self {
        Engine { lang, settings }
    }

    /// English rules, default settings.
    pub fn english() -> Self {
        Engine::new(
            LangRules::builtin("en").expect("the built-in rules load"),
            Settings::default(),
        )
    }

    /// Runs every stage. Never fails: a malformed article yields issues in
    /// the analysis, not an error.
    pub fn analyze(&self, text: &str) -> Analysis {
        self.analyze_paragraphs(text, document::paragraphs(text))
    }

    /// Like [`Engine::analyze`], with the paragraphs given by the caller
    /// (a front end that knows the blocks of a Markdown or HTML file).
    /// Each span must be trimmed and non-empty, in order, not overlapping.
    pub fn analyze_paragraphs(&self, text: &str, paragraphs: Vec<crate::span::Span>) -> Analysis {
        self.analyze_to(text, paragraphs, Depth::Claims)
    }

    /// Like [`Engine::analyze_paragraphs`], stopping after `depth`: the
    /// stages past it are left empty.
    pub fn analyze_to(
        &self,
        text: &str,
        paragraphs: Vec<crate::span::Span>,
        depth: Depth,
    ) -> Analysis {
        let rules = &self.lang;
        let sentences = sentences::split(text, &paragraphs, rules);
        let marks = marks::scan(text);
        let pairing = quotes::pair(text, &marks, &paragraphs, &sentences, rules);
        // Filled stage by stage; a stage past `depth` stays empty.
        let mut a = Analysis {
            paragraphs,
            sentences,
            marks,
            quotes: pairing.quotes,
            mark_issues: pairing.issues,
            ..Analysis::default()
        };
        if depth == Depth::Quotes {
            return a;
        }
        let mut sightings = Vec::with_capacity(a.sentences.len());
        let mut seen = speakers::SeenNames::default();
        a.cues = cues::find_with(text, &a.sentences, rules, |s, toks| {
            speakers::sightings_with(text, s, toks, rules, &mut sightings, &mut seen);
        });
        speakers::mark_quoted(&mut sightings, &a.quotes);
        let mut table = SpeakerTable::default();
        let (attributions, kinds) = attribution::attribute(
            &Input {
                text,
                paragraphs: &a.paragraphs,
                sentences: &a.sentences,
                quotes: &a.quotes,
                cues: &a.cues,
                sightings: &sightings,
                rules,
            },
            &mut table,
        );
        a.attributions = attributions;
        for (q, k) in a.quotes.iter_mut().zip(kinds) {
            q.kind = k;
        }
        if depth == Depth::Claims {
            a.claims = crate::claims::extract(&crate::claims::Input {
                text,
                paragraphs: &a.paragraphs,
                sentences: &a.sentences,
                quotes: &a.quotes,
                cues: &a.cues,
                attributions: &a.attributions,
                rules,
            });
            for c in &mut a.claims {
                if c.speaker.is_none()
                    && let Some(m) = &c.source
                {
                    c.speaker = table.resolve(text, m, &sightings, rules).map(|(s, _)| s);
                }
            }
        }
        a.speakers = table.into_speakers();
        a
    }

    /// Analyses and lints `text` as plain text, honouring its suppression
    /// lines (`[quotecheck-disable-next-line RULE]`, see [`crate::suppress`]).
    pub fn check(&self, text: &str) -> (Analysis, Vec<Diagnostic>) {
        let checked = crate::frontend::check(self, crate::frontend::InputFormat::Text, text);
        (checked.analysis, checked.diagnostics)
    }

    /// Analyses and lints `text` with the paragraphs given by the caller.
    pub fn check_paragraphs(
        &self,
        text: &str,
        paragraphs: Vec<crate::span::Span>,
    ) -> (Analysis, Vec<Diagnostic>) {
        self.check_paragraphs_to(text, paragraphs, Depth::Claims)
    }

    /// Like [`Engine::check_paragraphs`], analysing only to `depth` (at
    /// least [`Engine::lint_depth`], or the selected rules miss findings).
    pub fn check_paragraphs_to(
        &self,
        text: &str,
        paragraphs: Vec<crate::span::Span>,
        depth: Depth,
    ) -> (Analysis, Vec<Diagnostic>) {
        let analysis = self.analyze_to(text, paragraphs, depth.max(self.lint_depth()));
        let diags = lints::run(text, &analysis, &self.lang, &self.settings.rules);
        (analysis, diags)
    }

    /// The depth of analysis the selected rules read: a `check` that
    /// selects only quotation-mark rules never looks for cues or claims.
    pub fn lint_depth(&self) -> Depth {
        lints::depth(&self.settings.rules)
    }

    /// Whether a diagnostic of this severity fails a run.
    pub fn fails(&self, severity: Severity, fail_level: Severity) -> bool {
        severity >= fail_level
    }
}
