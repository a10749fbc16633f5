#if canImport(Glibc)
import Glibc
#endif

/// Transparent huge pages for large buffers about to be filled, such as a whole input file or
/// the output of `evalnorm fmt`.
///
/// Linux backs fresh memory with 4 KiB pages, one page fault (and one zeroed page) at a time: filling
/// 50 MB takes 12,000 faults, a good part of the time `fmt` spends on such a file. Where transparent
/// huge pages are enabled only for memory that asks for them (`madvise`, the usual setting), asking
/// makes that about 25 faults of 2 MiB. It is advice: refused, or on other systems, nothing changes.
package enum HugePages {
    /// Smaller buffers are not worth a system call.
    package static let threshold = 4 << 20

    /// Advises huge pages for the whole pages in `start ..< start + count`, when `count` is at least
    /// ``threshold``.
    package static func advise(_ start: UnsafeMutableRawPointer, count: Int) {
        #if os(Linux)
        guard count >= threshold else { return }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard pageSize > 0, pageSize & (pageSize - 1) == 0 else { return }
        let first = (Int(bitPattern: start) + pageSize - 1) & ~(pageSize - 1)  // madvise wants whole pages
        let end = (Int(bitPattern: start) + count) & ~(pageSize - 1)
        guard end > first, let pages = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pages, end - first, MADV_HUGEPAGE)
        #endif
    }
}
