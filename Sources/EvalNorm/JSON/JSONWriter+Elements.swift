import Dispatch

extension JSONWriter {
    /// The text of `object` with the elements of its array member `key` made by `element` and written
    /// one at a time, on up to `jobs` threads: the same text as writing `object` with those elements
    /// in place, without ever holding them all as values.
    ///
    /// `object` holds `key` with an empty array where the elements go. Each thread writes a contiguous
    /// share of the elements into a buffer of its own; the shares are joined in order.
    func write(_ object: JSONObject, elementsOf key: String, count: Int, jobs: Int,
               element: @Sendable (Int) -> JSONValue) -> [UInt8] {
        guard count > 0, let position = object.index(forKey: key) else { return write(.object(object)) }
        let pretty = style == .pretty
        var emitter = Emitter(pretty: pretty, indentWidth: indentWidth)
        emitter.output.append(.openBrace)
        for index in object.members.indices {
            if index > 0 { emitter.output.append(.comma) }
            emitter.newline(depth: 1)
            emitter.emitString(object.members[index].key)
            if pretty { emitter.output.append(.colon, .space) } else { emitter.output.append(.colon) }
            guard index == position else {
                emitter.emit(object.members[index].value, depth: 1)
                continue
            }
            emitter.output.append(.openBracket)
            let shares = Shares.ranges(of: count, jobs: jobs)
            if shares.count == 1 {
                emitter.emitElements(0..<count, depth: 2, element)
            } else {
                let emitters = ShareEmitters(count: shares.count, pretty: pretty, indentWidth: indentWidth)
                DispatchQueue.concurrentPerform(iterations: shares.count) { share in
                    emitters.withEmitter(share) { $0.emitElements(shares[share], depth: 2, element) }
                }
                for share in shares.indices {
                    emitters.withEmitter(share) { own in own.output.forEachChunk(ofSize: Int.max) { emitter.output.append($0) } }
                }
            }
            emitter.newline(depth: 1)
            emitter.output.append(.closeBracket)
        }
        emitter.newline(depth: 0)
        emitter.output.append(.closeBrace)
        var output: [UInt8] = []
        output.reserveCapacity(emitter.output.count + 1)
        emitter.output.appendAll(to: &output)
        return output
    }
}

extension Emitter {
    /// Writes the elements `range` of an array at `depth`, each made by `element` just before it is
    /// written: a comma before each but the array's first (element 0), as ``emit(_:depth:)`` would.
    mutating func emitElements(_ range: Range<Int>, depth: Int, _ element: (Int) -> JSONValue) {
        for position in range {
            if position > 0 { output.append(.comma) }
            newline(depth: depth)
            emit(element(position), depth: depth)
        }
    }
}

/// One emitter per share of the elements, each used by the one thread that writes that share, and
/// read after all have finished (`concurrentPerform` returns only then), so they need no lock. They are
/// made on the calling thread, so that their buffers grow in its part of the heap; and they live in
/// raw memory, as an array in a class would check exclusive access to itself at run time, and fail.
private final class ShareEmitters: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Emitter>
    private let count: Int

    init(count: Int, pretty: Bool, indentWidth: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        for share in 0..<count {
            (slots + share).initialize(to: Emitter(pretty: pretty, indentWidth: indentWidth))
        }
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func withEmitter(_ share: Int, _ body: (inout Emitter) -> Void) {
        body(&slots[share])
    }
}
