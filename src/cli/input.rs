//! Reading inputs: files, directories and standard input, with clear
//! errors for missing, unreadable, binary, non-UTF-8 and oversized files.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use quotecheck::config::Discovery;
use quotecheck::error::{Error, ErrorKind};
use quotecheck::frontend::InputFormat;

/// Files larger than this are refused (offsets are 32-bit).
pub const MAX_BYTES: u64 = u32::MAX as u64 - 1;

#[allow(dead_code)] // `name` is for callers that report per source
pub enum Source {
    Text { name: String, text: String },
    Skipped { name: String, why: String },
    Failed(Error),
}

/// Extensions walked in directories.
const EXTENSIONS: &[&str] = quotecheck::frontend::EXTENSIONS;

/// One input of `check` or `extract`: a file or standard input.
#[derive(Debug, Clone)]
pub struct Input {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// The name shown in reports.
    pub name: String,
    pub format: InputFormat,
}

/// Every input named on the command line, in a stable order: paths as
/// given, each directory's files sorted by path, duplicates dropped.
/// Directories are walked respecting `.gitignore`, `.quotecheckignore`,
/// `--exclude` and the `exclude` of the config file that applies; a file
/// named explicitly is checked even when excluded unless `force_exclude`.
pub fn inputs(
    paths: &[PathBuf],
    stdin_name: Option<&str>,
    discovery: &Arc<Discovery>,
    force_exclude: bool,
    format: Option<InputFormat>,
) -> Result<(Vec<Input>, Vec<Error>), Error> {
    let default = [PathBuf::from("-")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut push = |path: Option<PathBuf>, name: String, out: &mut Vec<Input>| {
        let key = path.as_ref().map(|p| quotecheck::config::absolute(p));
        if key.is_some() && !seen.insert(key) {
            return;
        }
        let format = format.unwrap_or_else(|| InputFormat::from_path(Path::new(&name)));
        out.push(Input { path, name, format });
    };
    for p in paths {
        if p.as_os_str() == "-" {
            let name = stdin_name.unwrap_or("<stdin>").to_string();
            push(None, name, &mut out);
            continue;
        }
        if p.is_dir() {
            let mut files = Vec::new();
            let mut walker = ignore::WalkBuilder::new(p);
            let d = Arc::clone(discovery);
            walker
                .require_git(false)
                .add_custom_ignore_filename(".quotecheckignore")
                .filter_entry(move |e| {
                    let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                    e.depth() == 0 || !d.excluded(e.path(), is_dir).unwrap_or(false)
                });
            for entry in walker.build() {
                match entry {
                    Ok(e) => {
                        let path = e.path();
                        if e.file_type().is_some_and(|t| t.is_file())
                            && path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                                EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())
                            })
                        {
                            files.push(path.to_path_buf());
                        }
                    }
                    Err(e) => errors.push(Error::new(ErrorKind::Io, e.to_string())),
                }
            }
            sort_paths(&mut files);
            for f in files {
                // A config file that fails to load is reported by the
                // caller, which looks up each file's settings.
                let name = display(&f);
                push(Some(f), name, &mut out);
            }
        } else {
            if force_exclude && discovery.excluded(p, false)? {
                continue;
            }
            push(Some(p.clone()), display(p), &mut out);
        }
    }
    Ok((out, errors))
}

/// Sorts `files` in `Path`'s order (component by component), with each
/// path turned once into a byte key that sorts the same way, instead of
/// split into components at every comparison: that split is most of what
/// `Path::cmp` costs, and sorting a walk of a few thousand files by it
/// took longer than walking them. (Ties, the same path twice, keep their
/// order, as a stable sort would.)
fn sort_paths(files: &mut Vec<PathBuf>) {
    let order: Vec<usize> = {
        let mut keyed: Vec<(Vec<u8>, usize)> = files
            .iter()
            .enumerate()
            .map(|(i, p)| (sort_key(p), i))
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, i)| i).collect()
    };
    let mut slots: Vec<Option<PathBuf>> = std::mem::take(files).into_iter().map(Some).collect();
    files.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// A byte string whose order is `Path`'s order of `path`: each component
/// as a tag byte in the order of `Component`'s variants, its bytes, and a
/// zero byte that ends it (lower than any byte a component holds, so a
/// component sorts before a longer one it starts: `a/b` before `a-b`).
fn sort_key(path: &Path) -> Vec<u8> {
    use std::path::Component;
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for c in path.components() {
        let (tag, bytes): (u8, &[u8]) = match c {
            Component::Prefix(p) => (1, p.as_os_str().as_encoded_bytes()),
            Component::RootDir => (2, b""),
            Component::CurDir => (3, b""),
            Component::ParentDir => (4, b""),
            Component::Normal(s) => (5, s.as_encoded_bytes()),
        };
        key.push(tag);
        key.extend_from_slice(bytes);
        key.push(0);
    }
    key
}

/// Standard input, read whole.
pub fn read_stdin(name: &str) -> Source {
    let mut bytes = Vec::new();
    match std::io::stdin().take(MAX_BYTES + 1).read_to_end(&mut bytes) {
        Ok(_) => decode(name, bytes),
        Err(e) => Source::Failed(Error::new(
            ErrorKind::Io,
            format!("reading standard input: {e}"),
        )),
    }
}

