import Dispatch

extension JSONWriter {
    /// The text of `object` with the elements of its array member `key` made by `element` and written
    /// one at a time, on up to `jobs` threads: the same text as writing `object` with those elements
    /// in place, without ever holding them all as values.
    ///
    /// `object` holds `key` with an empty array where the elements go. Each thread writes a contiguous
    /// share of the elements into a buffer of its own; the text goes to `write` in pieces of at most
    /// `chunkSize` bytes, in order, once all of it is made.
    func write(_ object: JSONObject, elementsOf key: String, count: Int, jobs: Int, chunkSize: Int,
               element: @Sendable (Int) -> JSONValue, to write: ([UInt8]) -> Void) {
        let pretty = style == .pretty
        func flush(_ emitter: borrowing Emitter) {
            emitter.output.withBytes { bytes in
                for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                    write(Array(UnsafeBufferPointer(rebasing: bytes[start..<min(start + chunkSize, bytes.count)])))
                }
            }
        }
        var head = Emitter(pretty: pretty, indentWidth: indentWidth)
        guard count > 0, let position = object.index(forKey: key) else {
            head.emit(.object(object), depth: 0)
            return flush(head)
        }
        // `{`, the members before `key`, and `"key":[`.
        head.output.append(.openBrace)
        for index in 0..<position { head.emitMember(object.members[index], isFirst: index == 0) }
        head.emitKey(key, isFirst: position == 0)
        head.output.append(.openBracket)
        let shares = Shares.ranges(of: count, jobs: jobs)
        if shares.count == 1 {
            head.emitElements(0..<count, depth: 2, element)
            flush(head)
        } else {
            let emitters = ShareEmitters(count: shares.count, pretty: pretty, indentWidth: indentWidth)
            DispatchQueue.concurrentPerform(iterations: shares.count) { share in
                emitters.withEmitter(share) { $0.emitElements(shares[share], depth: 2, element) }
            }
            flush(head)
            for share in shares.indices { emitters.withEmitter(share) { flush($0) } }
        }
        // `]`, the members after `key`, and `}`.
        var tail = Emitter(pretty: pretty, indentWidth: indentWidth)
        tail.newline(depth: 1)
        tail.output.append(.closeBracket)
        for index in (position + 1)..<object.members.count { tail.emitMember(object.members[index], isFirst: false) }
        tail.newline(depth: 0)
        tail.output.append(.closeBrace)
        flush(tail)
    }
}

extension Emitter {
    /// Writes a member of an object at depth 0: a comma first unless it is the first.
    mutating func emitMember(_ member: JSONObject.Member, isFirst: Bool) {
        emitKey(member.key, isFirst: isFirst)
        emit(member.value, depth: 1)
    }

    /// Writes the key of a member of an object at depth 0, and its colon.
    mutating func emitKey(_ key: String, isFirst: Bool) {
        if !isFirst { output.append(.comma) }
        newline(depth: 1)
        emitString(key)
        if pretty { output.append(.colon, .space) } else { output.append(.colon) }
    }

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
