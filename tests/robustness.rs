//! Bad input through the command line: every case says clearly what is
//! wrong, never panics, and never stops the other files being checked.
//!
//! The large inputs run at a modest size by default; set
//! `QUOTECHECK_STRESS=1` for the full sizes of the robustness issue
//! (a 200 MB single-line file, 100,000 marks in one paragraph):
//!
//! ```sh
//! QUOTECHECK_STRESS=1 cargo test --release --test robustness
//! ```
//!
//! No test here measures time; `scripts/bench.sh scaling` prints the
//! figures for 10^3, 10^4 and 10^5 marks.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quotecheck"));
    c.env("NO_COLOR", "1");
    c
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn no_panic(o: &Output) {
    let e = stderr(o);
    assert!(!e.contains("panicked"), "the binary panicked: {e}");
}

fn stress() -> bool {
    std::env::var_os("QUOTECHECK_STRESS").is_some_and(|v| !v.is_empty() && v != "0")
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

const CLEAN: &str = "“We will win,” the mayor said.\n";

#[test]
fn missing_path_is_an_error_naming_it_and_others_are_still_checked() {
    let d = tmp();
    std::fs::write(d.path().join("ok.txt"), "He said ”no.\n").unwrap();
    let o = run_in(
        d.path(),
        &["check", "--format", "concise", "nothere.txt", "ok.txt"],
    );
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nothere.txt"), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("ok.txt:1:"),
        "the other file was not checked: {}",
        stdout(&o)
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_an_error_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let d = tmp();
    let p = d.path().join("secret.txt");
    std::fs::write(&p, CLEAN).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        return; // root reads anything: nothing to test
    }
    let o = run_in(d.path(), &["check", "secret.txt"]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("secret.txt"));
}

#[test]
fn invalid_utf8_names_file_and_byte_offset_and_others_are_checked() {
    let d = tmp();
    std::fs::write(d.path().join("bad.txt"), b"abc \xff def").unwrap();
    std::fs::write(d.path().join("ok.txt"), "He said ”no.\n").unwrap();
    let o = run_in(
        d.path(),
        &["check", "--format", "concise", "bad.txt", "ok.txt"],
    );
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("bad.txt") && e.contains("byte offset 4"), "{e}");
    assert!(stdout(&o).contains("ok.txt:1:"), "{}", stdout(&o));
}

#[test]
fn binary_file_is_skipped_with_a_note() {
    let d = tmp();
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
    bytes.extend(std::iter::repeat_n(0u8, 100));
    std::fs::write(d.path().join("a.out.txt"), &bytes).unwrap();
    std::fs::write(d.path().join("ok.txt"), CLEAN).unwrap();
    let o = run_in(
        d.path(),
        &["check", "--fail-level", "error", "a.out.txt", "ok.txt"],
    );
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("a.out.txt") && e.contains("binary"), "{e}");
}

