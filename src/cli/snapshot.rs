//! `quotecheck snapshot`: attribution ledgers beside the articles.
//!
//! - `snapshot [PATHS]` writes every missing or stale ledger (and keeps
//!   orphaned ones unless `--prune`); `--accept` says the same explicitly.
//! - `snapshot --check` writes nothing: exit 0 when every ledger is
//!   current, 1 when any is stale, missing or orphaned, with a summary of
//!   the attribution changes and a unified diff per article (or JSON).
//! - `snapshot --review` steps through the changed articles on a terminal.
//!
//! The project root is the directory of the `quotecheck.toml` that applies
//! to the working directory (or of `--config FILE`); without one (or with
//! `--isolated`) it is the working directory. Ledgers live under `--dir`
//! (default `snapshots/` in the root) at the article's path relative to the
//! root plus `.quotes`, and are rendered exactly as `extract --format
//! report` renders the article, with the settings that apply to it. Exit
//! code 2 for usage, config and I/O errors.

use std::collections::BTreeSet;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, ValueEnum};
use quotecheck::config::{Discovery, Overrides};
use quotecheck::error::{Error, ErrorKind};
use quotecheck::ledger::{self, Change, Status};
use rayon::prelude::*;
use serde::Serialize;

use super::ConfigOpts;
use super::input::{self, Source};

#[derive(Args, Debug)]
pub struct SnapshotArgs {
    /// Article files or directories [default: the project root].
    paths: Vec<PathBuf>,
    /// Language of the copy [default: en, or the config's `lang`].
    #[arg(long)]
    lang: Option<String>,
    #[command(flatten)]
    config: ConfigOpts,
    /// The ledger directory [default: snapshots/ beside quotecheck.toml, or in the working directory].
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// Write nothing; exit 1 if any ledger is stale, missing or orphaned.
    #[arg(long, conflicts_with_all = ["review", "accept", "prune"])]
    check: bool,
    /// Step through the changed ledgers on a terminal, accepting or skipping each.
    #[arg(long, conflicts_with = "accept")]
    review: bool,
    /// Write every stale and missing ledger (what `snapshot` does by default).
    #[arg(long)]
    accept: bool,
    /// Remove orphaned ledgers (whose article is gone or no longer checked).
    #[arg(long)]
    prune: bool,
    /// Output format of the report.
    #[arg(long, value_enum, default_value_t = SnapshotFormat::Text)]
    format: SnapshotFormat,
    /// Analyse this many articles at once [default: one per core]; the ledgers do not depend on it.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum SnapshotFormat {
    Text,
    Json,
}

/// One article (or orphaned ledger) and how its ledger stands.
#[derive(Debug, Clone)]
struct Entry {
    /// The article's path relative to the project root, `/`-separated.
    article: String,
    /// Where its ledger lives (on disk) and how to show that path.
    ledger: PathBuf,
    ledger_shown: String,
    status: Status,
    /// The stored ledger, if there is one.
    old: Option<String>,
    /// The fresh ledger, if the article exists.
    new: Option<String>,
}

impl Entry {
    fn changes(&self) -> Vec<Change> {
        ledger::compare(
            self.old.as_deref().unwrap_or(""),
            self.new.as_deref().unwrap_or(""),
        )
    }

    fn diff(&self) -> String {
        let (a, b) = match self.status {
            Status::Missing => (
                "/dev/null".to_string(),
                format!("{} (new)", self.ledger_shown),
            ),
            Status::Orphaned => (self.ledger_shown.clone(), "/dev/null".to_string()),
            _ => (
                self.ledger_shown.clone(),
                format!("{} (now)", self.ledger_shown),
            ),
        };
        ledger::unified_diff(
            self.old.as_deref().unwrap_or(""),
            self.new.as_deref().unwrap_or(""),
            &a,
            &b,
        )
    }

