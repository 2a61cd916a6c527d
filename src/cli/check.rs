//! `quotecheck check`: settings for each file, files checked in parallel,
//! fixes applied or shown, output in a stable path order.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use quotecheck::config::{Discovery, Resolved};
use quotecheck::diagnostic::{Applicability, Diagnostic, Severity};
use quotecheck::engine::Engine;
use quotecheck::error::{Error, ErrorKind};
use quotecheck::fix;
use quotecheck::frontend::{self, InputFormat};
use quotecheck::render::{github, sarif};
use rayon::prelude::*;

use super::input::{self, Input, Source};
use super::output;
use super::{CheckArgs, CheckFormat};

/// What `--fix` and `--diff` ask for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Check,
    Fix,
    Diff,
}

/// One file's outcome.
pub struct Report {
    pub name: String,
    pub path: Option<PathBuf>,
    /// The text the diagnostics point into (after fixes, when written).
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    pub fail_level: Severity,
    /// The original text and the fixed one, when fixes were applied.
    pub fixed: Option<(String, usize)>,
    /// The file's concise report, rendered by the worker that checked it
    /// (then `text` and `diagnostics` are dropped), and whether one of its
    /// diagnostics reached the fail level.
    pub rendered: Option<(String, bool)>,
}

enum Outcome {
    Checked(Report),
    Skipped { name: String, why: String },
    Failed(Error),
}

struct Job {
    input: Input,
    settings: Arc<(Resolved, Engine)>,
    /// Standard input, read before the parallel part.
    stdin: Option<Source>,
}

pub fn run(a: CheckArgs) -> Result<i32, Error> {
    let mode = if a.diff {
        Mode::Diff
    } else if a.fix {
        Mode::Fix
    } else {
        Mode::Check
    };
    let discovery = Arc::new(super::discovery(&a.config, a.overrides())?);
    // Settings for the working directory: a bad config file or rule name
    // stops the run before anything is read.
    discovery.for_path(Path::new("."))?;
    let (inputs, walk_errors) = input::inputs(
        &a.common.paths,
        a.common.stdin_filename.as_deref(),
        &discovery,
        a.config.force_exclude,
        a.config.input_format.map(Into::into),
    )?;
    let mut jobs = Vec::with_capacity(inputs.len());
    for i in inputs {
        let settings = match &i.path {
            Some(p) => discovery.for_file(p)?,
            None => discovery.for_file(Path::new(i.name.as_str()))?,
        };
        let stdin = i.path.is_none().then(|| input::read_stdin(&i.name));
        jobs.push(Job {
            input: i,
            settings,
            stdin,
        });
    }
    let pool = super::pool(a.threads)?;
    // `--format concise` reports each file on its own: render it while its
    // text is at hand, instead of keeping every text until the end.
    let early = mode == Mode::Check && a.format == CheckFormat::Concise && !a.statistics;
    if early {
        return stream(&a, jobs, &pool, walk_errors);
    }
    // With one thread the files are checked on this thread: what a file
    // allocates is freed where it was allocated.
    let outcomes: Vec<Outcome> = if pool.current_num_threads() == 1 {
        jobs.into_iter().map(|j| process(j, mode, false)).collect()
    } else {
        pool.install(|| {
            jobs.into_par_iter()
                .map(|j| process(j, mode, false))
                .collect()
        })
    };

    let mut had_error = !walk_errors.is_empty();
    for e in walk_errors {
        eprintln!("quotecheck: error: {e}");
    }
    let mut reports = Vec::new();
    for o in outcomes {
        match o {
            Outcome::Checked(r) => reports.push(r),
            Outcome::Skipped { name, why } => eprintln!("quotecheck: note: skipped {name}: {why}"),
            Outcome::Failed(e) => {
                eprintln!("quotecheck: error: {e}");
                had_error = true;
            }
        }
    }

    if mode == Mode::Diff {
        let mut out = String::new();
        let (mut fixes, mut files) = (0, 0);
        for r in &reports {
            if let Some((original, n)) = &r.fixed {
                out.push_str(&unified_diff(&r.name, original, &r.text));
                fixes += n;
                files += 1;
            }
        }
        emit(&a, &out)?;
        if fixes > 0 {
            eprintln!(
                "quotecheck: would fix {fixes} issue{} in {files} file{}",
                plural(fixes),
                plural(files)
            );
        }
        return Ok(if had_error {
            2
        } else if files > 0 {
            1
        } else {
            0
        });
    }

    let failed = reports.iter().any(|r| {
        r.rendered.as_ref().is_some_and(|(_, failed)| *failed)
            || r.diagnostics.iter().any(|d| d.severity >= r.fail_level)
    });
    if mode == Mode::Fix {
        let fixes: usize = reports
            .iter()
            .filter_map(|r| r.fixed.as_ref().map(|f| f.1))
            .sum();
        let files = reports.iter().filter(|r| r.fixed.is_some()).count();
        if fixes > 0 {
            eprintln!(
                "quotecheck: fixed {fixes} issue{} in {files} file{}",
                plural(fixes),
                plural(files)
            );
        }
        // Standard input: the fixed text goes to stdout, the report to stderr.
        if let Some(r) = reports.iter().find(|r| r.path.is_none()) {
            super::write_stdout(&r.text)?;
            let rendered = render(&a, &reports, false);
            eprint!("{rendered}");
            return Ok(exit(had_error, failed));
        }
    }
    let rendered = render(&a, &reports, a.output.is_none() && super::color_enabled());
    emit(&a, &rendered)?;
    Ok(exit(had_error, failed))
}

