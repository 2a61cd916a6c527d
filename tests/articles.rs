//! Article snapshots: each fixture article's attribution report, rendered
//! by the same renderer as `extract --format report` and the ledgers. A
//! change to the splitter, the cue list or the attributor shows up here as
//! a readable diff of who-said-what.

use std::path::Path;

use quotecheck::Engine;
use quotecheck::render::report;

fn fixtures(dir: &str) -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn article_reports() {
    let engine = Engine::english();
    let files = fixtures("tests/fixtures/articles");
    assert!(
        files.len() >= 10,
        "expected the article corpus, found {}",
        files.len()
    );
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let (analysis, diags) = engine.check(&text);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let rendered = report::render(
            &format!("tests/fixtures/articles/{name}"),
            &text,
            &analysis,
            &diags,
            &format!("quotecheck {} (en)", env!("CARGO_PKG_VERSION")),
        );
        insta::with_settings!({
            snapshot_path => "../snapshots/articles",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name.trim_end_matches(".txt").to_string(), rendered);
        });
    }
}
