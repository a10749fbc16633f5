import Dispatch

extension JSONWriter {
    /// The text of `object` with the elements of its array member `key` made by `element` and written
    /// one at a time, on up to `jobs` threads: the same text as writing `object` with those elements
    /// in place, without ever holding them all as values.
    ///
    /// `object` holds `key` with an empty array where the elements go. The elements are cut into
    /// contiguous shares (``Shares``). The calling thread writes the first share as it goes, in pieces
    /// of at most `chunkSize` bytes handed to `write`, while other threads make the text of the other
    /// shares, kept in pieces of about a megabyte until their turn comes. Only those later shares are
    /// held in memory, and no buffer grows by copying itself.
    func write(_ object: JSONObject, elementsOf key: String, count: Int, jobs: Int, chunkSize: Int,
               element: @escaping @Sendable (Int) -> JSONValue, to write: ([UInt8]) -> Void) {
        let pretty = style == .pretty, indentWidth = indentWidth
        let send = { (bytes: UnsafeBufferPointer<UInt8>) in
            for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                write(Array(UnsafeBufferPointer(rebasing: bytes[start..<min(start + chunkSize, bytes.count)])))
            }
        }
        var emitter = Emitter(pretty: pretty, indentWidth: indentWidth)
        guard count > 0, let position = object.index(forKey: key) else {
            emitter.emit(.object(object), depth: 0)
            return emitter.output.withBytes(send)
        }
        // `{`, the members before `key`, and `"key":[`.
        emitter.output.append(.openBrace)
        for index in 0..<position { emitter.emitMember(object.members[index], isFirst: index == 0) }
        emitter.emitKey(key, isFirst: position == 0)
        emitter.output.append(.openBracket)

        let shares = Shares.ranges(of: count, jobs: jobs)
        if shares.count == 1 {
            emitter.emitElements(0..<count, depth: 2, element, handingOver: chunkSize, to: send)
            emitter.output.withBytes(send)
        } else {
            let later = ShareResults<[[UInt8]]>(count: shares.count)
            let group = DispatchGroup()
            for share in shares.indices.dropFirst() {
                DispatchQueue.global().async(group: group) {
                    var own = Emitter(pretty: pretty, indentWidth: indentWidth)
                    var pieces: [[UInt8]] = []
                    own.emitElements(shares[share], depth: 2, element, handingOver: 1 << 20) { pieces.append(Array($0)) }
                    own.output.withBytes { pieces.append(Array($0)) }
                    later.set(share, pieces)
                }
            }
            emitter.emitElements(shares[0], depth: 2, element, handingOver: chunkSize, to: send)
            emitter.output.withBytes(send)
            group.wait()
            for share in shares.indices.dropFirst() {
                for piece in later[share] ?? [] { piece.withUnsafeBufferPointer(send) }
            }
        }

        // `]`, the members after `key`, and `}`.
        var tail = Emitter(pretty: pretty, indentWidth: indentWidth)
        tail.newline(depth: 1)
        tail.output.append(.closeBracket)
        for index in (position + 1)..<object.members.count { tail.emitMember(object.members[index], isFirst: false) }
        tail.newline(depth: 0)
        tail.output.append(.closeBrace)
        tail.output.withBytes(send)
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
    /// written, with a comma before each but the array's first (element 0), as ``emit(_:depth:)``
    /// would. Whenever `limit` bytes or more are written, they go to `handOver` and the buffer starts
    /// again, keeping its memory.
    mutating func emitElements(_ range: Range<Int>, depth: Int, _ element: (Int) -> JSONValue,
                               handingOver limit: Int, to handOver: (UnsafeBufferPointer<UInt8>) -> Void) {
        for position in range {
            if position > 0 { output.append(.comma) }
            newline(depth: depth)
            emit(element(position), depth: depth)
            if output.count >= limit {
                output.withBytes(handOver)
                output.removeAll()
            }
        }
    }
}
