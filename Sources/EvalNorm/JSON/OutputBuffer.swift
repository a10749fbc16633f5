#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable byte buffer for writing JSON text, written through a pointer.
///
/// Appending to a `[UInt8]` checks uniqueness and capacity on every call; this buffer checks only
/// capacity, and grows with `realloc`, which moves a large buffer by remapping its pages rather than
/// copying them. Every write goes through `append`, which makes room first, so no write can go past
/// the allocation. The bytes become an array once, at the end (``appendAll(to:)``).
struct OutputBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes written.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        guard let memory = malloc(self.capacity) else { OutputBuffer.outOfMemory() }
        HugePages.advise(memory, count: self.capacity)
        base = memory.assumingMemoryBound(to: UInt8.self)
    }

    deinit {
        free(base)
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if extra > capacity - count { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        guard let memory = realloc(base, newCapacity) else { OutputBuffer.outOfMemory() }
        HugePages.advise(memory, count: newCapacity)
        base = memory.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    /// What the standard library does when an allocation fails: stop. (Array growth traps likewise.)
    private static func outOfMemory() -> Never {
        preconditionFailure("out of memory")
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ first: UInt8, _ second: UInt8) {
        reserve(2)
        base[count] = first
        base[count + 1] = second
        count += 2
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    mutating func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        reserve(repeats)
        (base + count).update(repeating: byte, count: repeats)
        count += repeats
    }

    /// Calls `body` with the bytes written in `range` (clamped to those written).
    func withBytes<Result>(in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = range.clamped(to: 0..<count)
        return body(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// Calls `body` with all the bytes written.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Forgets the bytes written, keeping the memory.
    mutating func removeAll() {
        count = 0
    }

    /// Appends the buffer's bytes to `output`.
    func appendAll(to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
    }
}

extension OutputBuffer {
    /// Appends the RFC 8259 escape of a byte that cannot stand as it is in a JSON string (a quote,
    /// a backslash, a control character): a two-character escape such as `\n`, or `\u00XX`.
    mutating func appendEscape(for byte: UInt8) {
        switch byte {
        case .quote, .backslash: append(.backslash, byte)
        case 0x08: append(.backslash, .lowercaseB)
        case 0x0C: append(.backslash, .lowercaseF)
        case .newline: append(.backslash, .lowercaseN)
        case .carriageReturn: append(.backslash, .lowercaseR)
        case .tab: append(.backslash, .lowercaseT)
        default:
            let hexDigits: StaticString = "0123456789abcdef"  // indexed by a nibble, so always in bounds
            append("\\u00")
            append(hexDigits.utf8Start[Int(byte >> 4)], hexDigits.utf8Start[Int(byte & 0x0F)])
        }
    }
}
