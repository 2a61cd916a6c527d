//! One fixture per lint rule: the rendered diagnostics of the rule alone,
//! snapshotted, and the rule must fire at least once on its fixture.

use std::collections::BTreeSet;
use std::path::Path;

use quotecheck::document::LineIndex;
use quotecheck::engine::{Engine, Settings};
use quotecheck::lang::LangRules;
use quotecheck::lints::{RULES, RuleSelection};

fn render(name: &str, text: &str, diags: &[quotecheck::Diagnostic]) -> String {
    let idx = LineIndex::new(text);
    let mut out = String::new();
    for d in diags {
        let (l, c) = idx.line_col(text, d.span.start as usize);
        out.push_str(&format!(
            "{name}:{l}:{c}: {}[{}] {}\n",
            d.severity.as_str(),
            d.rule,
            d.message
        ));
        let line = idx.line_span(text, l).slice(text);
        out.push_str(&format!("    | {line}\n"));
        for lab in &d.labels {
            let (ll, lc) = idx.line_col(text, lab.span.start as usize);
            out.push_str(&format!("    = {ll}:{lc}: {}\n", lab.message));
        }
        if let Some(f) = &d.fix {
            out.push_str(&format!("    fix ({:?}): {}\n", f.applicability, f.message));
        }
    }
    out
}

#[test]
fn every_rule_has_a_fixture_that_it_fires_on() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lints");
    for rule in RULES {
        let path = dir.join(format!("{}.txt", rule.name));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("no fixture {}", path.display()));
        let selection = RuleSelection {
            select: Some(BTreeSet::from([rule.name.to_string()])),
            ..Default::default()
        };
        let engine = Engine::new(
            LangRules::builtin("en").unwrap(),
            Settings { rules: selection },
        );
        let (_, diags) = engine.check(&text);
        assert!(
            !diags.is_empty(),
            "{} does not fire on its fixture",
            rule.name
        );
        assert!(diags.iter().all(|d| d.rule == rule.name));
        let rendered = render(&format!("{}.txt", rule.name), &text, &diags);
        insta::with_settings!({
            snapshot_path => "../snapshots/lints",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(rule.name, rendered);
        });
    }
}

#[test]
fn every_rule_is_documented() {
    for rule in RULES {
        let docs = rule.docs();
        for heading in ["## What it does", "## Why", "## Example"] {
            assert!(docs.contains(heading), "{} docs lack {heading}", rule.name);
        }
    }
}

/// The diagnostics of one rule alone on `text`.
fn diagnostics_of(rule: &str, text: &str) -> Vec<quotecheck::Diagnostic> {
    let sel = RuleSelection {
        select: Some(BTreeSet::from([rule.to_string()])),
        ..Default::default()
    };
    let engine = Engine::new(LangRules::builtin("en").unwrap(), Settings { rules: sel });
    engine.check(text).1
}

#[test]
fn missing_attribution_skips_titles_and_slogans_but_not_sentences() {
    // Title-case words with no sentence in them name a show or a slogan;
    // a quoted sentence with no source is still flagged.
    let text = "Landfill debate runs long\n\n\
        “The smell reaches the elementary school on most afternoons.”\n\n\
        “Greer County Live,” a weekly program on WGRC, took calls about the landfill.\n\n\
        “Close The Dump.” The signs went up in March.\n";
    let diags = diagnostics_of("missing-attribution", text);
    let flagged: Vec<String> = diags
        .iter()
        .map(|d| text[d.span.start as usize..].chars().take(22).collect())
        .collect();
    assert_eq!(flagged, vec!["“The smell reaches the"]);
}

#[test]
fn unattributed_quote_in_claim_skips_title_case_names_of_works() {
    let text = "The studio’s new comedy opens Friday.\n\n\
        Think “Harbor Lights” meets “A Quiet Evening.” With dancing.\n\n\
        Critics think the film “drags badly in its second hour and never recovers.”\n";
    let diags = diagnostics_of("unattributed-quote-in-claim", text);
    let flagged: Vec<String> = diags
        .iter()
        .map(|d| text[d.span.start as usize..].chars().take(12).collect())
        .collect();
    assert_eq!(flagged, Vec::<String>::new());
}

