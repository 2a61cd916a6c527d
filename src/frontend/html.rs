//! HTML: the article's prose from headings, paragraphs, list items, block
//! quotes, figure captions (and table cells, definition lists), tokenized
//! by `html5gum` (a WHATWG tokenizer, so scripts, comments, attributes and
//! character references are read the way a browser reads them).
//!
//! Skipped with everything inside them: `head`, `script`, `style`,
//! `noscript`, `template`, `nav`, `aside`, `svg`, `math`, `iframe`, form
//! controls, anything marked `data-quotecheck="ignore"`, and code (`pre`,
//! `code`, `kbd`, `samp`). Tags become spaces in the masked copy; a
//! character reference becomes its character padded with spaces.

use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::{Blocks, Mask, Prepared};
use crate::span::Span;
use crate::suppress::{self, Directive};

/// Elements skipped with their whole content.
const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "aside", "svg", "math", "iframe",
    "object", "canvas", "select", "textarea", "button",
];

/// Code: not prose, though inside prose elements.
const CODE: &[&str] = &["pre", "code", "kbd", "samp"];

/// Elements whose text is article prose.
const PROSE: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "dd",
    "dt",
    "td",
    "th",
    "caption",
];

/// Elements that start or end a paragraph of their own.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Starting one of these closes an open `p` (HTML's implied end tags).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Prepares a whole HTML document.
pub fn prepare(source: &str) -> Prepared {
    let mut mask = Mask::blank_of(source);
    let mut blocks = Blocks::default();
    let mut directives = Vec::new();
    scan(
        source,
        0..source.len(),
        false,
        &mut mask,
        &mut blocks,
        &mut directives,
    );
    let (text, references) = mask.finish_with_references();
    let paragraphs = blocks.finish(&text);
    Prepared {
        text,
        paragraphs,
        directives,
        references,
    }
}

/// Reads the HTML at `source[range]` into `mask`, `blocks` and
/// `directives`. With `loose`, text outside any prose element counts as
/// prose too (an HTML block inside Markdown).
pub(crate) fn scan(
    source: &str,
    range: Range<usize>,
    loose: bool,
    mask: &mut Mask,
    blocks: &mut Blocks,
    directives: &mut Vec<Directive>,
) {
    let base = range.start;
    let html = &source[range];
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    // Open block elements (inline elements don't matter to prose).
    let mut stack: Vec<String> = Vec::new();
    // The element being skipped, and how deep its own name nests.
    let mut skipping: Option<(String, usize)> = None;
    let mut code = 0usize;
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let void = tag.self_closing || VOID.contains(&name.as_str());
                if let Some((skip, depth)) = &mut skipping {
                    if *skip == name && !void {
                        *depth += 1;
                    }
                    continue;
                }
                let ignored = tag.attributes.iter().any(|(k, v)| {
                    &k[..] == b"data-quotecheck"
                        && String::from_utf8_lossy(v)
                            .trim()
                            .eq_ignore_ascii_case("ignore")
                });
                if CLOSES_P.contains(&name.as_str()) {
                    close_implied(&mut stack, &name);
                }
                if BLOCK.contains(&name.as_str()) {
                    blocks.boundary();
                }
                if ignored || SKIP.contains(&name.as_str()) {
                    if !void {
                        skipping = Some((name, 1));
                    }
                    continue;
                }
                if CODE.contains(&name.as_str()) && !void {
                    code += 1;
                }
                if BLOCK.contains(&name.as_str()) && !void {
                    stack.push(name);
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some((skip, depth)) = &mut skipping {
                    if *skip == name {
                        *depth -= 1;
                        if *depth == 0 {
                            skipping = None;
                            if BLOCK.contains(&name.as_str()) {
                                blocks.boundary();
                            }
                        }
                    }
                    continue;
                }
                if CODE.contains(&name.as_str()) {
                    code = code.saturating_sub(1);
                }
                if BLOCK.contains(&name.as_str()) {
                    blocks.boundary();
                    if let Some(i) = stack.iter().rposition(|n| *n == name) {
                        stack.truncate(i);
                    }
                }
            }
            Token::String(s) => {
                if skipping.is_some() || code > 0 {
                    continue;
                }
                if !(loose || stack.iter().any(|n| PROSE.contains(&n.as_str()))) {
                    continue;
                }
                let r = base + s.span.start..base + s.span.end;
                if r.end > source.len()
                    || !source.is_char_boundary(r.start)
                    || !source.is_char_boundary(r.end)
                {
                    continue;
                }
                copy_text(source, r.clone(), mask);
                let trimmed = Span::new(r.start, r.end).trim(source);
                if !trimmed.is_empty() {
                    blocks.extend(trimmed.range());
                }
            }
            Token::Comment(c) => {
                let span = Span::new(base + c.span.start, base + c.span.end);
                if let Some(d) = suppress::parse(&String::from_utf8_lossy(&c.value), span) {
                    directives.push(d);
                }
            }
            Token::Doctype(_) | Token::Error(_) => {}
        }
    }
}

