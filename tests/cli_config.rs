//! `quotecheck.toml`: discovery from each file, layering under the
//! command line, `--config`, `--isolated`, errors with file:line:column,
//! `exclude`, `[extra]`, `rules-dir`, and `quotecheck config --show`.

mod cli_support;

use cli_support::{quotecheck, tree};

const UNATTRIBUTED: &str = "Ferry fees\n\n“The plant will close in March.”\n";
const FLIPPED_AND_OPEN: &str =
    "Ferry fees\n\n“We will rebuild,“ the mayor said.\n\nThe fee is “too steep for riders.\n";

#[test]
fn the_nearest_config_applies_to_each_file() {
    let t = tree(&[
        (
            "quotecheck.toml",
            "select = [\"missing-attribution\", \"mismatched-quote\"]\n",
        ),
        ("top.txt", UNATTRIBUTED),
        (
            "desk/quotecheck.toml",
            "select = [\"unclosed-quote\"]\nfail-level = \"error\"\n",
        ),
        ("desk/story.txt", FLIPPED_AND_OPEN),
        ("desk/sub/deep.txt", UNATTRIBUTED),
    ]);
    let run = quotecheck(t.path(), &["check", "--format", "concise", "."], None);
    assert_eq!(run.code, 1);
    snap!("config-discovery", run, t.path());
    // desk/ alone: only unclosed-quote, and it is an error, so exit 1; the
    // deep file has nothing at error level.
    let deep = quotecheck(
        t.path(),
        &["check", "--format", "concise", "desk/sub/deep.txt"],
        None,
    );
    assert_eq!((deep.code, deep.stdout.as_str()), (0, ""));
}

#[test]
fn the_command_line_overrides_the_config() {
    let t = tree(&[
        (
            "quotecheck.toml",
            "select = [\"unclosed-quote\"]\nfail-level = \"error\"\n[severity]\nunclosed-quote = \"warning\"\n",
        ),
        ("story.txt", FLIPPED_AND_OPEN),
    ]);
    let mut out = String::new();
    for args in [
        &["check", "--format", "concise", "story.txt"][..],
        &[
            "check",
            "--format",
            "concise",
            "--fail-level",
            "warning",
            "story.txt",
        ][..],
        &[
            "check",
            "--format",
            "concise",
            "--select",
            "mismatched-quote",
            "story.txt",
        ][..],
        &[
            "check",
            "--format",
            "concise",
            "--extend-select",
            "mismatched-quote",
            "story.txt",
        ][..],
        &[
            "check",
            "--format",
            "concise",
            "--ignore",
            "unclosed-quote",
            "story.txt",
        ][..],
    ] {
        out.push_str(&quotecheck(t.path(), args, None).render(t.path()));
        out.push('\n');
    }
    insta::with_settings!({snapshot_path => "../snapshots/cli", prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!("config-layering", out);
    });
}

#[test]
fn isolated_and_explicit_config() {
    let t = tree(&[
        ("quotecheck.toml", "ignore = [\"missing-attribution\"]\n"),
        (
            "other.toml",
            "select = [\"missing-attribution\"]\n[severity]\nmissing-attribution = \"error\"\n",
        ),
        ("story.txt", UNATTRIBUTED),
    ]);
    let found = quotecheck(
        t.path(),
        &["check", "--format", "concise", "story.txt"],
        None,
    );
    assert_eq!((found.code, found.stdout.as_str()), (0, ""));
    let isolated = quotecheck(
        t.path(),
        &["check", "--format", "concise", "--isolated", "story.txt"],
        None,
    );
    let explicit = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "concise",
            "--config",
            "other.toml",
            "story.txt",
        ],
        None,
    );
    let both = quotecheck(
        t.path(),
        &["check", "--isolated", "--config", "other.toml", "story.txt"],
        None,
    );
    assert_eq!(isolated.code, 1);
    assert_eq!(explicit.code, 1);
    assert_eq!(both.code, 2);
    let out = [isolated, explicit]
        .iter()
        .map(|r| r.render(t.path()))
        .collect::<Vec<_>>()
        .join("\n");
    insta::with_settings!({snapshot_path => "../snapshots/cli", prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!("config-isolated-and-explicit", out);
    });
}

#[test]
fn bad_configs_are_errors_with_file_line_and_column() {
    let cases: &[(&str, &str)] = &[
        ("unknown-key", "lang = \"en\"\n\ncolour = \"blue\"\n"),
        ("bad-severity", "[severity]\nunclosed-quote = \"fatal\"\n"),
        (
            "unknown-rule",
            "select = [\"unclosed-quote\", \"no-such-rule\"]\n",
        ),
        ("bad-fail-level", "fail-level = 3\n"),
        ("unknown-language", "lang = \"xx\"\n"),
        ("bad-rules-dir", "rules-dir = \"nowhere\"\n"),
        ("bad-quote-style", "quote-style = \"fancy\"\n"),
        ("not-toml", "select = [\n"),
    ];
    let mut out = String::new();
    for (name, config) in cases {
        let t = tree(&[
            ("desk/quotecheck.toml", config),
            ("desk/story.txt", UNATTRIBUTED),
        ]);
        let run = quotecheck(t.path(), &["check", "desk/story.txt"], None);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{name}");
        assert!(
            run.stderr.contains("desk/quotecheck.toml:"),
            "{name}: {}",
            run.stderr
        );
        out.push_str(&format!("## {name}\n{}\n", run.render(t.path())));
    }
    insta::with_settings!({snapshot_path => "../snapshots/cli", prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!("config-errors", out);
    });
}

