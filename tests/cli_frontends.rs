//! Markdown and HTML articles: only the prose is checked, and every
//! diagnostic points at the original file's line and column.

mod cli_support;

use cli_support::{fixture, quotecheck, tree};

const RULES: &str =
    "mismatched-quote,missing-attribution,unclosed-quote,unopened-quote,unused-suppression";

/// `(line, column)` of each concise diagnostic, and the text of the
/// original file from that column on.
fn positions(stdout: &str, source: &str) -> Vec<(usize, usize, String)> {
    stdout
        .lines()
        .map(|l| {
            let mut parts = l.splitn(4, ':');
            let _path = parts.next().unwrap();
            let line: usize = parts.next().unwrap().parse().unwrap();
            let col: usize = parts.next().unwrap().parse().unwrap();
            let text: String = source
                .lines()
                .nth(line - 1)
                .unwrap()
                .chars()
                .skip(col - 1)
                .take(8)
                .collect();
            (line, col, text)
        })
        .collect()
}

#[test]
fn markdown_front_matter_code_and_links_are_not_prose() {
    let source = fixture("article.md");
    // The front matter, the fenced and indented code, the inline code, the
    // link target and the HTML comment all hold unbalanced quotes.
    assert!(source.contains("print(\"unterminated)"));
    let t = tree(&[("article.md", &source)]);
    let run = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "concise",
            "--select",
            RULES,
            "article.md",
        ],
        None,
    );
    assert_eq!(run.code, 1);
    let at = positions(&run.stdout, &source);
    assert_eq!(
        at,
        vec![(11, 74, "“".to_string()), (28, 34, "“too ste".to_string())],
        "{}",
        run.stdout
    );
    snap!("markdown-article", run, t.path());
}

#[test]
fn html_scripts_navigation_and_ignored_blocks_are_not_prose() {
    let source = fixture("article.html");
    let t = tree(&[("article.html", &source)]);
    let run = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "concise",
            "--select",
            RULES,
            "article.html",
        ],
        None,
    );
    assert_eq!(run.code, 1);
    let at = positions(&run.stdout, &source);
    assert_eq!(
        at,
        vec![
            (14, 117, "&ldquo;<".to_string()),
            (15, 76, "“ and wo".to_string()),
            (20, 42, "“too ste".to_string()),
        ],
        "{}",
        run.stdout
    );
    snap!("html-article", run, t.path());
}

#[test]
fn full_format_shows_the_original_lines() {
    let t = tree(&[("article.html", &fixture("article.html"))]);
    let run = quotecheck(
        t.path(),
        &["check", "--select", "mismatched-quote", "article.html"],
        None,
    );
    // The flipped mark written as `&ldquo;` can't be fixed in place: the
    // fix is shown as a suggestion.
    assert!(
        run.stdout.contains("replace with ” (suggestion)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("replace with ” (safe fix)"),
        "{}",
        run.stdout
    );
    snap!("html-article-full", run, t.path());
}

#[test]
fn input_format_overrides_the_extension() {
    let t = tree(&[("article.txt", &fixture("article.md"))]);
    let as_text = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "concise",
            "--select",
            RULES,
            "article.txt",
        ],
        None,
    );
    let as_md = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "concise",
            "--select",
            RULES,
            "--input-format",
            "markdown",
            "article.txt",
        ],
        None,
    );
    // Read as plain text, the code block's quotes are checked too.
    assert!(as_text.stdout.lines().count() > as_md.stdout.lines().count());
    assert_eq!(as_md.stdout.lines().count(), 2, "{}", as_md.stdout);
}

#[test]
fn extract_reads_markdown_and_html() {
    let t = tree(&[
        ("a.md", &fixture("article.md")),
        ("b.html", &fixture("article.html")),
    ]);
    let run = quotecheck(t.path(), &["extract", "a.md", "b.html"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let texts: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["quotes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|q| q["text"].as_str().unwrap().to_string())
        })
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t == "We were never consulted about any of this."),
        "{texts:?}"
    );
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("unterminated") || t.contains("pasted social post")),
        "{texts:?}"
    );
    for f in v.as_array().unwrap() {
        for q in f["quotes"].as_array().unwrap() {
            let source = if f["path"] == "a.md" {
                fixture("article.md")
            } else {
                fixture("article.html")
            };
            let line = source
                .lines()
                .nth(q["line"].as_u64().unwrap() as usize - 1)
                .unwrap();
            assert!(line.chars().count() >= q["column"].as_u64().unwrap() as usize);
        }
    }
}
