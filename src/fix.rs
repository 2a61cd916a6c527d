//! Applying fixes: safe fixes only, re-verified, written atomically.
//!
//! A fix is applied only when
//! - it is [`Applicability::Safe`],
//! - its edits don't overlap an edit already taken,
//! - the bytes it replaces are prose the engine saw as they are in the
//!   file (not an HTML character reference the front end decoded), and
//! - the fixed file, checked again, has no more quote-mark diagnostics of
//!   any rule than before. When all fixes together fail that check, they
//!   are tried one at a time and only those that pass are kept.
//!
//! Fixing repeats (a few rounds at most) while the fixed file has new safe
//! fixes, e.g. a flipped mark corrected and then restyled.

use std::io::Write;
use std::path::Path;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Result};
use crate::frontend::{self, InputFormat};

/// Rules whose diagnostics a fix must never add.
const MARK_RULES: &[&str] = &["mismatched-quote", "unclosed-quote", "unopened-quote"];

/// Rounds of fixing at most.
const ROUNDS: usize = 4;

/// The outcome of fixing one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixed {
    /// The fixed text (equal to the source when nothing was applied).
    pub text: String,
    /// How many fixes were applied.
    pub applied: usize,
    /// Safe fixes that were not applied (overlap, markup, verification).
    pub rejected: usize,
}

/// Applies the safe fixes of `source` (a file of `format`), re-checking
/// after each round.
pub fn fix(engine: &Engine, format: InputFormat, source: &str) -> Fixed {
    let mut text = source.to_string();
    let mut applied = 0;
    let mut rejected = 0;
    for _ in 0..ROUNDS {
        let checked = frontend::lint(engine, format, &text);
        let before = mark_counts(&checked.diagnostics);
        let candidates: Vec<&Fix> = checked
            .diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| f.applicability == Applicability::Safe)
            .filter(|f| in_prose(&text, &checked.prepared.text, f))
            .collect();
        let unfit = checked
            .diagnostics
            .iter()
            .filter(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|f| f.applicability == Applicability::Safe)
            })
            .count()
            - candidates.len();
        if candidates.is_empty() {
            rejected += unfit;
            break;
        }
        let ok = |t: &str| {
            mark_counts_ok(
                &before,
                &mark_counts(&frontend::lint(engine, format, t).diagnostics),
            )
        };
        let (all, taken) = apply(&text, &candidates);
        let (next, n) = if taken == candidates.len() && ok(&all) {
            (all, taken)
        } else {
            // One at a time, keeping each that passes with those kept
            // before it (all spans are into this round's text).
            let mut kept: Vec<&Fix> = Vec::new();
            let mut best = (text.clone(), 0);
            for f in &candidates {
                kept.push(f);
                let (candidate, k) = apply(&text, &kept);
                if k == kept.len() && ok(&candidate) {
                    best = (candidate, k);
                } else {
                    kept.pop();
                }
            }
            best
        };
        if n == 0 {
            rejected += candidates.len() + unfit;
            break;
        }
        applied += n;
        text = next;
    }
    Fixed {
        text,
        applied,
        rejected,
    }
}

/// Turns a safe fix that would edit markup (an HTML character reference
/// the front end decoded, say) into a suggestion: `--fix` can't apply it.
pub fn demote_outside_prose(original: &str, masked: &str, diags: &mut [Diagnostic]) {
    for d in diags {
        if let Some(f) = &mut d.fix
            && f.applicability == Applicability::Safe
            && !in_prose(original, masked, f)
        {
            f.applicability = Applicability::DisplayOnly;
        }
    }
}

/// Whether every edit of `fix` replaces bytes that the masked text holds
/// unchanged (prose, not markup or a decoded reference).
fn in_prose(original: &str, masked: &str, fix: &Fix) -> bool {
    fix.edits.iter().all(|e| {
        let r = e.span.range();
        r.end <= original.len()
            && original.is_char_boundary(r.start)
            && original.is_char_boundary(r.end)
            && original.as_bytes()[r.clone()] == masked.as_bytes()[r.clone()]
            && !original[r].contains(['<', '>', '&'])
    })
}

