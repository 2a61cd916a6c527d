//! Attribution ledgers: one file per article recording who said what, kept
//! beside the copy and compared in CI.
//!
//! A ledger is the attribution report of [`crate::render::report::render`]
//! — the same renderer as `extract --format report` and the project's own
//! article snapshots, so there is one format. It is stored at
//! `<dir>/<article path relative to the project root>.quotes`, and its
//! header names the article by that relative path with forward slashes,
//! so a ledger is the same on every machine, in every checkout and for any
//! number of threads.
//!
//! This module computes paths, renders, compares and writes ledgers; it
//! never prints. Comparison is two-fold: a unified diff of the ledger
//! text ([`unified_diff`]) and the attribution changes a reviewer cares
//! about ([`compare`]): a quote whose words changed, a quote given to
//! somebody else, a claim that lost its source. [`compare`] reads the
//! rendered ledgers back ([`parse`]), so it works from a committed ledger
//! and the current article alone.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;
use similar::{Algorithm, DiffOp, TextDiff};

use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Result};
use crate::frontend::{self, InputFormat};
use crate::render::report;

/// The extension added to an article's file name to name its ledger.
pub const EXTENSION: &str = "quotes";

/// The default ledger directory, beside the configuration file (or in the
/// working directory when there is none).
pub const DEFAULT_DIR: &str = "snapshots";

/// Quote text in change summaries is cut to this many characters.
pub const SUMMARY_PREVIEW_CHARS: usize = 48;

// ---------------------------------------------------------------------------
// Rendering

/// The ledger of one article: its attribution report, exactly what
/// `extract --format report` prints for it. `source` is the file as read
/// and `format` how to read it (Markdown and HTML are reduced to their
/// prose first, see [`crate::frontend`]); `article` is the path the header
/// shows (relative, forward slashes; see [`relative_article_path`]);
/// `rules_version` the rule-set version the header names.
pub fn render(
    engine: &Engine,
    format: InputFormat,
    article: &str,
    source: &str,
    rules_version: &str,
) -> String {
    let c = frontend::check(engine, format, source);
    report::render(
        article,
        &c.prepared.text,
        &c.analysis,
        &c.diagnostics,
        rules_version,
    )
}

// ---------------------------------------------------------------------------
// Paths

/// `path` with `.` removed and `..` folded, without touching the disk.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The path of `article` relative to `root`, with forward slashes: what a
/// ledger's header shows and where under the ledger directory it lives.
/// Both are made absolute against `cwd` first. An article outside the
/// root is a usage error. The root itself is `""`.
pub fn relative_article_path(cwd: &Path, root: &Path, article: &Path) -> Result<String> {
    let abs_root = normalize(&cwd.join(root));
    let abs = normalize(&cwd.join(article));
    let rel = match abs.strip_prefix(&abs_root) {
        Ok(r) => r.to_path_buf(),
        // Symbolic links or differently spelled prefixes: compare the
        // resolved forms when both exist.
        Err(_) => match (abs_root.canonicalize(), abs.canonicalize()) {
            (Ok(r), Ok(a)) if a.starts_with(&r) => {
                a.strip_prefix(&r).expect("checked").to_path_buf()
            }
            _ => {
                return Err(Error::new(
                    ErrorKind::Usage,
                    format!(
                        "{} is outside the project root {}",
                        article.display(),
                        root.display()
                    ),
                ));
            }
        },
    };
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {
                return Err(Error::new(
                    ErrorKind::Usage,
                    format!(
                        "{} is outside the project root {}",
                        article.display(),
                        root.display()
                    ),
                ));
            }
        }
    }
    Ok(parts.join("/"))
}

/// Where the ledger of the article at relative path `article` lives:
/// `articles/2025/x.md` → `<dir>/articles/2025/x.md.quotes`.
pub fn ledger_path(dir: &Path, article: &str) -> PathBuf {
    let mut p = dir.to_path_buf();
    for part in article.split('/').filter(|s| !s.is_empty()) {
        p.push(part);
    }
    let mut name = p.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".");
    name.push(EXTENSION);
    p.set_file_name(name);
    p
}

/// The relative article path a ledger file records, from its place under
/// `dir`; `None` if it is not a ledger under `dir`.
pub fn article_of_ledger(dir: &Path, ledger: &Path) -> Option<String> {
    let rel = ledger.strip_prefix(dir).ok()?;
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_str()?.to_string()),
            _ => return None,
        }
    }
    let last = parts.pop()?;
    let stem = last.strip_suffix(&format!(".{EXTENSION}"))?;
    if stem.is_empty() {
        return None;
    }
    parts.push(stem.to_string());
    Some(parts.join("/"))
}

/// Every ledger file under `dir` (recursively), sorted. A missing `dir`
/// holds none.
pub fn find_ledgers(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::io(&d, &e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&d, &e))?;
            let path = entry.path();
            let ty = entry.file_type().map_err(|e| Error::io(&path, &e))?;
            if ty.is_dir() {
                stack.push(path);
            } else if ty.is_file() && path.extension().is_some_and(|x| x == EXTENSION) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

