//! Arbitrary UTF-8 as a HTML file through the front end and the engine:
//! no panic; every diagnostic span and every quote (and extracted record)
//! on a char boundary inside the original text; opening marks before
//! closing marks.
#![no_main]

mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use quotecheck::Engine;
use quotecheck::frontend::InputFormat;

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::english);

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    common::check_front(&ENGINE, InputFormat::Html, source);
});
