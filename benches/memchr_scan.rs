//! The reference any pass over the bytes is measured against: find every
//! quotation mark with `memchr` and nothing else.
//!
//! `cargo bench --bench memchr_scan` benches it on the long article;
//! `scripts/bench.sh` runs the built binary as
//! `memchr_scan --corpus FILE`, which reads FILE, counts its marks and
//! prints the count and the scan's throughput.

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

fn main() {
    let args: Vec<String> = std::env::args().collect();
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