// ---------------------------------------------------------------------------
// Writing

static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Writes `contents` to `path` atomically: a temporary file in the same
/// directory, then renamed over `path`. Creates missing parent
/// directories. A reader (or a run that is interrupted) sees the old
/// ledger or the new one, never a half-written one. The file is not
/// `fsync`ed — that cost 4–5 ms a ledger, and a ledger lost to a power cut
/// is written again by the next `quotecheck snapshot`.
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, &e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let candidate = parent.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(f) => break (candidate, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io(&candidate, &e)),
        }
    };
    let (tmp_path, mut file) = tmp;
    let result = file.write_all(contents.as_bytes()).and_then(|_| {
        drop(file);
        fs::rename(&tmp_path, path)
    });
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp_path);
        return Err(Error::io(path, &e));
    }
    Ok(())
}

/// Removes a ledger, then any directories under `dir` the removal left
/// empty.
pub fn remove(dir: &Path, ledger: &Path) -> Result<()> {
    fs::remove_file(ledger).map_err(|e| Error::io(ledger, &e))?;
    let mut d = ledger.parent();
    while let Some(p) = d {
        if p == dir || !p.starts_with(dir) || fs::remove_dir(p).is_err() {
            break;
        }
        d = p.parent();
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Status

/// How an article's ledger stands against the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The ledger is what the article renders to now.
    Current,
    /// The ledger differs from what the article renders to now.
    Stale,
    /// The article has no ledger.
    Missing,
    /// The ledger's article is gone (or no longer among the articles).
    Orphaned,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::Stale => "stale",
            Status::Missing => "missing",
            Status::Orphaned => "orphaned",
        }
    }
}

/// Whether a stored ledger matches a fresh rendering. Line endings don't
/// count: a checkout that turned `\n` into `\r\n` is still current.
pub fn is_current(stored: &str, fresh: &str) -> bool {
    stored == fresh || (stored.contains('\r') && stored.replace("\r\n", "\n") == fresh)
}

/// The status of one article from its stored ledger (if any) and its
/// fresh rendering (if the article exists).
pub fn status(stored: Option<&str>, fresh: Option<&str>) -> Status {
    match (stored, fresh) {
        (Some(s), Some(f)) if is_current(s, f) => Status::Current,
        (Some(_), Some(_)) => Status::Stale,
        (None, _) => Status::Missing,
        (Some(_), None) => Status::Orphaned,
    }
}

// ---------------------------------------------------------------------------
// Diffs

/// A unified diff of two ledgers (three lines of context), with `---` and
/// `+++` headers naming them. Empty when they are equal.
pub fn unified_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    let old = old.replace("\r\n", "\n");
    if old == new {
        return String::new();
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_lines(old.as_str(), new);
    let mut out = diff
        .unified_diff()
        .context_radius(3)
        .header(old_name, new_name)
        .to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------
// Reading a ledger back

/// Which list of a ledger an entry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Item {
    Quote,
    Claim,
    Diagnostic,
    /// The ledger's header (the rule-set version).
    Header,
}

impl Item {
    pub fn as_str(self) -> &'static str {
        match self {
            Item::Quote => "quote",
            Item::Claim => "claim",
            Item::Diagnostic => "diagnostic",
            Item::Header => "header",
        }
    }
}

/// One quote or claim as a ledger records it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// 1-based line and column of the quote in the article.
    pub line: u32,
    pub column: u32,
    /// 0 for a top-level quote, 1 for a quote inside it, …
    pub depth: u32,
    /// `full`, `fragment`, `scare`, … (or a claim's kind).
    pub kind: String,
    /// The text as the ledger shows it (long ones are cut).
    pub text: String,
    /// `opening mark missing`, `continues`, `unclosed`, …
    pub flags: Vec<String>,
    /// The speaker (or source) mention as written, if attributed.
    pub mention: Option<String>,
    /// The speaker it resolves to, without the ledger's `S1` numbering.
    pub resolved: Option<String>,
    pub cue: Option<String>,
    pub method: Option<String>,
    pub confidence: Option<String>,
}

impl Entry {
    /// Who the entry is attributed to, for comparison and display: the
    /// resolved speaker, else the mention as written.
    pub fn speaker(&self) -> Option<String> {
        match (&self.resolved, &self.mention) {
            (Some(r), _) => Some(r.clone()),
            (None, Some(m)) => Some(format!("“{m}” (unresolved)")),
            (None, None) => None,
        }
    }

    fn speaker_key(&self) -> Option<String> {
        self.speaker().map(|s| s.to_lowercase())
    }
}

/// What [`compare`] reads from a ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The `article:` header.
    pub article: Option<String>,
    /// The `rules:` header.
    pub rules: Option<String>,
    pub quotes: Vec<Entry>,
    pub claims: Vec<Entry>,
    /// Diagnostics as `severity[rule] message`, without their position.
    pub diagnostics: Vec<String>,
}

