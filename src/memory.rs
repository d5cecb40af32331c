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
//!
//! And transparent huge pages for large blocks (`HugePages`, the binary's global
//! allocator): what is still faulted in at x10 (first use of the heap's growth, and the
//! blocks a thread's arena maps afresh) costs one fault per 4 KiB page, and on a
//! virtual machine each fault is dear (10–16 µs here at x10, where clearing the page is
//! a fraction of that). `madvise(MADV_HUGEPAGE)` on a large block lets the kernel fault
//! it in 2 MiB at a time where the system allows it (`transparent_hugepage` set to
//! `madvise` or `always`; elsewhere the call changes nothing). Only blocks of 32 MiB and
//! more are advised, the size from which glibc would map a block afresh by default
//! (mallopt(3), `DEFAULT_MMAP_THRESHOLD_MAX`): columns at national size stay as they
//! were. The same as glibc's own `glibc.malloc.hugetlb=1` tunable, without asking users
//! to set an environment variable.
//!
//! And for a large run (1 GiB of input and more) huge pages on every heap, the small
//! blocks' too (`huge_pages_for`): glibc's `glibc.malloc.hugetlb=1` tunable, which it reads
//! only at start-up, so the program starts itself again with it set. Most of a
//! national-x10 run's remaining page faults are blocks under 32 MiB (the typed chunks of
//! its exports); a national run is better without (it reuses pages still backed).

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

/// From this much input on, a run asks glibc for huge pages on all of its heap
/// (`huge_pages_for`): ~1.6 GB of memory and more, where fresh pages dominate.
pub const LARGE_INPUT: u64 = 1 << 30;

/// The glibc tunable that makes `malloc` advise transparent huge pages on every heap it
/// grows or maps, its arenas' included (glibc 2.35 and later; tunables(7)).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const HUGETLB: &str = "glibc.malloc.hugetlb";

/// For a large run (`input_bytes` ≥ `LARGE_INPUT`), start this program again with glibc's
/// `glibc.malloc.hugetlb=1`, so that every heap, not only blocks of 32 MiB and more, is
/// faulted in 2 MiB at a time. Returns (doing nothing) for smaller inputs, when the
/// tunable is already set (by the user, or by this function before the new start), when
/// the kernel has transparent huge pages off, or when the program cannot be started
/// again; the run then goes on as it was.
///
/// Why a new start: glibc reads its tunables once, before `main`, and has no `mallopt`
/// for this one. Why only for large runs: national-x10 (2.7 GB of CSV), 5 pairs
/// alternating against the same binary without it, was 1.3–3.0 s shorter (system time
/// 12.3 → 9.9 s, 14.1 → 12.5 s); a national run (274 MB) 0.1 s slower, its system time
/// 0.48 → 0.75 s: it mostly reuses pages the run before freed, and huge pages must be
/// cleared 2 MiB at a time (benches/README.md, session 21). `verbose` says on stderr that
/// the run was started again.
pub fn huge_pages_for(input_bytes: u64, verbose: bool) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::os::unix::process::CommandExt;
        if input_bytes < large_input() {
            return;
        }
        let Some(tunables) = with_hugetlb(std::env::var_os("GLIBC_TUNABLES").as_deref()) else {
            if verbose && std::env::var_os(RESTARTED).is_some() {
                eprintln!("glibc: {HUGETLB}=1 ({input_bytes} bytes of input)");
            }
            return;
        };
        let thp = std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled");
        if thp.is_ok_and(|s| s.contains("[never]")) {
            return;
        }
        let Ok(exe) = std::env::current_exe() else {
            return;
        };
        let mut args = std::env::args_os();
        let mut command = std::process::Command::new(exe);
        if let Some(argv0) = args.next() {
            command.arg0(argv0);
        }
        // `exec` returns only when the program could not be started again.
        let _ = command
            .args(args)
            .env("GLIBC_TUNABLES", tunables)
            .env(RESTARTED, "1")
            .exec();
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = (input_bytes, verbose);
}

/// Set in the environment of the new start (`huge_pages_for`), for `-v` to say so.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const RESTARTED: &str = "IKRAPPORT_HUGE_PAGES";

/// `LARGE_INPUT`, or in debug builds the tests' `IKRAPPORT_TEST_LARGE_INPUT` (bytes), so
/// the new start is tested end to end on the sample data.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn large_input() -> u64 {
    #[cfg(debug_assertions)]
    if let Some(n) = std::env::var("IKRAPPORT_TEST_LARGE_INPUT")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return n;
    }
    LARGE_INPUT
}

/// `GLIBC_TUNABLES` with `glibc.malloc.hugetlb=1` added to what is there, or `None` when
/// the tunable is already set (to any value: the user's choice stands).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn with_hugetlb(current: Option<&std::ffi::OsStr>) -> Option<std::ffi::OsString> {
    let current = current
        .map(|c| c.to_string_lossy().into_owned())
        .unwrap_or_default();
    if current
        .split(':')
        .any(|t| t.split('=').next() == Some(HUGETLB))
    {
        return None;
    }
    let mut out = current;
    if !out.is_empty() {
        out.push(':');
    }
    out.push_str(HUGETLB);
    out.push_str("=1");
    Some(out.into())
}

