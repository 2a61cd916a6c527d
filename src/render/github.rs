//! GitHub Actions workflow commands: one `::error`, `::warning` or
//! `::notice` line per diagnostic, which GitHub shows as an annotation on
//! the changed line.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::LineIndex;

/// The annotation lines for one file, named `path`.
pub fn render(path: &str, source: &str, diagnostics: &[Diagnostic]) -> String {
    let idx = LineIndex::new(source);
    let mut out = String::new();
    for d in diagnostics {
        let (l, c) = idx.line_col(source, d.span.start as usize);
        let (el, ec) = idx.line_col(source, d.span.end as usize);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        out.push_str(&format!(
            "::{command} file={},line={l},col={c},endLine={el},endColumn={ec},title={}::{}\n",
            property(path),
            property(&d.rule),
            data(&d.message),
        ));
    }
    out
}

/// Escapes a command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn escapes_and_levels() {
        let d = Diagnostic {
            rule: "unclosed-quote".into(),
            severity: Severity::Info,
            span: Span::new(3, 6),
            message: "100% open\nnow".into(),
            labels: vec![],
            fix: None,
        };
        assert_eq!(
            render("a,b:c.md", "ab\n“x", &[d]),
            "::notice file=a%2Cb%3Ac.md,line=2,col=1,endLine=2,endColumn=2,title=unclosed-quote::100%25 open%0Anow\n"
        );
    }
}