/// Reads a rendered ledger back. Tolerant: lines it does not understand
/// are skipped, so an older or hand-edited ledger still compares.
pub fn parse(ledger: &str) -> Parsed {
    #[derive(PartialEq)]
    enum Sec {
        Head,
        Quotes,
        Claims,
        Diagnostics,
        Other,
    }
    let mut out = Parsed::default();
    let mut sec = Sec::Head;
    // The entry being read and the indentation of its first line.
    let mut current: Option<(Item, usize)> = None;
    for raw in ledger.lines() {
        let line = raw.trim_end_matches('\r');
        if let Some(title) = line.strip_prefix("## ") {
            current = None;
            sec = match title.trim().to_ascii_lowercase().as_str() {
                "quotes" => Sec::Quotes,
                "claims" => Sec::Claims,
                "diagnostics" => Sec::Diagnostics,
                _ => Sec::Other,
            };
            continue;
        }
        if sec == Sec::Head {
            if let Some(v) = line.strip_prefix("article: ") {
                out.article = Some(v.to_string());
            } else if let Some(v) = line.strip_prefix("rules: ") {
                out.rules = Some(v.to_string());
            }
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let body = line.trim_start();
        match sec {
            Sec::Quotes | Sec::Claims => {
                let item = if sec == Sec::Quotes {
                    Item::Quote
                } else {
                    Item::Claim
                };
                if let Some(entry) = parse_entry_line(body, indent) {
                    let list = if item == Item::Quote {
                        &mut out.quotes
                    } else {
                        &mut out.claims
                    };
                    list.push(entry);
                    current = Some((item, indent));
                } else if let Some((item, at)) = current
                    && indent > at
                {
                    let list = if item == Item::Quote {
                        &mut out.quotes
                    } else {
                        &mut out.claims
                    };
                    if let Some(e) = list.last_mut() {
                        parse_fields(body, e);
                    }
                }
            }
            Sec::Diagnostics if indent == 0 => {
                if let Some((_, _, rest)) = split_position(body) {
                    out.diagnostics.push(rest.to_string());
                }
            }
            _ => {}
        }
    }
    out
}

/// `12:5 rest` → (12, 5, "rest").
fn split_position(s: &str) -> Option<(u32, u32, &str)> {
    let (pos, rest) = s.split_once(' ')?;
    let (l, c) = pos.split_once(':')?;
    Some((l.parse().ok()?, c.parse().ok()?, rest))
}

/// The first line of an entry: `12:5 full “text” [flags] · key: value …`.
fn parse_entry_line(body: &str, indent: usize) -> Option<Entry> {
    let (line, column, rest) = split_position(body)?;
    let mut e = Entry {
        line,
        column,
        depth: (indent / 2) as u32,
        ..Entry::default()
    };
    let (open, close) = (rest.find('“'), rest.rfind('”'));
    let after = match (open, close) {
        (Some(o), Some(c)) if c > o => {
            e.kind = rest[..o].trim().to_string();
            e.text = rest[o + '“'.len_utf8()..c].to_string();
            &rest[c + '”'.len_utf8()..]
        }
        _ => {
            // No quoted text: the first word is the kind, the rest the text.
            let (kind, text) = rest.split_once(' ').unwrap_or((rest, ""));
            e.kind = kind.to_string();
            let text = text.split(" · ").next().unwrap_or("");
            e.text = text.trim().to_string();
            rest.get(kind.len() + 1 + text.len()..).unwrap_or("")
        }
    };
    let mut after = after.trim();
    if let Some(inner) = after.strip_prefix('[')
        && let Some(end) = inner.find(']')
    {
        e.flags = inner[..end]
            .split(',')
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .collect();
        after = inner[end + 1..].trim();
    }
    parse_fields(after.trim_start_matches('·').trim(), &mut e);
    Some(e)
}

/// `speaker: X → S1 Y (how) · cue: said · same-sentence · high`.
fn parse_fields(s: &str, e: &mut Entry) {
    let mut bare = Vec::new();
    for field in s.split(" · ").map(str::trim).filter(|f| !f.is_empty()) {
        match field.split_once(": ") {
            Some((key, value)) if is_key(key) => {
                let value = value.trim();
                match key.to_ascii_lowercase().as_str() {
                    "speaker" | "source" => parse_speaker(value, e),
                    "cue" => e.cue = (value != "-").then(|| value.to_string()),
                    "method" => e.method = Some(value.to_string()),
                    "confidence" => e.confidence = Some(value.to_string()),
                    _ => {}
                }
            }
            _ => bare.push(field),
        }
    }
    // The report writes method and confidence without keys, in that order.
    for f in bare {
        if matches!(f, "high" | "medium" | "low") {
            e.confidence = Some(f.to_string());
        } else if e.method.is_none() && !f.contains(' ') {
            e.method = Some(f.to_string());
        }
    }
}

fn is_key(k: &str) -> bool {
    !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '_')
}

fn parse_speaker(value: &str, e: &mut Entry) {
    if value.is_empty() || value == "none" || value == "-" {
        e.mention = None;
        e.resolved = None;
        return;
    }
    let (mention, resolved) = match value.split_once(" → ") {
        Some((m, r)) => (m.trim(), Some(r.trim())),
        None => (value, None),
    };
    e.mention = Some(mention.to_string());
    e.resolved = resolved.and_then(resolved_name);
    if resolved.is_none() {
        e.resolved = Some(mention.to_string());
    }
}

