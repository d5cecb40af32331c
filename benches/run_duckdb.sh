#!/usr/bin/env bash
# ikrapport and DuckDB side by side on the national data set (issue 8), alternating in
# one run. Makes a virtual environment with the duckdb package (benches/requirements.txt)
# in benches/.venv, generates the data set once, builds in release.
# Then (b): every queries/*.sql in both engines (benches/duckdb/compare_queries.py).
# Usage: bash benches/run_duckdb.sh [runs]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
. benches/common.sh
generate_once national
venv benches/.venv benches/requirements.txt
benches/.venv/bin/python benches/compare_duckdb.py "$bin" "$work/national" "$runs"
# (b) every queries/*.sql in both engines on the same tables, time and rows compared.
flat="$work/export-flat"
rm -rf "$flat" "$work/out-b"
"$bin" run "$work/national" --out "$work/out-b" --format html -q --export-parquet "$flat" --partition ""
benches/.venv/bin/python benches/duckdb/compare_queries.py "$bin" "$work/national" "$flat" "$runs"