    /// One-line summaries of what changed, for people.
    fn summary(&self) -> Vec<String> {
        match self.status {
            Status::Current => vec![],
            Status::Missing => {
                let p = ledger::parse(self.new.as_deref().unwrap_or(""));
                vec![format!("new ledger: {}", counts(&p))]
            }
            Status::Orphaned => {
                let p = ledger::parse(self.old.as_deref().unwrap_or(""));
                vec![format!(
                    "article {} is gone; its ledger recorded {}",
                    self.article,
                    counts(&p)
                )]
            }
            Status::Stale => {
                let c = self.changes();
                if c.is_empty() {
                    vec!["no attribution changes (layout or speaker table only)".to_string()]
                } else {
                    c.into_iter().map(|c| c.message).collect()
                }
            }
        }
    }
}

fn counts(p: &ledger::Parsed) -> String {
    let q = p.quotes.iter().filter(|e| e.depth == 0).count();
    let mut s = format!("{q} quote{}", if q == 1 { "" } else { "s" });
    let c = p.claims.iter().filter(|e| e.depth == 0).count();
    if c > 0 {
        s.push_str(&format!(", {c} claim{}", if c == 1 { "" } else { "s" }));
    }
    s
}

/// Runs `quotecheck snapshot`.
pub fn run(a: SnapshotArgs) -> Result<i32, Error> {
    if a.review && !io::stdin().is_terminal() {
        return Err(Error::new(
            ErrorKind::Usage,
            "--review asks what to do with each change and needs a terminal on standard input; \
             use `quotecheck snapshot --check` to see the changes or `quotecheck snapshot --accept` to write them all",
        ));
    }
    let cwd = std::env::current_dir()
        .map_err(|e| Error::new(ErrorKind::Io, format!("the working directory: {e}")))?;
    let overrides = Overrides {
        lang: a.lang.clone(),
        exclude: a.config.exclude.clone(),
        ..Default::default()
    };
    let discovery = Arc::new(super::discovery(&a.config, overrides)?);
    // The settings of the working directory: a bad config file stops the
    // run before anything is read. Its config file's directory is the root.
    discovery.for_path(Path::new("."))?;
    let root = match discovery.config_for_dir(&cwd)? {
        Some(c) => c
            .path
            .parent()
            .map_or_else(|| cwd.clone(), Path::to_path_buf),
        None => cwd.clone(),
    };
    let root = ledger::normalize(&cwd.join(root));
    let dir = a
        .dir
        .clone()
        .unwrap_or_else(|| root.join(ledger::DEFAULT_DIR));
    let pool = super::pool(a.threads)?;
    let (entries, had_error) = assess(&a, &discovery, &pool, &cwd, &root, &dir)?;
    let color = super::color_enabled() && a.format == SnapshotFormat::Text;
    let pending: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.status != Status::Current)
        .collect();

    if a.check {
        let out = match a.format {
            SnapshotFormat::Text => check_text(&entries, color),
            SnapshotFormat::Json => json_report(&entries, None),
        };
        super::write_stdout(&out)?;
        return Ok(if had_error {
            2
        } else if pending.is_empty() {
            0
        } else {
            1
        });
    }

    if a.review {
        let stdin = io::stdin();
        let mut input = stdin.lock();
        let mut out = io::stdout().lock();
        let done = review(&pending, &dir, &mut input, &mut out, color)?;
        let _ = writeln!(
            out,
            "snapshot review: {} accepted, {} skipped, {} current",
            done.accepted,
            done.skipped,
            entries.len() - pending.len()
        );
        return Ok(if had_error { 2 } else { 0 });
    }

    // Write mode (the default, and --accept).
    let mut actions = Vec::new();
    for e in &pending {
        let action = apply(e, &dir, a.prune)?;
        actions.push(action);
    }
    let out = match a.format {
        SnapshotFormat::Text => write_text(&entries, &pending, &actions, color),
        SnapshotFormat::Json => json_report(&entries, Some(&actions)),
    };
    super::write_stdout(&out)?;
    Ok(if had_error { 2 } else { 0 })
}

