#!/usr/bin/env bash
# Every queries/*.sql on Apache Spark (local mode, pyspark from PyPI, the machine's Java
# 17) over ikrapport's hive-partitioned export of a project, compared table by table
# with ikrapport's own results (issue 8, "beyond one machine").
# Usage: bash benches/run_spark.sh [project folder]   (default sample-data/benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
project="${1:-sample-data/benchmark}"
. benches/common.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" run "$project" --out "$work/rapport" --format html -q --export-parquet "$work/eksport"
venv benches/.venv-spark benches/spark/requirements.txt
benches/.venv-spark/bin/python benches/spark/compare_spark.py "$work/eksport"