/// Files handed to a thread at once by [`stream`], and whose reports are
/// written at once: enough that handing work to a thread costs little next
/// to the work, few enough to share the files out evenly.
const STREAM_CHUNK: usize = 16;
/// Chunks read ahead of the writing, per thread: enough to keep every
/// thread busy while a slow file holds up the writing, few enough that the
/// reports waiting to be written are small whatever the size of the tree.
const STREAM_WINDOW_PER_THREAD: usize = 8;

/// `check --format concise`: files checked as they are listed and their
/// reports written in path order as soon as the files before them are done
/// ([`super::pipeline::ordered`]), so memory holds a window of reports
/// rather than the whole tree's (a rule that fires on most lines, like
/// `straight-quote` on a wire-copy archive, writes about as much as it
/// reads). With `--output` the report is spooled to an unnamed temporary
/// file and copied to the path at the end, so the path is written only
/// once the run is over, as with the other formats.
fn stream(
    a: &CheckArgs,
    jobs: Vec<Job>,
    pool: &rayon::ThreadPool,
    walk_errors: Vec<Error>,
) -> Result<i32, Error> {
    let mut had_error = !walk_errors.is_empty();
    for e in walk_errors {
        eprintln!("quotecheck: error: {e}");
    }
    let mut spool = match &a.output {
        Some(_) => Some(
            tempfile::tempfile()
                .map_err(|e| Error::new(ErrorKind::Io, format!("spooling the report: {e}")))?,
        ),
        None => None,
    };
    let threads = pool.current_num_threads();
    let mut failed = false;
    // The reports of a chunk of files, written at once.
    // (`Ok(false)` once standard output's reader has gone: nothing more is
    // checked.)
    let mut write = |outcomes: Vec<Outcome>| -> Result<bool, Error> {
        let mut out = String::new();
        for o in outcomes {
            match o {
                Outcome::Checked(r) => {
                    if let Some((s, f)) = r.rendered {
                        out.push_str(&s);
                        failed |= f;
                    }
                }
                Outcome::Skipped { name, why } => {
                    eprintln!("quotecheck: note: skipped {name}: {why}")
                }
                Outcome::Failed(e) => {
                    eprintln!("quotecheck: error: {e}");
                    had_error = true;
                }
            }
        }
        match &mut spool {
            Some(f) => {
                use std::io::Write;
                f.write_all(out.as_bytes())
                    .map(|()| true)
                    .map_err(|e| Error::new(ErrorKind::Io, format!("spooling the report: {e}")))
            }
            None => super::write_stdout_open(&out),
        }
    };
    let mut jobs = jobs.into_iter();
    let mut chunk = || -> Vec<Job> { jobs.by_ref().take(STREAM_CHUNK).collect() };
    let check = |c: Vec<Job>| -> Vec<Outcome> {
        c.into_iter()
            .map(|j| process(j, Mode::Check, true))
            .collect()
    };
    if threads == 1 {
        // With one thread the files are checked on this thread: what a
        // file allocates is freed where it was allocated.
        loop {
            let c = chunk();
            if c.is_empty() || !write(check(c))? {
                break;
            }
        }
    } else {
        super::pipeline::ordered(
            pool,
            super::pipeline::Window {
                items: STREAM_WINDOW_PER_THREAD * threads,
                bytes: usize::MAX,
            },
            || {
                let c = chunk();
                Ok((!c.is_empty()).then_some((c, 0)))
            },
            check,
            |outcomes| {
                Ok(if write(outcomes)? {
                    super::pipeline::Flow::Continue
                } else {
                    super::pipeline::Flow::Stop
                })
            },
        )?;
    }
    if let (Some(mut f), Some(path)) = (spool, &a.output) {
        use std::io::{Seek, SeekFrom};
        let copied = f.seek(SeekFrom::Start(0)).and_then(|_| {
            let mut dest = std::fs::File::create(path)?;
            std::io::copy(&mut f, &mut dest)
        });
        copied.map_err(|e| Error::io(path, &e))?;
    }
    Ok(exit(had_error, failed))
}

