#!/usr/bin/env bash
# Whole-process benchmark: builds a corpus of >= 50 MB from the article
# fixtures (and the PolNeAR texts in ../shared/eval when present), then
# times `quotecheck check` and `quotecheck extract --jsonl` in a release
# build on one core and on all cores, and the memchr quotation-mark scan
# (benches/memchr_scan.rs) that bounds what any pass over the bytes costs.
#
#   scripts/bench.sh            # corpus of 50 MB, best of 3 runs
#   BENCH_MB=100 BENCH_RUNS=5 scripts/bench.sh
#   BENCH_BIN=target/pgo/release/quotecheck scripts/bench.sh   # another build
#                                         # (scripts/pgo-build.sh makes this one)
#
# Reports MB/s, peak RSS (from /usr/bin/time -v) and the ratio of our
# throughput to the scan's. `--threads` is used for the all-cores figure
# when the CLI has it; otherwise the corpus is split into one shard per
# core and as many processes run at once (the figure says which).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mb=${BENCH_MB:-50}
runs=${BENCH_RUNS:-3}
cores=${BENCH_CORES:-$(nproc)}
eval_dir=${QUOTECHECK_EVAL:-$root/../shared/eval}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/quotecheck-bench}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

if [ -n "${BENCH_BIN:-}" ]; then
  [ -x "$BENCH_BIN" ] || { echo "BENCH_BIN is not an executable: $BENCH_BIN" >&2; exit 2; }
  bin=$(cd "$(dirname "$BENCH_BIN")" && pwd)/$(basename "$BENCH_BIN")
else
  cargo build --release --quiet --manifest-path "$root/Cargo.toml"
  bin=${CARGO_TARGET_DIR:-$root/target}/release/quotecheck
