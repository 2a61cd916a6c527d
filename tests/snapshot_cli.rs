//! `quotecheck snapshot`: attribution ledgers, end to end in a temporary
//! directory. Each edit of an article must make `--check` fail with a diff
//! and a summary naming exactly that change.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FERRY: &str = "\
Harbor board delays vote on ferry fares

PORT ELLIS — The harbor board on Tuesday postponed a vote on raising ferry fares after more than 40 residents packed the meeting.

“We are not going to rush a decision that hits every commuter,” board chair Lena Okafor said.

Okafor said the board would hold two more hearings before voting in June.

“The fare has not moved in nine years, and the boats are older than most of our crew,” operations director Samuel Price said.

Tom Whitaker, a commuter who rides the 6:40 a.m. boat, was unimpressed. “They keep telling us to wait,” he said.
";

const LIBRARY: &str = "\
Library extends weekend hours

The Millbrook Public Library will open on Sundays starting next month, director Ana Duarte said Friday.

“People asked for it at every meeting we held,” Duarte said. “Now we can say yes.”

The county will cover the added staff costs for one year, according to budget officer Ken Yoshida.
";

const FERRY_PATH: &str = "articles/2025/ferry-fares.md";
const FERRY_LEDGER: &str = "snapshots/articles/2025/ferry-fares.md.quotes";
const LIBRARY_LEDGER: &str = "snapshots/articles/library.txt.quotes";

fn quotecheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("quotecheck runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A project with two articles and their ledgers written.
fn project() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    fs::create_dir_all(t.path().join("articles/2025")).unwrap();
    fs::write(t.path().join(FERRY_PATH), FERRY).unwrap();
    fs::write(t.path().join("articles/library.txt"), LIBRARY).unwrap();
    let o = quotecheck(t.path(), &["snapshot"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("snapshot: 2 new, 0 updated"),
        "{}",
        stdout(&o)
    );
    t
}

/// Every ledger file under `dir`, with its bytes.
fn ledgers(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

/// The summary lines of `--check` output: those between an article's
/// status line and its diff, indented two spaces.
fn summary(out: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut inside = false;
    for l in out.lines() {
        if l.starts_with("stale ") || l.starts_with("missing ") || l.starts_with("orphaned ") {
            inside = true;
        } else if l.starts_with("--- ") {
            inside = false;
        } else if inside {
            lines.push(l.strip_prefix("  ").expect("summary lines are indented"));
        }
    }
    lines
}

/// The changed lines of the diff (`-`/`+`, without the headers).
fn diff_lines(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|l| {
            (l.starts_with('-') && !l.starts_with("---"))
                || (l.starts_with('+') && !l.starts_with("+++"))
        })
        .collect()
}

fn edit(t: &Path, from: &str, to: &str) {
    let p = t.join(FERRY_PATH);
    let text = fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "the article holds {from:?}");
    fs::write(&p, text.replacen(from, to, 1)).unwrap();
}