fn exit(had_error: bool, failed: bool) -> i32 {
    if had_error {
        2
    } else if failed {
        1
    } else {
        0
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Writes the report to `--output` or standard output.
fn emit(a: &CheckArgs, s: &str) -> Result<(), Error> {
    match &a.output {
        Some(path) => std::fs::write(path, s).map_err(|e| Error::io(path, &e)),
        None => super::write_stdout(s),
    }
}

fn render(a: &CheckArgs, reports: &[Report], color: bool) -> String {
    let results: Vec<(&str, &str, &[Diagnostic])> = reports
        .iter()
        .map(|r| (r.name.as_str(), r.text.as_str(), r.diagnostics.as_slice()))
        .collect();
    if a.statistics {
        return output::statistics(&results, a.format == CheckFormat::Json);
    }
    match a.format {
        CheckFormat::Full => output::full(&results, color),
        CheckFormat::Concise => output::concise(&results),
        CheckFormat::Json => output::json(&results),
        CheckFormat::Github => reports
            .iter()
            .map(|r| github::render(&r.name, &r.text, &r.diagnostics))
            .collect(),
        CheckFormat::Sarif => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            let files: Vec<sarif::FileResult> = reports
                .iter()
                .map(|r| sarif::FileResult {
                    uri: sarif::artifact_uri(r.path.as_deref().unwrap_or(Path::new(&r.name)), &cwd),
                    source: &r.text,
                    diagnostics: &r.diagnostics,
                })
                .collect();
            sarif::render(&files)
        }
    }
}

fn process(job: Job, mode: Mode, early: bool) -> Outcome {
    let Job {
        input,
        settings,
        stdin,
    } = job;
    let (resolved, engine) = &*settings;
    let source = match stdin {
        Some(s) => s,
        None => match &input.path {
            Some(p) => input::read_file(p),
            None => Source::Failed(Error::new(ErrorKind::Io, "standard input was not read")),
        },
    };
    let text = match source {
        Source::Text { text, .. } => text,
        Source::Skipped { why, .. } => {
            return Outcome::Skipped {
                name: input.name,
                why,
            };
        }
        Source::Failed(e) => return Outcome::Failed(e),
    };
    let mut fixed = None;
    let mut current = text;
    if mode != Mode::Check {
        let f = fix::fix(engine, input.format, &current);
        if f.applied > 0 && f.text != current {
            if mode == Mode::Fix
                && let Some(p) = &input.path
                && let Err(e) = fix::write_atomic(p, &f.text)
            {
                return Outcome::Failed(e);
            }
            let original = std::mem::replace(&mut current, f.text);
            fixed = Some((original, f.applied));
        }
    }
    let checked = frontend::lint(engine, input.format, &current);
    if early {
        let failed = checked
            .diagnostics
            .iter()
            .any(|d| d.severity >= resolved.fail_level);
        let rendered = output::concise(&[(input.name.as_str(), &current, &checked.diagnostics)]);
        return Outcome::Checked(Report {
            name: input.name,
            path: input.path,
            text: String::new(),
            diagnostics: Vec::new(),
            fail_level: resolved.fail_level,
            fixed,
            rendered: Some((rendered, failed)),
        });
    }
    // The text is only needed to render diagnostics (and, for standard
    // input, to print the fixed text): don't hold a whole tree in memory.
    if checked.diagnostics.is_empty() && fixed.is_none() && input.path.is_some() {
        current = String::new();
    }
    Outcome::Checked(Report {
        name: input.name,
        path: input.path,
        text: current,
        diagnostics: checked.diagnostics,
        fail_level: resolved.fail_level,
        fixed,
        rendered: None,
    })
}

/// A unified diff of one file, `a/NAME` → `b/NAME`.
fn unified_diff(name: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut u = diff.unified_diff();
    u.context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"));
    u.to_string()
}

/// How many diagnostics have a safe fix.
pub fn fixable(diags: &[Diagnostic]) -> usize {
    diags
        .iter()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
        })
        .count()
}

impl From<super::FormatArg> for InputFormat {
    fn from(f: super::FormatArg) -> InputFormat {
        match f {
            super::FormatArg::Text => InputFormat::Text,
            super::FormatArg::Markdown => InputFormat::Markdown,
            super::FormatArg::Html => InputFormat::Html,
        }
    }
}

/// Settings for a config subcommand path.
pub fn show_config(discovery: &Discovery, path: &Path) -> Result<String, Error> {
    if !path.exists() {
        return Err(Error::new(ErrorKind::Io, "no such file or directory").with_path(path));
    }
    let s = discovery.for_path(path)?;
    Ok(format!(
        "# settings for {}\n{}",
        path.display(),
        s.0.to_toml()
    ))
}
