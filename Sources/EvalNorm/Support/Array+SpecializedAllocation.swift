/// Array allocations that take no lock or count shared between threads, for code run once per value.
///
/// `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:initializingWith:)` allocate through
/// a standard library entry point that is not specialised: it looks up the storage class
/// (`_ContiguousArrayStorage<Element>`) in the Swift runtime's generic metadata cache on every call,
/// and each lookup increments and then decrements one reader count that every thread shares. With
/// documents decoded on several threads at once that cache line bounces between cores, tens of times
/// per document. `reserveCapacity` and `append` are specialised where they are called and find the
/// storage class through a cache of their own, so the helpers below build arrays with them instead.
/// (`swift_getCanonicalPrespecializedGenericMetadata` counts the lookups, e.g. with `perf probe`.)
extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)` makes them.
    init(filledWith value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(value) }
    }

    /// `count` elements popped off the end of a stack by `pop`, in their order on the stack (the one
    /// popped last comes first). Popped elements are moved, not copied: no reference count changes.
    init(popping count: Int, with pop: () -> Element) {
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(pop()) }
        // Reversed through the buffer, whose `swapAt` moves the elements (Array's own copies them).
        withUnsafeMutableBufferPointer { $0.reverse() }
    }
}
