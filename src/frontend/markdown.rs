//! Markdown (CommonMark with tables, footnotes and strikethrough, via
//! `pulldown-cmark`): the prose of paragraphs, headings, block quotes,
//! list items and table cells.
//!
//! Blanked: fenced and indented code, inline code, front matter (YAML
//! `---` and TOML `+++`), link and image targets, image alt text,
//! autolinks, footnote references, inline HTML and the markup itself
//! (`#`, `>`, `*`, list markers). HTML blocks are read as HTML (their text
//! counts as prose, scripts and comments don't). Smart punctuation is off:
//! the marks checked are the marks typed.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{Blocks, Mask, Prepared, html};
use crate::span::Span;
use crate::suppress::{self, Directive};

pub fn prepare(source: &str) -> Prepared {
    let mut mask = Mask::blank_of(source);
    let mut blocks = Blocks::default();
    let mut directives: Vec<Directive> = Vec::new();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    // Depth of elements whose text is not prose.
    let mut hidden = 0usize;
    let mut html_block: Option<usize> = None;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if is_block(&tag.to_end()) {
                    blocks.boundary();
                }
                match tag {
                    Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. } => hidden += 1,
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    } => hidden += 1,
                    Tag::HtmlBlock => html_block = Some(range.start),
                    _ => {}
                }
            }
            Event::End(end) => {
                match end {
                    TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {
                        hidden = hidden.saturating_sub(1)
                    }
                    TagEnd::Link => {
                        // Autolinks are the only hidden links; their text
                        // is the URL itself.
                        let text = &source[range.clone()];
                        if text.starts_with('<') && text.ends_with('>') {
                            hidden = hidden.saturating_sub(1);
                        }
                    }
                    TagEnd::HtmlBlock => {
                        if let Some(start) = html_block.take() {
                            html::scan(
                                source,
                                start..range.end,
                                true,
                                &mut mask,
                                &mut blocks,
                                &mut directives,
                            );
                        }
                    }
                    _ => {}
                }
                if is_block(&end) {
                    blocks.boundary();
                }
            }
            Event::Text(text) if hidden == 0 && html_block.is_none() => {
                let original = &source[range.clone()];
                if *text == *original {
                    mask.copy(source, range.clone());
                } else if text.len() <= range.len() && !text.contains(['\n', '\r']) {
                    mask.put(range.clone(), &text);
                } else {
                    mask.copy(source, range.clone());
                }
                let trimmed = Span::new(range.start, range.end).trim(source);
                if !trimmed.is_empty() {
                    blocks.extend(trimmed.range());
                }
            }
            Event::InlineHtml(_) => comments(source, range, &mut directives),
            _ => {}
        }
    }
    let (text, references) = mask.finish_with_references();
    let paragraphs = blocks.finish(&text);
    directives.sort_by_key(|d| d.span.start);
    directives.dedup_by_key(|d| d.span.start);
    Prepared {
        text,
        paragraphs,
        directives,
        references,
    }
}

fn is_block(end: &TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Suppression comments inside inline HTML at `range`.
fn comments(source: &str, range: std::ops::Range<usize>, out: &mut Vec<Directive>) {
    let text = &source[range.clone()];
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--") {
        let start = from + open;
        let body_start = start + 4;
        let Some(close) = source[range.start + body_start..].find("-->") else {
            return;
        };
        let end = range.start + body_start + close + 3;
        let body = &source[range.start + body_start..end - 3];
        if let Some(d) = suppress::parse(body, Span::new(range.start + start, end)) {
            out.push(d);
        }
        from = (end - range.start).min(text.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(p: &Prepared) -> Vec<&str> {
        p.paragraphs.iter().map(|s| s.slice(&p.text)).collect()
    }

    #[test]
    fn prose_only_in_place() {
        let src = "---\ntitle: \"Unclosed\n---\n\n# Mayor “quits”\nText with `code \"` and a [link](http://x.org/\"q) here.\n\n```\nlet s = \"open;\n```\n\n> “Quote\n> goes on,” she said.\n\n- *one* “a”\n- two\n\nPara.\n\n    indented \"code\n\n![alt \"x](img.png) after\n";
        let p = prepare(src);
        assert_eq!(p.text.len(), src.len());
        assert_eq!(
            paras(&p),
            vec![
                "Mayor “quits”",
                "Text with          and a  link                   here.",
                "“Quote\n  goes on,” she said.",
                "one  “a”",
                "two",
                "Para.",
                "after",
            ]
        );
        assert_eq!(p.text.matches('\n').count(), src.matches('\n').count());
        assert!(!p.text.contains('"'));
    }

    #[test]
    fn entities_and_comments() {
        let src = "<!-- quotecheck-disable-next-line missing-attribution -->\n&ldquo;Hi,&rdquo; he said. <!-- quotecheck-disable unclosed-quote -->\n";
        let p = prepare(src);
        assert_eq!(p.directives.len(), 2);
        assert_eq!(paras(&p), vec!["“    Hi,”     he said."]);
    }

    #[test]
    fn html_blocks_are_read_as_html() {
        let src = "Intro.\n\n<div class=\"pull\">“Yes,” she said.<script>x = \"</script></div>\n\nOutro.\n";
        let p = prepare(src);
        assert_eq!(paras(&p), vec!["Intro.", "“Yes,” she said.", "Outro."]);
    }
}
