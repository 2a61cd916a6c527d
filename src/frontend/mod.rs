//! Front ends: plain text, Markdown and HTML, turned into the text the
//! engine reads.
//!
//! Every front end builds a *masked copy* of the file: the same length in
//! bytes, with the prose bytes kept where they are and everything else —
//! markup, code, front matter, link targets, comments, scripts — replaced
//! by spaces (line breaks are kept). The engine runs unchanged on the
//! masked copy, so every span it reports is a byte offset into the
//! original file, and lines and columns come out right with no mapping
//! table. Character references (`&ldquo;`) become their character padded
//! with spaces, so they keep their length too.
//!
//! A front end also says where the paragraphs are (a Markdown or HTML
//! block is a paragraph even without a blank line around it) and which
//! suppression comments the file holds.

pub mod html;
pub mod markdown;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, Depth};
use crate::diagnostic::Diagnostic;
use crate::document;
use crate::engine::Engine;
use crate::span::Span;
use crate::suppress::{self, Directive};

/// The kind of an input file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
}

impl InputFormat {
    /// The format a file's extension names; plain text for anything else.
    pub fn from_path(path: &Path) -> InputFormat {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd" | "mkdn") => InputFormat::Markdown,
            Some("html" | "htm" | "xhtml") => InputFormat::Html,
            _ => InputFormat::Text,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
        }
    }
}

/// Extensions a directory walk picks up.
pub const EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "mdown", "mkd", "mkdn", "html", "htm", "xhtml",
];

/// A file made ready for the engine.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The masked copy: as long as the original, prose in place, the rest
    /// blanked.
    pub text: String,
    /// Paragraph spans into `text`: trimmed, non-empty, in order.
    pub paragraphs: Vec<Span>,
    /// Suppression comments, in order.
    pub directives: Vec<Directive>,
    /// Where a character reference (`&ldquo;`) was decoded: the reference
    /// in the file, sorted. A diagnostic on its character covers it all.
    pub references: Vec<Span>,
}

/// Prepares `source` as a file of `format`.
pub fn prepare(format: InputFormat, source: &str) -> Prepared {
    match format {
        InputFormat::Text => text(source),
        InputFormat::Markdown => markdown::prepare(source),
        InputFormat::Html => html::prepare(source),
    }
}

/// A file checked: the prepared text, its analysis and its diagnostics
/// (suppressions applied).
#[derive(Clone, Debug)]
pub struct Checked {
    pub prepared: Prepared,
    pub analysis: Analysis,
    pub diagnostics: Vec<Diagnostic>,
}

/// Prepares, analyses and lints `source`, then applies its suppression
/// comments. Spans are byte offsets into `source`. The analysis is whole.
pub fn check(engine: &Engine, format: InputFormat, source: &str) -> Checked {
    check_to(engine, format, source, Depth::Claims)
}

/// Like [`check`], but analyses only as deep as the engine's selected
/// rules read ([`Engine::lint_depth`]): the diagnostics are the same, the
/// analysis may stop short. For `check` and `--fix`, which show only
/// diagnostics.
pub fn lint(engine: &Engine, format: InputFormat, source: &str) -> Checked {
    check_to(engine, format, source, engine.lint_depth())
}

fn check_to(engine: &Engine, format: InputFormat, source: &str, depth: Depth) -> Checked {
    let prepared = prepare(format, source);
    let (analysis, diagnostics) =
        engine.check_paragraphs_to(&prepared.text, prepared.paragraphs.clone(), depth);
    let mut diagnostics = suppress::apply(
        &prepared.text,
        &prepared.directives,
        diagnostics,
        &engine.settings.rules,
    );
    crate::fix::demote_outside_prose(source, &prepared.text, &mut diagnostics);
    if !prepared.references.is_empty() {
        for d in &mut diagnostics {
            d.span = widen(d.span, &prepared.references);
            for l in &mut d.labels {
                l.span = widen(l.span, &prepared.references);
            }
        }
    }
    Checked {
        prepared,
        analysis,
        diagnostics,
    }
}

/// Plain text: the text itself, except suppression lines (`# quotecheck-…`
/// or `[quotecheck-…]` on a line of their own), which are blanked.
pub fn text(source: &str) -> Prepared {
    let mut directives = Vec::new();
    let mut mask: Option<Mask> = None;
    let mut at = 0;
    // A directive line starts with `[` or `#`: without either byte in the
    // text there is none to look for.
    let lines = memchr::memchr2(b'[', b'#', source.as_bytes())
        .is_some()
        .then(|| source.split_inclusive('\n'));
    for line in lines.into_iter().flatten() {
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        let inner = trimmed
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .or_else(|| trimmed.strip_prefix('#'));
        if let Some(d) = inner.and_then(|i| suppress::parse(i, Span::new(at, at + body.len()))) {
            directives.push(d);
            mask.get_or_insert_with(|| Mask::copy_of(source))
                .blank(at..at + body.len());
        }
        at += line.len();
    }
    let paragraphs = document::paragraphs(source);
    // The paragraphs come trimmed against `source`: only a blanked
    // directive line can leave them white space to trim off again.
    let (masked, paragraphs) = match mask {
        Some(m) => {
            let masked = m.finish();
            let paragraphs = retrim(&masked, paragraphs);
            (masked, paragraphs)
        }
        None => (source.to_string(), paragraphs),
    };
    Prepared {
        text: masked,
        paragraphs,
        directives,
        references: Vec::new(),
    }
}

