//! The SARIF output validates against the published SARIF 2.1.0 JSON
//! schema (a copy in tests/data, so the test runs offline), and carries
//! what GitHub code scanning reads.

mod cli_support;

use cli_support::{fixture, quotecheck, tree};
use serde_json::Value;

fn schema() -> jsonschema::Validator {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the SARIF schema compiles")
}

fn errors(validator: &jsonschema::Validator, v: &Value) -> Vec<String> {
    validator
        .iter_errors(v)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_validates_against_the_schema() {
    let t = tree(&[
        (
            "quotecheck.toml",
            "select = [\"ALL\"]\nquote-style = \"curly\"\n",
        ),
        ("news/article.txt", &fixture("article.txt")),
        ("news/article.md", &fixture("article.md")),
        ("news/article.html", &fixture("article.html")),
        (
            "news/with space.txt",
            "Ferry fees\n\nOfficials met. The talks went well,” the minister said.\n",
        ),
    ]);
    let run = quotecheck(t.path(), &["check", "--format", "sarif", "news"], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    let validator = schema();
    let errs = errors(&validator, &v);
    assert!(errs.is_empty(), "{errs:#?}");

    let run0 = &v["runs"][0];
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "quotecheck");
    assert!(
        driver["informationUri"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), quotecheck::lints::RULES.len());
    for (r, rule) in rules.iter().zip(quotecheck::lints::RULES) {
        assert_eq!(r["id"], rule.name);
        assert_eq!(r["help"]["text"], rule.docs());
        assert!(!r["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert!(matches!(
            r["defaultConfiguration"]["level"].as_str(),
            Some("error" | "warning" | "note")
        ));
    }
    let results = run0["results"].as_array().unwrap();
    let uris: std::collections::BTreeSet<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(uris.contains("news/article.md"), "{uris:?}");
    assert!(uris.contains("news/with%20space.txt"), "{uris:?}");
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
    }
    // Fixes are carried: the flipped mark's replacement, the straight
    // marks' restyling and the unopened quote's insertion.
    let fixes: Vec<&Value> = results.iter().filter_map(|r| r.get("fixes")).collect();
    assert!(fixes.len() >= 3, "{fixes:#?}");
}

#[test]
fn the_validator_rejects_a_broken_log() {
    let t = tree(&[("a.txt", &fixture("article.txt"))]);
    let run = quotecheck(t.path(), &["check", "--format", "sarif", "a.txt"], None);
    let mut v: Value = serde_json::from_str(&run.stdout).unwrap();
    let validator = schema();
    assert!(errors(&validator, &v).is_empty());
    v["runs"][0]["results"][0]["level"] = Value::String("fatal".into());
    assert!(!errors(&validator, &v).is_empty());
    v["version"] = Value::String("2.0".into());
    assert!(!errors(&validator, &v).is_empty());
}

#[test]
fn an_empty_run_is_valid_too() {
    let t = tree(&[(
        "clean.txt",
        "Ferry fees\n\n“The plant will close in March,” the mayor said.\n",
    )]);
    let run = quotecheck(
        t.path(),
        &[
            "check",
            "--format",
            "sarif",
            "--select",
            "unclosed-quote",
            "clean.txt",
        ],
        None,
    );
    assert_eq!(run.code, 0);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(errors(&schema(), &v).is_empty());
    assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), 0);
}
