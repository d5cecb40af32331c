"""What fresh memory costs on this machine: the time to touch every page of an anonymous
mapping of SIZE GiB (default 4) the first time, then again in a new mapping right after
the first is unmapped (the kernel hands back the same, already backed pages).

On bare metal both are ~0.1-0.3 s per GiB (the kernel clearing pages). On a virtual
machine whose host takes freed guest memory back (virtio-balloon free page reporting),
the first touch also waits for the host to back each page again: on the project's
machine 1.9-2.4 s per GiB against 0.05 s when reused (benches/README.md, session 19).
A run that needs 4.4 GB at its peak (national-x10) pays that on every run; the national
run's 0.6 GB mostly reuses pages the previous run freed a moment before. The x10 ratio
measured here is therefore partly this machine's: the script prints the figure beside it.

Usage: python3 benches/first_touch.py [SIZE_GIB]
"""

import mmap
import sys
import time

PAGE = 4096


def touch(size: int) -> float:
    m = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    if hasattr(mmap, "MADV_HUGEPAGE"):
        # As the ikrapport binary advises its large blocks (src/memory.rs).
        m.madvise(mmap.MADV_HUGEPAGE)
    start = time.perf_counter()
    for i in range(0, size, PAGE):
        m[i] = 1
    took = time.perf_counter() - start
    m.close()
    return took


def main() -> None:
    gib = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
    size = int(gib * (1 << 30))
    first = touch(size)
    again = touch(size)
    print(
        f"fresh memory: first touch {first / gib:.2f} s per GiB, "
        f"reused right after {again / gib:.2f} s per GiB ({gib:g} GiB, this machine)"
    )


if __name__ == "__main__":
    main()