#[test]
fn empty_file_is_clean() {
    let d = tmp();
    std::fs::write(d.path().join("empty.txt"), "").unwrap();
    let o = run_in(d.path(), &["check", "empty.txt"]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run_in(d.path(), &["extract", "empty.txt"]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn nul_bytes_after_the_sniffed_head_do_not_crash() {
    let mut text = "word ".repeat(3000);
    text.push('\0');
    text.push_str("\n\nHe said ”no.\0\n");
    let o = run_stdin(&["check", "--format", "concise", "-"], text.as_bytes());
    no_panic(&o);
    assert_ne!(o.status.code(), Some(101));
}

#[test]
fn bom_does_not_shift_columns() {
    let d = tmp();
    std::fs::write(d.path().join("bom.txt"), "\u{feff}He said ”no.\n").unwrap();
    std::fs::write(d.path().join("plain.txt"), "He said ”no.\n").unwrap();
    let o = run_in(
        d.path(),
        &["check", "--format", "concise", "bom.txt", "plain.txt"],
    );
    no_panic(&o);
    let out = stdout(&o);
    let col = |name: &str| {
        out.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split(':').nth(2).map(str::to_owned))
            .unwrap_or_else(|| panic!("no diagnostic for {name}: {out}"))
    };
    assert_eq!(col("bom.txt"), col("plain.txt"), "{out}");
}

#[test]
fn crlf_cr_and_mixed_line_endings_give_the_right_line_and_column() {
    let d = tmp();
    // The stray closing mark is on line 4, column 9, whatever ends lines.
    let cases = [
        ("crlf.txt", "ok\r\n\r\nline three\r\nHe said ”no.\r\n"),
        ("cr.txt", "ok\r\rline three\rHe said ”no.\r"),
        ("lf.txt", "ok\n\nline three\nHe said ”no.\n"),
        ("mixed.txt", "ok\r\n\rline three\nHe said ”no.\r\n"),
    ];
    for (name, text) in cases {
        std::fs::write(d.path().join(name), text).unwrap();
    }
    let names: Vec<&str> = cases.iter().map(|c| c.0).collect();
    let mut args = vec!["check", "--format", "concise"];
    args.extend(&names);
    let o = run_in(d.path(), &args);
    no_panic(&o);
    let out = stdout(&o);
    for name in names {
        assert!(out.contains(&format!("{name}:4:9:")), "{name}: {out}");
    }
}

/// One line of prose with no line break at all.
#[test]
fn single_line_file_finishes() {
    let kb = if stress() { 200_000 } else { 300 };
    let sentence = "The council said on Monday that “the plan is sound,” and Mr. Doe agreed. ";
    let mut text = String::with_capacity(kb * 1000 + sentence.len());
    while text.len() < kb * 1000 {
        text.push_str(sentence);
    }
    let d = tmp();
    std::fs::write(d.path().join("long.txt"), &text).unwrap();
    drop(text);
    let o = run_in(
        d.path(),
        &[
            "check",
            "--format",
            "concise",
            "--fail-level",
            "error",
            "long.txt",
        ],
    );
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// Many quotation marks in one paragraph (10^4 by default, 10^5 under
/// `QUOTECHECK_STRESS`): finishes, pairs every quote.
#[test]
fn many_marks_in_one_paragraph() {
    let n = if stress() { 100_000 } else { 10_000 };
    let mut text = String::new();
    for i in 0..n / 2 {
        text.push_str(if i % 2 == 0 { "“a” " } else { "\"b\" " });
    }
    text.push('\n');
    let o = run_stdin(&["extract", "--all-quotes", "-"], text.as_bytes());
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // And unbalanced: every mark an opening one.
    let text = "“a ".repeat(n);
    let o = run_stdin(&["check", "--format", "concise", "-"], text.as_bytes());
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_thousand_levels_of_nesting() {
    let mut text = String::from("He said ");
    for i in 0..1000 {
        text.push_str(if i % 2 == 0 { "“level " } else { "‘level " });
    }
    text.push_str("deepest");
    for i in (0..1000).rev() {
        text.push_str(if i % 2 == 0 { "”" } else { "’" });
    }
    text.push_str(".\n");
    let o = run_stdin(&["check", "--format", "json", "-"], text.as_bytes());
    no_panic(&o);
    assert_ne!(o.status.code(), Some(101));
    let o = run_stdin(&["extract", "-"], text.as_bytes());
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn jsonl_malformed_line_is_named_and_the_others_come_out() {
    let input = "{\"id\":\"a\",\"text\":\"“Hi,” he said.\"}\n{not json\n{\"id\":\"c\",\"text\":\"x\"}\n{\"id\":\"d\"}\n";
    let o = run_stdin(&["extract", "--jsonl"], input.as_bytes());
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains(":2:"), "line 2 not named: {e}");
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "one record per input line");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], "c");
}

#[test]
fn jsonl_on_several_threads_keeps_input_order_and_output() {
    // More records than one batch holds, with bad lines among them: every
    // thread count gives the same lines in the same order.
    let mut input = String::new();
    for i in 0..2500 {
        if i % 997 == 0 {
            input.push_str("{broken\n");
        } else {
            input.push_str(&format!(
                "{{\"id\":{i},\"text\":\"“We will see,” Senator {} said on day {i}.\"}}\n",
                ["Reed", "Ocampo", "Lind"][i % 3]
            ));
        }
    }
    let one = run_stdin(&["extract", "--jsonl", "--threads", "1"], input.as_bytes());
    let two = run_stdin(&["extract", "--jsonl", "--threads", "2"], input.as_bytes());
    no_panic(&one);
    no_panic(&two);
    assert_eq!(one.status.code(), Some(2));
    assert_eq!(two.status.code(), Some(2));
    assert_eq!(stdout(&one), stdout(&two));
    let lines: Vec<serde_json::Value> = stdout(&two)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2500);
    assert_eq!(lines[997]["line"], 998);
    assert_eq!(lines[2499]["id"], 2499);
    assert_eq!(lines[2499]["quotes"][0]["speaker"], "Senator Reed");
}

