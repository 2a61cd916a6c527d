//! `unclosed-quote`
//!
//! ## What it does
//! Flags an opening quotation mark that nothing closes: its paragraph ends
//! with the quote still open and the next paragraph does not reopen it.
//!
//! ## Why
//! A reader can't tell where the quoted words end, and neither can anybody
//! checking who said them. The English convention for a quote running over
//! paragraphs — no closing mark at the end of the paragraph, an opening mark
//! at the start of the next — is recognised and not flagged.
//!
//! A paragraph that ends open and a next paragraph that reopens is still
//! flagged when the reopened quote has its own cue naming somebody else
//! (`“…,” added Rep. Jim Clyburn`): that is a new quote, so the first one
//! was never closed.
//!
//! ## Example
//! ```text
//! “We will not back down, the governor said.
//! ```
//! Close the quote where the speaker's words end:
//! ```text
//! “We will not back down,” the governor said.
//! ```

use super::{Context, Rule};
use crate::attribution::Method;
use crate::cues::MentionKind;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
use crate::quotes::MarkIssue;
use crate::span::Span;

pub const RULE: Rule = Rule {
    name: "unclosed-quote",
    summary: "an opening quotation mark that is never closed",
    default_severity: Severity::Error,
    default_enabled: true,
    needs: crate::analysis::Depth::Attribution,
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    speaker_change(ctx, out);
    for issue in &ctx.analysis.mark_issues {
        if let MarkIssue::Unclosed {
            open,
            glyph,
            paragraph_end,
        } = issue
        {
            let close = glyph.natural_close().as_str();
            let end = Span::empty(*paragraph_end as usize);
            out.push(Diagnostic {
                rule: RULE.name.into(),
                severity: RULE.default_severity,
                span: *open,
                message: format!("opening {} is never closed", glyph.as_str()),
                labels: vec![Label {
                    span: end,
                    message: format!("the paragraph ends here without a closing {close}, and the next paragraph does not reopen the quote"),
                }],
                fix: Some(close_at(end, close)),
            });
        }
    }
}

/// A "continued" quote whose own cue names a different speaker than the
/// quote it would continue: the first quote was left open.
fn speaker_change(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let a = ctx.analysis;
    for (qi, q) in a.quotes.iter().enumerate() {
        let Some(pi) = q.continued_from.map(|p| p as usize) else {
            continue;
        };
        let (Some(Some(this)), Some(p)) = (a.attributions.get(qi), a.quotes.get(pi)) else {
            continue;
        };
        let Some(Some(prev)) = a.attributions.get(pi) else {
            continue;
        };
        // Only firm evidence: the new quote's own cue names its speaker,
        // and the open quote's speaker came from its own or its
        // paragraph's cue.
        if this.method != Method::SameSentence
            || this.mention.kind != MentionKind::Name
            || !matches!(
                prev.method,
                Method::SameSentence | Method::PreviousQuote | Method::AdjacentSentence
            )
        {
            continue;
        }
        let (Some(s_this), Some(s_prev)) = (this.speaker, prev.speaker) else {
            continue;
        };
        if s_this == s_prev {
            continue;
        }
        let (Some(open), Some(glyph)) = (p.open, p.open_glyph) else {
            continue;
        };
        let Some(para) = a.paragraphs.get(p.paragraph as usize) else {
            continue;
        };
        let close = glyph.natural_close().as_str();
        let end = Span::empty(para.end as usize);
        let name = |s: u32| {
            a.speakers
                .get(s as usize)
                .map_or(String::new(), |sp| sp.name.clone())
        };
        out.push(Diagnostic {
            rule: RULE.name.into(),
            severity: RULE.default_severity,
            span: open,
            message: format!(
                "opening {} is never closed: the quote that opens the next paragraph is {}’s, not a continuation of {}’s",
                glyph.as_str(),
                name(s_this),
                name(s_prev)
            ),
            labels: vec![
                Label {
                    span: end,
                    message: format!("the paragraph ends here without a closing {close}"),
                },
                Label {
                    span: this.mention.span,
                    message: "a different speaker".into(),
                },
            ],
            fix: Some(close_at(end, close)),
        });
    }
}

/// The fix both cases offer: the closing mark where the paragraph ends.
fn close_at(end: Span, close: &str) -> Fix {
    Fix {
        message: format!("close the quote with {close} where the quoted words end"),
        applicability: Applicability::DisplayOnly,
        edits: vec![Edit {
            span: end,
            replacement: close.to_string(),
        }],
    }
}
