//! Shared helpers of the CLI tests: run the real binary in a temporary
//! tree and snapshot what it did (arguments, exit code, stdout, stderr).

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of `quotecheck` did.
pub struct Run {
    pub args: Vec<String>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The run as snapshot text, with the temporary directory shown as
    /// `[TMP]`.
    pub fn render(&self, root: &Path) -> String {
        let clean = |s: &str| {
            let mut s = s.to_string();
            for p in [canonical(root), root.to_path_buf()] {
                s = s.replace(&p.display().to_string(), "[TMP]");
            }
            s
        };
        format!(
            "args: {}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
            self.args.join(" "),
            self.code,
            clean(&self.stdout),
            clean(&self.stderr)
        )
    }
}

fn canonical(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| p.to_path_buf())
}

/// Runs `quotecheck ARGS` in `dir`, with `stdin` as standard input.
pub fn quotecheck(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotecheck"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("piped stdin")
            .write_all(input.as_bytes())
            .expect("stdin is written");
    }
    let out = child.wait_with_output().expect("the binary finishes");
    Run {
        args: args.iter().map(|s| s.to_string()).collect(),
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A fixture under `tests/fixtures/cli/`.
pub fn fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A temporary tree with `files` (path, contents). An empty
/// `quotecheck.toml` at the root keeps config files of the directories
/// above the tree out of the test, unless the test writes its own.
pub fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    if !files.iter().any(|(p, _)| *p == "quotecheck.toml") {
        std::fs::write(dir.path().join("quotecheck.toml"), "").unwrap();
    }
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

/// Snapshots a run under `snapshots/cli/NAME.snap`.
#[macro_export]
macro_rules! snap {
    ($name:expr, $run:expr, $root:expr) => {
        insta::with_settings!({
            snapshot_path => "../snapshots/cli",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!($name, $run.render($root));
        })
    };
}
