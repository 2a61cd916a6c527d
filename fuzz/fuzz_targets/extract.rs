//! `extract` on arbitrary bytes and arbitrary UTF-8: the records, the JSON
//! and the attribution report never panic, and record offsets are on char
//! boundaries inside the text.
#![no_main]

mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use quotecheck::{Engine, extract, render};

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::english);

fuzz_target!(|data: &[u8]| {
    let text = common::text_of(data);
    let (analysis, diags) = ENGINE.check(&text);
    common::check_analysis(&text, &analysis, &diags);
    for records in [extract::quote_records(&text, &analysis), extract::all_quote_records(&text, &analysis)] {
        for r in &records {
            let span = quotecheck::span::Span::new(r.start as usize, r.end as usize);
            common::span_ok(&text, span, "record");
            if let (Some(s), Some(e)) = (r.speaker_start, r.speaker_end) {
                common::span_ok(&text, quotecheck::span::Span::new(s as usize, e as usize), "speaker");
            }
        }
        let json = serde_json::to_string(&records).expect("records serialise");
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }
    let _ = render::report::render("fuzz.txt", &text, &analysis, &diags, "fuzz");
});
