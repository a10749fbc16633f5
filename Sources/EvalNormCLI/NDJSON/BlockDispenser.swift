import Foundation

/// Hands out the indexes `0..<count` in blocks of consecutive indexes, each block once, to whichever
/// thread asks next.
///
/// ``NDJSONPipeline`` uses it to share a chunk's lines between its threads. Taking blocks on demand,
/// rather than a fixed share each, keeps every thread busy to the end of the chunk even when lines
/// take unequal times or the machine preempts one thread for a while; and a thread writes the results
/// of consecutive lines, which sit in the same cache lines, instead of every other one (whose cache
/// lines the threads then had to pass back and forth).
final class BlockDispenser: @unchecked Sendable {
    // @unchecked Sendable: `next` is the only mutable state, read and written only under `lock`.
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private let blockSize: Int

    init(count: Int, blockSize: Int) {
        self.count = count
        self.blockSize = max(1, blockSize)
    }

    /// The next block (never empty), or `nil` when every index has been handed out.
    func nextBlock() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        let block = next..<min(next + blockSize, count)
        next = block.upperBound
        return block
    }
}
