#!/usr/bin/env python3
"""How much fresh memory one command makes the kernel hand out (Linux /proc/vmstat).

Runs the command once and prints the change in the kernel's page counters across it:
pages allocated (anonymous memory and the page cache of the files written), transparent
huge pages faulted in, page faults, and the command's wall, user and system time.
Fresh pages are what `clear_page_erms` is in a `perf` profile; on a virtual machine each
costs far more than in the host's own page-clearing time (benches/README.md, session 25).

The counters are the whole machine's: run it on an otherwise idle machine.

    python3 benches/fresh_pages.py -- target/release/ikrapport run /tmp/ikrapport-bench/national-x10 --out /tmp/x -q
"""

import resource
import subprocess
import sys
import time

COUNTERS = ["pgalloc_normal", "thp_fault_alloc", "pgfault"]


def vmstat():
    with open("/proc/vmstat") as f:
        return {k: int(v) for k, v in (line.split() for line in f)}


def main():
    args = sys.argv[1:]
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        sys.exit(__doc__)
    before, r0, t0 = vmstat(), resource.getrusage(resource.RUSAGE_CHILDREN), time.time()
    code = subprocess.run(args).returncode
    t1, r1, after = time.time(), resource.getrusage(resource.RUSAGE_CHILDREN), vmstat()
    d = {k: after.get(k, 0) - before.get(k, 0) for k in COUNTERS}
    gib = 1 << 30
    print(f"wall {t1 - t0:.2f} s, user {r1.ru_utime - r0.ru_utime:.2f} s, "
          f"system {r1.ru_stime - r0.ru_stime:.2f} s (exit {code})")
    print(f"pages allocated {d['pgalloc_normal'] * 4096 / gib:.2f} GiB; "
          f"huge pages faulted in {d['thp_fault_alloc']} ({d['thp_fault_alloc'] * 2 / 1024:.2f} GiB); "
          f"page faults {d['pgfault']} (a huge page's one of them)")
    sys.exit(code)


if __name__ == "__main__":
    main()