/// What write mode did with a ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
enum Action {
    Written,
    Removed,
    Kept,
}

fn apply(e: &Entry, dir: &Path, prune: bool) -> Result<Action, Error> {
    match (e.status, &e.new) {
        (Status::Orphaned, _) if prune => {
            ledger::remove(dir, &e.ledger)?;
            Ok(Action::Removed)
        }
        (Status::Orphaned, _) | (Status::Current, _) | (_, None) => Ok(Action::Kept),
        (_, Some(new)) => {
            ledger::write_atomic(&e.ledger, new)?;
            Ok(Action::Written)
        }
    }
}

/// Finds the articles under the paths named, renders their ledgers and
/// reads the stored ones; adds the orphaned ledgers in the directories
/// named. Errors reading single articles are printed and reported as the
/// flag.
fn assess(
    a: &SnapshotArgs,
    discovery: &Arc<Discovery>,
    pool: &rayon::ThreadPool,
    cwd: &Path,
    root: &Path,
    dir: &Path,
) -> Result<(Vec<Entry>, bool), Error> {
    let default = [root.to_path_buf()];
    let paths = if a.paths.is_empty() {
        &default[..]
    } else {
        &a.paths[..]
    };
    let mut existing = Vec::new();
    // Relative directories whose ledgers must all have an article, and
    // single ledgers whose article was named but is gone.
    let mut scopes: Vec<String> = Vec::new();
    let mut gone: Vec<String> = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            return Err(Error::new(
                ErrorKind::Usage,
                "snapshot needs article files or directories, not standard input",
            ));
        }
        let rel = ledger::relative_article_path(cwd, root, p)?;
        if p.is_dir() {
            scopes.push(rel);
            existing.push(p.clone());
        } else if p.exists() {
            existing.push(p.clone());
        } else if ledger::ledger_path(dir, &rel).is_file() {
            gone.push(rel);
        } else if dir.join(&rel).is_dir() {
            scopes.push(rel);
        } else {
            return Err(Error::new(
                ErrorKind::Io,
                "no such file or directory, and no ledger for it",
            )
            .with_path(p));
        }
    }

    let abs_dir = ledger::normalize(&cwd.join(dir));
    let mut had_error = false;
    let (inputs, walk_errors) = if existing.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        input::inputs(
            &existing,
            None,
            discovery,
            a.config.force_exclude,
            a.config.input_format.map(Into::into),
        )?
    };
    for e in walk_errors {
        eprintln!("quotecheck: error: {e}");
        had_error = true;
    }
    let mut jobs = Vec::new();
    let mut seen = BTreeSet::new();
    for i in inputs {
        let Some(path) = i.path.clone() else { continue };
        // Ledgers and anything else under the ledger directory are not articles.
        if ledger::normalize(&cwd.join(&path)).starts_with(&abs_dir) {
            continue;
        }
        let rel = ledger::relative_article_path(cwd, root, &path)?;
        if seen.insert(rel.clone()) {
            let settings = discovery.for_path(&path)?;
            jobs.push((i, rel, settings));
        }
    }
    // Read and render in parallel; `collect` keeps the order of `jobs`.
    let rendered: Vec<(String, Result<String, Source>)> = pool.install(|| {
        jobs.into_par_iter()
            .map(|(i, rel, settings)| {
                let path = i.path.as_deref().expect("files only");
                let text = match input::read_file(path) {
                    Source::Text { text, .. } => text,
                    other => return (rel, Err(other)),
                };
                let engine = &settings.1;
                let version = super::rules_version(engine);
                let ledger = ledger::render(engine, i.format, &rel, &text, &version);
                (rel, Ok(ledger))
            })
            .collect()
    });
    let mut fresh = Vec::new();
    for (rel, r) in rendered {
        match r {
            Ok(ledger) => fresh.push((rel, ledger)),
            // A skipped or unreadable article stays in `seen`: its ledger
            // is neither current nor orphaned, and is left alone.
            Err(Source::Skipped { name, why }) => {
                eprintln!("quotecheck: note: skipped {name}: {why}");
            }
            Err(Source::Failed(e)) => {
                eprintln!("quotecheck: error: {e}");
                had_error = true;
            }
            Err(Source::Text { .. }) => unreachable!("texts are rendered"),
        }
    }

    let mut entries = Vec::new();
    for (rel, new) in fresh {
        let path = ledger::ledger_path(dir, &rel);
        let old = read_ledger(&path)?;
        entries.push(Entry {
            status: ledger::status(old.as_deref(), Some(&new)),
            ledger_shown: shown(cwd, &path),
            ledger: path,
            article: rel,
            old,
            new: Some(new),
        });
    }

    // Orphans: ledgers in the scopes (or named) whose article is not here.
    let mut orphans = BTreeSet::new();
    for scope in &scopes {
        let under = if scope.is_empty() {
            dir.to_path_buf()
        } else {
            dir.join(scope)
        };
        for l in ledger::find_ledgers(&under)? {
            if let Some(article) = ledger::article_of_ledger(dir, &l)
                && !seen.contains(&article)
            {
                orphans.insert(article);
            }
        }
    }
    orphans.extend(gone.into_iter().filter(|g| !seen.contains(g)));
    for article in orphans {
        let path = ledger::ledger_path(dir, &article);
        let old = read_ledger(&path)?;
        entries.push(Entry {
            status: Status::Orphaned,
            ledger_shown: shown(cwd, &path),
            ledger: path,
            article,
            old,
            new: None,
        });
    }
    entries.sort_by(|a, b| a.article.cmp(&b.article));
    Ok((entries, had_error))
}