/// `S3 Ilse Brandt (short-name)` → `Ilse Brandt`;
/// `S1 the Ministry (via S2 the statement) (as-written)` → `the Ministry`;
/// `?` → none.
fn resolved_name(r: &str) -> Option<String> {
    let mut s = r.trim();
    if s.is_empty() || s == "?" {
        return None;
    }
    // The trailing `(how)`: one lowercase word with hyphens.
    if let Some(open) = s.rfind(" (") {
        let tail = &s[open + 2..];
        if let Some(word) = tail.strip_suffix(')')
            && !word.is_empty()
            && word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        {
            s = &s[..open];
        }
    }
    if let Some(via) = s.find(" (via S") {
        s = &s[..via];
    }
    if let Some(rest) = s.strip_prefix('S') {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(' ') {
            s = &rest[digits + 1..];
        }
    }
    let s = s.trim();
    (!s.is_empty() && s != "?").then(|| s.to_string())
}

// ---------------------------------------------------------------------------
// Attribution changes

/// What changed about one quote, claim or diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    Added,
    Removed,
    /// The words changed (the quote is still there).
    TextChanged,
    /// Attributed to somebody else.
    SpeakerChanged,
    /// Was attributed, is not any more.
    SourceLost,
    /// Was not attributed, is now.
    SourceGained,
    /// `full` became `fragment`, a quote became a scare quote, …
    KindChanged,
    /// A flag such as `opening mark missing` appeared or went.
    FlagsChanged,
    /// The rule-set version in the header changed.
    RulesChanged,
}

/// One change between two ledgers of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub item: Item,
    pub change: ChangeKind,
    /// A one-line description for people: `quote “…”: speaker was X, now Y`.
    pub message: String,
    /// The text (of the new entry if there is one, else the old).
    pub text: String,
    pub old_text: Option<String>,
    pub new_text: Option<String>,
    pub old_speaker: Option<String>,
    pub new_speaker: Option<String>,
    /// The entries as the old and the new ledger record them.
    pub old: Option<Entry>,
    pub new: Option<Entry>,
}

/// A claim's content keeps its quotation marks (`““We will…”` for a
/// direct claim); what a claim says does not depend on them.
fn without_marks(text: &str) -> String {
    let t: String = text.chars().filter(|c| !matches!(c, '“' | '”')).collect();
    t.trim().trim_end_matches('…').trim_end().to_string()
}

fn short(text: &str) -> String {
    let text = text.strip_prefix('“').unwrap_or(text);
    let text = text.strip_suffix('”').unwrap_or(text);
    format!(
        "“{}”",
        report::preview(text.trim_end_matches('…'), SUMMARY_PREVIEW_CHARS)
    )
}

fn change(
    item: Item,
    kind: ChangeKind,
    message: String,
    old: Option<&Entry>,
    new: Option<&Entry>,
) -> Change {
    Change {
        item,
        change: kind,
        message,
        text: new.or(old).map(|e| e.text.clone()).unwrap_or_default(),
        old_text: old.map(|e| e.text.clone()),
        new_text: new.map(|e| e.text.clone()),
        old_speaker: old.and_then(Entry::speaker),
        new_speaker: new.and_then(Entry::speaker),
        old: old.cloned(),
        new: new.cloned(),
    }
}

/// The attribution changes from ledger `old` to ledger `new`, in the
/// order of the new ledger (removals where they were). Top-level quotes
/// and claims are matched by their text — unchanged texts first, then
/// similar texts in the same place — so moving a paragraph or renumbering
/// speakers is not a change, and an edited quote is "text changed", not
/// "removed" and "added".
pub fn compare(old: &str, new: &str) -> Vec<Change> {
    let (old, new) = (parse(old), parse(new));
    let mut out = Vec::new();
    if let (Some(a), Some(b)) = (&old.rules, &new.rules)
        && a != b
    {
        out.push(change(
            Item::Header,
            ChangeKind::RulesChanged,
            format!("rules were {a}, now {b}"),
            None,
            None,
        ));
    }
    compare_entries(Item::Quote, &old.quotes, &new.quotes, &mut out);
    let quote_changes = out.len();
    compare_entries(Item::Claim, &old.claims, &new.claims, &mut out);
    // A direct claim is its quote again: a change to the claim that repeats
    // a change to the quote (same kind, same words) is reported once, as
    // the quote's.
    let seen: Vec<(ChangeKind, String)> = out[..quote_changes]
        .iter()
        .map(|c| (c.change, without_marks(&c.text)))
        .collect();
    let mut i = 0;
    out.retain(|c| {
        i += 1;
        if i <= quote_changes {
            return true;
        }
        let t = without_marks(&c.text);
        !seen.iter().any(|(k, q)| {
            *k == c.change
                && !q.is_empty()
                && !t.is_empty()
                && (t.starts_with(q.as_str()) || q.starts_with(&t))
        })
    });
    compare_diagnostics(&old.diagnostics, &new.diagnostics, &mut out);
    out
}