#[test]
fn jsonl_invalid_utf8_line_is_named() {
    let mut input = b"{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"\xff\"}\n".to_vec();
    input.extend_from_slice(b"{\"id\":\"c\",\"text\":\"ok\"}\n");
    let o = run_stdin(&["extract", "--jsonl"], &input);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(":2:"), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 3);
}

/// Every fixture, and its truncations at char boundaries (about 60
/// evenly spread ones a file): no panic, every
/// span on a char boundary inside the text, opening marks before closing
/// marks.
#[test]
fn every_fixture_and_its_truncations_keep_the_invariants() {
    let engine = quotecheck::Engine::english();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p
                .extension()
                .is_some_and(|x| x == "txt" || x == "md" || x == "html" || x == "htm")
            {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(!files.is_empty());
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let step = (cuts.len() / 60).max(1);
        for &cut in cuts
            .iter()
            .step_by(step)
            .chain(std::iter::once(&text.len()))
        {
            let t = &text[..cut];
            let (a, diags) = engine.check(t);
            invariants(t, &a, &diags)
                .unwrap_or_else(|e| panic!("{}, cut at {cut}: {e}", f.display()));
        }
    }
}

fn invariants(
    text: &str,
    a: &quotecheck::Analysis,
    diags: &[quotecheck::Diagnostic],
) -> Result<(), String> {
    use quotecheck::span::Span;
    let ok = |s: Span, what: &str| -> Result<(), String> {
        let (x, y) = (s.start as usize, s.end as usize);
        if x <= y && y <= text.len() && text.is_char_boundary(x) && text.is_char_boundary(y) {
            Ok(())
        } else {
            Err(format!(
                "{what} {x}..{y} is not a char-boundary span of the {} bytes",
                text.len()
            ))
        }
    };
    for &s in a.paragraphs.iter().chain(&a.sentences) {
        ok(s, "paragraph or sentence")?;
    }
    for m in &a.marks {
        ok(m.span, "mark")?;
    }
    for q in &a.quotes {
        ok(q.content, "quote")?;
        ok(q.outer(), "quote")?;
        if let (Some(o), Some(c)) = (q.open, q.close) {
            ok(o, "opening mark")?;
            ok(c, "closing mark")?;
            if o.end > c.start {
                return Err(format!("opening mark {o:?} after closing mark {c:?}"));
            }
        }
    }
    for c in &a.cues {
        ok(c.span, "cue")?;
    }
    for d in diags {
        ok(d.span, "diagnostic")?;
        for l in &d.labels {
            ok(l.span, "label")?;
        }
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            ok(e.span, "fix edit")?;
        }
    }
    Ok(())
}

/// Reads one line of the child's standard output, closes it, and waits:
/// what `quotecheck … | head -1` does to it.
fn first_line_then_close(mut child: std::process::Child) -> (String, Output) {
    use std::io::BufRead;
    let mut first = String::new();
    {
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        out.read_line(&mut first).unwrap();
    }
    (first, child.wait_with_output().unwrap())
}

#[test]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    // Enough output that the writer meets the closed pipe long before the
    // end, on one thread and on several.
    let t = tmp();
    for i in 0..400 {
        std::fs::write(
            t.path().join(format!("{i:04}.txt")),
            "The mayor said the budget was “final.\n\nShe left” early.\n".repeat(20),
        )
        .unwrap();
    }
    let mut jsonl = String::new();
    for i in 0..3000 {
        jsonl.push_str(&format!(
            "{{\"id\":{i},\"text\":\"“We will see,” Senator Reed said.\"}}\n"
        ));
    }
    for threads in ["1", "2"] {
        let child = bin()
            .current_dir(t.path())
            .args(["check", "--format", "concise", "--threads", threads, "."])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (first, o) = first_line_then_close(child);
        assert!(first.contains("0000.txt"), "{first}");
        no_panic(&o);
        assert!(stderr(&o).is_empty(), "{}", stderr(&o));
        assert_eq!(o.status.code(), Some(1), "findings were reported");

        let mut child = bin()
            .args(["extract", "--jsonl", "--threads", threads])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let input = jsonl.clone();
        // (The child may stop reading once its reader is gone.)
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        let (first, o) = first_line_then_close(child);
        writer.join().unwrap();
        assert!(first.starts_with("{\"id\":0"), "{first}");
        no_panic(&o);
        assert!(stderr(&o).is_empty(), "{}", stderr(&o));
        assert_eq!(o.status.code(), Some(0));
    }
}
