//! The attribution report (ledger): the human-readable who-said-what of an
//! article. The snapshot tests and `quotecheck snapshot` use this renderer,
//! so its output is stable: no absolute paths, no timestamps, long quotes
//! cut at a fixed number of characters.

use std::fmt::Write as _;

use crate::analysis::Analysis;
use crate::diagnostic::Diagnostic;
use crate::document::LineIndex;

/// Quotes longer than this many characters are cut in the report.
pub const QUOTE_PREVIEW_CHARS: usize = 72;

/// Cuts `s` to `max` characters on a character boundary, marking the cut.
pub fn preview(s: &str, max: usize) -> String {
    // Only the head of a long quote is shown: flatten no more of it.
    let mut head_end = s.len();
    if let Some((i, _)) = s.char_indices().nth(max * 4) {
        head_end = i;
    }
    let flat: String = s[..head_end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let flat = if head_end < s.len() {
        format!("{flat} …")
    } else {
        flat
    };
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Renders the report of one article. `path` is shown as given.
pub fn render(
    path: &str,
    text: &str,
    a: &Analysis,
    diags: &[Diagnostic],
    rules_version: &str,
) -> String {
    let idx = LineIndex::new(text);
    let mut out = String::new();
    let speech: Vec<usize> = (0..a.quotes.len())
        .filter(|&i| a.quotes[i].depth == 0 && a.quotes[i].kind.is_speech())
        .collect();
    let attributed = speech
        .iter()
        .filter(|&&i| a.attributions[i].is_some())
        .count();
    let other = a
        .quotes
        .iter()
        .filter(|q| q.depth == 0 && !q.kind.is_speech())
        .count();
    let _ = writeln!(out, "# quotecheck attribution report");
    let _ = writeln!(out, "article: {path}");
    let _ = writeln!(out, "rules: {rules_version}");
    let _ = writeln!(out);
    let _ = writeln!(out, "## Summary");
    let _ = writeln!(
        out,
        "quotes: {} ({} attributed, {} unattributed) · scare quotes and titles: {} · speakers: {} · diagnostics: {}",
        speech.len(),
        attributed,
        speech.len() - attributed,
        other,
        a.speakers.len(),
        diags.len()
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "## Speakers");
    if a.speakers.is_empty() {
        let _ = writeln!(out, "(none)");
    }
    for (i, s) in a.speakers.iter().enumerate() {
        let mentions: Vec<String> = {
            let mut seen: Vec<String> = Vec::new();
            for m in &s.mentions {
                let t = m.slice(text).to_string();
                if !seen.contains(&t) {
                    seen.push(t);
                }
            }
            seen
        };
        let _ = write!(out, "S{} {} ({})", i + 1, s.name, s.kind.as_str());
        if let Some(owner) = s.belongs_to {
            let _ = write!(
                out,
                " of S{} {}",
                owner + 1,
                a.speakers[owner as usize].name
            );
        }
        if !s.roles.is_empty() {
            let _ = write!(out, " · roles: {}", s.roles.join(", "));
        }
        let _ = writeln!(out, " · mentions: {}", mentions.join(" | "));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "## Quotes");
    if a.quotes.is_empty() {
        let _ = writeln!(out, "(none)");
    }
    for (i, q) in a.quotes.iter().enumerate() {
        let (line, col) = idx.line_col(text, q.outer().start as usize);
        let indent = "  ".repeat(q.depth as usize);
        let mut flags = Vec::new();
        if q.recovered() {
            flags.push("opening mark missing");
        }
        if q.continues {
            flags.push("continues");
        }
        if q.open.is_some() && q.close.is_none() && !q.continues {
            flags.push("unclosed");
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", flags.join(", "))
        };
        let _ = writeln!(
            out,
            "{indent}{line}:{col} {} “{}”{flags}",
            q.kind.as_str(),
            preview(q.content.slice(text), QUOTE_PREVIEW_CHARS)
        );
        if q.depth > 0 {
            continue;
        }
        match &a.attributions[i] {
            Some(at) => {
                let mention = at.mention.span.slice(text);
                let resolved = match (at.speaker, a.resolved_speaker(i)) {
                    (Some(s), Some(r)) if s as usize != r => {
                        format!(
                            "S{} {} (via S{} {})",
                            r + 1,
                            a.speakers[r].name,
                            s + 1,
                            a.speakers[s as usize].name
                        )
                    }
                    (_, Some(r)) => format!("S{} {}", r + 1, a.speakers[r].name),
                    _ => "?".into(),
                };
                let how = at
                    .resolution
                    .map_or(String::new(), |r| format!(" ({})", r.as_str()));
                let cue = at.cue.map_or("-".to_string(), |c| {
                    a.cues[c as usize].span.slice(text).to_string()
                });
                let _ = writeln!(
                    out,
                    "{indent}    speaker: {mention} → {resolved}{how} · cue: {cue} · {} · {}",
                    at.method.as_str(),
                    at.confidence.as_str()
                );
            }
            None if q.kind.is_speech() => {
                let _ = writeln!(out, "{indent}    speaker: none");
            }
            None => {}
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "## Claims");
    if a.claims.is_empty() {
        let _ = writeln!(out, "(none)");
    }
    for c in &a.claims {
        let (line, col) = idx.line_col(text, c.content.start as usize);
        let source = match (&c.source, c.speaker) {
            (Some(m), Some(s)) => format!(
                "{} → S{} {}",
                m.span.slice(text),
                s + 1,
                a.speakers[s as usize].name
            ),
            (Some(m), None) => m.span.slice(text).to_string(),
            (None, _) => "none".to_string(),
        };
        let cue = c.cue.map_or("-".to_string(), |s| s.slice(text).to_string());
        let _ = writeln!(
            out,
            "{line}:{col} {} “{}”",
            if c.direct { "direct" } else { "indirect" },
            preview(c.content.slice(text), QUOTE_PREVIEW_CHARS)
        );
        let _ = writeln!(out, "    source: {source} · cue: {cue}");
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "## Diagnostics");
    if diags.is_empty() {
        let _ = writeln!(out, "(none)");
    }
    for d in diags {
        let (line, col) = idx.line_col(text, d.span.start as usize);
        let _ = writeln!(
            out,
            "{line}:{col} {}[{}] {}",
            d.severity.as_str(),
            d.rule,
            d.message
        );
        for l in &d.labels {
            let (ll, lc) = idx.line_col(text, l.span.start as usize);
            let _ = writeln!(out, "    {ll}:{lc} {}", l.message);
        }
        if let Some(f) = &d.fix {
            let _ = writeln!(
                out,
                "    fix ({}): {}",
                applicability(f.applicability),
                f.message
            );
        }
    }
    out
}

fn applicability(a: crate::diagnostic::Applicability) -> &'static str {
    match a {
        crate::diagnostic::Applicability::Safe => "safe",
        crate::diagnostic::Applicability::Unsafe => "unsafe",
        crate::diagnostic::Applicability::DisplayOnly => "display-only",
    }
}
