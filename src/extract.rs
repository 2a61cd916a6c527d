//! The extraction records: quotes (and later claims) as plain data, for
//! `extract --format json` and `--jsonl`.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::quotes::QuoteKind;

/// One quote in the `--jsonl` interface (byte offsets, marks excluded).
///
/// The strings are `String`s, or (`S = &str`, from [`quote_records_in`])
/// borrowed from the text and the analysis.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRecord<S = String> {
    pub start: u32,
    pub end: u32,
    pub speaker: Option<S>,
    pub speaker_start: Option<u32>,
    pub speaker_end: Option<u32>,
    /// `direct` or `partial`, as the PolNeAR gold format has it.
    pub kind: &'static str,
    /// The finer kind: full, fragment, continued.
    pub quote_kind: QuoteKind,
    /// The resolved speaker, when the mention is a pronoun or short name.
    pub resolved: Option<S>,
    pub method: Option<&'static str>,
    pub confidence: Option<&'static str>,
    pub cue: Option<S>,
}

/// The reported speech of an analysis: top-level quotes that report
/// somebody's words (not scare quotes or titles).
pub fn quote_records(text: &str, a: &Analysis) -> Vec<QuoteRecord> {
    records(text, a, false)
}

/// Every top-level quote, scare quotes and titles included.
pub fn all_quote_records(text: &str, a: &Analysis) -> Vec<QuoteRecord> {
    records(text, a, true)
}

/// [`quote_records`] (or, `all`, [`all_quote_records`]) with the strings
/// borrowed from the text and the analysis: no copy a string.
pub fn quote_records_in<'a>(
    text: &'a str,
    a: &'a Analysis,
    all: bool,
) -> Vec<QuoteRecord<&'a str>> {
    records(text, a, all)
}

fn records<'a, S: From<&'a str>>(text: &'a str, a: &'a Analysis, all: bool) -> Vec<QuoteRecord<S>> {
    // (At most one record a quote: room for all at once, not grown.)
    let mut out = Vec::with_capacity(a.quotes.len());
    for (i, q) in a.quotes.iter().enumerate() {
        if q.depth != 0 || !(all || q.kind.is_speech()) || q.content.is_empty() {
            continue;
        }
        let attr = a.attributions[i].as_ref();
        out.push(QuoteRecord {
            start: q.content.start,
            end: q.content.end,
            speaker: attr.map(|at| S::from(at.mention.span.slice(text))),
            speaker_start: attr.map(|at| at.mention.span.start),
            speaker_end: attr.map(|at| at.mention.span.end),
            kind: if q.kind == QuoteKind::Fragment {
                "partial"
            } else {
                "direct"
            },
            quote_kind: q.kind,
            resolved: a.speaker_name(i).map(S::from),
            method: attr.map(|at| at.method.as_str()),
            confidence: attr.map(|at| at.confidence.as_str()),
            cue: attr
                .and_then(|at| at.cue)
                .map(|c| S::from(a.cues[c as usize].span.slice(text))),
        });
    }
    out
}

/// One claim in the `--jsonl` interface (byte offsets).
/// (The strings as in [`QuoteRecord`].)
#[derive(Debug, Clone, Serialize)]
pub struct ClaimRecord<S = String> {
    pub start: u32,
    pub end: u32,
    pub source: Option<S>,
    pub source_start: Option<u32>,
    pub source_end: Option<u32>,
    pub cue: Option<S>,
    pub cue_start: Option<u32>,
    pub cue_end: Option<u32>,
    pub direct: bool,
    /// For a split quote: each quoted part as `[start, end]`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub content_fragments: Vec<[u32; 2]>,
    /// The resolved source (speaker table name).
    pub resolved: Option<S>,
}

/// Every claim of an analysis.
pub fn claim_records(text: &str, a: &Analysis) -> Vec<ClaimRecord> {
    claims(text, a)
}

/// [`claim_records`] with the strings borrowed (see [`quote_records_in`]).
pub fn claim_records_in<'a>(text: &'a str, a: &'a Analysis) -> Vec<ClaimRecord<&'a str>> {
    claims(text, a)
}

fn claims<'a, S: From<&'a str>>(text: &'a str, a: &'a Analysis) -> Vec<ClaimRecord<S>> {
    a.claims
        .iter()
        .map(|c| ClaimRecord {
            start: c.content.start,
            end: c.content.end,
            source: c.source.as_ref().map(|m| S::from(m.span.slice(text))),
            source_start: c.source.as_ref().map(|m| m.span.start),
            source_end: c.source.as_ref().map(|m| m.span.end),
            cue: c.cue.map(|s| S::from(s.slice(text))),
            cue_start: c.cue.map(|s| s.start),
            cue_end: c.cue.map(|s| s.end),
            direct: c.direct,
            content_fragments: if c.fragments.len() > 1 {
                c.fragments.iter().map(|f| [f.start, f.end]).collect()
            } else {
                Vec::new()
            },
            resolved: c
                .speaker
                .map(|s| S::from(a.speakers[s as usize].name.as_str())),
        })
        .collect()
}