fn read_ledger(path: &Path) -> Result<Option<String>, Error> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, &e)),
    }
}

/// A path for people: relative to the working directory when it is
/// under it, with forward slashes.
fn shown(cwd: &Path, p: &Path) -> String {
    let n = ledger::normalize(p);
    let n = n.strip_prefix(cwd).map(Path::to_path_buf).unwrap_or(n);
    let s = n.to_string_lossy().into_owned();
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s
    }
}

// ---------------------------------------------------------------------------
// Text output

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";

fn paint(s: &str, style: &str, color: bool) -> String {
    if color {
        format!("{style}{s}{RESET}")
    } else {
        s.to_string()
    }
}

fn colored_diff(diff: &str, color: bool) -> String {
    if !color {
        return diff.to_string();
    }
    let mut out = String::new();
    for line in diff.split_inclusive('\n') {
        let style = if line.starts_with("---") || line.starts_with("+++") {
            BOLD
        } else if line.starts_with("@@") {
            CYAN
        } else if line.starts_with('-') {
            RED
        } else if line.starts_with('+') {
            GREEN
        } else {
            ""
        };
        if style.is_empty() {
            out.push_str(line);
        } else {
            out.push_str(&paint(line.trim_end_matches('\n'), style, true));
            out.push('\n');
        }
    }
    out
}

/// The block for one changed article: status line, summary, diff.
fn block(e: &Entry, color: bool) -> String {
    let mut out = String::new();
    let status = paint(
        &format!("{:<8}", e.status.as_str()),
        &format!("{BOLD}{YELLOW}"),
        color,
    );
    out.push_str(&format!("{status} {} ({})\n", e.article, e.ledger_shown));
    for s in e.summary() {
        out.push_str(&format!("  {s}\n"));
    }
    out.push_str(&colored_diff(&e.diff(), color));
    out
}

fn tally(entries: &[Entry]) -> [usize; 4] {
    let mut n = [0; 4];
    for e in entries {
        let i = match e.status {
            Status::Current => 0,
            Status::Stale => 1,
            Status::Missing => 2,
            Status::Orphaned => 3,
        };
        n[i] += 1;
    }
    n
}

