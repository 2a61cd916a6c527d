//! Extracts each lint's `//!` documentation from `src/lints/*.rs` so that
//! `quotecheck explain RULE` prints the same text as the rustdoc.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("src/lints");
    println!("cargo:rerun-if-changed=src/lints");
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/lints exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "rs") && p.file_stem().is_some_and(|s| s != "mod")
        })
        .collect();
    entries.sort();
    let mut out = String::from(
        "/// Lint name → Markdown docs, from each lint file's `//!` comment.\npub const LINT_DOCS: &[(&str, &str)] = &[\n",
    );
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let src = std::fs::read_to_string(&path).expect("lint file is readable");
        let mut lines = src.lines().take_while(|l| l.starts_with("//!")).map(|l| {
            let l = l.trim_start_matches("//!");
            l.strip_prefix(' ').unwrap_or(l)
        });
        let title = lines.next().unwrap_or_default();
        let name = title.trim().trim_matches('`');
        let body: Vec<&str> = lines.collect();
        let body = body.join("\n");
        writeln!(out, "    ({name:?}, {:?}),", body.trim()).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("lint_docs.rs");
    std::fs::write(dest, out).unwrap();
    rules_as_json();
}

/// Writes `rules_json.rs`: each TOML file under `rules/` as JSON (path
/// relative to `rules/`, JSON text). Loading the built-in rules parses the
/// JSON, several times faster than the TOML; an overlay file stays TOML.
fn rules_as_json() {
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    toml_files(Path::new("rules"), &mut files);
    files.sort();
    let mut out = String::from(
        "/// Each TOML rule file (path under `rules/`) as JSON, made by `build.rs`.\npub const EMBEDDED_JSON: &[(&str, &str)] = &[\n",
    );
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("rule file is readable");
        let table: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = serde_json::to_string(&table).expect("TOML data serialises as JSON");
        let rel = path
            .strip_prefix("rules")
            .unwrap()
            .to_str()
            .unwrap()
            .replace('\\', "/");
        writeln!(out, "    ({rel:?}, {json:?}),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("rules_json.rs");
    std::fs::write(dest, out).unwrap();
}

fn toml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("rules/ is readable") {
        let path = entry.expect("rules/ is readable").path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}
