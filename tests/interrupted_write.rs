//! Whatever writes files writes atomically: a `quotecheck check --fix` killed
//! at any moment leaves the article either exactly as it was or exactly as
//! fixed, never half-written.

use std::process::Command;
use std::time::Duration;

#[test]
fn a_fix_killed_mid_run_never_leaves_a_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    // A few megabytes of copy with a flipped closing mark in every
    // paragraph: `--fix` rewrites the whole file.
    let para = "“The plant will close in March,“ the company said on Monday.\n\n";
    let original = para.repeat(40_000);
    let fixed = original.replace(",“ the", ",” the");
    let bin = env!("CARGO_BIN_EXE_quotecheck");
    for delay_ms in [0u64, 5, 20, 60, 150, 400] {
        std::fs::write(&path, &original).unwrap();
        let mut child = Command::new(bin)
            .args(["check", "--fix", "--format", "concise", "--isolated"])
            .arg(&path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read_to_string(&path).unwrap();
        if now != original {
            assert!(
                now == fixed,
                "a killed --fix left a file that is neither the original nor the fixed text ({} bytes)",
                now.len()
            );
        }
        // Nothing but the article and, at worst, an orphaned temporary file.
        let stray: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "story.txt" && !n.starts_with(".quotecheck-"))
            .collect();
        assert!(stray.is_empty(), "unexpected files: {stray:?}");
    }
    // Let the last run finish to prove the fix itself applies.
    std::fs::write(&path, &original).unwrap();
    let status = Command::new(bin)
        .args(["check", "--fix", "--format", "concise", "--isolated"])
        .arg(&path)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.code().is_some());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
}
