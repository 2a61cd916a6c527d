#!/usr/bin/env bash
# Scores quotecheck on the PolNeAR data in ../shared/eval (not part of the
# test suite: the data is not in the repository).
#   scripts/eval.sh [dev|train]
set -euo pipefail
split=${1:-dev}
root=$(cd "$(dirname "$0")/.." && pwd)
eval_dir=${QUOTECHECK_EVAL:-$root/../shared/eval}
[ -d "$eval_dir" ] || { echo "no evaluation data at $eval_dir" >&2; exit 2; }
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin=${CARGO_TARGET_DIR:-$root/target}/release/quotecheck
out=${TMPDIR:-/tmp}/quotecheck-eval-$split
mkdir -p "$out"
"$bin" extract --jsonl < "$eval_dir/polnear_$split.jsonl" > "$out/pred.jsonl"
python3 "$eval_dir/score.py" "$eval_dir/polnear_$split.jsonl" "$out/pred.jsonl" --pred-offsets bytes | grep -v '^{'
if [ -f "$eval_dir/polnear_claims_$split.jsonl" ] && grep -q '"claims"' "$out/pred.jsonl"; then
  python3 "$eval_dir/score_claims.py" "$eval_dir/polnear_claims_$split.jsonl" "$out/pred.jsonl" --pred-offsets bytes | grep -v '^{'
fi
echo "predictions: $out/pred.jsonl"