fi
echo "binary: $bin"
scan=$(cargo bench --quiet --manifest-path "$root/Cargo.toml" --bench memchr_scan --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "memchr_scan":
        print(m["executable"])')

# `scripts/bench.sh scaling`: 10^3, 10^4 and 10^5 quotation marks in one
# paragraph, balanced and all-opening; the time should grow linearly.
if [ "${1:-}" = scaling ]; then
  mkdir -p "$work"
  for n in 1000 10000 100000; do
    python3 -c "import sys; n=int(sys.argv[1]); print(''.join('“a” ' if i % 2 == 0 else '\"b\" ' for i in range(n // 2)))" $n > "$work/marks-$n.txt"
    python3 -c "import sys; print('“a ' * int(sys.argv[1]))" $n > "$work/open-$n.txt"
    for kind in marks open; do
      /usr/bin/time -f "%e %M" -o "$work/time.txt" "$bin" check --format concise "$work/$kind-$n.txt" > /dev/null 2>&1 || true
      read -r s kb < <(tail -n1 "$work/time.txt")
      printf '%-9s %7d marks  %6.2f s  %7.1f MB peak RSS\n' "$kind" "$n" "$s" "$(echo "$kb / 1024" | bc -l)"
    done
  done
  exit 0
fi

# The corpus: every article once per round until it is >= $mb MB, as one
# .txt file per article (for check) and one JSON line per article (for
# extract --jsonl), and both split into $cores shards.
mkdir -p "$work"
python3 - "$root" "$eval_dir" "$work" "$mb" "$cores" <<'PY'
import glob, json, os, shutil, sys
root, eval_dir, work, mb, cores = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
texts = []
for p in sorted(glob.glob(os.path.join(root, "tests/fixtures/**/*.txt"), recursive=True)):
    texts.append(open(p, encoding="utf-8").read())
for split in ("dev", "train"):
    p = os.path.join(eval_dir, f"polnear_{split}.jsonl")
    if os.path.exists(p):
        for line in open(p, encoding="utf-8"):
            texts.append(json.loads(line)["text"])
stamp = os.path.join(work, "stamp")
key = f"{mb} {cores} {len(texts)} {sum(len(t) for t in texts)}"
if os.path.exists(stamp) and open(stamp).read() == key:
    sys.exit(0)
for d in ("files", "shards"):
    shutil.rmtree(os.path.join(work, d), ignore_errors=True)
os.makedirs(os.path.join(work, "files"))
for c in range(cores):
    os.makedirs(os.path.join(work, "shards", str(c)))
jsonl = open(os.path.join(work, "corpus.jsonl"), "w", encoding="utf-8")
shard_jsonl = [open(os.path.join(work, "shards", f"{c}.jsonl"), "w", encoding="utf-8") for c in range(cores)]
total, n = 0, 0
while total < mb * 1_000_000:
    for t in texts:
        name = f"{n:06d}.txt"
        with open(os.path.join(work, "files", name), "w", encoding="utf-8") as f:
            f.write(t)
        os.link(os.path.join(work, "files", name), os.path.join(work, "shards", str(n % cores), name))
        line = json.dumps({"id": str(n), "text": t}, ensure_ascii=False) + "\n"
        jsonl.write(line)
        shard_jsonl[n % cores].write(line)
        total += len(t.encode("utf-8"))
        n += 1
jsonl.close()
for f in shard_jsonl:
    f.close()
open(stamp, "w").write(key)
PY
bytes=$(cat "$work"/files/*.txt | wc -c)
nfiles=$(ls "$work/files" | wc -l)
printf 'corpus: %d articles, %.1f MB (%s)\n' "$nfiles" "$(echo "$bytes / 1000000" | bc -l)" "$work"

threads_flag=
if "$bin" check --help 2>/dev/null | grep -q -- '--threads'; then threads_flag=yes; fi

# time_best LABEL CMD...: best wall time of $runs runs, and the peak RSS.
best_s=0
best_kb=0
time_best() {
  best_s=999999
  best_kb=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null 2>> "$work/stderr.txt" || true
    local s kb
    s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, a, ":"); t = 0; for (i = 1; i <= n; i++) t = t * 60 + a[i]; print t}' "$work/time.txt")
    kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.txt")
    if (( $(echo "$s < $best_s" | bc -l) )); then best_s=$s; fi
    if (( kb > best_kb )); then best_kb=$kb; fi
  done
}

# time_shards CMD-WITH-{}: one process per shard at once; wall time of the
# whole, the largest peak RSS of one process.
time_shards() {
  best_s=999999
  best_kb=0
  for _ in $(seq "$runs"); do
    local start end s
    start=$(date +%s.%N)
    for c in $(seq 0 $((cores - 1))); do
      /usr/bin/time -v -o "$work/time.$c.txt" bash -c "${1//\{\}/$c}" > /dev/null 2>> "$work/stderr.txt" &
    done
    wait
    end=$(date +%s.%N)
    s=$(echo "$end - $start" | bc -l)
    if (( $(echo "$s < $best_s" | bc -l) )); then best_s=$s; fi
    for c in $(seq 0 $((cores - 1))); do
      local kb
      kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.$c.txt")
      if (( kb > best_kb )); then best_kb=$kb; fi
    done
  done
}

: > "$work/stderr.txt"
report() { # LABEL
  local mbs
  mbs=$(echo "$bytes / 1000000 / $best_s" | bc -l)
  printf '%-34s %7.2f s %8.1f MB/s %8.1f MB peak RSS' "$1" "$best_s" "$mbs" "$(echo "$best_kb / 1024" | bc -l)"
  if [ -n "${scan_mbs:-}" ]; then printf '   ratio to scan %.4f' "$(echo "$mbs / $scan_mbs" | bc -l)"; fi
  if [ -n "${uax_mbs:-}" ]; then printf '   x UAX29 %.2f' "$(echo "$mbs / $uax_mbs" | bc -l)"; fi
  printf '\n'
}

time_best "$scan" --corpus "$work/corpus.jsonl"
scan_mbs=
report "memchr quote-mark scan"
scan_mbs=$(echo "$bytes / 1000000 / $best_s" | bc -l)

# The second yardstick: unicode-segmentation's UAX #29 sentence splitter
# over the same texts (the splitting alone, best of $runs). The issue that
# set the targets (check >= 100 MB/s, extract >= 50 MB/s on one thread)
# measured it near 40 MB/s; "x UAX29" is each line's speed over it, so
# the targets read 2.5x and 1.25x on any machine.
uax_mbs=0
for _ in $(seq "$runs"); do
  m=$("$scan" --uax29 "$work/corpus.jsonl" | sed -n 's/.*, \([0-9.]*\) MB\/s$/\1/p')
  if (( $(echo "$m > $uax_mbs" | bc -l) )); then uax_mbs=$m; fi
done
printf '%-34s %7s   %8.1f MB/s   (the splitter alone; targets: check 2.5x, extract 1.25x)\n' "UAX #29 sentence split" "" "$uax_mbs"

# One thread: `--threads 1` where the CLI has it (without it, `check` and
# `extract` use every core).
one=
if [ -n "$threads_flag" ]; then one="--threads 1"; fi
time_best "$bin" check $one --format concise "$work/files"
report "check, 1 thread"
time_best "$bin" check $one "$work/files"
report "check --format full, 1 thread"
# Only the quotation-mark rules: `check` analyses no deeper than its
# selected rules read, so this skips cues, speakers and claims.
time_best "$bin" check $one --format concise --select unopened-quote,mismatched-quote,straight-quote "$work/files"
report "check, quote-mark rules, 1 thread"
time_best bash -c "'$bin' extract --jsonl $one < '$work/corpus.jsonl'"
report "extract --jsonl, 1 thread"

if [ -n "$threads_flag" ]; then
  time_best "$bin" check --threads "$cores" --format concise "$work/files"
  report "check, --threads $cores"
  time_best bash -c "'$bin' extract --jsonl --threads $cores < '$work/corpus.jsonl'"
  report "extract --jsonl, --threads $cores"
fi
time_shards "'$bin' check --format concise '$work/shards/{}'"
report "check, $cores processes x 1 shard"
time_shards "'$bin' extract --jsonl < '$work/shards/{}.jsonl'"
report "extract --jsonl, $cores procs x shard"
