//! Command-line parsing, input reading and output. Exit codes: 0 clean,
//! 1 findings at or above the fail level, 2 usage, config or I/O error.

mod input;
mod output;
mod snapshot;

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use quotecheck::diagnostic::Severity;
use quotecheck::engine::{Engine, Settings};
use quotecheck::error::{Error, ErrorKind};
use quotecheck::lang::LangRules;
use quotecheck::lints::{self, RuleSelection};

use input::Source;

#[derive(Parser, Debug)]
#[command(name = "quotecheck", version, about = "Find, pair and attribute quotations in news copy, and lint the quotation marks.")]
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
    },    /// Write or check the attribution ledgers (who said what, per article).
    Snapshot(snapshot::SnapshotArgs),
}

#[derive(Args, Debug, Clone)]
struct Common {
    /// Files or directories; `-` reads standard input.
    paths: Vec<PathBuf>,
    /// The name to report for standard input.
    #[arg(long)]
    stdin_filename: Option<String>,
    /// Language of the copy.
    #[arg(long, default_value = "en")]
    lang: String,
}

#[derive(Args, Debug)]
struct CheckArgs {
    #[command(flatten)]
    common: Common,
    #[arg(long, value_enum, default_value_t = CheckFormat::Full)]
    format: CheckFormat,
    /// Only these rules (comma-separated; ALL for every rule).
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Never these rules.
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = Level::Info)]
    fail_level: Level,
}

#[derive(Args, Debug)]
struct ExtractArgs {
    #[command(flatten)]
    common: Common,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    format: ExtractFormat,
    /// Read JSON lines `{"id","text"}` on stdin, write one result line each.
    #[arg(long)]
    jsonl: bool,
    /// Also list scare quotes and titles of works.
    #[arg(long)]
    all_quotes: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum CheckFormat {
    Full,
    Concise,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExtractFormat {
    Json,
    Report,
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

const SUBCOMMANDS: &[&str] = &["check", "extract", "rules", "explain", "snapshot", "help"];

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
        Command::Check(a) => check(a),
        Command::Extract(a) => extract(a),
        Command::Snapshot(a) => snapshot::run(a),
        Command::Rules => {
            let mut s = String::new();
            for r in lints::RULES {
                s.push_str(&format!(
                    "{:<22} {:<8} {}{}\n",
                    r.name,
                    r.default_severity.as_str(),
                    r.summary,
                    if r.default_enabled { "" } else { " (off by default)" }
                ));
            }
            write_stdout(&s).map(|_| 0)
        }
        Command::Explain { rule } => match lints::find_rule(&rule) {
            Some(r) => write_stdout(&format!("# {}\n\n{}\n\n{}\n", r.name, r.summary, r.docs())).map(|_| 0),
            None => Err(Error::new(
                ErrorKind::Usage,
                format!("unknown rule `{rule}` (see `quotecheck rules`)"),
            )),
        },
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
    let mut out = io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Error::new(ErrorKind::Io, format!("writing output: {e}"))),
        _ => Ok(()),
    }
}

fn engine(common: &Common, selection: RuleSelection) -> Result<Engine, Error> {
    selection.validate()?;
    let lang = LangRules::builtin(&common.lang)?;
    Ok(Engine::new(lang, Settings { rules: selection }))
}

fn check(a: CheckArgs) -> Result<i32, Error> {
    let selection = RuleSelection {
        select: a.select.map(|s| s.into_iter().collect()),
        ignore: a.ignore.into_iter().collect(),
        ..Default::default()
    };
    let engine = engine(&a.common, selection)?;
    let fail_level: Severity = a.fail_level.into();
    let sources = input::collect(&a.common.paths, a.common.stdin_filename.as_deref())?;
    let mut had_error = false;
    let mut failed = false;
    let mut results = Vec::new();
    for src in sources {
        match src {
            Source::Text { name, text } => {
                let (_, diags) = engine.check(&text);
                failed |= diags.iter().any(|d| d.severity >= fail_level);
                results.push((name, text, diags));
            }
            Source::Skipped { name, why } => eprintln!("quotecheck: note: skipped {name}: {why}"),
            Source::Failed(e) => {
                eprintln!("quotecheck: error: {e}");
                had_error = true;
            }
        }
    }
    let rendered = match a.format {
        CheckFormat::Full => output::full(&results, color_enabled()),
        CheckFormat::Concise => output::concise(&results),
        CheckFormat::Json => output::json(&results),
    };
    write_stdout(&rendered)?;
    Ok(if had_error {
        2
    } else if failed {
        1
    } else {
        0
    })
}

fn color_enabled() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
}

fn extract(a: ExtractArgs) -> Result<i32, Error> {
    let engine = engine(&a.common, RuleSelection::default())?;
    if a.jsonl {
        return extract_jsonl(&engine, a.all_quotes);
    }
    let sources = input::collect(&a.common.paths, a.common.stdin_filename.as_deref())?;
    let mut had_error = false;
    let mut out = String::new();
    let mut json = Vec::new();
    for src in sources {
        match src {
            Source::Text { name, text } => {
                let (analysis, diags) = engine.check(&text);
                match a.format {
                    ExtractFormat::Report => {
                        if !out.is_empty() {
                            out.push('\n');
                        }
                        out.push_str(&quotecheck::render::report::render(&name, &text, &analysis, &diags, &rules_version(&engine)));
                    }
                    ExtractFormat::Json => json.push(output::extract_json(&name, &text, &analysis)),
                }
            }
            Source::Skipped { name, why } => eprintln!("quotecheck: note: skipped {name}: {why}"),
            Source::Failed(e) => {
                eprintln!("quotecheck: error: {e}");
                had_error = true;
            }
        }
    }
    if a.format == ExtractFormat::Json {
        out = serde_json::to_string_pretty(&json).expect("JSON values serialise");
        out.push('\n');
    }
    write_stdout(&out)?;
    Ok(if had_error { 2 } else { 0 })
}

pub fn rules_version(engine: &Engine) -> String {
    format!("quotecheck {} ({})", env!("CARGO_PKG_VERSION"), engine.lang.lang)
}

/// `{"id","text"}` lines in, one result line out per record. A bad line is
/// reported on stderr with its line number (and as an error record), and
/// the others still come out.
fn extract_jsonl(engine: &Engine, all_quotes: bool) -> Result<i32, Error> {
    let stdin = io::stdin();
    let mut reader = stdin.lock();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut line = Vec::new();
    let mut n = 0usize;
    let mut bad = false;
    loop {
        line.clear();
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::new(ErrorKind::Io, format!("reading standard input: {e}")))?;
        if read == 0 {
            break;
        }
        n += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record = match output::jsonl_record(engine, &line, all_quotes) {
            Ok(r) => r,
            Err(msg) => {
                eprintln!("quotecheck: error: stdin:{n}: {msg}");
                bad = true;
                serde_json::json!({ "line": n, "error": msg })
            }
        };
        let mut s = serde_json::to_string(&record).expect("JSON values serialise");
        s.push('\n');
        if let Err(e) = out.write_all(s.as_bytes()) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(0);
            }
            return Err(Error::new(ErrorKind::Io, format!("writing output: {e}")));
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