/// Blocks from this size on are advised to use huge pages.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const LARGE: usize = 32 << 20;

/// The size of a transparent huge page on x86-64 and (by default) aarch64.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const HUGE_PAGE: usize = 2 << 20;

/// The system allocator, asking for transparent huge pages on large blocks (above).
pub struct HugePages;

// SAFETY: every call is the system allocator's, with the same arguments; `advise` only
// gives the kernel a hint about pages inside the block just returned.
unsafe impl std::alloc::GlobalAlloc for HugePages {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: the caller's contract is the system allocator's.
        let p = unsafe { std::alloc::System.alloc(layout) };
        advise(p, layout.size());
        p
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { std::alloc::System.alloc_zeroed(layout) };
        advise(p, layout.size());
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: as `alloc`.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { std::alloc::System.realloc(ptr, layout, new_size) };
        advise(p, new_size);
        p
    }
}

/// Advise huge pages for the whole 2 MiB pages inside a large block.
#[inline]
fn advise(p: *mut u8, size: usize) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if let Some((start, len)) = huge_range(p as usize, size) {
        // SAFETY: the range lies inside the block just allocated; MADV_HUGEPAGE changes
        // how its pages are backed, never their contents. A refusal (no THP in this
        // kernel) is ignored: the block works as before.
        unsafe {
            libc::madvise(start as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = (p, size);
}

/// The whole huge pages (start, length) inside a block at `addr` of `size` bytes, if it
/// is large enough to advise (`addr` 0: the allocation failed).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn huge_range(addr: usize, size: usize) -> Option<(usize, usize)> {
    if size < LARGE || addr == 0 {
        return None;
    }
    let start = addr.checked_next_multiple_of(HUGE_PAGE)?;
    let end = addr.checked_add(size)? / HUGE_PAGE * HUGE_PAGE;
    (end > start).then(|| (start, end - start))
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    use super::*;
    use std::alloc::{GlobalAlloc, Layout};

    #[test]
    fn the_huge_pages_tunable_is_added_once_and_never_overrides_the_users() {
        let t = |s: Option<&str>| with_hugetlb(s.map(std::ffi::OsStr::new));
        assert_eq!(t(None), Some("glibc.malloc.hugetlb=1".into()));
        assert_eq!(t(Some("")), Some("glibc.malloc.hugetlb=1".into()));
        assert_eq!(
            t(Some("glibc.malloc.arena_max=2")),
            Some("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1".into())
        );
        assert_eq!(
            t(Some("glibc.malloc.hugetlb=1")),
            None,
            "started again already"
        );
        assert_eq!(
            t(Some("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0")),
            None,
            "the user's own setting stands"
        );
        assert_eq!(
            t(Some("glibc.malloc.hugetlbx=1")),
            Some("glibc.malloc.hugetlbx=1:glibc.malloc.hugetlb=1".into())
        );
    }

    #[test]
    fn only_whole_huge_pages_inside_a_large_block_are_advised() {
        const MB: usize = 1 << 20;
        // glibc's mmapped blocks start 16 bytes into a page.
        let addr = 7 * HUGE_PAGE + 16;
        assert_eq!(
            huge_range(addr, 40 * MB),
            Some((8 * HUGE_PAGE, 19 * HUGE_PAGE))
        );
        assert_eq!(
            huge_range(8 * HUGE_PAGE, 32 * MB),
            Some((8 * HUGE_PAGE, 16 * HUGE_PAGE))
        );
        assert_eq!(huge_range(addr, 31 * MB), None, "small blocks as they were");
        assert_eq!(huge_range(0, 64 * MB), None, "a failed allocation");
        assert_eq!(huge_range(usize::MAX - MB, 64 * MB), None, "no overflow");
    }

    #[test]
    fn large_blocks_keep_their_contents_through_realloc() {
        let a = HugePages;
        let layout = Layout::from_size_align(40 << 20, 8).unwrap();
        // SAFETY: a non-zero layout; the block is written and read within its size and
        // freed with the layout it has.
        unsafe {
            let p = a.alloc_zeroed(layout);
            assert!(!p.is_null());
            assert_eq!(*p.add(layout.size() - 1), 0);
            for i in (0..layout.size()).step_by(4096) {
                *p.add(i) = (i / 4096) as u8;
            }
            let q = a.realloc(p, layout, 80 << 20);
            assert!(!q.is_null());
            for i in (0..layout.size()).step_by(4096) {
                assert_eq!(*q.add(i), (i / 4096) as u8);
            }
            a.dealloc(q, Layout::from_size_align(80 << 20, 8).unwrap());
        }
    }
}
