//! Suppression comments in Markdown, HTML and plain text, and unused
//! suppressions reported as `unused-suppression`.

mod cli_support;

use cli_support::{quotecheck, tree};

const CONFIG: &str =
    "select = [\"missing-attribution\", \"unclosed-quote\", \"unused-suppression\"]\n";

const MARKDOWN: &str = "# Ferry fees

<!-- quotecheck-disable-next-line missing-attribution -->
“The plant will close in March.”

“The ferry will stop running in May.”

<!-- quotecheck-disable unclosed-quote, missing-attribution -->
“The terminal will be sold.”

Riders called the fee “too steep.
<!-- quotecheck-enable unclosed-quote -->

Commuters called it “unfair.

The council met on Monday.

“The mayor has resigned.”

<!-- quotecheck-disable-next-line unclosed-quote -->
Nothing to hide on this line.

<!-- quotecheck-disable-next-line no-such-rule -->
The end.
";

const HTML: &str = "<article>
<h1>Ferry fees</h1>
<!-- quotecheck-disable-next-line missing-attribution -->
<p>“The plant will close in March.”</p>
<p>“The ferry will stop running in May.”</p>
<!-- quotecheck-disable -->
<p>Riders called the fee “too steep.</p>
<!-- quotecheck-enable -->
<p>Commuters called it “unfair.</p>
<p>The council met on Monday.</p>
<p>“The mayor has resigned,” the council said. <!-- quotecheck-disable-next-line missing-attribution --></p>
<p>The end.</p>
</article>
";

const TEXT: &str = "Ferry fees

[quotecheck-disable-next-line missing-attribution]
“The plant will close in March.”

# quotecheck-disable-next-line missing-attribution, unclosed-quote
Riders called the fee “too steep.

The council met on Monday.

“The ferry will stop running in May.”

# quotecheck-disable-next-line
The council met again on Tuesday.
";

#[test]
fn markdown_comments() {
    let t = tree(&[("quotecheck.toml", CONFIG), ("story.md", MARKDOWN)]);
    let run = quotecheck(
        t.path(),
        &["check", "--format", "concise", "story.md"],
        None,
    );
    assert_eq!(run.code, 1);
    snap!("suppress-markdown", run, t.path());
}

#[test]
fn html_comments() {
    let t = tree(&[("quotecheck.toml", CONFIG), ("story.html", HTML)]);
    let run = quotecheck(
        t.path(),
        &["check", "--format", "concise", "story.html"],
        None,
    );
    assert_eq!(run.code, 1);
    snap!("suppress-html", run, t.path());
}

#[test]
fn plain_text_lines() {
    let t = tree(&[("quotecheck.toml", CONFIG), ("story.txt", TEXT)]);
    let run = quotecheck(
        t.path(),
        &["check", "--format", "concise", "story.txt"],
        None,
    );
    assert_eq!(run.code, 1);
    snap!("suppress-text", run, t.path());
}

#[test]
fn unused_suppressions_can_be_ignored_or_made_errors() {
    let t = tree(&[("quotecheck.toml", CONFIG), ("story.txt", TEXT)]);
    let ignored = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "concise",
            "--ignore",
            "unused-suppression",
            "story.txt",
        ],
        None,
    );
    assert!(!ignored.stdout.contains("unused-suppression"));
    std::fs::write(
        t.path().join("quotecheck.toml"),
        format!("{CONFIG}fail-level = \"error\"\n[severity]\nunused-suppression = \"error\"\n"),
    )
    .unwrap();
    let errors = quotecheck(
        t.path(),
        &["check", "--format", "concise", "story.txt"],
        None,
    );
    assert_eq!(errors.code, 1);
    assert!(
        errors.stdout.contains("error[unused-suppression]"),
        "{}",
        errors.stdout
    );
}
