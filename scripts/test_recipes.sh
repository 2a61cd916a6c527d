#!/usr/bin/env bash
# Tests the archive-scale recipes against a plain `extract --jsonl` run:
# scripts/parallel_extract.sh (GNU parallel) and scripts/spark_extract.py
# (PySpark RDD.pipe, local mode) must write the same records in the same
# order. Prints each run's time and MB/s. CI does not run it (it needs
# GNU parallel, PySpark and Java); run it by hand:
#
#   apt-get install parallel default-jre-headless && pip install pyspark
#   scripts/test_recipes.sh                   # the fixtures, repeated to ~20 MB
#   scripts/test_recipes.sh corpus.jsonl      # any {"id","text"} JSON lines
#
# A recipe whose tool is missing is reported as skipped, and the script
# exits 1 if any recipe ran and differed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/quotecheck-recipes.XXXXXX")
trap 'rm -rf "$work"' EXIT
bin=${QUOTECHECK:-${CARGO_TARGET_DIR:-$root/target}/release/quotecheck}
[ -x "$bin" ] || cargo build --release --quiet --manifest-path "$root/Cargo.toml"
export QUOTECHECK=$bin

input=${1:-}
if [ -z "$input" ]; then
  input=$work/corpus.jsonl
  python3 - "$root" "$input" "${RECIPE_MB:-20}" <<'PY'
import glob, json, os, sys
root, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [open(p, encoding="utf-8").read()
         for p in sorted(glob.glob(os.path.join(root, "tests/fixtures/**/*.txt"), recursive=True))]
total, n = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while total < mb * 1_000_000:
        for t in texts:
            f.write(json.dumps({"id": str(n), "text": t}, ensure_ascii=False) + "\n")
            total += len(t.encode("utf-8"))
            n += 1
PY
fi
bytes=$(wc -c < "$input")
lines=$(wc -l < "$input")
printf 'input: %d records, %.1f MB\n' "$lines" "$(echo "$bytes / 1000000" | bc -l)"

now() { date +%s.%N; }
rate() { # START END
  local s
  s=$(echo "$2 - $1" | bc -l)
  printf '%6.2f s %7.1f MB/s' "$s" "$(echo "$bytes / 1000000 / $s" | bc -l)"
}

failed=0
t0=$(now)
"$bin" extract --jsonl --threads 1 < "$input" > "$work/reference.jsonl"
t1=$(now)
printf '%-40s %s\n' "extract --jsonl --threads 1" "$(rate "$t0" "$t1")"
[ "$(wc -l < "$work/reference.jsonl")" -eq "$lines" ] || { echo "reference: not one line per record" >&2; exit 1; }

if command -v parallel > /dev/null; then
  t0=$(now)
  "$root/scripts/parallel_extract.sh" < "$input" > "$work/parallel.jsonl"
  t1=$(now)
  if cmp -s "$work/reference.jsonl" "$work/parallel.jsonl"; then verdict=same; else verdict=DIFFERENT; failed=1; fi
  printf '%-40s %s   %s\n' "parallel_extract.sh ($(nproc) jobs)" "$(rate "$t0" "$t1")" "$verdict"
else
  echo "parallel_extract.sh: skipped (no GNU parallel)"
fi

if python3 -c 'import pyspark' 2> /dev/null && command -v java > /dev/null; then
  t0=$(now)
  python3 "$root/scripts/spark_extract.py" --quotecheck "$bin" "$input" "$work/spark" 2> "$work/spark.log" || {
    tail -20 "$work/spark.log" >&2
    exit 1
  }
  t1=$(now)
  # Part files in partition order, each in input order.
  cat "$work"/spark/part-* > "$work/spark.jsonl"
  if cmp -s "$work/reference.jsonl" "$work/spark.jsonl"; then verdict=same; else verdict=DIFFERENT; failed=1; fi
  printf '%-40s %s   %s (with Spark start-up)\n' "spark_extract.py (local[*])" "$(rate "$t0" "$t1")" "$verdict"
else
  echo "spark_extract.py: skipped (needs pyspark and java)"
fi
exit $failed
