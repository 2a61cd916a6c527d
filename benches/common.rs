//! One long article for the benches: every article fixture, then (when
//! present) the PolNeAR dev texts, joined by blank lines, to about 256 KB.

use std::path::Path;

pub fn long_article() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut parts = Vec::new();
    for dir in ["tests/fixtures/articles", "tests/fixtures/lints"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("fixtures exist")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            parts.push(std::fs::read_to_string(f).expect("fixture is UTF-8"));
        }
    }
    if let Ok(jsonl) = std::fs::read_to_string(root.join("../shared/eval/polnear_dev.jsonl")) {
        for line in jsonl.lines().take(40) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
                && let Some(t) = v["text"].as_str()
            {
                parts.push(t.to_string());
            }
        }
    }
    let mut out = String::new();
    while out.len() < 256 * 1024 {
        for p in &parts {
            out.push_str(p.trim());
            out.push_str("\n\n");
        }
    }
    out
}
