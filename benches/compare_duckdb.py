#!/usr/bin/env python3
"""ikrapport and DuckDB side by side on the same files, alternating in one run (issue 8).

  (a) reading the deviation export (Windows-1252, `;`): `ikrapport validate` on a folder
      holding only that file, against DuckDB's `read_csv` into a table;
  (c) the whole job: `ikrapport run` (ingest, every result table, every chart and output)
      against DuckDB converting the CSV exports to Parquet and computing six core tables
      (deviation_counts, deviation_monthly, deviation_closure, risk_matrix,
      risk_by_sector, inspections_summary), without charts.

Not yet: (b) every queries/*.sql on the same Parquet tables in both engines (the queries
use polars SQL's CAST(date AS INTEGER); a DuckDB version of those lines is the next step).

Usage (from the repository root; `benches/run_duckdb.sh` makes the virtual environment):
  python3 benches/compare_duckdb.py <ikrapport binary> <generated project folder> [runs]
Prints one line per measurement (median, min–max of the runs) and the ratio.
"""

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb


def timed(fn):
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def run(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def duck_read(csv: Path):
    con = duckdb.connect()
    con.execute(
        f"CREATE TABLE d AS SELECT * FROM read_csv('{csv}', delim=';', header=true, "
        "encoding='latin-1', all_varchar=false)"
    )
    con.close()


def duck_pipeline(folder: Path, out: Path):
    """CSV exports → Parquet → six core tables, as an analyst would write it in DuckDB.
    (`trim(...)` inside `try_cast` keeps DuckDB from pushing the cast into the CSV reader,
    where a planted bad value would fail the whole read.)"""
    con = duckdb.connect()
    d = lambda f: str(folder / f)
    con.execute(f"""
        CREATE TABLE deviations AS SELECT
          Kommunenummer::VARCHAR AS kommunenummer, Sektor AS sector,
          try_strptime("Meldt dato", '%d.%m.%Y')::DATE AS reported_date,
          try_strptime("Lukket dato", '%d.%m.%Y')::DATE AS closed_date,
          lower(Meldingstype) AS type
        FROM read_csv('{d("avvik.csv")}', delim=';', header=true, encoding='latin-1', all_varchar=true)
        WHERE reported_date IS NOT NULL""")
    con.execute(f"""
        CREATE TABLE risks AS SELECT
          Kommunenummer::VARCHAR AS kommunenummer, Sektor AS sector, Enhet AS unit,
          "Navn på analyse" AS analysis,
          try_cast(trim("Sannsynlighet (1-5)") AS INT) AS probability,
          try_cast(trim("Konsekvens (1-5)") AS INT) AS consequence,
          try_cast(trim("Sannsynlighet (1-5)") AS INT) * try_cast(trim("Konsekvens (1-5)") AS INT) AS score,
          lower("Lovbrudd (ja/nei)") = 'ja' AS law_breach, Tiltak AS measure,
          try_cast(trim("S etter tiltak") AS INT) AS residual_probability,
          try_cast(trim("K etter tiltak") AS INT) AS residual_consequence,
          try_strptime("Vurdert dato", '%d.%m.%Y')::DATE AS assessed_date,
          try_strptime("Neste vurdering", '%d.%m.%Y')::DATE AS next_review_date
        FROM read_csv('{d("ros-register.csv")}', delim=';', header=true, all_varchar=true)""")
    con.execute(f"""
        CREATE TABLE inspections AS SELECT
          Kommunenummer::VARCHAR AS kommunenummer, Tilsynsmyndighet AS authority,
          try_strptime(Tilsynsdato, '%d.%m.%Y')::DATE AS date,
          try_cast(trim("Antall lovbrudd") AS INT) AS findings,
          try_cast(trim("Antall merknader") AS INT) AS remarks,
          try_strptime(Frist, '%d.%m.%Y')::DATE AS deadline,
          try_strptime("Lukket dato", '%d.%m.%Y')::DATE AS closed_date
        FROM read_csv('{d("tilsyn.csv")}', delim=';', header=true, all_varchar=true)""")
    for t in ["deviations", "risks", "inspections"]:
        con.execute(f"COPY {t} TO '{out / (t + '.parquet')}' (FORMAT parquet)")
    as_of = "DATE '2025-12-31'"
    core = {
        "deviation_counts": """
            SELECT kommunenummer, year(reported_date) AS year, sector, type, count(*) AS count
            FROM deviations GROUP BY ALL
            UNION ALL
            SELECT kommunenummer, year(reported_date), 'Hele kommunen', type, count(*)
            FROM deviations GROUP BY ALL""",
        "deviation_monthly": """
            SELECT kommunenummer, date_trunc('month', reported_date) AS month, sector, count(*) AS count
            FROM deviations GROUP BY ALL""",
        "deviation_closure": f"""
            SELECT kommunenummer, sector,
              count(*) FILTER (WHERE year(reported_date) = 2025) AS reported,
              count(*) FILTER (WHERE year(reported_date) = 2025 AND closed_date <= {as_of}) AS closed,
              median(closed_date - reported_date) FILTER (WHERE year(reported_date) = 2025 AND closed_date <= {as_of}) AS median_days,
              quantile_cont(closed_date - reported_date, 0.9) FILTER (WHERE year(reported_date) = 2025 AND closed_date <= {as_of}) AS p90_days,
              count(*) FILTER (WHERE reported_date <= {as_of} AND (closed_date IS NULL OR closed_date > {as_of})) AS open_at_as_of
            FROM deviations GROUP BY ALL""",
        "risk_matrix": """
            SELECT kommunenummer, probability, consequence, count(*) AS count
            FROM risks GROUP BY ALL""",
        "risk_by_sector": f"""
            SELECT kommunenummer, sector, count(*) AS risks, count(DISTINCT analysis) AS analyses,
              avg(score) AS mean_score, count(*) FILTER (WHERE score > 10) AS red,
              count(*) FILTER (WHERE (score > 10 OR law_breach) AND measure IS NULL) AS without_measure,
              count(*) FILTER (WHERE next_review_date < {as_of}) AS review_overdue
            FROM risks GROUP BY ALL""",
        "inspections_summary": f"""
            SELECT kommunenummer, year(date) AS year, authority, count(*) AS inspections,
              sum(findings) AS findings,
              sum(findings) FILTER (WHERE closed_date <= {as_of}) AS closed
            FROM inspections GROUP BY ALL""",
    }
    for name, sql in core.items():
        con.execute(f"CREATE TABLE {name} AS {sql}")
        con.execute(f"COPY {name} TO '{out / (name + '.parquet')}' (FORMAT parquet)")
    con.close()


def summary(name, a, b, label_a, label_b):
    ma, mb = statistics.median(a), statistics.median(b)
    print(
        f"{name}: {label_a} {ma:.2f} s ({min(a):.2f}–{max(a):.2f}), "
        f"{label_b} {mb:.2f} s ({min(b):.2f}–{max(b):.2f}), ratio {ma / mb:.2f}"
    )


def main():
    binary, folder = Path(sys.argv[1]), Path(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    work = Path(tempfile.mkdtemp(prefix="ikr-vs-duckdb-"))
    only = work / "avvik-only"
    only.mkdir()
    shutil.copy(folder / "avvik.csv", only / "avvik.csv")
    (only / "ikrapport.toml").write_text((folder / "ikrapport.toml").read_text())
    read_ikr, read_duck, all_ikr, all_duck = [], [], [], []
    for i in range(runs):
        # Alternate which goes first, so neither always has the warmer cache.
        pair = [
            lambda: read_ikr.append(timed(lambda: run([binary, "validate", only, "-q"]))),
            lambda: read_duck.append(timed(lambda: duck_read(only / "avvik.csv"))),
        ]
        for f in pair if i % 2 == 0 else reversed(pair):
            f()
    for i in range(runs):
        out_i, out_d = work / f"ikr-{i}", work / f"duck-{i}"
        out_d.mkdir()
        pair = [
            lambda: all_ikr.append(timed(lambda: run([binary, "run", folder, "--out", out_i, "-q"]))),
            lambda: all_duck.append(timed(lambda: duck_pipeline(folder, out_d))),
        ]
        for f in pair if i % 2 == 0 else reversed(pair):
            f()
        shutil.rmtree(out_i, ignore_errors=True)
        shutil.rmtree(out_d, ignore_errors=True)
    print(f"DuckDB {duckdb.__version__}, {runs} runs each, alternating, on {folder}")
    summary("(a) read the deviation CSV", read_ikr, read_duck, "ikrapport validate", "DuckDB read_csv")
    summary("(c) whole job", all_ikr, all_duck, "ikrapport run (bundle)", "DuckDB CSV→Parquet→6 tables")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