#[test]
fn ambiguous_speaker_takes_a_title_before_a_name_as_saying_who_holds_the_role() {
    let run = |text: &str| -> Vec<String> {
        diagnostics_of("ambiguous-speaker", text)
            .into_iter()
            .map(|d| d.message)
            .collect()
    };
    // `Senator Holt` later in the text says who the senator is.
    let named = "Port strike drags on\n\n\
        The senator said the state would not intervene.\n\n\
        Senator Jane Holt has opposed port subsidies since 2019.\n";
    assert_eq!(run(named), Vec::<String>::new());
    // A headline in title case (`Port Senator Says …`) names nobody.
    let headline = "Port Senator Says State Will Stay Out\n\n\
        The senator said the state would not intervene.\n";
    assert_eq!(
        run(headline),
        vec!["“The senator” names a role, but the text never says who holds it".to_string()]
    );
}

#[test]
fn allow_is_loaded_only_where_it_reports_a_clause() {
    let flagged = |text: &str| -> Vec<String> {
        diagnostics_of("loaded-reporting-verb", text)
            .into_iter()
            .map(|d| text[d.span.start as usize..d.span.end as usize].to_string())
            .collect()
    };
    // `allow` as `permit` reports nothing.
    let permit = "The firm opened two offices in New York, allowing its case to be heard \
        there.\n\nThe museum will open Friday, Mayor Ana Ruiz said, allowing people to see \
        the exhibits.\n";
    assert_eq!(flagged(permit), Vec::<String>::new());
    // `allowed that …` concedes.
    let concede = "Mayor Ana Ruiz allowed that the plan had flaws.\n";
    assert_eq!(flagged(concede), vec!["allowed".to_string()]);
}

/// Every fixture of the suite (text, Markdown, HTML), with its format.
fn all_fixtures() -> Vec<(std::path::PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(std::path::PathBuf, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if matches!(
                p.extension().and_then(|x| x.to_str()),
                Some("txt" | "md" | "html")
            ) && let Ok(text) = std::fs::read_to_string(&p)
            {
                out.push((p, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut out,
    );
    out
}

#[test]
fn check_analyses_only_as_deep_as_its_rules_need_and_finds_the_same() {
    use quotecheck::analysis::Depth;
    use quotecheck::frontend::{self, InputFormat};
    let fixtures = all_fixtures();
    assert!(fixtures.len() > 20, "the fixtures were not found");
    let mut selections: Vec<(String, Option<BTreeSet<String>>)> = RULES
        .iter()
        .map(|r| {
            (
                r.name.to_string(),
                Some(BTreeSet::from([r.name.to_string()])),
            )
        })
        .collect();
    selections.push(("default".into(), None));
    selections.push(("ALL".into(), Some(BTreeSet::from(["ALL".to_string()]))));
    selections.push((
        "quotation marks".into(),
        Some(
            ["unopened-quote", "mismatched-quote", "straight-quote"]
                .map(String::from)
                .into(),
        ),
    ));
    let mut shallow = 0;
    for (label, select) in selections {
        let engine = Engine::new(
            LangRules::builtin("en").unwrap(),
            Settings {
                rules: RuleSelection {
                    select,
                    ..Default::default()
                },
            },
        );
        let depth = engine.lint_depth();
        for (path, text) in &fixtures {
            let format = InputFormat::from_path(path);
            let whole = frontend::check(&engine, format, text);
            let linted = frontend::lint(&engine, format, text);
            assert_eq!(
                linted.diagnostics,
                whole.diagnostics,
                "{label} on {}: analysing to {depth:?} changes the findings",
                path.display()
            );
            if depth == Depth::Quotes {
                assert!(linted.analysis.cues.is_empty() && linted.analysis.claims.is_empty());
                shallow += usize::from(!whole.analysis.cues.is_empty());
            }
        }
    }
    // The quotation-mark rules really did skip cues that were there.
    assert!(shallow > 0);
}

#[test]
fn the_default_rules_need_the_whole_analysis_and_mark_rules_only_the_quotes() {
    use quotecheck::analysis::Depth;
    let engine = |select: Option<&[&str]>| {
        Engine::new(
            LangRules::builtin("en").unwrap(),
            Settings {
                rules: RuleSelection {
                    select: select.map(|s| s.iter().map(|r| r.to_string()).collect()),
                    ..Default::default()
                },
            },
        )
        .lint_depth()
    };
    assert_eq!(engine(None), Depth::Claims);
    assert_eq!(
        engine(Some(&["unopened-quote", "mismatched-quote"])),
        Depth::Quotes
    );
    assert_eq!(engine(Some(&["missing-attribution"])), Depth::Attribution);
    assert_eq!(engine(Some(&["ambiguous-speaker"])), Depth::Claims);
}
