//! The front ends never panic and keep their promises on arbitrary input:
//! the masked copy is as long as the file with the line breaks in place,
//! paragraphs are ordered, disjoint and trimmed, and every diagnostic,
//! label and fix points inside the file on character boundaries.

use quotecheck::engine::Engine;
use quotecheck::fix;
use quotecheck::frontend::{self, InputFormat};

const PIECES: &[&str] = &[
    "word ",
    "The mayor said",
    ".",
    ",",
    "\n",
    "\n\n",
    "\r\n",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "``",
    "''",
    "«",
    "»",
    "<p>",
    "</p>",
    "<li>",
    "<ul>",
    "</ul>",
    "<br>",
    "<script>",
    "</script>",
    "<style>x{}</style>",
    "<nav>",
    "</nav>",
    "<div data-quotecheck=\"ignore\">",
    "</div>",
    "<!--",
    "-->",
    "<!-- quotecheck-disable-next-line -->",
    "<!-- quotecheck-disable unclosed-quote -->",
    "<!-- quotecheck-enable -->",
    "&ldquo;",
    "&rdquo;",
    "&amp;",
    "&#8220;",
    "&#x1F600;",
    "&bogus;",
    "&",
    ";",
    "é",
    "日本",
    "😀",
    "*",
    "**",
    "_",
    "`",
    "```",
    "~~~",
    "    ",
    "> ",
    "- ",
    "1. ",
    "# ",
    "[",
    "](",
    ")",
    "![",
    "<http://x.org/\">",
    "---\n",
    "+++\n",
    "|",
    "\\",
    "\t",
    "[quotecheck-disable-next-line missing-attribution]\n",
    "# quotecheck-disable-next-line\n",
];

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn document(rng: &mut Rng) -> String {
    let n = (rng.next() % 80) as usize;
    (0..n)
        .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
        .collect()
}

fn check_invariants(format: InputFormat, source: &str, engine: &Engine) {
    let checked = frontend::check(engine, format, source);
    let p = &checked.prepared;
    assert_eq!(p.text.len(), source.len(), "{format:?} {source:?}");
    for (i, b) in source.bytes().enumerate() {
        if b == b'\n' {
            assert_eq!(p.text.as_bytes()[i], b'\n', "{format:?} {source:?}");
        }
    }
    let mut last = 0;
    for para in &p.paragraphs {
        assert!(
            para.start >= last && para.start < para.end,
            "{format:?} {source:?} {:?}",
            p.paragraphs
        );
        assert_eq!(para.trim(&p.text), *para);
        last = para.end;
    }
    assert!(last as usize <= source.len());
    for d in &checked.diagnostics {
        let spans = std::iter::once(d.span)
            .chain(d.labels.iter().map(|l| l.span))
            .chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span)));
        for s in spans {
            assert!(
                s.start <= s.end && s.end as usize <= source.len(),
                "{format:?} {source:?} {d:?}"
            );
            assert!(
                source.is_char_boundary(s.start as usize)
                    && source.is_char_boundary(s.end as usize)
            );
        }
    }
    let fixed = fix::fix(engine, format, source);
    if fixed.applied == 0 {
        assert_eq!(fixed.text, source);
    } else {
        // Fixing never adds a quotation-mark diagnostic.
        let after = frontend::check(engine, format, &fixed.text);
        for rule in ["mismatched-quote", "unclosed-quote", "unopened-quote"] {
            let count =
                |ds: &[quotecheck::Diagnostic]| ds.iter().filter(|d| d.rule == rule).count();
            assert!(
                count(&after.diagnostics) <= count(&checked.diagnostics),
                "{rule} {format:?} {source:?} -> {:?}",
                fixed.text
            );
        }
    }
}

#[test]
fn arbitrary_documents_in_every_format() {
    let mut engine = Engine::english();
    engine.settings.rules.select = Some(["ALL".to_string()].into_iter().collect());
    // quote-style = "curly": straight-quote without its opposite.
    engine
        .settings
        .rules
        .ignore
        .insert("curly-quote".to_string());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..400 {
        let doc = document(&mut rng);
        for format in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
            check_invariants(format, &doc, &engine);
        }
    }
}