/// Closes the elements that starting `name` closes implicitly: an open
/// `p`, and for a list item (or `dd`/`dt`) the previous item.
fn close_implied(stack: &mut Vec<String>, name: &str) {
    if stack.last().is_some_and(|n| n == "p") {
        stack.pop();
    }
    let siblings: &[&str] = match name {
        "li" => &["li"],
        "dd" | "dt" => &["dd", "dt"],
        _ => &[],
    };
    if stack.last().is_some_and(|n| siblings.contains(&n.as_str())) {
        stack.pop();
    }
}

/// Copies the text at `range` into the mask, each character reference
/// replaced by its character and padded to its length.
pub(crate) fn copy_text(source: &str, range: Range<usize>, mask: &mut Mask) {
    mask.copy(source, range.clone());
    let text = &source[range.clone()];
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'&', &bytes[i..]) {
        let at = i + off;
        i = at + 1;
        let Some(end) = reference_end(bytes, at) else {
            continue;
        };
        let reference = &text[at..end];
        if let Some(decoded) = decode_reference(reference)
            && decoded.len() <= reference.len()
            && !decoded.contains(['\n', '\r'])
        {
            mask.put(range.start + at..range.start + end, &decoded);
            i = end;
        }
    }
}

/// The end (after `;`) of a character reference starting at `at`.
fn reference_end(bytes: &[u8], at: usize) -> Option<usize> {
    let window = &bytes[at + 1..bytes.len().min(at + 40)];
    let semi = window.iter().position(|&b| b == b';')?;
    let name = &window[..semi];
    let ok = !name.is_empty()
        && match name[0] {
            b'#' => name.len() > 1 && name[1..].iter().all(|b| b.is_ascii_alphanumeric()),
            _ => name.iter().all(|b| b.is_ascii_alphanumeric()),
        };
    ok.then_some(at + 1 + semi + 1)
}

/// What the HTML tokenizer makes of a lone character reference, when it
/// is one.
fn decode_reference(reference: &str) -> Option<String> {
    let mut out = String::new();
    for token in Tokenizer::new(reference) {
        let Ok(token) = token;
        if let Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    (out != reference && !out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(p: &Prepared) -> Vec<&str> {
        p.paragraphs.iter().map(|s| s.slice(&p.text)).collect()
    }

    #[test]
    fn prose_stays_in_place_and_the_rest_is_blanked() {
        let src = "<html><head><title>T “x</title><script>var s = \"“\";</script></head>\n<body><nav><p>Home “</p></nav>\n<h1>Headline</h1>\n<p>He said &ldquo;yes&rdquo; &amp; left.</p>\n<div>loose “text</div><aside><p>“Side</p></aside>\n<p data-quotecheck=\"ignore\">“ignored</p>\n<figure><figcaption>Cap “tion”</figcaption></figure></body></html>\n";
        let p = prepare(src);
        assert_eq!(p.text.len(), src.len());
        assert_eq!(
            paras(&p),
            vec![
                "Headline",
                "He said “    yes”     &     left.",
                "Cap “tion”"
            ]
        );
        let at = src.find("Headline").unwrap();
        assert_eq!(&p.text[at..at + 8], "Headline");
        assert_eq!(p.text.matches('\n').count(), src.matches('\n').count());
    }

    #[test]
    fn implied_end_tags_and_lists() {
        let src = "<ul><li>One “a”<li>Two<ul><li>Three</ul></ul><p>Para<p>Next";
        let p = prepare(src);
        assert_eq!(paras(&p), vec!["One “a”", "Two", "Three", "Para", "Next"]);
    }

    #[test]
    fn comments_become_directives() {
        let src = "<p>a</p>\n<!-- quotecheck-disable-next-line missing-attribution -->\n<p>b</p><!-- other -->";
        let p = prepare(src);
        assert_eq!(p.directives.len(), 1);
        assert_eq!(
            p.directives[0].span.slice(src),
            "<!-- quotecheck-disable-next-line missing-attribution -->"
        );
    }

    #[test]
    fn code_inside_prose_is_blanked() {
        let src = "<p>Run <code>say \"hi</code> now.</p>";
        let p = prepare(src);
        assert!(!p.text.contains('"'));
        assert_eq!(paras(&p), vec!["Run                      now."]);
    }
}