/// Every input named on the command line, in a stable order: paths as
/// given, directory contents sorted by path.
#[allow(dead_code)]
pub fn collect(paths: &[PathBuf], stdin_name: Option<&str>) -> Result<Vec<Source>, Error> {
    let mut out = Vec::new();
    let default = [PathBuf::from("-")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    for p in paths {
        if p.as_os_str() == "-" {
            let mut bytes = Vec::new();
            let name = stdin_name.unwrap_or("<stdin>").to_string();
            match std::io::stdin().take(MAX_BYTES + 1).read_to_end(&mut bytes) {
                Ok(_) => out.push(decode(&name, bytes)),
                Err(e) => out.push(Source::Failed(Error::new(
                    ErrorKind::Io,
                    format!("reading standard input: {e}"),
                ))),
            }
            continue;
        }
        if p.is_dir() {
            let mut files = Vec::new();
            for entry in ignore::WalkBuilder::new(p).build() {
                match entry {
                    Ok(e) => {
                        let path = e.path();
                        if e.file_type().is_some_and(|t| t.is_file())
                            && path
                                .extension()
                                .and_then(|x| x.to_str())
                                .is_some_and(|x| EXTENSIONS.contains(&x))
                        {
                            files.push(path.to_path_buf());
                        }
                    }
                    Err(e) => out.push(Source::Failed(Error::new(ErrorKind::Io, e.to_string()))),
                }
            }
            sort_paths(&mut files);
            for f in files {
                out.push(read_file(&f));
            }
        } else {
            out.push(read_file(p));
        }
    }
    Ok(out)
}

/// A path as shown in reports: as given, less a leading `./` that a
/// directory walk of `.` adds.
fn display(p: &Path) -> String {
    let p = match p.strip_prefix(".") {
        Ok(rest) if !rest.as_os_str().is_empty() => rest,
        _ => p,
    };
    p.display().to_string()
}

pub fn read_file(p: &Path) -> Source {
    let name = display(p);
    // One open, and the size from the open file: no second look-up of the
    // path (`fs::metadata` then `fs::read` walks it twice).
    let file = match std::fs::File::open(p) {
        Ok(f) => f,
        Err(e) => return Source::Failed(Error::io(p, &e)),
    };
    let len = match file.metadata() {
        Ok(m) if m.len() > MAX_BYTES => {
            return Source::Failed(
                Error::new(
                    ErrorKind::TooLarge,
                    format!("file is {} bytes; the limit is {MAX_BYTES}", m.len()),
                )
                .with_path(p),
            );
        }
        Ok(m) => m.len() as usize,
        Err(e) => return Source::Failed(Error::io(p, &e)),
    };
    // Room for the size just read; the read goes through `take`, whose
    // `read_to_end` asks the file for no size of its own (a `File` would
    // look its size and position up again).
    let mut bytes = Vec::new();
    if bytes.try_reserve_exact(len).is_err() {
        return Source::Failed(Error::io(p, &std::io::ErrorKind::OutOfMemory.into()));
    }
    match file.take(MAX_BYTES + 1).read_to_end(&mut bytes) {
        Ok(_) => decode(&name, bytes),
        Err(e) => Source::Failed(Error::io(p, &e)),
    }
}

/// Bytes to text: binary files are skipped, invalid UTF-8 is an error
/// naming the byte offset.
pub fn decode(name: &str, bytes: Vec<u8>) -> Source {
    if bytes.len() as u64 > MAX_BYTES {
        return Source::Failed(
            Error::new(
                ErrorKind::TooLarge,
                format!("input is larger than {MAX_BYTES} bytes"),
            )
            .with_path(name),
        );
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Source::Skipped {
            name: name.to_string(),
            why: "binary file (contains NUL bytes)".into(),
        };
    }
    match String::from_utf8(bytes) {
        Ok(text) => Source::Text {
            name: name.to_string(),
            text,
        },
        Err(e) => Source::Failed(
            Error::new(
                ErrorKind::InvalidUtf8,
                format!(
                    "invalid UTF-8 at byte offset {}",
                    e.utf8_error().valid_up_to()
                ),
            )
            .with_path(name),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The order `sort_paths` gives is `Path`'s: by component, so `a/b`
    /// comes before `a-b` (byte order would put `-` first), a directory's
    /// files before a longer name sharing its prefix, and duplicates stay.
    #[test]
    fn sort_paths_orders_as_path_does() {
        let names = [
            "d/a-b.txt",
            "d/a/b.txt",
            "d/a.b/c.md",
            "d/a",
            "d/Z.txt",
            "d/a/b.txt",
            "./d/x.txt",
            "d//y.txt",
            "d/ä.txt",
            "d/a/b/c.txt",
            "/d/a.txt",
            "../d/a.txt",
            "d/a/../b.txt",
        ];
        let mut ours: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
        let mut std_order = ours.clone();
        std_order.sort();
        sort_paths(&mut ours);
        assert_eq!(ours, std_order);
        assert!(
            ours.iter().position(|p| p == Path::new("d/a/b.txt"))
                < ours.iter().position(|p| p == Path::new("d/a-b.txt"))
        );
    }
}