#[test]
fn exclude_patterns_gitignore_and_force_exclude() {
    let t = tree(&[
        (
            "quotecheck.toml",
            "select = [\"missing-attribution\"]\nexclude = [\"drafts/\", \"*.wire.txt\"]\n",
        ),
        (".gitignore", "generated/\n"),
        ("a.txt", UNATTRIBUTED),
        ("b.wire.txt", UNATTRIBUTED),
        ("drafts/c.txt", UNATTRIBUTED),
        ("generated/d.txt", UNATTRIBUTED),
        ("archive/e.md", UNATTRIBUTED),
        (
            "archive/f.html",
            "<p>“The plant will close in March.”</p>\n",
        ),
        ("notes.csv", UNATTRIBUTED),
    ]);
    let mut out = String::new();
    for args in [
        &["check", "--format", "concise", "."][..],
        &[
            "check",
            "--format",
            "concise",
            "--exclude",
            "archive/*.md",
            ".",
        ][..],
        &["check", "--format", "concise", "b.wire.txt", "drafts/c.txt"][..],
        &[
            "check",
            "--format",
            "concise",
            "--force-exclude",
            "b.wire.txt",
            "drafts/c.txt",
        ][..],
    ] {
        out.push_str(&quotecheck(t.path(), args, None).render(t.path()));
        out.push('\n');
    }
    insta::with_settings!({snapshot_path => "../snapshots/cli", prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!("config-exclude", out);
    });
}

#[test]
fn extra_words_and_rules_dir() {
    // (`drawled to reporters`: not a tag by its place alone, see `trailing_tag`.)
    let story = "Ferry fees\n\n“The plant will close in March,” the mayor drawled to reporters.\n";
    let t = tree(&[
        ("quotecheck.toml", "select = [\"missing-attribution\"]\n"),
        ("plain/story.txt", story),
        (
            "extra/quotecheck.toml",
            "select = [\"missing-attribution\"]\n[extra]\nreporting-verbs = [\"drawled\"]\n",
        ),
        ("extra/story.txt", story),
        (
            "overlay/quotecheck.toml",
            "select = [\"missing-attribution\"]\nrules-dir = \"house-rules\"\n",
        ),
        (
            "overlay/house-rules/lang/en/verbs.toml",
            "[[verb]]\nlemma = \"drawl\"\nforms = [\"drawl\", \"drawls\", \"drawled\"]\nstance = \"neutral\"\nclass = \"speech\"\n",
        ),
        ("overlay/story.txt", story),
    ]);
    let run = quotecheck(t.path(), &["check", "--format", "concise", "."], None);
    assert_eq!(
        run.stdout,
        "plain/story.txt:3:1: warning[missing-attribution] quote “The plant will close in March,…” has no attribution\n"
    );
    // A broken overlay names its file and position.
    std::fs::write(
        t.path().join("overlay/house-rules/lang/en/verbs.toml"),
        "[[verb]]\nlemma = 1\n",
    )
    .unwrap();
    let broken = quotecheck(t.path(), &["check", "overlay/story.txt"], None);
    assert_eq!(broken.code, 2);
    assert!(
        broken.stderr.contains("verbs.toml:2:9"),
        "{}",
        broken.stderr
    );
}

#[test]
fn config_show_prints_the_effective_settings() {
    let t = tree(&[
        (
            "quotecheck.toml",
            "select = [\"unclosed-quote\", \"mismatched-quote\"]\nfail-level = \"warning\"\nquote-style = \"curly\"\nexclude = [\"drafts/\"]\n[severity]\nmismatched-quote = \"error\"\n[extra]\nabbreviations = [\"Supt.\"]\n",
        ),
        ("desk/story.md", UNATTRIBUTED),
    ]);
    let run = quotecheck(t.path(), &["config", "--show", "desk/story.md"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snap!("config-show", run, t.path());
    // The printed settings are themselves a valid config file.
    let shown: String = run
        .stdout
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(t.path().join("desk/quotecheck.toml"), shown).unwrap();
    let again = quotecheck(t.path(), &["config", "--show", "desk/story.md"], None);
    assert_eq!(again.code, 0, "{}", again.stderr);
    let isolated = quotecheck(t.path(), &["config", "--isolated", "desk"], None);
    assert!(
        isolated
            .stdout
            .contains("# config file: none (built-in defaults)")
    );
}
