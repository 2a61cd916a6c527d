//! The `quotecheck` command line: a thin layer over the library. All
//! printing happens here.

mod alloc;
mod cli;

// The pipeline allocates many small, short-lived vectors and strings per
// sentence; mimalloc's thread-local free lists make that ~10% cheaper than
// glibc malloc on the benchmark corpus (scripts/bench.sh).
#[global_allocator]
static GLOBAL: alloc::Mimalloc = alloc::Mimalloc;

fn main() {
    std::process::exit(cli::run());
}