fn mark_counts(diags: &[Diagnostic]) -> Vec<usize> {
    MARK_RULES
        .iter()
        .map(|r| diags.iter().filter(|d| d.rule == *r).count())
        .collect()
}

fn mark_counts_ok(before: &[usize], after: &[usize]) -> bool {
    before.iter().zip(after).all(|(b, a)| a <= b)
}

/// Applies the fixes whose edits don't overlap an earlier one; returns
/// the text and how many fixes were taken.
pub fn apply(text: &str, fixes: &[&Fix]) -> (String, usize) {
    let mut edits: Vec<&Edit> = Vec::new();
    let mut taken = 0;
    for f in fixes {
        let overlaps = f.edits.iter().any(|e| {
            edits.iter().any(|o| {
                e.span.start < o.span.end && o.span.start < e.span.end
                    || e.span.start == o.span.start && (e.span.is_empty() || o.span.is_empty())
            })
        });
        let valid = f
            .edits
            .iter()
            .all(|e| e.span.end as usize <= text.len() && e.span.start <= e.span.end);
        if overlaps || !valid {
            continue;
        }
        edits.extend(&f.edits);
        taken += 1;
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start as usize]);
        out.push_str(&e.replacement);
        at = e.span.end as usize;
    }
    out.push_str(&text[at..]);
    (out, taken)
}

/// Replaces the file at `path` with `contents` atomically: a temporary
/// file in the same directory, given the original's permissions, renamed
/// over it.
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let perms = std::fs::metadata(path)
        .map_err(|e| Error::io(path, &e))?
        .permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".quotecheck-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, &e))?;
    tmp.write_all(contents.as_bytes())
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Error::io(tmp.path(), &e))?;
    std::fs::set_permissions(tmp.path(), perms).map_err(|e| Error::io(tmp.path(), &e))?;
    tmp.persist(path).map_err(|e| {
        Error::new(ErrorKind::Io, format!("replacing the file: {}", e.error)).with_path(path)
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::QuoteStyle;

    fn engine(style: QuoteStyle) -> Engine {
        let mut e = Engine::english();
        if let Some(rule) = style.rule() {
            e.settings.rules.extend_select.insert(rule.to_string());
        }
        e
    }

    #[test]
    fn flipped_marks_are_fixed() {
        let src = "Town news.\n\n“We were never consulted,“ said Dale Whitaker.\r\n";
        let f = fix(&engine(QuoteStyle::Any), InputFormat::Text, src);
        assert_eq!(f.applied, 1);
        assert_eq!(
            f.text,
            "Town news.\n\n“We were never consulted,” said Dale Whitaker.\r\n"
        );
    }

    #[test]
    fn straight_marks_become_curly_when_asked() {
        let src = "Town news.\n\n\"We will rebuild,\" the mayor said. 'Fine,' she added.\n";
        let f = fix(&engine(QuoteStyle::Curly), InputFormat::Text, src);
        assert_eq!(
            f.text,
            "Town news.\n\n“We will rebuild,” the mayor said. ‘Fine,’ she added.\n"
        );
        let none = fix(&engine(QuoteStyle::Any), InputFormat::Text, src);
        assert_eq!(none.applied, 0);
        assert_eq!(none.text, src);
    }

    #[test]
    fn decoded_references_are_never_edited() {
        let src = "<p>&quot;We will rebuild,&quot; the mayor said.</p>\n";
        let f = fix(&engine(QuoteStyle::Curly), InputFormat::Html, src);
        assert_eq!(f.text, src);
        assert_eq!(f.applied, 0);
    }

    #[test]
    fn overlapping_edits_are_skipped() {
        let a = Fix {
            message: String::new(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: crate::span::Span::new(0, 2),
                replacement: "X".into(),
            }],
        };
        let b = Fix {
            edits: vec![Edit {
                span: crate::span::Span::new(1, 3),
                replacement: "Y".into(),
            }],
            ..a.clone()
        };
        assert_eq!(apply("abcd", &[&a, &b]), ("Xcd".to_string(), 1));
    }

    #[test]
    fn atomic_write_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&p, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
