#!/usr/bin/env bash
# ikrapport's whole bundle against the pandas + matplotlib script an analyst would write
# (benches/pandas/report.py), alternating in one run on the national data set.
# Makes a virtual environment with pandas and matplotlib (benches/pandas/requirements.txt)
# in benches/.venv-pandas, generates the data set once, builds in release.
# Usage: bash benches/run_pandas.sh [runs]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
. benches/common.sh
generate_once national
venv benches/.venv-pandas benches/pandas/requirements.txt
benches/.venv-pandas/bin/python benches/pandas/compare.py "$bin" "$work/national" "$runs"