fn compare_entries(item: Item, old: &[Entry], new: &[Entry], out: &mut Vec<Change>) {
    let old: Vec<&Entry> = old.iter().filter(|e| e.depth == 0).collect();
    let new: Vec<&Entry> = new.iter().filter(|e| e.depth == 0).collect();
    // Claims are matched by their words; quotes by their text as shown.
    let key = |e: &Entry| {
        if item == Item::Claim {
            without_marks(&e.text)
        } else {
            e.text.clone()
        }
    };
    let old_keys: Vec<String> = old.iter().map(|e| key(e)).collect();
    let new_keys: Vec<String> = new.iter().map(|e| key(e)).collect();
    let ops = similar::capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys);
    // For each new entry, the old one it continues (if any).
    let mut pair_of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut unmatched_old: Vec<usize> = Vec::new();
    let mut regions: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for op in &ops {
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    pair_of_new[new_index + k] = Some(old_index + k);
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => regions.push(((old_index..old_index + old_len).collect(), vec![])),
            DiffOp::Insert {
                new_index, new_len, ..
            } => regions.push((vec![], (new_index..new_index + new_len).collect())),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => regions.push((
                (old_index..old_index + old_len).collect(),
                (new_index..new_index + new_len).collect(),
            )),
        }
    }
    // A quote that moved keeps its text: match the same text anywhere.
    let mut free_old: BTreeSet<usize> = regions.iter().flat_map(|r| r.0.iter().copied()).collect();
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &free_old {
        by_text.entry(old_keys[i].as_str()).or_default().push(i);
    }
    for (_, news) in &regions {
        for &j in news {
            if let Some(list) = by_text.get_mut(new_keys[j].as_str())
                && !list.is_empty()
            {
                let i = list.remove(0);
                free_old.remove(&i);
                pair_of_new[j] = Some(i);
            }
        }
    }
    // An edited quote: the most similar old text in the same region.
    for (olds, news) in &regions {
        for &j in news {
            if pair_of_new[j].is_some() {
                continue;
            }
            let best = olds
                .iter()
                .filter(|i| free_old.contains(i))
                .map(|&i| (i, similarity(&old_keys[i], &new_keys[j])))
                .filter(|&(_, s)| s >= 0.5)
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            if let Some((i, _)) = best {
                free_old.remove(&i);
                pair_of_new[j] = Some(i);
            }
        }
    }
    unmatched_old.extend(free_old);
    // Report in document order: walk the new list, slipping removals in
    // before the first new entry that follows them in the old order.
    let mut removed = unmatched_old.into_iter().peekable();
    for (j, n) in new.iter().enumerate() {
        if let Some(i) = pair_of_new[j] {
            while let Some(&r) = removed.peek() {
                if r > i {
                    break;
                }
                removed.next();
                out.push(removal(item, old[r]));
            }
            pair_changes(item, old[i], n, out);
        } else {
            let who = n
                .speaker()
                .map_or(String::new(), |s| format!(" (speaker: {s})"));
            let what = if item == Item::Claim {
                "source"
            } else {
                "speaker"
            };
            let who = who.replace("speaker", what);
            out.push(change(
                item,
                ChangeKind::Added,
                format!("{} {} added{who}", item.as_str(), short(&n.text)),
                None,
                Some(n),
            ));
        }
    }
    for r in removed {
        out.push(removal(item, old[r]));
    }
}

fn removal(item: Item, o: &Entry) -> Change {
    let who = o.speaker().map_or(String::new(), |s| format!(" (was {s})"));
    change(
        item,
        ChangeKind::Removed,
        format!("{} {} removed{who}", item.as_str(), short(&o.text)),
        Some(o),
        None,
    )
}

fn pair_changes(item: Item, o: &Entry, n: &Entry, out: &mut Vec<Change>) {
    let name = item.as_str();
    let label = short(&n.text);
    let same_words = if item == Item::Claim {
        without_marks(&o.text) == without_marks(&n.text)
    } else {
        o.text == n.text
    };
    if !same_words {
        out.push(change(
            item,
            ChangeKind::TextChanged,
            format!("{name} text changed: {} → {label}", short(&o.text)),
            Some(o),
            Some(n),
        ));
    }
    let source = if item == Item::Claim {
        "source"
    } else {
        "speaker"
    };
    match (o.speaker_key(), n.speaker_key()) {
        (Some(a), Some(b)) if a != b => out.push(change(
            item,
            ChangeKind::SpeakerChanged,
            format!(
                "{name} {label}: {source} was {}, now {}",
                o.speaker().unwrap_or_default(),
                n.speaker().unwrap_or_default()
            ),
            Some(o),
            Some(n),
        )),
        (Some(_), None) => out.push(change(
            item,
            ChangeKind::SourceLost,
            format!(
                "{name} {label} lost its {source} (was {})",
                o.speaker().unwrap_or_default()
            ),
            Some(o),
            Some(n),
        )),
        (None, Some(_)) => out.push(change(
            item,
            ChangeKind::SourceGained,
            format!(
                "{name} {label}: {source} was none, now {}",
                n.speaker().unwrap_or_default()
            ),
            Some(o),
            Some(n),
        )),
        _ => {}
    }
    if o.kind != n.kind {
        out.push(change(
            item,
            ChangeKind::KindChanged,
            format!("{name} {label}: kind was {}, now {}", o.kind, n.kind),
            Some(o),
            Some(n),
        ));
    }
    let gained: Vec<&str> = n
        .flags
        .iter()
        .filter(|f| !o.flags.contains(f))
        .map(String::as_str)
        .collect();
    let lost: Vec<&str> = o
        .flags
        .iter()
        .filter(|f| !n.flags.contains(f))
        .map(String::as_str)
        .collect();
    if !gained.is_empty() || !lost.is_empty() {
        let mut parts = Vec::new();
        if !gained.is_empty() {
            parts.push(gained.join(", "));
        }
        if !lost.is_empty() {
            parts.push(format!("no longer {}", lost.join(", ")));
        }
        out.push(change(
            item,
            ChangeKind::FlagsChanged,
            format!("{name} {label}: {}", parts.join("; ")),
            Some(o),
            Some(n),
        ));
    }
}

