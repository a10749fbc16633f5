#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How far down the current thread's stack evaluation may go.
///
/// Validation recurses along the instance, so a deeply nested document could overflow a small
/// thread stack (512 KiB on secondary threads on Apple platforms), whatever depth limit the parser
/// has. Each schema node evaluation compares the address of a local variable with a floor a safety
/// margin above the end of the stack, and stops with an error when it gets there. Where the stack's
/// bounds are unknown, the guard never trips and the evaluator's depth limit alone applies.
struct StackGuard {
    /// The lowest address work may use (stacks grow down on every platform Swift supports); found
    /// on first use, since asking the system can cost a system call (glibc reads `/proc/self/maps`
    /// for the main thread). `0` when the bounds are unknown.
    private var floor: UInt?
    /// The lowest address of the stack. A local variable below it lives elsewhere (the address
    /// sanitizer's "fake stack" keeps frames on the heap) and says nothing about the stack.
    private var bottom: UInt = 0

    /// Stack kept free below the floor, for the deepest level's own frames, reporting the error and
    /// unwinding: a quarter of the stack, at least 64 KiB and at most 1 MiB (128 KiB of a 512 KiB
    /// thread; sanitizer builds, whose frames are several times larger, run on larger stacks).
    static func margin(forStackSize size: UInt) -> UInt {
        min(max(size / 4, 64 << 10), 1 << 20)
    }

    /// Levels of nesting that are never checked: shallow work needs no system call.
    static let uncheckedDepth = 16

    /// Whether the stack is nearly used up at the caller's depth (`depth` levels into the work).
    @inline(__always)
    mutating func isExhausted(atDepth depth: Int) -> Bool {
        guard depth >= StackGuard.uncheckedDepth else { return false }
        let floor = self.floor ?? findFloor()
        var marker: UInt8 = 0
        let address = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return address >= bottom && address < floor
    }

    private mutating func findFloor() -> UInt {
        let bounds = StackGuard.stackBounds()
        let found = bounds.map { $0.bottom + StackGuard.margin(forStackSize: $0.size) } ?? 0
        bottom = bounds?.bottom ?? 0
        floor = found
        return found
    }

    /// The lowest address and the size of the current thread's stack, if the platform says.
    private static func stackBounds() -> (bottom: UInt, size: UInt)? {
        #if canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        return (top - size, size)
        #elseif canImport(Glibc) || canImport(Musl)
        var attributes = pthread_attr_t()
        guard evalnorm_pthread_getattr_np(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        return (UInt(bitPattern: address), UInt(size))
        #else
        return nil
        #endif
    }
}

#if canImport(Glibc) || canImport(Musl)
/// glibc's and musl's `pthread_getattr_np`, which their Swift module maps leave out (it is declared
/// only under `_GNU_SOURCE`): the attributes, stack bounds included, of a running thread.
@_silgen_name("pthread_getattr_np")
private func evalnorm_pthread_getattr_np(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif
