//! Criterion benches: building the engine, and each stage of the pipeline
//! on one long article (`cargo bench --bench pipeline`).

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quotecheck::attribution::{self, Input};
use quotecheck::speakers::{self, SpeakerTable};
use quotecheck::tokens::tokenize;
use quotecheck::{Engine, cues, document, extract, lints, marks, quotes, render, sentences};

fn engine_new(c: &mut Criterion) {
    c.bench_function("Engine::english", |b| {
        b.iter(|| black_box(Engine::english()))
    });
}

fn stages(c: &mut Criterion) {
    let engine = Engine::english();
    let rules = &engine.lang;
    let text = common::long_article();
    let text = text.as_str();
    let paragraphs = document::paragraphs(text);
    let sents = sentences::split(text, &paragraphs, rules);
    let found = marks::scan(text);
    let pairing = quotes::pair(text, &found, &paragraphs, &sents, rules);
    let cue_list = cues::find(text, &sents, rules);
    let mut sightings = Vec::new();
    for &s in &sents {
        let toks = tokenize(text, s, rules);
        speakers::sightings(text, s, &toks, rules, &mut sightings);
    }
    let (analysis, diags) = engine.check(text);

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("paragraphs+sentences", |b| {
        b.iter(|| {
            let p = document::paragraphs(black_box(text));
            sentences::split(text, &p, rules)
        })
    });
    g.bench_function("marks+pairing", |b| {
        b.iter(|| {
            let m = marks::scan(black_box(text));
            quotes::pair(text, &m, &paragraphs, &sents, rules)
        })
    });
    g.bench_function("cues", |b| {
        b.iter(|| cues::find(black_box(text), &sents, rules))
    });
    g.bench_function("tokens+sightings", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            for &s in &sents {
                let toks = tokenize(black_box(text), s, rules);
                speakers::sightings(text, s, &toks, rules, &mut out);
            }
            out
        })
    });
    g.bench_function("attribution", |b| {
        b.iter(|| {
            let mut table = SpeakerTable::default();
            attribution::attribute(
                &Input {
                    text: black_box(text),
                    paragraphs: &paragraphs,
                    sentences: &sents,
                    quotes: &pairing.quotes,
                    cues: &cue_list,
                    sightings: &sightings,
                    rules,
                },
                &mut table,
            )
        })
    });
    g.bench_function("lints", |b| {
        b.iter(|| lints::run(black_box(text), &analysis, rules, &engine.settings.rules))
    });
    g.bench_function("render report", |b| {
        b.iter(|| render::report::render("bench.txt", black_box(text), &analysis, &diags, "bench"))
    });
    g.bench_function("extract records as JSON", |b| {
        b.iter(|| {
            serde_json::to_string(&extract::quote_records(black_box(text), &analysis)).unwrap()
        })
    });
    g.bench_function("whole check", |b| b.iter(|| engine.check(black_box(text))));
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = engine_new, stages
}
criterion_main!(benches);
