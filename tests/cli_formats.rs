//! `quotecheck check` output formats, `--output`, `--statistics`, exit
//! codes and `--fail-level`, standard input and `--threads`.

mod cli_support;

use cli_support::{fixture, quotecheck, tree};

/// The rules the snapshots were taken with, so that rules added later
/// don't change them.
const RULES: &str =
    "mismatched-quote,missing-attribution,unclosed-quote,unopened-quote,unused-suppression";

#[test]
fn full_format() {
    let t = tree(&[("article.txt", &fixture("article.txt"))]);
    let run = quotecheck(t.path(), &["check", "--select", RULES, "article.txt"], None);
    assert_eq!(run.code, 1);
    snap!("format-full", run, t.path());
}

#[test]
fn concise_format_and_default_command() {
    let t = tree(&[("article.txt", &fixture("article.txt"))]);
    let run = quotecheck(
        t.path(),
        &["--format", "concise", "--select", RULES, "article.txt"],
        None,
    );
    assert_eq!(run.code, 1);
    snap!("format-concise", run, t.path());
}

#[test]
fn json_format() {
    let t = tree(&[("article.txt", &fixture("article.txt"))]);
    let run = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "json",
            "--select",
            RULES,
            "article.txt",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(v.as_array().unwrap().len(), 3);
    snap!("format-json", run, t.path());
}

#[test]
fn github_format() {
    let t = tree(&[("news/article.txt", &fixture("article.txt"))]);
    let run = quotecheck(
        t.path(),
        &["check", "--format", "github", "--select", RULES, "news"],
        None,
    );
    assert_eq!(run.code, 1);
    for line in run.stdout.lines() {
        assert!(
            line.starts_with("::error file=news/article.txt,line=")
                || line.starts_with("::warning file=news/article.txt,line=")
                || line.starts_with("::notice file=news/article.txt,line="),
            "{line}"
        );
    }
    snap!("format-github", run, t.path());
}

#[test]
fn sarif_format() {
    let t = tree(&[("news/article.txt", &fixture("article.txt"))]);
    let mut run = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "sarif",
            "--select",
            RULES,
            "news/article.txt",
        ],
        None,
    );
    assert_eq!(run.code, 1);
    // The rules' documentation has its own test (cli_sarif.rs); keep the
    // snapshot to the results.
    let mut v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rules = v["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(rules, quotecheck::lints::RULES.len());
    v["runs"][0]["tool"]["driver"]["rules"] = serde_json::json!(format!("[{} rules]", "N"));
    v["runs"][0]["tool"]["driver"]["version"] = serde_json::json!("[VERSION]");
    v["runs"][0]["tool"]["driver"]["semanticVersion"] = serde_json::json!("[VERSION]");
    for r in v["runs"][0]["results"].as_array_mut().unwrap() {
        r.as_object_mut().unwrap().remove("ruleIndex");
    }
    run.stdout = serde_json::to_string_pretty(&v).unwrap() + "\n";
    snap!("format-sarif", run, t.path());
}

#[test]
fn output_file_and_statistics() {
    let t = tree(&[
        ("a.txt", &fixture("article.txt")),
        ("b.md", &fixture("article.md")),
    ]);
    let run = quotecheck(
        t.path(),
        &[
            "check",
            "--statistics",
            "--select",
            RULES,
            "--output",
            "report.txt",
            "a.txt",
            "b.md",
        ],
        None,
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    let mut shown = run;
    shown.stdout = std::fs::read_to_string(t.path().join("report.txt")).unwrap();
    snap!("statistics", shown, t.path());
    let json = quotecheck(
        t.path(),
        &[
            "check",
            "--statistics",
            "--format",
            "json",
            "--select",
            RULES,
            "a.txt",
            "b.md",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v[0]["rule"], "mismatched-quote");
    assert_eq!(v[0]["count"], 2);
}

#[test]
fn exit_codes_follow_the_fail_level() {
    let t = tree(&[
        (
            "warn.txt",
            "Ferry fees\n\n“The plant will close in March.”\n",
        ),
        (
            "clean.txt",
            "Ferry fees\n\n“The plant will close in March,” the mayor said.\n",
        ),
    ]);
    let mut out = String::new();
    for args in [
        &[
            "check",
            "--format",
            "concise",
            "--select",
            RULES,
            "clean.txt",
        ][..],
        &[
            "check", "--format", "concise", "--select", RULES, "warn.txt",
        ][..],
        &[
            "check",
            "--format",
            "concise",
            "--select",
            RULES,
            "--fail-level",
            "warning",
            "warn.txt",
        ][..],
        &[
            "check",
            "--format",
            "concise",
            "--select",
            RULES,
            "--fail-level",
            "error",
            "warn.txt",
        ][..],
        &["check", "--format", "concise", "missing.txt"][..],
        &[
            "check",
            "--format",
            "concise",
            "--select",
            "no-such-rule",
            "warn.txt",
        ][..],
        &["check", "--format", "concise", "--threads", "0", "warn.txt"][..],
    ] {
        out.push_str(&quotecheck(t.path(), args, None).render(t.path()));
        out.push('\n');
    }
    let codes: Vec<i32> = out
        .lines()
        .filter_map(|l| l.strip_prefix("exit: "))
        .map(|c| c.parse().unwrap())
        .collect();
    assert_eq!(codes, vec![0, 1, 1, 0, 2, 2, 2]);
    insta::with_settings!({snapshot_path => "../snapshots/cli", prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!("exit-codes", out);
    });
}

#[test]
fn info_findings_alone_do_not_fail_a_run_by_default() {
    // `anonymous-source` is info: printed, but a published article that
    // cites "officials" does not fail CI unless asked (`--fail-level info`).
    let t = tree(&[(
        "a.txt",
        "Ferry fees\n\nThe fees will rise in March, officials said.\n",
    )]);
    let default = quotecheck(t.path(), &["check", "--format", "concise", "a.txt"], None);
    assert!(
        default.stdout.contains("info[anonymous-source]"),
        "{}",
        default.stdout
    );
    assert_eq!(default.code, 0);
    let strict = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "concise",
            "--fail-level",
            "info",
            "a.txt",
        ],
        None,
    );
    assert_eq!(strict.code, 1);
}

