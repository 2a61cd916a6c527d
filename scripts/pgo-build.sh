#!/usr/bin/env bash
# Profile-guided release build: for archive runs, where a faster binary
# saves hours. Builds an instrumented quotecheck, runs it over a training
# sample (`check` and `extract --jsonl`), merges the profile and rebuilds
# with it. The result is the same program, laid out for the branches the
# sample takes: same output, less time.
#
#   scripts/pgo-build.sh                 # trains on tests/fixtures
#   scripts/pgo-build.sh SAMPLE.jsonl    # trains on your own {"id","text"} lines too
#
# Needs `llvm-profdata` matching rustc's LLVM: `rustup component add llvm-tools`
# (or a system llvm-profdata of the same major version). Writes the binary to
# target/pgo/release/quotecheck; the normal target/ is left alone.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sample=${1:-}
[ -z "$sample" ] || [ -f "$sample" ] || { echo "pgo-build: no such sample file: $sample" >&2; exit 2; }

sysroot=$(rustc --print sysroot)
host=$(rustc -vV | sed -n 's/^host: //p')
profdata=$sysroot/lib/rustlib/$host/bin/llvm-profdata
if [ ! -x "$profdata" ]; then
  llvm_major=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
  profdata=$(command -v "llvm-profdata-$llvm_major" || true)
fi
[ -n "$profdata" ] && [ -x "$profdata" ] || {
  echo "pgo-build: llvm-profdata not found; run: rustup component add llvm-tools" >&2
  exit 2
}

target=${PGO_TARGET_DIR:-$root/target/pgo}
data=$(mktemp -d "${TMPDIR:-/tmp}/quotecheck-pgo.XXXXXX")
trap 'rm -rf "$data"' EXIT

echo "pgo-build: instrumented build" >&2
# (RUSTFLAGS replaces the flags in .cargo/config.toml: its inline threshold
# is passed again here.)
RUSTFLAGS="${RUSTFLAGS:-} -Cllvm-args=-inline-threshold=600 -Cprofile-generate=$data/raw" \
  cargo build --release --quiet --manifest-path "$root/Cargo.toml" --target-dir "$target/gen"
gen=$target/gen/release/quotecheck

# The training runs: every fixture through `check` (all rules, the
# formats a newsroom uses) and `extract`, and the fixtures (and the
# sample) as JSON lines through `extract --jsonl`. Findings make `check`
# exit 1: that is expected here.
echo "pgo-build: training" >&2
fixtures=$root/tests/fixtures
for format in concise json full; do
  "$gen" check --isolated --threads 1 --format "$format" "$fixtures" > /dev/null 2>&1 || true
done
"$gen" extract --isolated --threads 1 "$fixtures" > /dev/null 2>&1 || true
python3 - "$fixtures" > "$data/fixtures.jsonl" <<'PY'
import glob, json, os, sys
for n, p in enumerate(sorted(glob.glob(os.path.join(sys.argv[1], "**/*.txt"), recursive=True))):
    print(json.dumps({"id": str(n), "text": open(p, encoding="utf-8").read()}, ensure_ascii=False))
PY
for _ in 1 2 3 4 5 6 7 8; do
  "$gen" extract --jsonl --threads 1 < "$data/fixtures.jsonl" > /dev/null
done
if [ -n "$sample" ]; then
  "$gen" extract --jsonl --threads 1 < "$sample" > /dev/null
fi

"$profdata" merge -o "$data/merged.profdata" "$data/raw"

echo "pgo-build: optimized build" >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cllvm-args=-inline-threshold=600 -Cprofile-use=$data/merged.profdata -Cllvm-args=-pgo-warn-missing-function=false" \
  cargo build --release --quiet --manifest-path "$root/Cargo.toml" --target-dir "$target"
bin=$target/release/quotecheck

# The optimized binary must say what the instrumented one (the same source,
# built without the profile) says, on the fixtures and on the sample.
run_both() { # LABEL BINARY
  "$2" extract --jsonl --threads 1 < "$data/fixtures.jsonl" > "$data/$1.jsonl"
  "$2" check --isolated --threads 1 --format json "$fixtures" > "$data/$1.json" 2>&1 || true
  if [ -n "$sample" ]; then
    "$2" extract --jsonl --threads 1 < "$sample" >> "$data/$1.jsonl"
  fi
}
run_both plain "$gen"
run_both pgo "$bin"
if ! cmp -s "$data/plain.jsonl" "$data/pgo.jsonl" || ! cmp -s "$data/plain.json" "$data/pgo.json"; then
  echo "pgo-build: the optimized binary's output differs from the plain build's; removed it" >&2
  rm -f "$bin"
  exit 1
fi
echo "$bin"