/// Runs `--check`, expects exit 1 with exactly one stale article, and
/// returns the output.
fn check_stale(t: &Path) -> String {
    let before = ledgers(&t.join("snapshots"));
    let o = quotecheck(t, &["snapshot", "--check"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    assert_eq!(
        before,
        ledgers(&t.join("snapshots")),
        "--check never writes"
    );
    assert!(
        out.contains(&format!("stale    {FERRY_PATH} ({FERRY_LEDGER})")),
        "{out}"
    );
    assert!(
        out.contains(&format!("--- {FERRY_LEDGER}\n+++ {FERRY_LEDGER} (now)\n")),
        "{out}"
    );
    assert!(
        out.contains("snapshot check: 1 stale, 0 missing, 0 orphaned, 1 current"),
        "{out}"
    );
    out
}

#[test]
fn an_untouched_tree_is_current() {
    let t = project();
    let o = quotecheck(t.path(), &["snapshot", "--check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        stdout(&o),
        "snapshot check: 0 stale, 0 missing, 0 orphaned, 2 current\n"
    );
    let ledger = fs::read_to_string(t.path().join(FERRY_LEDGER)).unwrap();
    assert!(ledger.starts_with(
        "# quotecheck attribution report\narticle: articles/2025/ferry-fares.md\nrules: quotecheck "
    ));
    assert!(
        !ledger.contains(&*t.path().to_string_lossy()),
        "no absolute paths in a ledger"
    );
    assert!(
        ledger.contains(
            "    speaker: operations director Samuel Price → S2 Samuel Price (as-written)"
        )
    );
}

#[test]
fn a_changed_quote_text_is_named() {
    let t = project();
    edit(t.path(), "We are not going to rush", "We will not rush");
    let out = check_stale(t.path());
    assert_eq!(
        summary(&out),
        [
            "quote text changed: “We are not going to rush a decision that hits ev…” → “We will not rush a decision that hits every comm…”"
        ]
    );
    // The quote's lines change (and those of the direct claim that
    // repeats it), nothing else.
    let diff = diff_lines(&out);
    assert_eq!(
        diff[..2],
        [
            "-5:1 full “We are not going to rush a decision that hits every commuter,”",
            "+5:1 full “We will not rush a decision that hits every commuter,”",
        ]
    );
    assert!(
        diff[2..]
            .iter()
            .all(|l| l.contains("rush a decision that hits every commuter")),
        "{out}"
    );
}

#[test]
fn a_quote_moved_to_another_speaker_is_named() {
    let t = project();
    edit(
        t.path(),
        "operations director Samuel Price said",
        "Okafor said",
    );
    let out = check_stale(t.path());
    assert_eq!(
        summary(&out),
        [
            "quote “The fare has not moved in nine years, and the bo…”: speaker was Samuel Price, now Lena Okafor"
        ]
    );
    let diff = diff_lines(&out);
    assert!(diff.contains(&"-    speaker: operations director Samuel Price → S2 Samuel Price (as-written) · cue: said · same-sentence · high"), "{out}");
    assert!(
        diff.contains(
            &"+    speaker: Okafor → S1 Lena Okafor (short-name) · cue: said · same-sentence · high"
        ),
        "{out}"
    );

    // The same change as data.
    let o = quotecheck(t.path(), &["snapshot", "--check", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["stale"], 1);
    assert_eq!(v["current"], 1);
    let a = &v["articles"][0];
    assert_eq!(a["article"], FERRY_PATH);
    assert_eq!(a["ledger"], FERRY_LEDGER);
    assert_eq!(a["status"], "stale");
    let changes = a["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0]["item"], "quote");
    assert_eq!(changes[0]["change"], "speaker-changed");
    assert_eq!(changes[0]["old_speaker"], "Samuel Price");
    assert_eq!(changes[0]["new_speaker"], "Lena Okafor");
    assert_eq!(
        changes[0]["old"]["mention"],
        "operations director Samuel Price"
    );
    assert_eq!(changes[0]["new"]["mention"], "Okafor");
    assert_eq!(changes[0]["new"]["line"], 9);
    assert!(
        a["diff"]
            .as_str()
            .unwrap()
            .contains("+    speaker: Okafor → S1 Lena Okafor")
    );
}

#[test]
fn a_deleted_opening_mark_is_named() {
    let t = project();
    edit(t.path(), "“They keep telling", "They keep telling");
    let out = check_stale(t.path());
    assert_eq!(
        summary(&out),
        [
            "quote “They keep telling us to wait,”: opening mark missing",
            "diagnostic added: error[unopened-quote] closing ” has no opening “",
        ]
    );
    let diff = diff_lines(&out);
    assert!(
        diff.contains(&"+11:73 full “They keep telling us to wait,” [opening mark missing]"),
        "{out}"
    );
    assert!(
        diff.contains(&"+11:102 error[unopened-quote] closing ” has no opening “"),
        "{out}"
    );
}

#[test]
fn an_added_quote_is_named() {
    let t = project();
    let p = t.path().join(FERRY_PATH);
    let text = fs::read_to_string(&p).unwrap()
        + "\n“We will publish the numbers before the hearings,” Okafor said.\n";
    fs::write(&p, text).unwrap();
    let out = check_stale(t.path());
    assert_eq!(
        summary(&out),
        ["quote “We will publish the numbers before the hearings,” added (speaker: Lena Okafor)"]
    );
    let diff = diff_lines(&out);
    assert!(
        diff.contains(&"+13:1 full “We will publish the numbers before the hearings,”"),
        "{out}"
    );
}

#[test]
fn a_deleted_article_leaves_an_orphan() {
    let t = project();
    fs::remove_file(t.path().join(FERRY_PATH)).unwrap();
    let o = quotecheck(t.path(), &["snapshot", "--check"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains(&format!("orphaned {FERRY_PATH} ({FERRY_LEDGER})")),
        "{out}"
    );
    let s = summary(&out);
    assert_eq!(s.len(), 1, "{out}");
    assert!(
        s[0].starts_with(&format!(
            "article {FERRY_PATH} is gone; its ledger recorded 3 quotes"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("--- {FERRY_LEDGER}\n+++ /dev/null\n")),
        "{out}"
    );
    assert!(
        out.contains("-9:1 full “The fare has not moved in nine years"),
        "{out}"
    );
    assert!(
        out.contains("snapshot check: 0 stale, 0 missing, 1 orphaned, 1 current"),
        "{out}"
    );

    // Naming the deleted file itself finds its ledger too.
    let o = quotecheck(t.path(), &["snapshot", "--check", FERRY_PATH]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("0 stale, 0 missing, 1 orphaned, 0 current"),
        "{}",
        stdout(&o)
    );

    // Without --prune the orphan is kept; with it, removed (and its
    // emptied directory with it).
    let o = quotecheck(t.path(), &["snapshot"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("kept; run `quotecheck snapshot --prune` to remove it"),
        "{}",
        stdout(&o)
    );
    assert!(t.path().join(FERRY_LEDGER).exists());
    let o = quotecheck(t.path(), &["snapshot", "--prune"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains(&format!("removed  {FERRY_LEDGER}")),
        "{}",
        stdout(&o)
    );
    assert!(!t.path().join("snapshots/articles/2025").exists());
    assert!(t.path().join(LIBRARY_LEDGER).exists());
    assert_eq!(
        quotecheck(t.path(), &["snapshot", "--check"]).status.code(),
        Some(0)
    );
}

#[test]
fn a_missing_ledger_fails_the_check_and_is_written_by_snapshot() {
    let t = project();
    fs::write(
        t.path().join("articles/new.txt"),
        LIBRARY.replace("Duarte", "Moreno"),
    )
    .unwrap();
    let o = quotecheck(t.path(), &["snapshot", "--check"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains(
            "missing  articles/new.txt (snapshots/articles/new.txt.quotes)\n  new ledger: 2 quotes"
        ),
        "{out}"
    );
    assert!(
        out.contains("--- /dev/null\n+++ snapshots/articles/new.txt.quotes (new)\n"),
        "{out}"
    );
    assert!(!t.path().join("snapshots/articles/new.txt.quotes").exists());
    let o = quotecheck(t.path(), &["snapshot", "--accept"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("snapshot: 1 new, 0 updated, 0 removed, 0 orphaned kept, 2 current"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        quotecheck(t.path(), &["snapshot", "--check"]).status.code(),
        Some(0)
    );
}

#[test]
fn ledgers_are_byte_identical_across_runs_and_threads() {
    let t = project();
    // More articles than threads, so the work is really shared.
    for i in 0..24 {
        let text = FERRY.replace("Okafor", &format!("Okafor{i}"));
        fs::write(
            t.path().join(format!("articles/2025/story-{i:02}.md")),
            text,
        )
        .unwrap();
    }
    let runs: Vec<Vec<(PathBuf, Vec<u8>)>> = ["1", "4", "16", "4"]
        .iter()
        .enumerate()
        .map(|(i, threads)| {
            let dir = format!("ledgers-{i}");
            let o = quotecheck(
                t.path(),
                &["snapshot", "--dir", &dir, "--threads", threads, "articles"],
            );
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            ledgers(&t.path().join(dir))
        })
        .collect();
    assert_eq!(runs[0].len(), 26);
    assert!(
        runs.iter().all(|r| r == &runs[0]),
        "ledgers differ between runs or thread counts"
    );
    // And they match the default directory's, written by the first run.
    let default: Vec<_> = ledgers(&t.path().join("snapshots"));
    let first_two: Vec<_> = runs[0]
        .iter()
        .filter(|(p, _)| default.iter().any(|(d, _)| d == p))
        .cloned()
        .collect();
    assert_eq!(first_two, default);
    // A second run over the same tree changes nothing on disk.
    let o = quotecheck(t.path(), &["snapshot", "--dir", "ledgers-0", "articles"]);
    assert!(
        stdout(&o).contains("0 new, 0 updated, 0 removed, 0 orphaned kept, 26 current"),
        "{}",
        stdout(&o)
    );
    assert_eq!(ledgers(&t.path().join("ledgers-0")), runs[0]);
}

#[test]
fn review_needs_a_terminal() {
    let t = project();
    edit(t.path(), "We are not going to rush", "We will not rush");
    let o = quotecheck(t.path(), &["snapshot", "--review"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--review asks what to do with each change and needs a terminal"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
    // Nothing was written.
    assert_eq!(
        quotecheck(t.path(), &["snapshot", "--check"]).status.code(),
        Some(1)
    );
}

#[test]
fn review_on_a_terminal_accepts_and_skips() {
    // `script` gives the command a pseudo-terminal; skip where it is missing.
    let script = Command::new("script").arg("--version").output();
    if !script.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: no `script` command for a pseudo-terminal");
        return;
    }
    let t = project();
    edit(t.path(), "We are not going to rush", "We will not rush");
    fs::write(
        t.path().join("articles/library.txt"),
        LIBRARY.replace("say yes", "finally say yes"),
    )
    .unwrap();
    let cmd = format!("{} snapshot --review", env!("CARGO_BIN_EXE_quotecheck"));
    let mut child = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(t.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    // Accept the first (articles/2025/… sorts before articles/library.txt), skip the second.
    child.stdin.take().unwrap().write_all(b"a\ns\n").unwrap();
    let o = child.wait_with_output().unwrap();
    let out = stdout(&o);
    assert!(
        out.contains("[1/2] stale    articles/2025/ferry-fares.md"),
        "{out}"
    );
    assert!(
        out.contains("accepted snapshots/articles/2025/ferry-fares.md.quotes"),
        "{out}"
    );
    assert!(
        out.contains("snapshot review: 1 accepted, 1 skipped, 0 current"),
        "{out}"
    );
    let o = quotecheck(t.path(), &["snapshot", "--check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("snapshot check: 1 stale, 0 missing, 0 orphaned, 1 current"),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("stale    articles/library.txt"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn usage_errors() {
    let t = project();
    let o = quotecheck(t.path(), &["snapshot", "--check", "--accept"]);
    assert_eq!(o.status.code(), Some(2));
    let o = quotecheck(t.path(), &["snapshot", "--threads", "0"]);
    assert_eq!(o.status.code(), Some(2));
    let o = quotecheck(t.path(), &["snapshot", "-"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not standard input"), "{}", stderr(&o));
    let o = quotecheck(t.path(), &["snapshot", "--check", "no/such.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no/such.md: no such file or directory, and no ledger for it"),
        "{}",
        stderr(&o)
    );
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("x.txt"), LIBRARY).unwrap();
    let o = quotecheck(
        t.path(),
        &[
            "snapshot",
            "--check",
            &outside.path().join("x.txt").to_string_lossy(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is outside the project root"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn custom_dir_and_subdirectory_scope() {
    let t = project();
    let o = quotecheck(t.path(), &["snapshot", "--dir", "ledgers", "articles/2025"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        t.path()
            .join("ledgers/articles/2025/ferry-fares.md.quotes")
            .is_file()
    );
    assert!(
        !t.path()
            .join("ledgers/articles/library.txt.quotes")
            .exists()
    );
    // The library's ledger is outside the scope named, so not an orphan.
    let o = quotecheck(t.path(), &["snapshot", "--check", "articles/2025"]);
    assert_eq!(
        stdout(&o),
        "snapshot check: 0 stale, 0 missing, 0 orphaned, 1 current\n"
    );
    assert_eq!(
        fs::read(t.path().join("ledgers/articles/2025/ferry-fares.md.quotes")).unwrap(),
        fs::read(t.path().join(FERRY_LEDGER)).unwrap()
    );
}

#[test]
fn a_ledger_is_the_extract_report() {
    let t = project();
    // Markdown: front matter and code are not prose, in both.
    let md = format!("---\ntitle: “Ferry fares\n---\n\n{FERRY}\n```\n“not a quote\n```\n");
    fs::write(t.path().join(FERRY_PATH), md).unwrap();
    assert_eq!(quotecheck(t.path(), &["snapshot"]).status.code(), Some(0));
    for (article, ledger) in [
        (FERRY_PATH, FERRY_LEDGER),
        ("articles/library.txt", LIBRARY_LEDGER),
    ] {
        let o = quotecheck(t.path(), &["extract", "--format", "report", article]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(
            stdout(&o),
            fs::read_to_string(t.path().join(ledger)).unwrap()
        );
    }
    let ledger = fs::read_to_string(t.path().join(FERRY_LEDGER)).unwrap();
    assert!(ledger.contains("## Diagnostics\n(none)\n"), "{ledger}");
}

#[test]
fn the_project_root_is_where_quotecheck_toml_is() {
    let t = project();
    fs::write(
        t.path().join("quotecheck.toml"),
        "exclude = [\"drafts/\"]\n",
    )
    .unwrap();
    fs::create_dir_all(t.path().join("articles/drafts")).unwrap();
    fs::write(t.path().join("articles/drafts/wip.txt"), LIBRARY).unwrap();
    // From a subdirectory, the ledgers are still those beside the config
    // file, with the same paths in their headers; excluded drafts have none.
    let sub = t.path().join("articles/2025");
    let o = quotecheck(&sub, &["snapshot", "--check"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o),
        "snapshot check: 0 stale, 0 missing, 0 orphaned, 2 current\n"
    );
    let o = quotecheck(&sub, &["snapshot", "--check", "ferry-fares.md"]);
    assert_eq!(
        stdout(&o),
        "snapshot check: 0 stale, 0 missing, 0 orphaned, 1 current\n"
    );
    // An article the config now excludes leaves its ledger orphaned.
    fs::write(
        t.path().join("quotecheck.toml"),
        "exclude = [\"drafts/\", \"library.txt\"]\n",
    )
    .unwrap();
    let o = quotecheck(&sub, &["snapshot", "--check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("orphaned articles/library.txt"),
        "{}",
        stdout(&o)
    );
    // A broken config file is an error, not an empty run.
    fs::write(t.path().join("quotecheck.toml"), "no-such-key = 1\n").unwrap();
    let o = quotecheck(&sub, &["snapshot", "--check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("quotecheck.toml"), "{}", stderr(&o));
    // --isolated: no config file (the broken one is not read), the
    // working directory is the root, and nothing excludes the draft.
    let o = quotecheck(t.path(), &["snapshot", "--check", "--isolated"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("snapshot check: 0 stale, 1 missing, 0 orphaned, 2 current"),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("missing  articles/drafts/wip.txt"),
        "{}",
        stdout(&o)
    );
}
