#!/usr/bin/env bash
# ikrapport and DuckDB side by side on the national data set (issue 8), alternating in
# one run. Makes a virtual environment with the duckdb package (benches/requirements.txt)
# in benches/.venv, generates the data set once, builds in release.
# Then (b): every queries/*.sql in both engines (benches/duckdb/compare_queries.py).
# Usage: bash benches/run_duckdb.sh [runs]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release -q
bin="$CARGO_TARGET_DIR/release/ikrapport"
work="${BENCH_DIR:-/tmp/ikrapport-bench}"
ref="../shared/reference/municipalities-2025.csv"
mkdir -p "$work"
if [ ! -d "$work/national" ]; then
  if [ -f "$ref" ]; then
    "$bin" generate --profile national --reference "$ref" --out "$work/national" -q
  else
    "$bin" generate --profile national --out "$work/national" -q
  fi
fi
if [ ! -x benches/.venv/bin/python ]; then
  python3 -m venv benches/.venv
  benches/.venv/bin/pip install -q -r benches/requirements.txt
fi
benches/.venv/bin/python benches/compare_duckdb.py "$bin" "$work/national" "$runs"
# (b) every queries/*.sql in both engines on the same tables, time and rows compared.
flat="$work/export-flat"
rm -rf "$flat" "$work/out-b"
"$bin" run "$work/national" --out "$work/out-b" --format html -q --export-parquet "$flat" --partition ""
benches/.venv/bin/python benches/duckdb/compare_queries.py "$bin" "$work/national" "$flat" "$runs"
