#!/usr/bin/env bash
# Speed and memory of the whole pipeline on generated data (04-cli-and-scale.md, "Scale").
# Usage: bash benches/run.sh [kommune|national|national-x10|all]   (from the repository root)
# `all` is kommune and national; national-x10 (~14 M deviations, 2.7 GB of CSV, about
# 16 GB of memory today) runs only when asked for by name.
# Needs only the Rust toolchain; uses GNU time for peak memory when /usr/bin/time exists.
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release -q
bin="$CARGO_TARGET_DIR/release/ikrapport"
work="${BENCH_DIR:-/tmp/ikrapport-bench}"
mkdir -p "$work"
ref="../shared/reference/municipalities-2025.csv"

measure() { # name, command...
  local name="$1"; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "$name: %e s wall, %M KB peak RSS" "$@" > /dev/null
  else
    local t0; t0=$(date +%s.%N); "$@" > /dev/null; echo "$name: $(echo "$(date +%s.%N) - $t0" | bc) s wall"
  fi
}

if [ "$which" = kommune ] || [ "$which" = all ]; then
  [ -d "$work/kommune" ] || "$bin" generate --out "$work/kommune" -q
  measure "kommune validate" "$bin" validate "$work/kommune" -q
  measure "kommune run" "$bin" run "$work/kommune" --out "$work/out-kommune" -q
fi
if [ "$which" = national ] || [ "$which" = all ]; then
  if [ ! -d "$work/national" ]; then
    if [ -f "$ref" ]; then
      measure "national generate" "$bin" generate --profile national --reference "$ref" --out "$work/national" -q
    else
      measure "national generate" "$bin" generate --profile national --out "$work/national" -q
    fi
  fi
  du -sh "$work/national"
  measure "national validate" "$bin" validate "$work/national" -q
  measure "national run" "$bin" run "$work/national" --out "$work/out-national" -q
fi
if [ "$which" = national-x10 ]; then
  if [ ! -d "$work/national-x10" ]; then
    if [ -f "$ref" ]; then
      measure "national-x10 generate" "$bin" generate --profile national-x10 --reference "$ref" --out "$work/national-x10" -q
    else
      measure "national-x10 generate" "$bin" generate --profile national-x10 --out "$work/national-x10" -q
    fi
  fi
  du -sh "$work/national-x10"
  measure "national-x10 run" "$bin" run "$work/national-x10" --out "$work/out-national-x10" -q
fi
