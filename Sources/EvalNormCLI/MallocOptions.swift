#if canImport(Glibc)
import Glibc
#endif

/// Glibc's `mallopt`, looked up when first used: Swift's Glibc module does not import
/// `<malloc.h>`. Elsewhere (another C library, or Darwin) every setting is refused.
enum MallocOptions {
    /// Options from `<malloc.h>`.
    enum Option: Int32 {
        /// `M_TRIM_THRESHOLD`: free memory at the top of a heap above which it is given back.
        case trimThreshold = -1
        /// `M_TOP_PAD`: how much more than asked for a heap grows by.
        case topPad = -2
        /// `M_MMAP_THRESHOLD`: the size from which a block gets a mapping of its own.
        case mmapThreshold = -3
        /// `M_MMAP_MAX`: how many such mappings there may be at once.
        case mmapMax = -4
    }

    /// Glibc's default `M_TOP_PAD`.
    static let defaultTopPad: Int32 = 128 << 10

    /// Sets `option` to `value`; `false` when it was refused, or there is no `mallopt`.
    @discardableResult
    static func set(_ option: Option, to value: Int32) -> Bool {
        #if canImport(Glibc)
        guard let mallopt else { return false }
        return mallopt(option.rawValue, value) == 1
        #else
        return false
        #endif
    }

    #if canImport(Glibc)
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    private static let mallopt: Mallopt? = dlsym(nil, "mallopt").map { unsafeBitCast($0, to: Mallopt.self) }  // nil: RTLD_DEFAULT
    #endif
}