fn compare_diagnostics(old: &[String], new: &[String], out: &mut Vec<Change>) {
    let mut pool: HashMap<&str, usize> = HashMap::new();
    for d in old {
        *pool.entry(d.as_str()).or_default() += 1;
    }
    let mut added = Vec::new();
    for d in new {
        match pool.get_mut(d.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => added.push(d),
        }
    }
    for d in old {
        if let Some(n) = pool.get_mut(d.as_str())
            && *n > 0
        {
            *n -= 1;
            out.push(diagnostic(ChangeKind::Removed, d));
        }
    }
    for d in added {
        out.push(diagnostic(ChangeKind::Added, d));
    }
}

fn diagnostic(kind: ChangeKind, d: &str) -> Change {
    let verb = if kind == ChangeKind::Added {
        "added"
    } else {
        "removed"
    };
    let entry = Entry {
        kind: "diagnostic".into(),
        text: d.to_string(),
        ..Entry::default()
    };
    let (old, new) = if kind == ChangeKind::Added {
        (None, Some(&entry))
    } else {
        (Some(&entry), None)
    };
    change(
        Item::Diagnostic,
        kind,
        format!("diagnostic {verb}: {d}"),
        old,
        new,
    )
}

/// Similarity of two texts in 0..=1 (by characters).
fn similarity(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(std::time::Duration::from_millis(50))
        .diff_chars(a, b)
        .ratio()
}

// ---------------------------------------------------------------------------
// Tests

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "# quotecheck attribution report
article: articles/x.md
rules: quotecheck 0.1.0 (en)

## Summary
quotes: 3 (3 attributed, 0 unattributed) · scare quotes and titles: 0 · speakers: 2 · diagnostics: 0

## Speakers
S1 Ray Ortiz (person) · mentions: Ortiz
S2 Marjorie Kaye (person) · mentions: Kaye

## Quotes
3:1 full “We have asked nicely for a year,”
    speaker: Ortiz → S1 Ray Ortiz (short-name) · cue: said · same-sentence · high
5:1 full “The plume is moving toward the lake,”
    speaker: Kaye → S2 Marjorie Kaye (short-name) · cue: said · same-sentence · high
7:10 full “He said ‘no’ to us,” [continues]
  7:15 full “no”
    speaker: the statement → S1 the Ministry (via S2 the statement) (as-written) · cue: read · same-sentence · high

