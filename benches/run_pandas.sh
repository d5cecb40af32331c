#!/usr/bin/env bash
# ikrapport's whole bundle against the pandas + matplotlib script an analyst would write
# (benches/pandas/report.py), alternating in one run on the national data set.
# Makes a virtual environment with pandas and matplotlib (benches/pandas/requirements.txt)
# in benches/.venv-pandas, generates the data set once, builds in release.
# Usage: bash benches/run_pandas.sh [runs]   (from the repository root)
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
if [ ! -x benches/.venv-pandas/bin/python ]; then
  python3 -m venv benches/.venv-pandas
  benches/.venv-pandas/bin/pip install -q -r benches/pandas/requirements.txt
fi
benches/.venv-pandas/bin/python benches/pandas/compare.py "$bin" "$work/national" "$runs"
