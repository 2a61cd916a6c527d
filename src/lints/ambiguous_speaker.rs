//! `ambiguous-speaker`
//!
//! ## What it does
//! Flags a source given only as a pronoun or a role ("he said", "the
//! senator said") when the text gives it no antecedent, or when two people
//! the pronoun could mean were named equally near before it. A role is
//! taken as named when its title stands before a name anywhere in the text
//! (`President Bush` for `the former president`).
//!
//! ## Why
//! Editing moves paragraphs; a "she said" that followed its speaker in the
//! draft may now follow somebody else. The reader then credits the words to
//! the wrong person.
//!
//! ## Example
//! ```text
//! Mayor Ana Ruiz met Governor Jane Holt on Monday. “We agreed on nothing,”
//! she said.
//! ```
//! Name the speaker:
//! ```text
//! “We agreed on nothing,” Ruiz said.
//! ```

use super::{Context, Rule};
use crate::cues::MentionKind;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::speakers::Resolution;

pub const RULE: Rule = Rule {
    name: "ambiguous-speaker",
    summary: "a pronoun or role as source with no antecedent, or two equally near",
    default_severity: Severity::Warning,
    default_enabled: true,
    needs: crate::analysis::Depth::Claims,
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let a = ctx.analysis;
    let text = ctx.text;
    let mut seen = rustc_hash::FxHashSet::default();
    // Quotes' attributions, then the sources of claims without quotes.
    let from_quotes = a
        .attributions
        .iter()
        .flatten()
        .map(|at| (&at.mention, at.speaker, at.resolution, at.rival));
    let from_claims = a.claims.iter().filter_map(|c| {
        let m = c.source.as_ref()?;
        let resolution = match m.kind {
            MentionKind::Pronoun => c.speaker.map(|_| Resolution::Pronoun),
            _ => c.speaker.map(|s| {
                if a.speakers[s as usize].mentions.first() == Some(&m.span) {
                    Resolution::AsWritten
                } else {
                    Resolution::Role
                }
            }),
        };
        Some((m, c.speaker, resolution, None))
    });
    for (m, speaker, resolution, rival) in from_quotes.chain(from_claims) {
        if !seen.insert(m.span) {
            continue;
        }
        // (Only a pronoun or a description is judged by its words: a name's
        // are not lower-cased for nothing.)
        let word = if matches!(m.kind, MentionKind::Pronoun | MentionKind::Nominal) {
            m.span.slice(text).to_lowercase()
        } else {
            String::new()
        };
        let is_person_pronoun =
            m.kind == MentionKind::Pronoun && matches!(word.as_str(), "he" | "she");
        match (m.kind, speaker, resolution) {
            // `they` and `it` often stand for groups and things the text
            // never names as speakers: only `he` and `she` are judged.
            (MentionKind::Pronoun, None, _) if is_person_pronoun => {
                out.push(Diagnostic {
                    rule: RULE.name.into(),
                    severity: RULE.default_severity,
                    span: m.span,
                    message: format!(
                        "“{}” has no antecedent: nobody named before it can be meant",
                        m.span.slice(text)
                    ),
                    labels: vec![],
                    fix: None,
                });
            }
            (MentionKind::Pronoun, Some(s), Some(Resolution::Pronoun)) if is_person_pronoun => {
                let Some(rival) = rival else { continue };
                out.push(Diagnostic {
                    rule: RULE.name.into(),
                    severity: RULE.default_severity,
                    span: m.span,
                    message: format!(
                        "“{}” could be {} or {}",
                        m.span.slice(text),
                        a.speakers[s as usize].name,
                        rival.slice(text)
                    ),
                    labels: vec![Label {
                        span: rival,
                        message: format!("{} is named as near", rival.slice(text)),
                    }],
                    fix: None,
                });
            }
            (MentionKind::Nominal, Some(s), Some(Resolution::AsWritten))
                if word.starts_with("the ")
                    && a.speakers[s as usize].roles.is_empty()
                    && is_role(ctx, &word)
                    && !title_before_a_name(text, &word) =>
            {
                out.push(Diagnostic {
                    rule: RULE.name.into(),
                    severity: RULE.default_severity,
                    span: m.span,
                    message: format!(
                        "“{}” names a role, but the text never says who holds it",
                        m.span.slice(text)
                    ),
                    labels: vec![],
                    fix: None,
                });
            }
            _ => {}
        }
    }
}

/// `the senator`, `the spokesman`: a definite description headed by a title.
fn is_role(ctx: &Context, lowered: &str) -> bool {
    let head = lowered.split_whitespace().last().unwrap_or("");
    ctx.lang.is_title(head) && lowered.split_whitespace().count() <= 3
}

/// Whether the text writes the role's title before a name anywhere
/// (`President Obama` for `the president`, `Judge Berman` for `the
/// judge`): then it does say who holds the role, before or after.
fn title_before_a_name(text: &str, lowered: &str) -> bool {
    let head = lowered.split_whitespace().last().unwrap_or("");
    let mut title = head.to_string();
    if let Some(first) = title.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    text.match_indices(&title).any(|(at, _)| {
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let mut after = text[at + title.len()..].chars();
        before_ok
            && after.next() == Some(' ')
            && after.next().is_some_and(char::is_uppercase)
            && !in_title_case_line(text, at)
    })
}

/// Whether the line around `at` is a headline in title case (`Trump
/// Pollster Says …`), where every word is capitalised anyway.
fn in_title_case_line(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let words: Vec<&str> = text[start..end].split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && capitalised * 10 >= words.len() * 7
}
