//! The reference any pass over the bytes is measured against: find every
//! quotation mark with `memchr` and nothing else.
//!
//! `cargo bench --bench memchr_scan` benches it on the long article;
//! `scripts/bench.sh` runs the built binary as
//! `memchr_scan --corpus FILE`, which reads FILE, counts its marks and
//! prints the count and the scan's throughput.
//!
//! `memchr_scan --uax29 FILE` is the second yardstick: it splits the text
//! of every JSON line of FILE into sentences with `unicode-segmentation`
//! (a full UAX #29 pass, what a naive pipeline would run over every byte)
//! and prints that throughput. The issue that set the speed targets
//! measured it "near 40 MB/s"; on another machine its figure says how much
//! faster or slower that machine is.

mod common;

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, Throughput};

/// Counts the quotation marks in `bytes`: `"`, `'`, and the three-byte
/// marks U+2018–U+201E that start with E2 80 (the common curly quotes).
pub fn count_marks(bytes: &[u8]) -> usize {
    let mut n = 0;
    for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes) {
        match bytes[i] {
            0xE2 => {
                if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x98..=0x9E))
                {
                    n += 1;
                }
            }
            _ => n += 1,
        }
    }
    n
}

/// Splits every text into UAX #29 sentences; returns how many.
pub fn count_sentences(texts: &[String]) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    texts.iter().map(|t| t.unicode_sentences().count()).sum()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(pos) = args.iter().position(|a| a == "--uax29") {
        let path = args.get(pos + 1).expect("--uax29 FILE");
        let start = Instant::now();
        let data = std::fs::read_to_string(path).expect("read the corpus");
        let texts: Vec<String> = data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
            .collect();
        drop(data);
        let bytes: usize = texts.iter().map(String::len).sum();
        // (Reading and parsing the JSON lines is not the splitter's time.)
        let start_split = Instant::now();
        let n = count_sentences(&texts);
        let secs = start_split.elapsed().as_secs_f64();
        println!(
            "{n} sentences in {bytes} bytes, {secs:.3} s ({:.3} s with reading), {:.1} MB/s",
            start.elapsed().as_secs_f64(),
            bytes as f64 / 1e6 / secs
        );
        return;
    }
    if let Some(pos) = args.iter().position(|a| a == "--corpus") {
        let path = args.get(pos + 1).expect("--corpus FILE");
        let start = Instant::now();
        let bytes = std::fs::read(path).expect("read the corpus");
        let n = count_marks(&bytes);
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{n} marks in {} bytes, {secs:.3} s, {:.1} MB/s",
            bytes.len(),
            bytes.len() as f64 / 1e6 / secs
        );
        return;
    }
    let text = common::long_article();
    let mut c = Criterion::default().configure_from_args();
    let mut g = c.benchmark_group("reference");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("memchr quote-mark scan", |b| {
        b.iter(|| count_marks(black_box(text.as_bytes())))
    });
    g.finish();
    c.final_summary();
}
