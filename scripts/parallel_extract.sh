#!/usr/bin/env bash
# Archive-scale extraction with GNU parallel: `extract --jsonl` is a
# streaming map step, so parallel cuts the JSON-lines input into blocks at
# line boundaries and runs one quotecheck per block, one per core, keeping
# the output in input order.
#
#   apt-get install parallel
#   scripts/parallel_extract.sh < articles.jsonl > quotes.jsonl
#   JOBS=8 BLOCK=20M scripts/parallel_extract.sh < in.jsonl > out.jsonl
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${QUOTECHECK:-${CARGO_TARGET_DIR:-$root/target}/release/quotecheck}
[ -x "$bin" ] || cargo build --release --quiet --manifest-path "$root/Cargo.toml"
exec parallel --pipe --keep-order --block "${BLOCK:-10M}" --jobs "${JOBS:-$(nproc)}" "$bin" extract --jsonl --threads 1
