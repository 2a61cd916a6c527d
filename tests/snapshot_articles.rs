//! One format: the project's own article snapshots (`snapshots/articles/`,
//! written by `tests/articles.rs`) are the ledgers `quotecheck snapshot`
//! writes for the same fixtures, byte for byte below insta's header.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn article_snapshots_are_ledgers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["snapshot", "--isolated", "--dir"])
        .arg(out.path())
        .arg("tests/fixtures/articles")
        .current_dir(root)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    let mut compared = 0;
    for entry in fs::read_dir(root.join("snapshots/articles")).unwrap() {
        let snap = entry.unwrap().path();
        if snap.extension().is_none_or(|e| e != "snap") {
            continue;
        }
        let name = snap.file_stem().unwrap().to_string_lossy().into_owned();
        let stored = fs::read_to_string(&snap).unwrap();
        // insta's header: `---`, metadata lines, `---`.
        let body = stored
            .strip_prefix("---\n")
            .and_then(|s| s.split_once("\n---\n"))
            .map(|(_, body)| body)
            .unwrap_or_else(|| panic!("{} has an insta header", snap.display()));
        let ledger = out
            .path()
            .join(format!("tests/fixtures/articles/{name}.txt.quotes"));
        let ledger = fs::read_to_string(&ledger)
            .unwrap_or_else(|e| panic!("no ledger for {name}: {e} (is the snapshot orphaned?)"));
        // insta trims the trailing newline the ledger keeps.
        assert_eq!(
            body.trim_end(),
            ledger.trim_end(),
            "{name}: the article snapshot and the ledger differ"
        );
        compared += 1;
    }
    assert!(
        compared >= 10,
        "expected the article snapshots, compared {compared}"
    );
}