/// A span that starts a decoded reference and ends inside it, widened to
/// the whole reference.
fn widen(span: Span, references: &[Span]) -> Span {
    let i = references.partition_point(|r| r.start < span.start);
    match references.get(i) {
        Some(r) if r.start == span.start && !span.is_empty() && span.end <= r.end => *r,
        _ => span,
    }
}

/// Trims `spans` against `text`, dropping those left empty.
fn retrim(text: &str, spans: Vec<Span>) -> Vec<Span> {
    spans
        .into_iter()
        .map(|s| s.trim(text))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The masked copy under construction.
pub(crate) struct Mask {
    bytes: Vec<u8>,
    /// Ranges written by [`Mask::put`]: decoded character references.
    decoded: Vec<Span>,
}

impl Mask {
    /// Every byte blank except line breaks.
    pub(crate) fn blank_of(source: &str) -> Mask {
        Mask {
            bytes: source
                .bytes()
                .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
                .collect(),
            decoded: Vec::new(),
        }
    }

    pub(crate) fn copy_of(source: &str) -> Mask {
        Mask {
            bytes: source.as_bytes().to_vec(),
            decoded: Vec::new(),
        }
    }

    /// Blanks `range`, keeping line breaks.
    pub(crate) fn blank(&mut self, range: std::ops::Range<usize>) {
        for b in &mut self.bytes[range] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }

    /// Copies `source[range]` into place.
    pub(crate) fn copy(&mut self, source: &str, range: std::ops::Range<usize>) {
        self.bytes[range.clone()].copy_from_slice(&source.as_bytes()[range]);
    }

    /// Writes `s` at `range.start` and blanks the rest of `range`. `s` must
    /// fit; callers check.
    pub(crate) fn put(&mut self, range: std::ops::Range<usize>, s: &str) {
        debug_assert!(s.len() <= range.len());
        let start = range.start;
        self.decoded.push(Span::new(range.start, range.end));
        self.blank(range);
        self.bytes[start..start + s.len()].copy_from_slice(s.as_bytes());
    }

    /// The masked text. A byte sequence that is not UTF-8 (which the front
    /// ends never write) is blanked rather than changing the length.
    pub(crate) fn finish(self) -> String {
        self.finish_with_references().0
    }

    /// The masked text and the ranges of the decoded references, sorted.
    pub(crate) fn finish_with_references(mut self) -> (String, Vec<Span>) {
        let mut decoded = std::mem::take(&mut self.decoded);
        decoded.sort();
        loop {
            match String::from_utf8(self.bytes) {
                Ok(s) => return (s, decoded),
                Err(e) => {
                    let bad = e.utf8_error();
                    let mut bytes = e.into_bytes();
                    let from = bad.valid_up_to();
                    let to = from + bad.error_len().unwrap_or(bytes.len() - from);
                    for b in &mut bytes[from..to] {
                        *b = b' ';
                    }
                    self.bytes = bytes;
                }
            }
        }
    }
}

/// Paragraphs as a front end finds them: a run of prose between two block
/// boundaries.
#[derive(Default)]
pub(crate) struct Blocks {
    current: Option<(usize, usize)>,
    out: Vec<Span>,
}

impl Blocks {
    /// Prose at `range` belongs to the current block.
    pub(crate) fn extend(&mut self, range: std::ops::Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.current = Some(match self.current {
            Some((s, e)) => (s.min(range.start), e.max(range.end)),
            None => (range.start, range.end),
        });
    }

    /// A block starts or ends here.
    pub(crate) fn boundary(&mut self) {
        if let Some((s, e)) = self.current.take() {
            self.out.push(Span::new(s, e));
        }
    }

    /// The paragraphs, trimmed against the masked `text`.
    pub(crate) fn finish(mut self, text: &str) -> Vec<Span> {
        self.boundary();
        let mut spans = self.out;
        spans.sort();
        // Blocks never overlap, but a malformed input could make a front
        // end report nested ranges: merge rather than confuse the engine.
        let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            match merged.last_mut() {
                Some(last) if s.start < last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        retrim(text, merged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension() {
        assert_eq!(
            InputFormat::from_path(Path::new("a/b.MD")),
            InputFormat::Markdown
        );
        assert_eq!(
            InputFormat::from_path(Path::new("b.htm")),
            InputFormat::Html
        );
        assert_eq!(
            InputFormat::from_path(Path::new("b.txt")),
            InputFormat::Text
        );
        assert_eq!(
            InputFormat::from_path(Path::new("README")),
            InputFormat::Text
        );
    }

    #[test]
    fn text_suppression_lines_are_blanked_and_keep_the_length() {
        let src = "Headline\n\n[quotecheck-disable-next-line missing-attribution]\n“Quote.”\n# quotecheck-disable unclosed-quote\n";
        let p = text(src);
        assert_eq!(p.text.len(), src.len());
        assert_eq!(p.directives.len(), 2);
        assert!(!p.text.contains("quotecheck"));
        assert!(p.text.contains("“Quote.”"));
        let paras: Vec<&str> = p.paragraphs.iter().map(|s| s.slice(&p.text)).collect();
        assert_eq!(paras, vec!["Headline", "“Quote.”"]);
    }

    #[test]
    fn a_hash_line_that_is_not_a_directive_stays() {
        let src = "# Heading\nText.\n";
        let p = text(src);
        assert_eq!(p.text, src);
        assert!(p.directives.is_empty());
    }

    #[test]
    fn mask_never_changes_the_length() {
        let src = "a “b” c\r\nd";
        let mut m = Mask::blank_of(src);
        m.copy(src, 2..9);
        let s = m.finish();
        assert_eq!(s.len(), src.len());
        assert_eq!(s, "  “b”  \r\n ");
    }
}