fn check_text(entries: &[Entry], color: bool) -> String {
    let mut out = String::new();
    for e in entries.iter().filter(|e| e.status != Status::Current) {
        out.push_str(&block(e, color));
        out.push('\n');
    }
    let [current, stale, missing, orphaned] = tally(entries);
    out.push_str(&format!(
        "snapshot check: {stale} stale, {missing} missing, {orphaned} orphaned, {current} current\n"
    ));
    if stale + missing + orphaned > 0 {
        out.push_str(
            "run `quotecheck snapshot` to write the ledgers (`--review` to choose, `--prune` to remove orphans)\n",
        );
    }
    out
}

fn write_text(entries: &[Entry], pending: &[&Entry], actions: &[Action], color: bool) -> String {
    let mut out = String::new();
    let (mut new, mut updated, mut removed, mut kept) = (0, 0, 0, 0);
    for (e, act) in pending.iter().zip(actions) {
        let verb = match (act, e.status) {
            (Action::Written, Status::Missing) => {
                new += 1;
                "wrote"
            }
            (Action::Written, _) => {
                updated += 1;
                "updated"
            }
            (Action::Removed, _) => {
                removed += 1;
                "removed"
            }
            (Action::Kept, _) => {
                kept += 1;
                "orphaned"
            }
        };
        out.push_str(&format!(
            "{} {}\n",
            paint(&format!("{verb:<8}"), BOLD, color),
            e.ledger_shown
        ));
        for s in e.summary() {
            out.push_str(&format!("  {s}\n"));
        }
        if *act == Action::Kept {
            out.push_str("  kept; run `quotecheck snapshot --prune` to remove it\n");
        }
    }
    let current = entries
        .iter()
        .filter(|e| e.status == Status::Current)
        .count();
    out.push_str(&format!(
        "snapshot: {new} new, {updated} updated, {removed} removed, {kept} orphaned kept, {current} current\n"
    ));
    out
}

// ---------------------------------------------------------------------------
// JSON output

#[derive(Serialize)]
struct JsonReport<'a> {
    current: usize,
    stale: usize,
    missing: usize,
    orphaned: usize,
    articles: Vec<JsonArticle<'a>>,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    article: &'a str,
    ledger: &'a str,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    action: Option<Action>,
    changes: Vec<Change>,
    diff: String,
}

