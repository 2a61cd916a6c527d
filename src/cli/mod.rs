//! Command-line parsing, input reading and output. Exit codes: 0 clean,
//! 1 findings at or above the fail level, 2 usage, config or I/O error.

mod check;
mod input;
mod jsonl;
mod output;
mod pipeline;
mod snapshot;

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, Parser, Subcommand, ValueEnum};
use quotecheck::config::{ConfigFile, Discovery, Overrides, QuoteStyle, Source as ConfigSource};
use quotecheck::diagnostic::Severity;
use quotecheck::engine::{Engine, Settings};
use quotecheck::error::{Error, ErrorKind};
use quotecheck::frontend;
use quotecheck::lang::LangRules;
use quotecheck::lints::{self, RuleSelection};
use rayon::prelude::*;

use input::Source;

#[derive(Parser, Debug)]
#[command(
    name = "quotecheck",
    version,
    about = "Find, pair and attribute quotations in news copy, and lint the quotation marks."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Lint articles (the default command).
    Check(CheckArgs),
    /// Extract quotes, speakers and cues.
    Extract(ExtractArgs),
    /// List the lint rules.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// The rule name, e.g. unopened-quote.
        rule: String,
    },
    /// Show the effective settings for a path.
    Config(ConfigArgs),
    /// Write or check the attribution ledgers (who said what, per article).
    Snapshot(snapshot::SnapshotArgs),
}

#[derive(Args, Debug, Clone)]
struct Common {
    /// Files or directories; `-` reads standard input.
    paths: Vec<PathBuf>,
    /// The name to report for standard input (its extension picks the input format).
    #[arg(long)]
    stdin_filename: Option<String>,
    /// Language of the copy [default: en, or the config's `lang`].
    #[arg(long)]
    lang: Option<String>,
}

/// Where settings come from and which files are read.
#[derive(Args, Debug, Clone)]
struct ConfigOpts {
    /// Use this config file for every input instead of the nearest `quotecheck.toml`.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore config files: built-in defaults and command-line flags only.
    #[arg(long)]
    isolated: bool,
    /// Read every input as this format instead of choosing by extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<FormatArg>,
    /// Skip files and directories matching these gitignore-style patterns
    /// (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "PATTERN")]
    exclude: Vec<String>,
    /// Apply excludes to files named on the command line too.
    #[arg(long)]
    force_exclude: bool,
}

