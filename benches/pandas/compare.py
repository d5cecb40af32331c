#!/usr/bin/env python3
"""ikrapport's whole bundle against the pandas + matplotlib script (`report.py`) on the same
project folder, alternating which goes first (04-cli-and-scale.md: the script takes 5–9 s
here, the whole bundle should take well under half of that).

Usage: python compare.py <ikrapport binary> <project folder> [runs]
"""

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(cmd) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    binary, folder = sys.argv[1], Path(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    script = Path(__file__).with_name("report.py")
    work = Path(tempfile.mkdtemp(prefix="ikrapport-pandas-"))
    ikr, pd_ = [], []
    try:
        for i in range(runs):
            jobs = [
                (ikr, [binary, "run", str(folder), "--out", str(work / "ikr"), "-q"]),
                (pd_, [sys.executable, str(script), str(folder), str(work / "pandas")]),
            ]
            if i % 2:
                jobs.reverse()
            for times, cmd in jobs:
                for d in ("ikr", "pandas"):
                    shutil.rmtree(work / d, ignore_errors=True)
                times.append(timed(cmd))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    med = statistics.median
    print(f"pandas + matplotlib, {runs} runs each, alternating, on {folder}")
    print(
        f"ikrapport run (whole bundle) {med(ikr):.2f} s ({min(ikr):.2f}–{max(ikr):.2f}), "
        f"pandas script (six tables, twelve charts) {med(pd_):.2f} s "
        f"({min(pd_):.2f}–{max(pd_):.2f}), ratio {med(ikr) / med(pd_):.2f} (target: well under 0.5)"
    )


if __name__ == "__main__":
    main()
