#!/usr/bin/env python3
"""Archive-scale extraction under Spark: `quotecheck extract --jsonl` is a
streaming map step, so `RDD.pipe` runs it over each partition of a
JSON-lines corpus (`{"id","text"}` a line) and writes one result line per
record.

    pip install pyspark            # needs a Java runtime (apt-get install default-jre-headless)
    cargo build --release
    python3 scripts/spark_extract.py articles.jsonl out/ [--partitions 8] [--master local[*]]

The output directory holds Spark's part files, one JSON line per input
record in input order within each partition. Records that quotecheck
cannot read come out as {"line", "error"} lines (the line number is within
the partition).
"""

import argparse
import os
import sys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="JSON lines, {\"id\",\"text\"} each")
    ap.add_argument("output", help="output directory (must not exist)")
    ap.add_argument("--partitions", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--master", default="local[*]")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--quotecheck", default=os.path.join(root, "target", "release", "quotecheck"))
    args = ap.parse_args()
    if not os.access(args.quotecheck, os.X_OK):
        print(f"no quotecheck binary at {args.quotecheck}: run `cargo build --release`", file=sys.stderr)
        return 2
    from pyspark import SparkContext

    sc = SparkContext(master=args.master, appName="quotecheck-extract")
    sc.setLogLevel("WARN")
    try:
        lines = sc.textFile(args.input, minPartitions=args.partitions)
        # Each partition's lines go to one quotecheck process on stdin;
        # its stdout lines are the partition's result.
        out = lines.pipe(f"{args.quotecheck} extract --jsonl --threads 1", env={"NO_COLOR": "1"})
        out.saveAsTextFile(args.output)
    finally:
        sc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