## Diagnostics
(none)
";

    #[test]
    fn ledger_paths_mirror_the_article_path() {
        let dir = Path::new("snapshots");
        let p = ledger_path(dir, "articles/2025/russia-iran.md");
        assert_eq!(
            p,
            Path::new("snapshots/articles/2025/russia-iran.md.quotes")
        );
        assert_eq!(
            article_of_ledger(dir, &p).as_deref(),
            Some("articles/2025/russia-iran.md")
        );
        assert_eq!(article_of_ledger(dir, Path::new("snapshots/x.md")), None);
        assert_eq!(article_of_ledger(dir, Path::new("other/x.md.quotes")), None);
    }

    #[test]
    fn relative_paths_use_forward_slashes_and_stay_inside_the_root() {
        let cwd = Path::new("/work/news");
        assert_eq!(
            relative_article_path(cwd, Path::new("."), Path::new("./a/b/../c.md")).unwrap(),
            "a/c.md"
        );
        assert_eq!(
            relative_article_path(cwd, Path::new("/work"), Path::new("a.md")).unwrap(),
            "news/a.md"
        );
        assert_eq!(
            relative_article_path(cwd, Path::new("."), Path::new(".")).unwrap(),
            ""
        );
        let e =
            relative_article_path(cwd, Path::new("."), Path::new("../elsewhere.md")).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Usage);
    }

    #[test]
    fn parse_reads_quotes_speakers_and_flags() {
        let p = parse(OLD);
        assert_eq!(p.article.as_deref(), Some("articles/x.md"));
        assert_eq!(p.quotes.len(), 4);
        assert_eq!(p.quotes[0].text, "We have asked nicely for a year,");
        assert_eq!(p.quotes[0].resolved.as_deref(), Some("Ray Ortiz"));
        assert_eq!(p.quotes[0].mention.as_deref(), Some("Ortiz"));
        assert_eq!(p.quotes[0].cue.as_deref(), Some("said"));
        assert_eq!(p.quotes[0].method.as_deref(), Some("same-sentence"));
        assert_eq!(p.quotes[0].confidence.as_deref(), Some("high"));
        assert_eq!(p.quotes[2].flags, vec!["continues".to_string()]);
        assert_eq!(p.quotes[2].text, "He said ‘no’ to us,");
        assert_eq!(p.quotes[3].depth, 1);
        assert_eq!(p.quotes[3].resolved.as_deref(), Some("the Ministry"));
        assert!(p.diagnostics.is_empty());
    }

    #[test]
    fn resolved_names_lose_numbering_and_method() {
        assert_eq!(
            resolved_name("S12 Ilse Brandt (short-name)").as_deref(),
            Some("Ilse Brandt")
        );
        assert_eq!(
            resolved_name("S1 Party (US) (as-written)").as_deref(),
            Some("Party (US)")
        );
        assert_eq!(resolved_name("?"), None);
        assert_eq!(resolved_name("Sam Smith").as_deref(), Some("Sam Smith"));
    }

    #[test]
    fn an_unchanged_ledger_has_no_changes() {
        assert!(compare(OLD, OLD).is_empty());
        assert!(unified_diff(OLD, OLD, "a", "b").is_empty());
    }

    #[test]
    fn speaker_renumbering_is_not_a_change() {
        let new = OLD.replace("S1 Ray Ortiz", "S3 Ray Ortiz");
        assert!(compare(OLD, &new).is_empty());
    }

    #[test]
    fn a_new_speaker_is_named() {
        let new = OLD.replace(
            "Ortiz → S1 Ray Ortiz (short-name)",
            "Kaye → S2 Marjorie Kaye (short-name)",
        );
        let c = compare(OLD, &new);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].change, ChangeKind::SpeakerChanged);
        assert_eq!(c[0].old_speaker.as_deref(), Some("Ray Ortiz"));
        assert_eq!(c[0].new_speaker.as_deref(), Some("Marjorie Kaye"));
        assert_eq!(
            c[0].message,
            "quote “We have asked nicely for a year,”: speaker was Ray Ortiz, now Marjorie Kaye"
        );
    }

    #[test]
    fn edited_words_are_a_text_change_not_a_removal() {
        let new = OLD.replace("moving toward the lake", "moving slowly toward the lake");
        let c = compare(OLD, &new);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].change, ChangeKind::TextChanged);
        assert_eq!(
            c[0].old_text.as_deref(),
            Some("The plume is moving toward the lake,")
        );
        assert_eq!(
            c[0].new_text.as_deref(),
            Some("The plume is moving slowly toward the lake,")
        );
    }

    #[test]
    fn added_removed_and_moved_quotes() {
        let added = OLD.replace(
            "5:1 full",
            "4:1 full “Filters are a bandage,”\n    speaker: Ortiz → S1 Ray Ortiz (short-name) · cue: said · same-sentence · high\n5:1 full",
        );
        let c = compare(OLD, &added);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].change, ChangeKind::Added);
        assert_eq!(
            c[0].message,
            "quote “Filters are a bandage,” added (speaker: Ray Ortiz)"
        );
        let c = compare(&added, OLD);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].change, ChangeKind::Removed);
        assert_eq!(c[0].old_speaker.as_deref(), Some("Ray Ortiz"));
        // Swapping two quotes' places is no attribution change.
        let p = parse(OLD);
        assert_eq!(p.quotes.len(), 4);
        let lines: Vec<&str> = OLD.lines().collect();
        let mut swapped: Vec<&str> = lines[..12].to_vec();
        swapped.extend_from_slice(&lines[14..16]);
        swapped.extend_from_slice(&lines[12..14]);
        swapped.extend_from_slice(&lines[16..]);
        let swapped = swapped.join("\n") + "\n";
        assert!(
            compare(OLD, &swapped).is_empty(),
            "{:?}",
            compare(OLD, &swapped)
        );
    }

    #[test]
    fn lost_sources_flags_kinds_and_diagnostics() {
        let new = OLD
            .replace(
                "    speaker: Kaye → S2 Marjorie Kaye (short-name) · cue: said · same-sentence · high",
                "    speaker: none",
            )
            .replace("3:1 full “We have asked nicely for a year,”", "3:1 full “We have asked nicely for a year,” [opening mark missing]")
            .replace("7:10 full", "7:10 fragment")
            .replace(
                "## Diagnostics\n(none)",
                "## Diagnostics\n3:33 error[unopened-quote] closing ” has no opening “\n    3:1 the opening “ probably belongs here",
            );
        let kinds: Vec<ChangeKind> = compare(OLD, &new).iter().map(|c| c.change).collect();
        assert_eq!(
            kinds,
            vec![
                ChangeKind::FlagsChanged,
                ChangeKind::SourceLost,
                ChangeKind::KindChanged,
                ChangeKind::Added
            ]
        );
        let c = compare(OLD, &new);
        assert_eq!(
            c[0].message,
            "quote “We have asked nicely for a year,”: opening mark missing"
        );
        assert_eq!(
            c[1].message,
            "quote “The plume is moving toward the lake,” lost its speaker (was Marjorie Kaye)"
        );
        assert_eq!(
            c[3].message,
            "diagnostic added: error[unopened-quote] closing ” has no opening “"
        );
        assert_eq!(c[3].item, Item::Diagnostic);
    }

    #[test]
    fn claims_are_compared_by_source() {
        let old = "## Claims\n5:1 indirect “Russia and Iran will sign a treaty”\n    source: the Kremlin → S1 the Kremlin (as-written) · cue: said\n";
        let new =
            "## Claims\n5:1 indirect “Russia and Iran will sign a treaty”\n    source: none\n";
        let c = compare(old, new);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].item, Item::Claim);
        assert_eq!(c[0].change, ChangeKind::SourceLost);
        assert_eq!(
            c[0].message,
            "claim “Russia and Iran will sign a treaty” lost its source (was the Kremlin)"
        );
        // A one-line claim format with the source on the entry's line.
        let old = "## Claims\n5:1 indirect “They will sign” · source: the Kremlin · cue: said\n";
        let new = "## Claims\n5:1 indirect “They will sign” · source: Reuters · cue: said\n";
        let c = compare(old, new);
        assert_eq!(
            c[0].message,
            "claim “They will sign”: source was the Kremlin, now Reuters"
        );
    }

    #[test]
    fn a_direct_claim_repeating_its_quote_is_reported_once() {
        let with_claims = |ledger: &str, claims: &str| {
            ledger.replace(
                "## Diagnostics",
                &format!("## Claims\n{claims}\n## Diagnostics"),
            )
        };
        let old = with_claims(
            OLD,
            "3:1 direct ““We have asked nicely for a year,””\n    source: Ortiz → S1 Ray Ortiz · cue: said\n\
             4:1 indirect “the town would sue”\n    source: Ortiz → S1 Ray Ortiz · cue: said\n",
        );
        // The quote and its claim move to Kaye: one change, the quote's.
        let new = old.replace("Ortiz → S1 Ray Ortiz", "Kaye → S2 Marjorie Kaye");
        let c = compare(&old, &new);
        let messages: Vec<&str> = c.iter().map(|c| c.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "quote “We have asked nicely for a year,”: speaker was Ray Ortiz, now Marjorie Kaye",
                "claim “the town would sue”: source was Ray Ortiz, now Marjorie Kaye",
            ]
        );
        // A lost opening mark changes the claim's marks, not its words.
        let new = old
            .replace(
                "3:1 full “We have asked nicely for a year,”",
                "3:1 full “We have asked nicely for a year,” [opening mark missing]",
            )
            .replace("3:1 direct ““We have asked", "3:1 direct “We have asked");
        let messages: Vec<String> = compare(&old, &new).into_iter().map(|c| c.message).collect();
        assert_eq!(
            messages,
            ["quote “We have asked nicely for a year,”: opening mark missing"]
        );
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in [
            "",
            "## Quotes\n1:1\n",
            "## Quotes\n1:1 x “\n",
            "## Quotes\n1:1 ” “\n    speaker: → \n",
            "## Quotes\n  \n9:9 [\n",
        ] {
            let _ = compare(s, OLD);
            let _ = compare(OLD, s);
        }
    }

    #[test]
    fn line_endings_do_not_make_a_ledger_stale() {
        let crlf = OLD.replace('\n', "\r\n");
        assert_eq!(status(Some(&crlf), Some(OLD)), Status::Current);
        assert_eq!(
            status(Some(OLD), Some(&OLD.replace("Ortiz", "Ortis"))),
            Status::Stale
        );
        assert_eq!(status(None, Some(OLD)), Status::Missing);
        assert_eq!(status(Some(OLD), None), Status::Orphaned);
    }

    #[test]
    fn atomic_writes_replace_and_clean_up() {
        let tmp = std::env::temp_dir().join(format!("quotecheck-ledger-{}", std::process::id()));
        let dir = tmp.join("snapshots");
        let p = ledger_path(&dir, "a/b.md");
        write_atomic(&p, "one\n").unwrap();
        write_atomic(&p, "two\n").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "two\n");
        assert_eq!(find_ledgers(&dir).unwrap(), vec![p.clone()]);
        assert_eq!(
            fs::read_dir(p.parent().unwrap()).unwrap().count(),
            1,
            "no temporary files left"
        );
        remove(&dir, &p).unwrap();
        assert!(!dir.join("a").exists(), "emptied directories are removed");
        assert!(dir.exists());
        fs::remove_dir_all(&tmp).unwrap();
    }
}
