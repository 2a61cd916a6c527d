//! The `quotecheck.toml` parser: arbitrary UTF-8 as a config file. A parse
//! either fails with a `Config` error naming the file (and, when the TOML
//! parser knows it, a line and column inside the text), or gives settings
//! that resolve into an engine that runs.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use quotecheck::config::{ConfigFile, Overrides, Resolved};
use quotecheck::error::ErrorKind;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("/fuzz/quotecheck.toml");
    match ConfigFile::parse(path, text.to_string()) {
        Err(e) => {
            assert_eq!(e.kind, ErrorKind::Config, "{e}");
            assert_eq!(e.path.as_deref(), Some(path));
            if let Some((line, col)) = e.position {
                assert!(line >= 1 && col >= 1);
                assert!(line <= text.lines().count().max(1) + 1, "{e}");
            }
        }
        Ok(cf) => {
            // A valid file resolves (or fails cleanly, e.g. an unknown
            // language or a rules-dir that does not exist) and its engine runs.
            if let Ok(resolved) = Resolved::new(Some(&cf), &Overrides::default()) {
                if let Ok(engine) = resolved.engine() {
                    let _ = engine.check("“We will win,” she said.");
                }
            }
        }
    }
});
