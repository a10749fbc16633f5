import EvalNorm

#if canImport(Glibc)
import Glibc
#endif

/// Backs the heap with transparent huge pages before a large file is read whole.
///
/// A 50 MB document becomes some 200 MB of parsed values, runs and output, allocated in small pieces.
/// With 4 KiB pages that was 74,000 page faults, a sixth of `normalize`'s time; with 2 MiB pages the
/// whole process has about 6,000 (most of them outside this heap), and fewer TLB misses besides. Glibc does this itself with
/// `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, but only when that is set before the process starts; this
/// does the same from inside it:
///
/// 1. no `mmap` for large blocks (`M_MMAP_MAX` 0) and no giving memory back (`M_TRIM_THRESHOLD`), so
///    that every allocation comes from the main heap and stays there;
/// 2. the heap is grown once by `bytes` (`M_TOP_PAD` for one allocation), which only reserves
///    addresses: pages are given when first touched;
/// 3. that range is advised `MADV_HUGEPAGE` (``HugePages``), so touching it faults in 2 MiB at a time.
///
/// Only for whole files of at least ``threshold`` bytes, on Linux with glibc, unless the environment
/// sets `EVALNORM_HUGE_PAGES=0`; anywhere else, or when any step is refused, nothing changes but the
/// speed. The streaming modes never call this: their memory stays small, and huge pages would only
/// round it up (they keep their freed memory instead: ``StreamingHeap``).
enum HugePageHeap {
    /// The smallest file worth it.
    static let threshold = 8 << 20
    /// Heap reserved per byte of input: `normalize` peaks at about four times its input. Only touched
    /// pages count; the rest is address space.
    static let bytesPerInputByte = 6

    /// Reserves and advises heap for a file of `inputSize` bytes, if it is large enough.
    static func prepare(forInputOf inputSize: Int) {
        guard inputSize >= threshold, getenv("EVALNORM_HUGE_PAGES").map({ String(cString: $0) }) != "0" else { return }
        reserve(min(inputSize * bytesPerInputByte, Int(Int32.max)))
    }

    #if canImport(Glibc)
    private static func reserve(_ bytes: Int) {
        guard MallocOptions.set(.mmapMax, to: 0), MallocOptions.set(.trimThreshold, to: Int32.max),
              MallocOptions.set(.topPad, to: Int32(clamping: bytes)) else { return }
        defer { MallocOptions.set(.topPad, to: MallocOptions.defaultTopPad) }
        // An allocation larger than any free block makes glibc grow the heap by itself plus the pad.
        guard let probe = malloc(2 << 20), let end = sbrk(0) else { return }
        defer { free(probe) }
        let length = Int(bitPattern: end) - Int(bitPattern: probe)
        if length > 0 { HugePages.advise(probe, count: length) }
    }
    #else
    private static func reserve(_ bytes: Int) {}
    #endif
}
