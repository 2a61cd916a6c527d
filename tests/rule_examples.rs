//! Every data lint's examples (`rules/lints/*.toml`): `bad` is flagged by
//! its rule, `ok` and `fixed` are not.

use std::collections::BTreeSet;

use quotecheck::engine::{Engine, Settings};
use quotecheck::lang::{LangRules, lint_examples};
use quotecheck::lints::{RuleSelection, find_rule};

#[test]
fn data_lint_examples_hold() {
    let files = lint_examples().unwrap();
    assert!(!files.is_empty());
    for file in files {
        assert!(
            find_rule(&file.rule).is_some(),
            "unknown rule {}",
            file.rule
        );
        assert!(!file.example.is_empty(), "{} has no examples", file.rule);
        let selection = RuleSelection {
            select: Some(BTreeSet::from([file.rule.clone()])),
            ..Default::default()
        };
        let engine = Engine::new(
            LangRules::builtin("en").unwrap(),
            Settings { rules: selection },
        );
        for ex in &file.example {
            if let Some(bad) = &ex.bad {
                let (_, d) = engine.check(bad);
                assert!(!d.is_empty(), "{}: not flagged: {bad}", file.rule);
            }
            for good in [&ex.ok, &ex.fixed].into_iter().flatten() {
                let (_, d) = engine.check(good);
                assert!(d.is_empty(), "{}: flagged: {good}\n{d:#?}", file.rule);
            }
        }
    }
}