#[test]
fn standard_input_takes_its_format_from_the_name() {
    let t = tree(&[]);
    let run = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "concise",
            "--select",
            RULES,
            "--stdin-filename",
            "news/story.md",
            "-",
        ],
        Some(&fixture("article.md")),
    );
    assert_eq!(run.code, 1);
    snap!("stdin-markdown", run, t.path());
}

#[test]
fn parallel_output_is_in_path_order_and_identical() {
    let mut files: Vec<(String, String)> = Vec::new();
    for i in 0..40 {
        let (name, text) = match i % 3 {
            0 => (format!("d{}/a{i:02}.txt", i % 4), fixture("article.txt")),
            1 => (format!("d{}/a{i:02}.md", i % 4), fixture("article.md")),
            _ => (format!("d{}/a{i:02}.html", i % 4), fixture("article.html")),
        };
        files.push((name, text));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let t = tree(&refs);
    let one = quotecheck(
        t.path(),
        &["check", "--format", "concise", "--threads", "1", "."],
        None,
    );
    let two = quotecheck(
        t.path(),
        &["check", "--format", "concise", "--threads", "2", "."],
        None,
    );
    assert_eq!(one.code, 1);
    assert_eq!(one.stdout, two.stdout);
    let paths: Vec<&str> = one
        .stdout
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(
        sorted
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        40
    );
}

/// `check --format concise` writes its report batch by batch (64 files a
/// thread): across several batches, with a file that is skipped and one
/// that cannot be read, the report is the one the collected formats give,
/// in path order, and `--output` holds exactly what standard output does.
#[test]
fn concise_report_streamed_in_batches_matches_the_collected_report() {
    let mut files: Vec<(String, String)> = Vec::new();
    for i in 0..300 {
        let text = match i % 5 {
            0 => fixture("article.txt"),
            // Straight quotation marks: a diagnostic on most lines when
            // `straight-quote` is selected.
            1 => "Budget vote.\n\n\"We will not wait,\" the mayor said.\n\nShe added: \"Not again.\"\n"
                .to_string(),
            2 => "A quiet day at the council.\n".to_string(),
            3 => "“We were never consulted,“ said Dale Whitaker.\n".to_string(),
            _ => "He said the plan “was over.\n".to_string(),
        };
        files.push((format!("d{}/f{i:03}.txt", i % 7), text));
    }
    files.push(("d1/blob.txt".to_string(), "bin\0ary\0".to_string()));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let t = tree(&refs);
    let select = "ALL";
    let concise = |threads: &str| {
        quotecheck(
            t.path(),
            &[
                "check",
                "--format",
                "concise",
                "--select",
                select,
                "--threads",
                threads,
                ".",
            ],
            None,
        )
    };
    let one = concise("1");
    let two = concise("2");
    assert_eq!(one.code, 1);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stderr, two.stderr);
    assert!(one.stderr.contains("blob.txt"), "{}", one.stderr);
    // The same diagnostics, in the same order, as the JSON report, which
    // is rendered once every file is checked.
    let json = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "json",
            "--select",
            select,
            "--threads",
            "2",
            ".",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    let expected: String = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}: {}[{}] {}\n",
                d["path"].as_str().unwrap(),
                d["line"],
                d["column"],
                d["severity"].as_str().unwrap(),
                d["rule"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        one.stdout.lines().count() > 600,
        "several batches of output"
    );
    assert_eq!(one.stdout, expected);
    let to_file = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "concise",
            "--select",
            select,
            "--threads",
            "2",
            "--output",
            "report.txt",
            ".",
        ],
        None,
    );
    assert_eq!(to_file.code, 1);
    assert_eq!(to_file.stdout, "");
    assert_eq!(
        std::fs::read_to_string(t.path().join("report.txt")).unwrap(),
        one.stdout
    );
}
