//! quotecheck: find, pair and attribute quotations in news copy, and lint
//! the quotation marks.
//!
//! The pipeline runs one way, one module a stage:
//! [`document`] → [`sentences`] → [`marks`] → [`quotes`] → [`cues`] →
//! [`attribution`] (with [`speakers`]) → [`analysis::Analysis`], which
//! [`lints`] only read and [`render`] presents.

#![forbid(unsafe_code)]

pub mod analysis;
pub mod attribution;
pub mod claims;
pub mod config;
pub mod cues;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod error;
pub mod extract;
pub mod fix;
pub mod frontend;
pub mod lang;
pub mod ledger;
pub mod lints;
pub mod lower;
pub mod marks;
pub mod quotes;
pub mod render;
pub mod sentences;
pub mod span;
pub mod speakers;
pub mod suppress;
pub mod tokens;
pub mod wordclass;

pub use analysis::Analysis;
pub use diagnostic::{Diagnostic, Severity};
pub use engine::{Engine, Settings};
pub use error::{Error, ErrorKind, Result};
