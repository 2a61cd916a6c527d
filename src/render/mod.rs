//! Renderers: turn diagnostics and analyses into text. They return
//! strings; only the CLI prints.

pub mod github;
pub mod report;
pub mod sarif;