fn json_report(entries: &[Entry], actions: Option<&[Action]>) -> String {
    let [current, stale, missing, orphaned] = tally(entries);
    let pending = entries.iter().filter(|e| e.status != Status::Current);
    let articles = pending
        .enumerate()
        .map(|(i, e)| JsonArticle {
            article: &e.article,
            ledger: &e.ledger_shown,
            status: e.status,
            action: actions.and_then(|a| a.get(i).copied()),
            changes: e.changes(),
            diff: e.diff(),
        })
        .collect();
    let report = JsonReport {
        current,
        stale,
        missing,
        orphaned,
        articles,
    };
    let mut s = serde_json::to_string_pretty(&report).expect("the report serialises");
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------
// Review

#[derive(Debug, Default, PartialEq, Eq)]
struct Reviewed {
    accepted: usize,
    skipped: usize,
}

/// Shows each changed ledger and asks: accept, skip, accept all, quit.
/// End of input skips the rest.
fn review(
    pending: &[&Entry],
    dir: &Path,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    color: bool,
) -> Result<Reviewed, Error> {
    let io_err = |e: io::Error| Error::new(ErrorKind::Io, format!("review: {e}"));
    let mut done = Reviewed::default();
    let mut all = false;
    for (i, e) in pending.iter().enumerate() {
        write!(out, "\n[{}/{}] {}", i + 1, pending.len(), block(e, color)).map_err(io_err)?;
        let accept = if all {
            true
        } else {
            loop {
                let what = if e.status == Status::Orphaned {
                    "remove the ledger"
                } else {
                    "accept"
                };
                write!(out, "{what}? [a]ccept  [s]kip  [A]ccept all  [q]uit: ").map_err(io_err)?;
                out.flush().map_err(io_err)?;
                let mut line = String::new();
                if input.read_line(&mut line).map_err(io_err)? == 0 {
                    writeln!(out).map_err(io_err)?;
                    done.skipped += pending.len() - i;
                    return Ok(done);
                }
                match line.trim() {
                    "a" | "y" | "accept" => break true,
                    "s" | "n" | "skip" | "" => break false,
                    "A" => {
                        all = true;
                        break true;
                    }
                    "q" | "quit" => {
                        done.skipped += pending.len() - i;
                        return Ok(done);
                    }
                    _ => writeln!(out, "please answer a, s, A or q").map_err(io_err)?,
                }
            }
        };
        if accept {
            let action = apply(e, dir, true)?;
            let verb = if action == Action::Removed {
                "removed"
            } else {
                "accepted"
            };
            writeln!(out, "{verb} {}", e.ledger_shown).map_err(io_err)?;
            done.accepted += 1;
        } else {
            done.skipped += 1;
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(
        dir: &Path,
        article: &str,
        status: Status,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Entry {
        let ledger = ledger::ledger_path(dir, article);
        Entry {
            article: article.to_string(),
            ledger_shown: ledger.to_string_lossy().into_owned(),
            ledger,
            status,
            old: old.map(str::to_string),
            new: new.map(str::to_string),
        }
    }

    #[test]
    fn review_accepts_skips_and_stops_at_end_of_input() {
        let tmp = std::env::temp_dir().join(format!("quotecheck-review-{}", std::process::id()));
        let dir = tmp.join("snapshots");
        let gone = ledger::ledger_path(&dir, "gone.md");
        ledger::write_atomic(&gone, "## Quotes\n1:1 full “Bye,”\n").unwrap();
        let items = [
            entry(
                &dir,
                "a.md",
                Status::Missing,
                None,
                Some("## Quotes\n1:1 full “A,”\n"),
            ),
            entry(
                &dir,
                "b.md",
                Status::Missing,
                None,
                Some("## Quotes\n1:1 full “B,”\n"),
            ),
            entry(
                &dir,
                "gone.md",
                Status::Orphaned,
                Some("## Quotes\n1:1 full “Bye,”\n"),
                None,
            ),
            entry(&dir, "z.md", Status::Missing, None, Some("z\n")),
        ];
        let pending: Vec<&Entry> = items.iter().collect();
        let mut out = Vec::new();
        let mut input = io::Cursor::new("a\nwhat\ns\na\n");
        let done = review(&pending, &dir, &mut input, &mut out, false).unwrap();
        assert_eq!(
            done,
            Reviewed {
                accepted: 2,
                skipped: 2
            }
        );
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("[1/4] missing  a.md"), "{out}");
        assert!(out.contains("please answer a, s, A or q"), "{out}");
        assert!(out.contains("remove the ledger?"), "{out}");
        assert!(ledger::ledger_path(&dir, "a.md").is_file());
        assert!(!ledger::ledger_path(&dir, "b.md").exists());
        assert!(!gone.exists(), "accepting an orphan removes its ledger");
        assert!(
            !ledger::ledger_path(&dir, "z.md").exists(),
            "end of input skips the rest"
        );
        std::fs::remove_dir_all(&tmp).unwrap();
    }

    #[test]
    fn colour_only_when_asked() {
        let d = "--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n z\n";
        assert_eq!(colored_diff(d, false), d);
        let c = colored_diff(d, true);
        assert!(
            c.contains("\x1b[31m-x\x1b[0m\n")
                && c.contains("\x1b[32m+y\x1b[0m\n")
                && c.contains(" z\n")
        );
    }
}