#[derive(Args, Debug)]
struct CheckArgs {
    #[command(flatten)]
    common: Common,
    #[command(flatten)]
    config: ConfigOpts,
    #[arg(long, value_enum, default_value_t = CheckFormat::Full)]
    format: CheckFormat,
    /// Only these rules (comma-separated; ALL for every rule).
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// These rules as well as the selected ones.
    #[arg(long, value_delimiter = ',')]
    extend_select: Vec<String>,
    /// Never these rules.
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// The lowest severity that makes the exit code 1 [default: warning, or the config's].
    #[arg(long, value_enum)]
    fail_level: Option<Level>,
    /// The house quotation-mark style [default: any, or the config's].
    #[arg(long, value_enum)]
    quote_style: Option<StyleArg>,
    /// Apply safe fixes to the files (standard input: print the fixed text).
    #[arg(long)]
    fix: bool,
    /// Print the safe fixes as a unified diff instead of writing them.
    #[arg(long)]
    diff: bool,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Print how many diagnostics each rule found instead of the diagnostics.
    #[arg(long)]
    statistics: bool,
    /// Check this many files at once [default: one per core].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

impl CheckArgs {
    fn overrides(&self) -> Overrides {
        Overrides {
            lang: self.common.lang.clone(),
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            extend_select: self.extend_select.clone(),
            fail_level: self.fail_level.map(Into::into),
            quote_style: self.quote_style.map(Into::into),
            exclude: self.config.exclude.clone(),
        }
    }
}

#[derive(Args, Debug)]
struct ExtractArgs {
    #[command(flatten)]
    common: Common,
    #[command(flatten)]
    config: ConfigOpts,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    format: ExtractFormat,
    /// Read JSON lines `{"id","text"}` on stdin, write one result line each.
    #[arg(long)]
    jsonl: bool,
    /// Also list scare quotes and titles of works.
    #[arg(long)]
    all_quotes: bool,
    /// Read this many files, or analyse this many `--jsonl` records, at once [default: one per core].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Args, Debug)]
struct ConfigArgs {
    /// Print the effective settings (the default action).
    #[arg(long)]
    show: bool,
    /// The file or directory whose settings to show [default: .].
    path: Option<PathBuf>,
    /// Use this config file instead of the nearest `quotecheck.toml`.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore config files.
    #[arg(long)]
    isolated: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum CheckFormat {
    Full,
    Concise,
    Json,
    Sarif,
    Github,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExtractFormat {
    Json,
    Report,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FormatArg {
    Text,
    Markdown,
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum StyleArg {
    Any,
    Curly,
    Straight,
}

impl From<StyleArg> for QuoteStyle {
    fn from(s: StyleArg) -> QuoteStyle {
        match s {
            StyleArg::Any => QuoteStyle::Any,
            StyleArg::Curly => QuoteStyle::Curly,
            StyleArg::Straight => QuoteStyle::Straight,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Info,
    Warning,
    Error,
}

impl From<Level> for Severity {
    fn from(l: Level) -> Severity {
        match l {
            Level::Info => Severity::Info,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        }
    }
}

const SUBCOMMANDS: &[&str] = &[
    "check", "extract", "rules", "explain", "config", "snapshot", "help",
];

/// Runs the command line and returns the exit code.
pub fn run() -> i32 {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // `quotecheck FILE` means `quotecheck check FILE`.
    let first = args.get(1).and_then(|a| a.to_str()).map(str::to_owned);
    let insert = match first.as_deref() {
        None => true,
        Some(a) => !SUBCOMMANDS.contains(&a) && !matches!(a, "-h" | "--help" | "-V" | "--version"),
    };
    if insert {
        args.insert(1, "check".into());
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Check(a) => check::run(a),
        Command::Extract(a) => extract(a),
        Command::Snapshot(a) => snapshot::run(a),
        Command::Rules => {
            let mut s = String::new();
            let width = lints::RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
            for r in lints::RULES {
                s.push_str(&format!(
                    "{:<width$} {:<8} {}{}\n",
                    r.name,
                    r.default_severity.as_str(),
                    r.summary,
                    if r.default_enabled {
                        ""
                    } else {
                        " (off by default)"
                    }
                ));
            }
            write_stdout(&s).map(|_| 0)
        }
        Command::Explain { rule } => match lints::find_rule(&rule) {
            Some(r) => {
                write_stdout(&format!("# {}\n\n{}\n\n{}\n", r.name, r.summary, r.docs())).map(|_| 0)
            }
            None => Err(Error::new(
                ErrorKind::Usage,
                format!("unknown rule `{rule}` (see `quotecheck rules`)"),
            )),
        },
        Command::Config(a) => show_config(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("quotecheck: error: {e}");
            2
        }
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn write_stdout(s: &str) -> Result<(), Error> {
    write_stdout_open(s).map(|_| ())
}

/// [`write_stdout`], saying whether standard output is still open: `false`
/// once its reader has gone (a broken pipe, as in `quotecheck … | head`),
/// which is no error.
fn write_stdout_open(s: &str) -> Result<bool, Error> {
    let mut out = io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(Error::new(ErrorKind::Io, format!("writing output: {e}"))),
        Ok(()) => Ok(true),
    }
}

/// An engine from the built-in rules of `--lang` (no config files).
#[allow(dead_code)]
fn engine(common: &Common, selection: RuleSelection) -> Result<Engine, Error> {
    selection.validate()?;
    let lang = LangRules::builtin(common.lang.as_deref().unwrap_or("en"))?;
    Ok(Engine::new(lang, Settings { rules: selection }))
}

/// Where settings come from: `--config`, `--isolated` or discovery.
fn discovery(opts: &ConfigOpts, overrides: Overrides) -> Result<Discovery, Error> {
    config_source(opts.config.as_deref(), opts.isolated).and_then(|s| Discovery::new(s, overrides))
}

fn config_source(config: Option<&Path>, isolated: bool) -> Result<ConfigSource, Error> {
    Ok(match (config, isolated) {
        (Some(p), _) => ConfigSource::Fixed(Arc::new(ConfigFile::load(p)?)),
        (None, true) => ConfigSource::Isolated,
        (None, false) => ConfigSource::Discover,
    })
}

/// A thread pool of `threads` workers (all cores when `None`).
fn pool(threads: Option<usize>) -> Result<rayon::ThreadPool, Error> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        if n == 0 {
            return Err(Error::new(ErrorKind::Usage, "--threads must be at least 1"));
        }
        b = b.num_threads(n);
    }
    b.build()
        .map_err(|e| Error::new(ErrorKind::Io, format!("starting threads: {e}")))
}

fn show_config(a: ConfigArgs) -> Result<i32, Error> {
    let _ = a.show;
    let discovery = Discovery::new(
        config_source(a.config.as_deref(), a.isolated)?,
        Overrides::default(),
    )?;
    let path = a.path.unwrap_or_else(|| PathBuf::from("."));
    write_stdout(&check::show_config(&discovery, &path)?).map(|_| 0)
}

fn color_enabled() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
}

/// One file's extraction.
enum Extracted {
    Report(String),
    Json(serde_json::Value),
    Skipped(String, String),
    Failed(Error),
}

fn extract(a: ExtractArgs) -> Result<i32, Error> {
    let overrides = Overrides {
        lang: a.common.lang.clone(),
        exclude: a.config.exclude.clone(),
        ..Default::default()
    };
    let discovery = Arc::new(discovery(&a.config, overrides)?);
    if a.jsonl {
        let settings = discovery.for_path(Path::new("."))?;
        return extract_jsonl(&settings.1, a.all_quotes, a.threads);
    }
    let (inputs, walk_errors) = input::inputs(
        &a.common.paths,
        a.common.stdin_filename.as_deref(),
        &discovery,
        a.config.force_exclude,
        a.config.input_format.map(Into::into),
    )?;
    let mut had_error = !walk_errors.is_empty();
    for e in walk_errors {
        eprintln!("quotecheck: error: {e}");
    }
    let mut jobs = Vec::new();
    for i in inputs {
        let settings =
            discovery.for_file(i.path.as_deref().unwrap_or(Path::new(i.name.as_str())))?;
        let src = match &i.path {
            None => Some(input::read_stdin(&i.name)),
            Some(_) => None,
        };
        jobs.push((i, settings, src));
    }
    let format = a.format;
    let outcomes: Vec<Extracted> = pool(a.threads)?.install(|| {
        jobs.into_par_iter()
            .map(|(i, settings, src)| {
                let src = src.unwrap_or_else(|| match &i.path {
                    Some(p) => input::read_file(p),
                    None => {
                        Source::Failed(Error::new(ErrorKind::Io, "standard input was not read"))
                    }
                });
                let text = match src {
                    Source::Text { text, .. } => text,
                    Source::Skipped { name, why } => return Extracted::Skipped(name, why),
                    Source::Failed(e) => return Extracted::Failed(e),
                };
                let engine = &settings.1;
                let checked = frontend::check(engine, i.format, &text);
                match format {
                    ExtractFormat::Report => Extracted::Report(quotecheck::render::report::render(
                        &i.name,
                        &checked.prepared.text,
                        &checked.analysis,
                        &checked.diagnostics,
                        &rules_version(engine),
                    )),
                    ExtractFormat::Json => Extracted::Json(output::extract_json(
                        &i.name,
                        &text,
                        &checked.prepared.text,
                        &checked.analysis,
                        i.format != frontend::InputFormat::Text,
                    )),
                }
            })
            .collect()
    });
    let mut out = String::new();
    let mut json = Vec::new();
    for o in outcomes {
        match o {
            Extracted::Report(report) => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&report);
            }
            Extracted::Json(value) => json.push(value),
            Extracted::Skipped(name, why) => eprintln!("quotecheck: note: skipped {name}: {why}"),
            Extracted::Failed(e) => {
                eprintln!("quotecheck: error: {e}");
                had_error = true;
            }
        }
    }
    if format == ExtractFormat::Json {
        out = serde_json::to_string_pretty(&json).expect("JSON values serialise");
        out.push('\n');
    }
    write_stdout(&out)?;
    Ok(if had_error { 2 } else { 0 })
}

pub fn rules_version(engine: &Engine) -> String {
    format!(
        "quotecheck {} ({})",
        env!("CARGO_PKG_VERSION"),
        engine.lang.lang
    )
}

/// `{"id","text"}` lines in, one result line out per record, in input
/// order. A bad line is reported on stderr with its line number (and as an
/// error record), and the others still come out.
///
/// Lines are read in batches (up to [`JSONL_BATCH_LINES`] lines or
/// [`JSONL_BATCH_BYTES`] bytes, whichever comes first) and each batch is
/// analysed on the thread pool, so memory stays bounded by one batch while
/// all cores work.
/// `reader.read_until(b'\n', buf)`, finding the newline with the `memchr`
/// crate (`std`'s search is a portable one, several times slower on
/// article-long lines).
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (done, used) = match memchr::memchr(b'\n', available) {
            Some(i) => (true, i + 1),
            None => (available.is_empty(), available.len()),
        };
        buf.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

fn extract_jsonl(engine: &Engine, all_quotes: bool, threads: Option<usize>) -> Result<i32, Error> {
    let pool = pool(threads)?;
    let stdin = io::stdin();
    let mut reader = stdin.lock();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut n = 0usize;
    let mut bad = false;
    if pool.current_num_threads() == 1 {
        // With one thread a record is analysed and written on this thread
        // as soon as it is read, into buffers kept from line to line: no
        // chunk to hold, and no buffer allocated on a worker and freed here.
        let mut line = Vec::new();
        // The records not yet written, each appended here as it is made
        // and the whole handed on once it holds a buffer's worth: no copy
        // into the writer's buffer (a write this long goes straight out).
        let mut records = String::new();
        loop {
            line.clear();
            if read_line(&mut reader, &mut line).map_err(stdin_error)? == 0 {
                break;
            }
            n += 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if let Err(msg) = output::jsonl_record_into(engine, &line, all_quotes, &mut records) {
                push_error_record(&mut records, n, &msg);
                bad = true;
            }
            records.push('\n');
            if records.len() >= out.capacity() {
                if !write_jsonl(&mut out, &records)? {
                    return Ok(0);
                }
                records.clear();
            }
        }
        if !write_jsonl(&mut out, &records)? {
            return Ok(0);
        }
    } else {
        // More threads: lines are analysed as soon as they are read, a few
        // at a time (a chunk of `JSONL_CHUNK_BYTES`, so that handing work to
        // a thread costs little next to the work), and the records are
        // written in input order (`pipeline::ordered`).
        let mut stopped = false;
        let mut eof = false;
        pipeline::ordered(
            &pool,
            pipeline::Window::for_threads(pool.current_num_threads()),
            || {
                let mut chunk: Vec<(usize, Vec<u8>)> = Vec::new();
                let mut size = 0;
                while !eof && size < JSONL_CHUNK_BYTES && chunk.len() < JSONL_CHUNK_LINES {
                    let mut line = Vec::new();
                    if read_line(&mut reader, &mut line).map_err(stdin_error)? == 0 {
                        eof = true;
                        break;
                    }
                    n += 1;
                    if !line.iter().all(u8::is_ascii_whitespace) {
                        size += line.len();
                        chunk.push((n, line));
                    }
                }
                Ok((!chunk.is_empty()).then_some((chunk, size)))
            },
            |chunk: Vec<(usize, Vec<u8>)>| {
                chunk
                    .into_iter()
                    .map(|(n, line)| (n, output::jsonl_record(engine, &line, all_quotes)))
                    .collect::<Vec<_>>()
            },
            |records| {
                let mut s = String::new();
                for (n, result) in records {
                    match result {
                        Ok(r) => s.push_str(&r),
                        Err(msg) => {
                            push_error_record(&mut s, n, &msg);
                            bad = true;
                        }
                    }
                    s.push('\n');
                }
                if write_jsonl(&mut out, &s)? {
                    Ok(pipeline::Flow::Continue)
                } else {
                    stopped = true;
                    Ok(pipeline::Flow::Stop)
                }
            },
        )?;
        if stopped {
            return Ok(0);
        }
    }
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            return Err(Error::new(ErrorKind::Io, format!("writing output: {e}")));
        }
        _ => {}
    }
    Ok(if bad { 2 } else { 0 })
}

fn stdin_error(e: io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("reading standard input: {e}"))
}

/// Reports that `--jsonl` line `n` could not be read, and appends its
/// error record (`{"line": n, "error": msg}`) to `out`.
fn push_error_record(out: &mut String, n: usize, msg: &str) {
    eprintln!("quotecheck: error: stdin:{n}: {msg}");
    out.push_str(&serde_json::json!({ "line": n, "error": msg }).to_string());
}

/// The input bytes of one chunk of `--jsonl` lines handed to a thread (a
/// chunk always takes at least one line, however long).
const JSONL_CHUNK_BYTES: usize = 64 << 10;
/// The most lines one chunk holds.
const JSONL_CHUNK_LINES: usize = 64;

/// `out.write_all(records)`; `false` when the reader has gone (a broken
/// pipe), which ends the output without an error.
fn write_jsonl(out: &mut impl Write, records: &str) -> Result<bool, Error> {
    match out.write_all(records.as_bytes()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(Error::new(ErrorKind::Io, format!("writing output: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_line_agrees_with_read_until() {
        let text = b"{\"a\":1}\n\n  \nlong line without a newline at the end".repeat(3);
        // Buffers smaller and larger than a line.
        for capacity in [1, 3, 8, 64, 4096] {
            let mut ours = io::BufReader::with_capacity(capacity, &text[..]);
            let mut theirs = io::BufReader::with_capacity(capacity, &text[..]);
            loop {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                let n = read_line(&mut ours, &mut a).unwrap();
                assert_eq!(n, theirs.read_until(b'\n', &mut b).unwrap());
                assert_eq!(a, b, "capacity {capacity}");
                if n == 0 {
                    break;
                }
            }
        }
    }
}
