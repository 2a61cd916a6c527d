#!/usr/bin/env bash
# Compares builds of quotecheck on the bench corpus, one thread, in
# interleaved rounds: each round runs every binary once, so a slow spell
# on a shared machine slows them all alike. Prints the best and the
# median MB/s of `check` and of `extract --jsonl` for each.
#
#   scripts/bench_compare.sh old=/path/to/quotecheck new=target/release/quotecheck
#   BENCH_ROUNDS=20 scripts/bench_compare.sh plain=target/release/quotecheck pgo=target/pgo/release/quotecheck
#
# Uses the corpus scripts/bench.sh builds (run that first; same BENCH_DIR).
set -euo pipefail
work=${BENCH_DIR:-${TMPDIR:-/tmp}/quotecheck-bench}
rounds=${BENCH_ROUNDS:-10}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
[ -f "$work/corpus.jsonl" ] && [ -d "$work/files" ] || {
  echo "no bench corpus in $work: run scripts/bench.sh first" >&2
  exit 2
}
[ $# -ge 1 ] || { echo "usage: $0 LABEL=BINARY..." >&2; exit 2; }
for lb in "$@"; do
  case $lb in
    *=*) [ -x "${lb#*=}" ] || { echo "not an executable: ${lb#*=}" >&2; exit 2; } ;;
    *) echo "expected LABEL=BINARY, got: $lb" >&2; exit 2 ;;
  esac
done
bytes=$(cat "$work"/files/*.txt | wc -c)
raw=$(mktemp)
trap 'rm -f "$raw" "$raw.t"' EXIT
for _ in $(seq "$rounds"); do
  for lb in "$@"; do
    label=${lb%%=*}
    bin=${lb#*=}
    /usr/bin/time -f %e -o "$raw.t" "$bin" check --threads 1 --format concise "$work/files" > /dev/null 2>&1 || true
    c=$(tail -n1 "$raw.t")
    /usr/bin/time -f %e -o "$raw.t" bash -c "'$bin' extract --jsonl --threads 1 < '$work/corpus.jsonl' > /dev/null"
    e=$(tail -n1 "$raw.t")
    echo "$label $c $e" >> "$raw"
  done
done
python3 - "$bytes" "$rounds" "$raw" <<'PY'
import statistics, sys
size, rounds, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
runs = {}
for line in open(path):
    label, check, extract = line.split()
    r = runs.setdefault(label, ([], []))
    r[0].append(float(check))
    r[1].append(float(extract))
print(f"{size / 1e6:.1f} MB, {rounds} interleaved rounds, one thread: MB/s best (median)")
for label, (check, extract) in runs.items():
    mbs = lambda t: size / 1e6 / t
    print(f"{label:12s} check {mbs(min(check)):6.1f} ({mbs(statistics.median(check)):6.1f})"
          f"   extract --jsonl {mbs(min(extract)):6.1f} ({mbs(statistics.median(extract)):6.1f})")
PY
