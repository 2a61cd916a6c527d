//! The text, its line index and its paragraphs.

use crate::span::Span;

/// Line starts of a text, for turning byte offsets into line and column.
///
/// `\n`, `\r\n` and a lone `\r` each end a line. Columns count characters.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
    /// Every `CHECKPOINT` bytes (rounded down to a character boundary):
    /// the byte offset and the number of characters before it, so a column
    /// on a very long line costs at most one block of counting.
    checkpoints: Vec<(u32, u32)>,
}

/// Distance between character-count checkpoints, in bytes.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while let Some(off) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + off;
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(next as u32);
            i = next;
            if i >= bytes.len() {
                break;
            }
        }
        let mut checkpoints = vec![(0u32, 0u32)];
        let mut chars = 0u32;
        let mut prev = 0usize;
        let mut at = CHECKPOINT;
        while at < text.len() {
            let mut b = at;
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            chars += text[prev..b].chars().count() as u32;
            checkpoints.push((b as u32, chars));
            prev = b;
            at += CHECKPOINT;
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Characters in `text[..offset]` (`offset` on a character boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let i = self
            .checkpoints
            .partition_point(|&(b, _)| b as usize <= offset)
            - 1;
        let (b, c) = self.checkpoints[i];
        c as usize + text[b as usize..offset].chars().count()
    }

    /// 1-based line and 1-based character column of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = match self.starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let mut start = self.starts[line] as usize;
        // A byte order mark is not a column: editors don't show it.
        if line == 0 && text.starts_with('\u{feff}') && offset >= 3 {
            start = 3;
        }
        let mut end = offset;
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        let col = if end - start <= CHECKPOINT {
            text[start..end].chars().count()
        } else {
            self.chars_before(text, end) - self.chars_before(text, start)
        };
        (line + 1, col + 1)
    }

    /// Byte span of 1-based line `line`, without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.starts[line - 1] as usize;
        let mut end = self.starts.get(line).map_or(text.len(), |&s| s as usize);
        let b = text.as_bytes();
        while end > start && (b[end - 1] == b'\n' || b[end - 1] == b'\r') {
            end -= 1;
        }
        Span::new(start, end)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// The longest line, in characters, that hard-wrapped copy has.
const HARD_WRAP_MAX: usize = 100;

/// A line this short after a long one is a signature or caption that
/// belongs to it (`Donald Trump."` closing a pull quote), not a paragraph.
const SIGNATURE_MAX: usize = 40;

/// Splits a text into paragraphs.
///
/// When the text has blank lines anywhere, blank lines separate paragraphs
/// and single line breaks are soft (hard-wrapped copy), except after a
/// line longer than any hard-wrapped line ([`HARD_WRAP_MAX`]). When it has none,
/// every non-empty line is a paragraph (CMS exports with one paragraph per
/// line). Spans are trimmed of surrounding white space and never empty.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let lines = lines(text);
    let has_blank = lines.iter().any(|l| l.slice(text).trim().is_empty());
    let mut out = Vec::with_capacity(lines.len() / 2 + 1);
    if has_blank {
        let mut start: Option<usize> = None;
        let mut end = 0;
        let mut prev_start = 0;
        for l in &lines {
            if l.slice(text).trim().is_empty() {
                if let Some(s) = start.take() {
                    push_trimmed(text, Span::new(s, end), &mut out);
                }
            } else {
                // A line too long to be hard-wrapped ends its paragraph
                // even without a blank line after it: copy that mixes
                // blank-line and one-per-line paragraphs.
                if let Some(s) = start
                    && text[prev_start..end].chars().count() > HARD_WRAP_MAX
                    && l.slice(text).trim().chars().count() > SIGNATURE_MAX
                {
                    push_trimmed(text, Span::new(s, end), &mut out);
                    start = None;
                }
                if start.is_none() {
                    start = Some(l.start as usize);
                }
                prev_start = l.start as usize;
                end = l.end as usize;
            }
        }
        if let Some(s) = start {
            push_trimmed(text, Span::new(s, end), &mut out);
        }
    } else {
        for l in lines {
            push_trimmed(text, l, &mut out);
        }
    }
    out
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let t = span.trim(text);
    if !t.is_empty() {
        out.push(t);
    }
}

