//! The owned, serialisable result of every stage. Lints only read it.

use serde::Serialize;

use crate::attribution::Attribution;
use crate::claims::Claim;
use crate::cues::Cue;
use crate::marks::Mark;
use crate::quotes::{MarkIssue, Quote};
use crate::span::Span;
use crate::speakers::Speaker;

/// How far an analysis goes; each depth includes the ones before it.
/// `check` analyses only as deep as its selected rules read
/// ([`crate::lints::Rule::needs`]); `extract` and ledgers go all the way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Depth {
    /// Paragraphs, sentences, quotation marks and their pairing (quotes
    /// and mark issues). Cues, speakers, attributions and claims are empty.
    Quotes,
    /// Also cues, speakers and each quote's attribution. Claims are empty.
    Attribution,
    /// Everything: also the claims and their speakers.
    #[default]
    Claims,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Analysis {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub marks: Vec<Mark>,
    /// Quotes in document order (an enclosing quote before those it holds).
    pub quotes: Vec<Quote>,
    pub mark_issues: Vec<MarkIssue>,
    pub cues: Vec<Cue>,
    pub speakers: Vec<Speaker>,
    /// One entry per quote, by index: who said it, if anybody.
    pub attributions: Vec<Option<Attribution>>,
    /// Every reported claim, direct and indirect, in document order.
    pub claims: Vec<Claim>,
}

impl Analysis {
    /// Index of the sentence holding byte `at`.
    pub fn sentence_of(&self, at: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    /// Whether `span` lies inside the words of a top-level quote (a cue
    /// there is the speaker's, not the writer's). Logarithmic.
    pub fn inside_quote(&self, span: Span) -> bool {
        let i = self
            .quotes
            .partition_point(|q| q.outer().start <= span.start);
        self.quotes[..i]
            .iter()
            .rev()
            .find(|q| q.depth == 0)
            .is_some_and(|q| q.content.contains(span))
    }

    /// The speaker a quote resolves to, if any: a document resolves to
    /// the speaker it belongs to (`the statement` → the Kremlin).
    pub fn resolved_speaker(&self, quote: usize) -> Option<usize> {
        let a = self.attributions.get(quote)?.as_ref()?;
        let mut s = a.speaker? as usize;
        if let Some(owner) = self.speakers[s].belongs_to {
            s = owner as usize;
        }
        Some(s)
    }

    /// The name of the speaker a quote resolves to, if any.
    pub fn speaker_name(&self, quote: usize) -> Option<&str> {
        self.resolved_speaker(quote)
            .map(|s| self.speakers[s].name.as_str())
    }
}
