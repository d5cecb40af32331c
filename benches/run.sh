#!/usr/bin/env bash
# Speed and memory of the whole pipeline on generated data (04-cli-and-scale.md, "Scale").
# Usage: bash benches/run.sh [kommune|national|national-x10|scale|all]   (from the repository root)
# `all` is kommune and national; national-x10 (~14 M deviations, 2.7 GB of CSV, about
# 5 GB of memory) runs only when asked for by name. `scale` alternates national and
# national-x10 runs (the target "x10 at most 10 × national" is a ratio, and this host's
# speed drifts by a third within minutes). RUNS=n sets the repetitions.
# Needs only the Rust toolchain; uses GNU time for peak memory when /usr/bin/time exists.
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
. benches/common.sh

runs="${RUNS:-5}"

measure() { # name, command...  (one run: wall and peak)
  local name="$1"; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "$name: %e s wall, %M KB peak RSS" "$@" > /dev/null
  else
    local t0; t0=$(date +%s.%N); "$@" > /dev/null; echo "$name: $(echo "$(date +%s.%N) - $t0" | bc) s wall"
  fi
}

# `run` on a data set $RUNS times (RUNS=1 for national-x10 unless set): every run's wall
# time and peak memory, the wall time and peak of each stage (`-v`: ingest, analytics,
# report, charts, html, md, docx, tables, data, manifest) of the last run, and the
# median (min–max) of wall and peak.
measure_run() { # name, data folder, runs
  local name="$1" data="$2" n="$3" log="$work/run-$1.log"
  : > "$log.sum"
  for i in $(seq "$n"); do
    /usr/bin/time -f "%e %M" -o "$log.time" "$bin" run "$data" --out "$work/out-$name" -v > /dev/null 2> "$log"
    cat "$log.time" >> "$log.sum"
    echo "$name run $i: $(awk '{printf "%.2f s wall, %.0f MB peak", $1, $2/1024}' "$log.time")"
  done
  echo "$name stages (last run):"
  grep -E "ms  stage " "$log" | sed 's/^/  /'
  sort -n -k1 "$log.sum" | awk -v n="$name" '{w[NR]=$1} END {printf "%s run: median %.2f s (%.2f–%.2f) wall over %d runs\n", n, w[int((NR+1)/2)], w[1], w[NR], NR}'
  sort -n -k2 "$log.sum" | awk -v n="$name" '{m[NR]=$2} END {printf "%s run: median %.0f MB (%.0f–%.0f) peak\n", n, m[int((NR+1)/2)]/1024, m[1]/1024, m[NR]/1024}'
}

if [ "$which" = kommune ] || [ "$which" = all ]; then
  [ -d "$work/kommune" ] || "$bin" generate --out "$work/kommune" -q
  measure "kommune validate" "$bin" validate "$work/kommune" -q
  measure_run kommune "$work/kommune" "$runs"
fi
if [ "$which" = national ] || [ "$which" = all ]; then
  generate_once national
  du -sh "$work/national"
  measure "national validate" "$bin" validate "$work/national" -q
  measure_run national "$work/national" "$runs"
fi
if [ "$which" = national-x10 ]; then
  generate_once national-x10
  du -sh "$work/national-x10"
  measure_run national-x10 "$work/national-x10" "${RUNS:-1}"
fi
if [ "$which" = scale ]; then
  [ -x /usr/bin/time ] || { echo "scale needs GNU time (/usr/bin/time: apt-get install time)" >&2; exit 1; }
  generate_once national
  generate_once national-x10
  n="${RUNS:-3}"
  : > "$work/scale.sum"
  for i in $(seq "$n"); do
    /usr/bin/time -f "%e" -o "$work/scale.n" "$bin" run "$work/national" --out "$work/out-national" -q > /dev/null
    /usr/bin/time -f "%e %M" -o "$work/scale.x" "$bin" run "$work/national-x10" --out "$work/out-national-x10" -q > /dev/null
    read -r tn < "$work/scale.n"; read -r tx mx < "$work/scale.x"
    echo "$tn $tx $mx" >> "$work/scale.sum"
    awk -v i="$i" -v a="$tn" -v b="$tx" -v m="$mx" 'BEGIN {printf "pair %d: national %.2f s, national-x10 %.2f s (%.0f MB peak): %.1f ×\n", i, a, b, m/1024, b/a}'
  done
  med() { cut -d' ' -f"$1" "$work/scale.sum" | sort -n | awk '{v[NR]=$1} END {printf "%.2f %.2f %.2f", v[int((NR+1)/2)], v[1], v[NR]}'; }
  read -r nm n1 n2 <<< "$(med 1)"; read -r xm x1 x2 <<< "$(med 2)"
  awk -v nm="$nm" -v n1="$n1" -v n2="$n2" -v xm="$xm" -v x1="$x1" -v x2="$x2" 'BEGIN {
    printf "median national %.2f s (%.2f–%.2f), national-x10 %.2f s (%.2f–%.2f): %.1f × (target ≤ 10 ×)\n",
      nm, n1, n2, xm, x1, x2, xm/nm }'
  # What the x10 run's peak costs to touch on this machine (a virtual machine whose host
  # takes freed memory back pays ~2 s per GiB; benches/first_touch.py).
  if command -v python3 > /dev/null; then python3 benches/first_touch.py 4; fi
fi
