//! Errors: I/O, configuration and rule data. Analysis itself never fails.

use std::fmt;
use std::path::PathBuf;

/// What went wrong, for callers that branch on it (exit codes, tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A path could not be read or written.
    Io,
    /// The file is not valid UTF-8.
    InvalidUtf8,
    /// The file looks binary (NUL bytes).
    Binary,
    /// The file is too large to analyse.
    TooLarge,
    /// A configuration file is malformed or has an unknown key or bad value.
    Config,
    /// A rules file (built-in or from `rules-dir`) is malformed.
    Rules,
    /// A command-line argument is not usable (unknown rule name, …).
    Usage,
    /// A JSON line in `--jsonl` input is malformed.
    Input,
}

/// An error with a kind, a message and, where known, the file and position.
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    pub path: Option<PathBuf>,
    /// 1-based line and column (in characters) inside `path`, when known.
    pub position: Option<(usize, usize)>,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            path: None,
            position: None,
        }
    }

    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.position = Some((line, column));
        self
    }

    pub fn io(path: impl Into<PathBuf>, err: &std::io::Error) -> Self {
        Error::new(ErrorKind::Io, err.to_string()).with_path(path)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.position) {
            (Some(p), Some((l, c))) => write!(f, "{}:{}:{}: {}", p.display(), l, c, self.message),
            (Some(p), None) => write!(f, "{}: {}", p.display(), self.message),
            (None, Some((l, c))) => write!(f, "{}:{}: {}", l, c, self.message),
            (None, None) => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// 1-based line and character column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
