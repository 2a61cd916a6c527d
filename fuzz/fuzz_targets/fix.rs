//! Arbitrary UTF-8: every safe fix applied with the library's own fix
//! code (`quotecheck::fix::fix`, what `check --fix` runs), as plain text,
//! Markdown and HTML (the first byte picks the format). The fixed text has
//! no more quote-mark diagnostics (unclosed-quote, unopened-quote,
//! mismatched-quote) than the original, and fixing it again changes
//! nothing. The first byte also picks the house style: any, or curly (so
//! straight marks get safe fixes). Seeds start with an ASCII digit:
//! `0`/`1`/`2` text/Markdown/HTML, `3`/`4`/`5` the same with curly.
#![no_main]

mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use quotecheck::Engine;
use quotecheck::config::QuoteStyle;
use quotecheck::frontend::InputFormat;

static ENGINES: LazyLock<[Engine; 2]> = LazyLock::new(|| {
    let mut curly = Engine::english();
    let rule = QuoteStyle::Curly.rule().expect("the curly style has a rule");
    curly.settings.rules.extend_select.insert(rule.to_string());
    [Engine::english(), curly]
});

fuzz_target!(|data: &[u8]| {
    let Some((&which, body)) = data.split_first() else {
        return;
    };
    let Ok(source) = std::str::from_utf8(body) else {
        return;
    };
    let format = match which % 3 {
        0 => InputFormat::Text,
        1 => InputFormat::Markdown,
        _ => InputFormat::Html,
    };
    let engine = &ENGINES[(which as usize / 3) % 2];
    common::check_fixes(engine, format, source);
});
