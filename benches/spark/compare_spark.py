#!/usr/bin/env python3
"""Run every queries/*.sql unchanged on Apache Spark (local mode) over ikrapport's
hive-partitioned export, and compare each result with ikrapport's, table by table
(issue 8: a research group with more data than one machine runs the same queries on a
cluster).

  ikrapport run <project> --export-parquet <dir>
  python3 benches/spark/compare_spark.py <dir> [queries folder]

Every table of <dir> becomes a Spark view (partition columns read as text); each query
has its `{{placeholders}}` replaced from <dir>/params.json and runs as written. Where
Spark's dialect needs another spelling, `benches/spark/<name>.sql` beside this script is
used instead, and the report says so. Exit code 1 when any table differs or fails.
"""

import json
import re
import sys
from pathlib import Path

from pyspark.sql import SparkSession


def rows(df, cols):
    """Rows as sorted tuples, floats rounded (the engines sum in different orders)."""
    out = []
    for r in df.select(*cols).collect():
        out.append(tuple(round(v, 9) if isinstance(v, float) else (str(v) if v is not None else None) for v in r))
    return sorted(out, key=lambda t: tuple("" if x is None else str(x) for x in t))


def main():
    export = Path(sys.argv[1])
    queries = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parents[2] / "queries"
    dialect = Path(__file__).resolve().parent
    params = json.loads((export / "params.json").read_text())
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("ikrapport-queries")
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    # A query that fails is reported below in one line; Spark's own log is not needed.
    spark.sparkContext.setLogLevel("OFF")
    for t in sorted(p for p in export.iterdir() if p.is_dir()):
        spark.read.option("basePath", str(t)).parquet(str(t)).createOrReplaceTempView(t.name)
    failed = 0
    for q in sorted(queries.glob("*.sql")):
        name = q.stem
        own = dialect / f"{name}.sql"
        sql = (own if own.is_file() else q).read_text()
        sql = re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: params[m.group(1)], sql)
        sql = "\n".join(l for l in sql.splitlines() if not l.lstrip().startswith("--"))
        how = "Spark version" if own.is_file() else "unchanged"
        try:
            got = spark.sql(sql)
            want = spark.table(name)
            cols = got.columns
            a, b = rows(got, cols), rows(want, cols)
            same = a == b
            print(f"{name:28} {how:14} {len(a):>7} rows  {'same' if same else 'DIFFERENT'}")
            if not same:
                failed += 1
                extra = [r for r in a if r not in b][:3]
                missing = [r for r in b if r not in a][:3]
                print(f"    only in Spark: {extra}\n    only in ikrapport: {missing}")
        except Exception as e:  # a dialect difference: report it, go on
            failed += 1
            first = str(e).strip().splitlines()[0][:200]
            print(f"{name:28} {how:14} FAILED: {first}")
    spark.stop()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
