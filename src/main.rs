//! The `quotecheck` command line: a thin layer over the library. All
//! printing happens here.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
