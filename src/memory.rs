//! How the `ikrapport` binary asks glibc's allocator to treat large blocks. Only the
//! binary does this: a program embedding the library keeps its own allocator settings.
//!
//! glibc serves every block larger than `M_MMAP_THRESHOLD` (at most 32 MiB, mallopt(3))
//! with a fresh `mmap` and gives it back with `munmap` when freed. At national-x10 size
//! nearly every column is larger than that (14 million deviations × 8 bytes = 112 MB), so
//! each query's transient arrays were new pages the kernel had to fault in and clear: the
//! x10 run spent 19–33 s of its CPU in the kernel, and grew 13–15 × for 10 × the data,
//! while nationally (11 MB columns, under the threshold) freed memory was reused.
//! Turning `mmap` off for allocations (`M_MMAP_MAX` = 0) makes the main arena take large
//! blocks from its heap, where freed ones are reused; `M_TRIM_THRESHOLD` keeps up to 1 GiB
//! of free heap top instead of returning it at once. (A thread on an arena of its own
//! still maps blocks larger than its 64 MiB heaps afresh, whatever the settings: checked
//! with `strace`. Hence the arena limit below.) Measured on national-x10 (`benches/README.md`,
//! alternating): page faults 4.2 M → 2.6 M, system time 14–18 s → 11–13 s, wall
//! 43–48 s → 40–47 s on a noisy host, the same peak (4.7 GB); nationally within the
//! noise, +30 MB peak.
//!
//! And as many malloc arenas as cores (`M_ARENA_MAX`), not glibc's eight per core: each
//! thread of polars' and rayon's pools otherwise gets an arena of its own, memory freed in
//! one arena cannot serve another thread's next column, and no large block comes from a
//! heap. Sharing the arenas (the main one among them) changes both. One arena for all
//! was slower (x10 52 s: ingestion's threads waiting on its lock). Measured (alternating):
//! national peak 746–753 → 592–638 MB, x10 peak 5.05–5.15 → 4.43–4.58 GB and system time
//! 20–29 → 17–18 s, wall the same or better (national 3.35–3.98 → 3.28–3.58 s, x10
//! 44.2–47.9 → 42.9–43.2 s).

/// Apply the settings above; a no-op off glibc.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = libc::c_int::try_from(cores).unwrap_or(libc::c_int::MAX);
        // SAFETY: `mallopt` only sets allocator parameters; called once at start-up
        // before any other thread exists. A refused setting (return 0) leaves glibc's
        // default.
        unsafe {
            libc::mallopt(libc::M_MMAP_MAX, 0);
            libc::mallopt(libc::M_TRIM_THRESHOLD, 1 << 30);
            libc::mallopt(libc::M_ARENA_MAX, arenas);
        }
    }
}
