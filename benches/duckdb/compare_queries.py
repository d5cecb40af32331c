#!/usr/bin/env python3
"""Measurement (b) of issue 8: every queries/*.sql on DuckDB and on ikrapport over the same
tables, the time of each query side by side, and each result compared row by row.

  ikrapport run <project> --export-parquet <dir> --partition ""     (one file per table)
  python3 benches/duckdb/compare_queries.py <bin> <project> <dir> [runs]

Both engines run each query on tables already in memory: DuckDB on tables loaded from
<dir> (`CREATE TABLE … AS SELECT * FROM read_parquet`), ikrapport as it does in `run`
(`-v` prints the milliseconds of each result table; the canonical tables are in memory
by then). Reading the inputs is measurement (a), not this one. Each query's
`{{placeholders}}` are filled from <dir>/params.json; where DuckDB's dialect needs
another spelling, `benches/duckdb/<name>.sql` is used instead and the report says so.

Timing: medians of `runs` (default 5). ikrapport's per-table figures come from
`runs` separate `run --format html -v` calls; DuckDB's from `runs` executions of the
query in one connection (result kept in a temporary table) with `PRAGMA threads` = the machine's cores, after one warm-up.
Exit code 1 when a result differs or a query fails.
"""

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb


def rows(rel_rows):
    """Rows as sorted tuples, floats rounded (the engines sum in different orders)."""
    out = []
    for r in rel_rows:
        out.append(tuple(round(v, 9) if isinstance(v, float) else (str(v) if v is not None else None) for v in r))
    return sorted(out, key=lambda t: tuple("" if x is None else str(x) for x in t))


def ikrapport_times(binary, project, runs):
    """Median milliseconds per result table over `runs` runs of `ikrapport run -v`."""
    per = {}
    line = re.compile(r"^\s*(\d+) ms\s+([a-z_]+)\s*$")
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            p = subprocess.run(
                [binary, "run", project, "--out", out, "--format", "html", "-v"],
                capture_output=True,
                text=True,
                check=True,
            )
            for l in p.stderr.splitlines():
                m = line.match(l)
                if m:
                    per.setdefault(m.group(2), []).append(int(m.group(1)))
    return {k: statistics.median(v) for k, v in per.items()}


def main():
    binary, project, export = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    here = Path(__file__).resolve().parent
    queries = here.parents[1] / "queries"
    params = json.loads((export / "params.json").read_text())

    con = duckdb.connect()
    con.execute(f"PRAGMA threads={os.cpu_count()}")
    for t in sorted(p for p in export.iterdir() if p.is_dir()):
        con.execute(f'CREATE TABLE "{t.name}" AS SELECT * FROM read_parquet(\'{t}/*.parquet\')')

    ik = ikrapport_times(binary, project, runs)

    failed = 0
    total_ik = total_duck = 0.0
    print(f"{'query':28} {'spelling':10} {'rows':>8} {'ikrapport ms':>13} {'DuckDB ms':>10} {'ratio':>6}  result")
    for q in sorted(queries.glob("*.sql")):
        name = q.stem
        own = here / f"{name}.sql"
        sql = (own if own.is_file() else q).read_text()
        sql = re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: params[m.group(1)], sql)
        how = "DuckDB" if own.is_file() else "unchanged"
        try:
            # The result is kept in a DuckDB table, as ikrapport keeps it in a DataFrame:
            # turning rows into Python objects is not part of the query's time.
            keep = f"CREATE OR REPLACE TEMP TABLE _result AS {sql}"
            con.execute(keep)  # warm-up
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                con.execute(keep)
                times.append((time.perf_counter() - t0) * 1000)
            duck = statistics.median(times)
            got = con.execute("SELECT * FROM _result")
            cols = [d[0] for d in got.description]
            a = got.fetchall()
            want = con.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{name}"').fetchall()
            same = rows(a) == rows(want)
            mine = ik.get(name)
            ratio = f"{mine / duck:6.2f}" if mine and duck else "     –"
            total_ik += mine or 0
            total_duck += duck
            print(
                f"{name:28} {how:10} {len(a):>8} {mine if mine is not None else '–':>13} "
                f"{duck:>10.1f} {ratio}  {'same' if same else 'DIFFERENT'}"
            )
            if not same:
                failed += 1
                ra, rw = rows(a), rows(want)
                print(f"    only in DuckDB: {[r for r in ra if r not in rw][:3]}")
                print(f"    only in ikrapport: {[r for r in rw if r not in ra][:3]}")
        except Exception as e:  # a dialect difference: report it, go on
            failed += 1
            first = str(e).strip().splitlines()[0][:200]
            print(f"{name:28} {how:10} FAILED: {first}")
    print(f"{'all queries':28} {'':10} {'':>8} {total_ik:>13.0f} {total_duck:>10.1f} {total_ik / total_duck:6.2f}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
