//! The rules-file parsers: arbitrary bytes as an overlay's TOML or list
//! file through `LangRules::load` (and `parse_toml`); a load either fails
//! with an error naming the file or gives rules the engine runs with.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use quotecheck::engine::{Engine, Settings};
use quotecheck::lang::{Extras, LangRules, parse_toml};

const FILES: &[&str] = &[
    "cues.toml",
    "verbs.toml",
    "pronouns.toml",
    "quotes.toml",
    "abbreviations.txt",
    "titles.txt",
    "anonymous-sources.txt",
    "document-sources.txt",
    "given-names-female.txt",
    "given-names-male.txt",
    "scare-quote-cues.txt",
];

static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| tempfile::tempdir().expect("a temporary directory"));

const ARTICLE: &str = "“We will win,” Mr. Smith said. The Kremlin’s spokesman, Dmitry Peskov, \
said the talks were “useful.” According to officials, ''it ended.'' «Oui», a-t-il dit.\n\n\
“It continues.\n\n“And ends,” she said. The statement read: “No comment.”";

fuzz_target!(|data: &[u8]| {
    let Some((&which, body)) = data.split_first() else {
        return;
    };
    let file = FILES[which as usize % FILES.len()];
    if let Ok(s) = std::str::from_utf8(body) {
        let _ = parse_toml::<toml_value::Value>(file, s);
    }
    let dir = DIR.path();
    let lang_dir = dir.join("lang/en");
    let _ = std::fs::remove_dir_all(dir.join("lang"));
    std::fs::create_dir_all(&lang_dir).unwrap();
    std::fs::write(lang_dir.join(file), body).unwrap();
    match LangRules::load("en", Some(dir), &Extras::default()) {
        Ok(rules) => {
            let engine = Engine::new(rules, Settings::default());
            let _ = engine.check(ARTICLE);
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains(file), "error does not name the file: {msg}");
        }
    }
});

/// Any TOML document.
mod toml_value {
    pub type Value = serde_json::Value;
}
