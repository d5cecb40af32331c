#!/usr/bin/env python3
"""Two ikrapport binaries alternating on the same command (a change measured against the
binary before it, in one run: this host's speed drifts by a third within minutes).

Usage (from the repository root):
  python3 benches/ab.py RUNS BIN_A BIN_B -- ARGS...
  python3 benches/ab.py 6 /tmp/ikr-before target/release/ikrapport -- run /tmp/ikrapport-bench/national --out {out} -q

`{out}` in ARGS is a fresh output folder for every run. Prints per binary the median wall
time (min–max) and the median user and system time of the runs (getrusage of the child).
"""

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def main() -> None:
    n = int(sys.argv[1])
    bins = sys.argv[2:4]
    args = sys.argv[sys.argv.index("--") + 1 :]
    out = os.path.join(tempfile.mkdtemp(prefix="ikrapport-ab-"), "out")
    runs = {b: [] for b in bins}
    for i in range(n):
        # Alternate which goes first, so neither always has the warmer cache.
        for b in bins if i % 2 == 0 else bins[::-1]:
            shutil.rmtree(out, ignore_errors=True)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run(
                [b] + [a.replace("{out}", out) for a in args],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            runs[b].append(
                (wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime)
            )
    shutil.rmtree(os.path.dirname(out), ignore_errors=True)
    for b in bins:
        w, u, s = zip(*runs[b])
        print(
            f"{b}: wall {statistics.median(w):.3f} s ({min(w):.2f}–{max(w):.2f}), "
            f"user {statistics.median(u):.3f} s, system {statistics.median(s):.3f} s, {n} runs"
        )


if __name__ == "__main__":
    main()
