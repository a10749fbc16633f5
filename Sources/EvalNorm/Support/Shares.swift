import Dispatch
import Foundation

/// Work over many elements cut into contiguous shares, one thread per share.
///
/// Large runs (``parallelCount`` records or evaluations and more) are written and checked on as many
/// threads as there are processors. Each thread takes a contiguous range, so no two threads touch
/// the same record, and no reference count is shared between them (shared counts would move between
/// the cores on every touch, and cost more than the second core gives). Smaller work stays on the
/// calling thread, so that streaming many small documents on several threads never nests threads.
enum Shares {
    /// The number of elements from which work is shared between threads.
    static let parallelCount = 1_024

    /// The number of active processors, read once: on Linux, Foundation reads it from the cgroup
    /// files under /sys each time, which cost more than parsing a small document (`JSONParser.init`
    /// asks).
    static let processorCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// How many threads `count` elements are worth: one below ``parallelCount``, else the number of
    /// active processors.
    static func jobs(for count: Int) -> Int {
        count >= parallelCount ? processorCount : 1
    }

    /// `0..<count` cut into at most `jobs` contiguous ranges of nearly equal length, in order.
    static func ranges(of count: Int, jobs: Int) -> [Range<Int>] {
        let parts = max(1, min(jobs, count))
        return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
    }

    /// `transform` of each range of ``ranges(of:jobs:)``, each on a thread of its own when there are
    /// several; the results in order.
    static func map<Result: Sendable>(_ count: Int, jobs: Int,
                                      _ transform: @Sendable (Range<Int>) -> Result) -> [Result] {
        let ranges = ranges(of: count, jobs: jobs)
        guard ranges.count > 1 else { return ranges.map(transform) }
        let slots = ShareResults<Result>(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { share in
            slots.set(share, transform(ranges[share]))
        }
        return slots.values
    }
}

/// One result per share, each written by the one thread that computes that share and read after all
/// have finished (the caller waits for them), so the slots need no lock. They are raw memory: an
/// array in a class would check exclusive access to itself at run time, and fail.
final class ShareResults<Value: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ share: Int, _ value: Value) {
        slots[share] = value
    }

    /// The value of `share`, once set.
    subscript(share: Int) -> Value? { slots[share] }

    /// The values set, in share order, once every slot is set.
    var values: [Value] { UnsafeBufferPointer(start: slots, count: count).compactMap { $0 } }
}
