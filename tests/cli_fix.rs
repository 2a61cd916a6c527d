//! `--fix` and `--diff`: safe fixes only, atomic writes that keep line
//! endings and permissions, files without fixes never touched.

mod cli_support;

use cli_support::{fixture, quotecheck, tree};

const FLIPPED: &str = "Ferry fees\r\n\r\n“We will rebuild,“ the mayor said.\r\n\r\nOfficials met. The talks went well,” the minister said.\r\n";
const STRAIGHT: &str = "Ferry fees\n\n\"We will rebuild,\" the mayor said. 'Fine,' she added.\n\nThe crew's 6'2\" captain said it was \"a fine day.\"\n";
const CLEAN: &str = "Ferry fees\n\n“We will rebuild,” the mayor said.\n";

#[test]
fn diff_shows_the_safe_fixes_and_writes_nothing() {
    let t = tree(&[
        ("flipped.txt", FLIPPED),
        ("clean.txt", CLEAN),
        ("straight.txt", STRAIGHT),
    ]);
    let run = quotecheck(
        t.path(),
        &[
            "check",
            "--diff",
            "flipped.txt",
            "clean.txt",
            "straight.txt",
        ],
        None,
    );
    assert_eq!(run.code, 1);
    assert_eq!(
        std::fs::read_to_string(t.path().join("flipped.txt")).unwrap(),
        FLIPPED
    );
    snap!("fix-diff", run, t.path());
    let styled = quotecheck(
        t.path(),
        &["check", "--diff", "--quote-style", "curly", "straight.txt"],
        None,
    );
    assert_eq!(styled.code, 1);
    snap!("fix-diff-quote-style", styled, t.path());
    let nothing = quotecheck(t.path(), &["check", "--diff", "clean.txt"], None);
    assert_eq!((nothing.code, nothing.stdout.as_str()), (0, ""));
}

#[test]
fn fix_writes_only_files_with_fixes() {
    let t = tree(&[
        (
            "quotecheck.toml",
            "quote-style = \"curly\"\nselect = [\"mismatched-quote\", \"unopened-quote\"]\n",
        ),
        ("flipped.txt", FLIPPED),
        ("clean.txt", CLEAN),
        ("straight.txt", STRAIGHT),
    ]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            t.path().join("flipped.txt"),
            std::fs::Permissions::from_mode(0o600),
        )
        .unwrap();
    }
    let clean_before = std::fs::metadata(t.path().join("clean.txt"))
        .unwrap()
        .modified()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let run = quotecheck(
        t.path(),
        &["check", "--fix", "--format", "concise", "."],
        None,
    );
    // What is left: the unopened quote, whose fix is unsafe.
    assert_eq!(run.code, 1);
    snap!("fix-write", run, t.path());
    let flipped = std::fs::read_to_string(t.path().join("flipped.txt")).unwrap();
    assert_eq!(
        flipped,
        "Ferry fees\r\n\r\n“We will rebuild,” the mayor said.\r\n\r\nOfficials met. The talks went well,” the minister said.\r\n"
    );
    assert_eq!(
        std::fs::read_to_string(t.path().join("straight.txt")).unwrap(),
        "Ferry fees\n\n“We will rebuild,” the mayor said. ‘Fine,’ she added.\n\nThe crew's 6'2\" captain said it was “a fine day.”\n"
    );
    assert_eq!(
        std::fs::read_to_string(t.path().join("clean.txt")).unwrap(),
        CLEAN
    );
    assert_eq!(
        std::fs::metadata(t.path().join("clean.txt"))
            .unwrap()
            .modified()
            .unwrap(),
        clean_before
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(t.path().join("flipped.txt"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // No temporary files are left behind.
    let names: Vec<String> = std::fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".quotecheck")),
        "{names:?}"
    );
    // A second run has nothing left to fix.
    let again = quotecheck(t.path(), &["check", "--diff", "."], None);
    assert_eq!((again.code, again.stdout.as_str()), (0, ""));
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    let t = tree(&[]);
    let run = quotecheck(
        t.path(),
        &[
            "check",
            "--fix",
            "--format",
            "concise",
            "--select",
            "mismatched-quote,unopened-quote",
            "-",
        ],
        Some(FLIPPED),
    );
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        FLIPPED.replace("rebuild,“", "rebuild,”"),
        "line endings are kept"
    );
    snap!("fix-stdin", run, t.path());
}

#[test]
fn markup_is_never_rewritten() {
    let html = fixture("article.html");
    let t = tree(&[
        ("article.html", &html),
        ("article.md", &fixture("article.md")),
    ]);
    let run = quotecheck(
        t.path(),
        &[
            "check",
            "--fix",
            "--select",
            "mismatched-quote",
            "--format",
            "concise",
            ".",
        ],
        None,
    );
    let fixed = std::fs::read_to_string(t.path().join("article.html")).unwrap();
    // The `&ldquo;` reference is left alone; the typed mark is fixed.
    assert!(fixed.contains("of this.&ldquo;</p>"));
    assert!(fixed.contains("older than any of us” and"));
    assert_eq!(fixed.len(), html.len());
    let md = std::fs::read_to_string(t.path().join("article.md")).unwrap();
    assert!(md.contains("print(\"unterminated)"));
    assert!(md.contains("any of this.”"));
    snap!("fix-markup", run, t.path());
}
