//! The documented workflow end to end in a temporary git repository:
//! ledgers committed beside the articles, `snapshot --check` as the CI
//! gate, and the `.quotes` diff showing who-said-what changes.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const COUNCIL: &str = "\
Council approves budget for new fire station

GLENDALE FALLS — The city council voted 5-2 on Monday to fund a fire station on the east side of town.

“Response times on the east side have been too long for too many years,” council member Priya Nair said.

Fire Chief Walter Brandt said the station would open in 2027. “This puts a crew within four minutes of every home,” Brandt said.

Council member Joe Lindqvist voted against the plan. “We are borrowing money we do not have,” he said.
";

const WEATHER: &str = "\
Storm closes mountain pass

Snow closed Route 12 over Hadley Pass on Sunday, the state transportation department said.

“Crews will work through the night, but drivers should plan for delays,” department spokesperson Mia Torres said.
";

fn git(dir: &Path, args: &[&str]) -> String {
    let o = Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(["-c", "core.autocrlf=false", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn quotecheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("quotecheck runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

#[test]
fn ledgers_in_a_git_repository() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let t = tempfile::tempdir().unwrap();
    let repo = t.path().join("newsroom");
    fs::create_dir_all(repo.join("articles/2025")).unwrap();
    git(&repo, &["init", "-q"]);
    fs::write(repo.join("articles/2025/fire-station.md"), COUNCIL).unwrap();
    fs::write(repo.join("articles/weather.txt"), WEATHER).unwrap();

    // Write the ledgers and commit them beside the articles.
    assert_eq!(code(&quotecheck(&repo, &["snapshot"])), 0);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-qm", "Articles and their ledgers"]);
    let o = quotecheck(&repo, &["snapshot", "--check"]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stdout));

    // A fresh clone elsewhere is current too: nothing machine-specific.
    let clone = t.path().join("clone");
    git(
        t.path(),
        &[
            "clone",
            "-q",
            repo.to_str().unwrap(),
            clone.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&quotecheck(&clone, &["snapshot", "--check"])), 0);

    // An edit gives the last quote to somebody else: CI fails and says so.
    let article = repo.join("articles/2025/fire-station.md");
    fs::write(&article, COUNCIL.replace("” he said.", "” Nair said.")).unwrap();
    let o = quotecheck(&repo, &["snapshot", "--check"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(code(&quotecheck(&repo, &["snapshot", "--check"])), 1);
    assert!(
        out.contains("  quote “We are borrowing money we do not have,”: speaker was Joe Lindqvist, now Priya Nair\n"),
        "{out}"
    );

    // The author updates the ledger; the pull-request diff of the ledger
    // shows the attribution change.
    assert_eq!(code(&quotecheck(&repo, &["snapshot"])), 0);
    let diff = git(&repo, &["diff", "--", "snapshots/"]);
    assert!(
        diff.contains("--- a/snapshots/articles/2025/fire-station.md.quotes"),
        "{diff}"
    );
    assert!(
        diff.contains("-    speaker: he → S3 Joe Lindqvist (pronoun)"),
        "{diff}"
    );
    assert!(
        diff.contains("+    speaker: Nair → S1 Priya Nair (short-name)"),
        "{diff}"
    );
    let changed = git(&repo, &["status", "--porcelain"]);
    assert_eq!(
        changed,
        " M articles/2025/fire-station.md\n M snapshots/articles/2025/fire-station.md.quotes\n"
    );
    git(
        &repo,
        &["commit", "-qam", "Attribute the last quote to Nair"],
    );
    assert_eq!(code(&quotecheck(&repo, &["snapshot", "--check"])), 0);

    // Deleting an article orphans its ledger until it is pruned.
    git(&repo, &["rm", "-q", "articles/weather.txt"]);
    let o = quotecheck(&repo, &["snapshot", "--check"]);
    assert_eq!(code(&o), 1);
    assert!(String::from_utf8_lossy(&o.stdout).contains("orphaned articles/weather.txt"));
    assert_eq!(code(&quotecheck(&repo, &["snapshot", "--prune"])), 0);
    assert_eq!(
        git(&repo, &["status", "--porcelain"]),
        "D  articles/weather.txt\n D snapshots/articles/weather.txt.quotes\n"
    );
    git(&repo, &["commit", "-qam", "Drop the weather story"]);
    assert_eq!(code(&quotecheck(&repo, &["snapshot", "--check"])), 0);
    assert_eq!(git(&repo, &["status", "--porcelain"]), "");
}