/// Line spans without terminators (`\n`, `\r\n` or a lone `\r`).
fn lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    // (A guess at the number of lines, rather than a pass to count them.)
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    if memchr::memchr(b'\r', bytes).is_none() {
        // Most copy has no carriage return: its lines end at each `\n`,
        // found by one searcher, not one search set up per line.
        for at in memchr::memchr_iter(b'\n', bytes) {
            out.push(Span::new(start, at));
            start = at + 1;
        }
    } else {
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // (The `\n` of a `\r\n`, passed with its `\r`.)
            if at < start {
                continue;
            }
            out.push(Span::new(start, at));
            start = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
        }
    }
    if start < bytes.len() {
        out.push(Span::new(start, bytes.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|s| s.slice(text)).collect()
    }

    /// `lines` agrees with a plain reading of the line ends, with and
    /// without carriage returns.
    #[test]
    fn lines_end_at_each_kind_of_line_break() {
        fn reference(text: &str) -> Vec<&str> {
            let mut out = Vec::new();
            let mut rest = text;
            while let Some(at) = rest.find(['\n', '\r']) {
                out.push(&rest[..at]);
                let skip = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[at + skip..];
            }
            if !rest.is_empty() {
                out.push(rest);
            }
            out
        }
        for text in [
            "",
            "one",
            "one\n",
            "one\ntwo",
            "\n\na\n\n\nb\n",
            "a\r\nb\r\n\r\nc",
            "a\rb\r\rc\n\rd\r\n",
            "\r\n\r",
            "mixed\nlines\r\nand\rends\r",
        ] {
            let got: Vec<&str> = lines(text).iter().map(|s| s.slice(text)).collect();
            assert_eq!(got, reference(text), "{text:?}");
        }
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_single_breaks_are_soft() {
        assert_eq!(paras("a\nb\n\n  \nc\r\n\r\nd"), vec!["a\nb", "c", "d"]);
    }

    #[test]
    fn a_line_too_long_to_be_hard_wrapped_ends_its_paragraph() {
        let long = "The senator spoke for an hour and took questions from the reporters who had waited outside.";
        let long2 = format!("{long} Then she left for the airport.");
        assert!(long2.chars().count() > HARD_WRAP_MAX);
        // One-per-line paragraphs in copy that also has a blank line.
        let text = format!("Title\n\n{long2}\n{long2}\nA signature line\n\nEnd");
        assert_eq!(
            paras(&text),
            vec![
                "Title".to_string(),
                long2.clone(),
                format!("{long2}\nA signature line"),
                "End".to_string()
            ]
        );
        // Hard-wrapped lines stay one paragraph.
        let text = format!("{long}\n{long}\n\nEnd");
        assert_eq!(
            paras(&text),
            vec![format!("{long}\n{long}"), "End".to_string()]
        );
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph() {
        assert_eq!(paras("one\ntwo\rthree"), vec!["one", "two", "three"]);
    }

    #[test]
    fn columns_on_a_long_line_match_counting() {
        let text = "é“ab”".repeat(3000);
        let idx = LineIndex::new(&text);
        for (off, _) in text.char_indices().step_by(997) {
            assert_eq!(
                idx.line_col(&text, off),
                (1, text[..off].chars().count() + 1)
            );
        }
    }

    #[test]
    fn line_col_counts_characters_and_all_line_endings() {
        let text = "a\r\nb“c\rd\ne";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        assert_eq!(idx.line_col(text, text.find('c').unwrap()), (2, 3));
        assert_eq!(idx.line_col(text, text.find('d').unwrap()), (3, 1));
        assert_eq!(idx.line_col(text, text.find('e').unwrap()), (4, 1));
        assert_eq!(idx.line_count(), 4);
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let text = "\u{feff}ab\ncd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (1, 1));
        assert_eq!(idx.line_col(text, 4), (1, 2));
        assert_eq!(idx.line_col(text, text.find('d').unwrap()), (2, 2));
    }
}
