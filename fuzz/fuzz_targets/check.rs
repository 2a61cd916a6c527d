//! `check` on arbitrary bytes and arbitrary UTF-8: no panic, spans on char
//! boundaries, opening marks before closing marks, safe fixes (the library's `fix::fix`)
//! add no quote-mark diagnostic and are idempotent.
#![no_main]

mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use quotecheck::Engine;
use quotecheck::frontend::InputFormat;

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::english);

fuzz_target!(|data: &[u8]| {
    let text = common::text_of(data);
    let (analysis, diags) = ENGINE.check(&text);
    common::check_analysis(&text, &analysis, &diags);
    common::check_fixes(&ENGINE, InputFormat::Text, &text);
});
