#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of an NDJSON stream.
public struct NDJSONLine: Sendable, Hashable {
    /// One-based line number in the stream.
    public var number: Int
    /// Zero-based offset of the line's first byte in the stream.
    public var byteOffset: Int
    /// The line's bytes without its `\n` (or `\r\n`). For a line longer than the reader's limit,
    /// only the first `maxLineLength` bytes.
    public var bytes: [UInt8]
    /// The line's full length in bytes, without its line ending.
    public var length: Int

    /// A line: its number, where it starts, its bytes (or their start), and its full length.
    public init(number: Int, byteOffset: Int, bytes: [UInt8], length: Int) {
        self.number = number
        self.byteOffset = byteOffset
        self.bytes = bytes
        self.length = length
    }

    /// Whether the line was longer than the reader's limit, so that ``bytes`` holds only its start.
    public var isTruncated: Bool { bytes.count < length }

    /// Whether the line holds only white space (space, tab, `\r`), or nothing.
    public var isBlank: Bool {
        bytes.allSatisfy { $0 == .space || $0 == .tab || $0 == .carriageReturn }
    }
}

/// Reads an NDJSON (JSON Lines) stream line by line, with memory bounded by the chunk size plus the
/// longest line kept, however long the stream.
///
/// ```swift
/// var reader = try NDJSONReader(path: "runs.ndjson")
/// while let line = try reader.next() {
///     if line.isBlank { continue }
///     let run = try JSONParser().parse(line.bytes)
/// }
/// ```
///
/// Lines end at `\n`; a `\r` before it is dropped too, as is a `\r` at the very end of the stream.
/// The last line needs no line ending. A line
/// longer than `maxLineLength` is still returned, with only its first `maxLineLength` bytes and
/// ``NDJSONLine/isTruncated`` set, so that a caller can report it and go on.
public struct NDJSONReader: ~Copyable, Sendable {
    /// The default longest line kept whole: 64 MiB.
    public static let defaultMaxLineLength = 64 << 20

    private let fileDescriptor: Int32
    private let closesFileDescriptor: Bool
    private let maxLineLength: Int
    private var chunk: [UInt8]
    private var chunkStart = 0
    private var chunkEnd = 0
    private var atEndOfStream = false
    private var nextLineNumber = 1
    private var streamOffset = 0

    /// Reads from an open file descriptor (for example `STDIN_FILENO`), which the reader does not close.
    public init(fileDescriptor: Int32, maxLineLength: Int = NDJSONReader.defaultMaxLineLength, chunkSize: Int = 1 << 20) {
        self.fileDescriptor = fileDescriptor
        self.closesFileDescriptor = false
        self.maxLineLength = max(1, maxLineLength)
        self.chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
    }

    /// Opens the file at `path` for reading; the reader closes it when it goes away.
    ///
    /// - Throws: ``EvalNormError`` with code ``EvalNormError/Code/cannotOpenFile``.
    public init(path: String, maxLineLength: Int = NDJSONReader.defaultMaxLineLength, chunkSize: Int = 1 << 20) throws(EvalNormError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw EvalNormError(.cannotOpenFile, "cannot open file: \(String(cString: strerror(errno)))")
        }
        self.fileDescriptor = descriptor
        self.closesFileDescriptor = true
        self.maxLineLength = max(1, maxLineLength)
        self.chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
    }

    deinit {
        if closesFileDescriptor { close(fileDescriptor) }
    }

    /// The next line, or `nil` at the end of the stream.
    ///
    /// - Throws: ``EvalNormError`` with code ``EvalNormError/Code/readFailed`` when reading fails.
    public mutating func next() throws(EvalNormError) -> NDJSONLine? {
        var line: [UInt8] = []
        var length = 0
        var lastByte: UInt8 = 0  // the last byte of the whole line, kept or not
        let lineOffset = streamOffset
        while true {
            if chunkStart == chunkEnd {
                if atEndOfStream { break }
                try refill()
                if chunkStart == chunkEnd { break }
            }
            let newline = chunk.withUnsafeBytes { buffer -> Int? in
                guard let base = buffer.baseAddress,
                      let found = memchr(base + chunkStart, Int32(UInt8.newline), chunkEnd - chunkStart)
                else { return nil }
                return base.distance(to: UnsafeRawPointer(found))
            }
            let end = newline ?? chunkEnd
            let keep = min(end - chunkStart, maxLineLength - line.count)
            if keep > 0 {
                line.append(contentsOf: chunk[chunkStart..<(chunkStart + keep)])
            }
            if end > chunkStart { lastByte = chunk[end - 1] }
            length += end - chunkStart
            streamOffset += end - chunkStart
            chunkStart = end
            if newline != nil {
                chunkStart += 1
                streamOffset += 1
                return finish(line, length: length, lastByte: lastByte, offset: lineOffset)
            }
        }
        // End of stream: the last line needs no newline, but an empty remainder is no line.
        guard length > 0 else { return nil }
        return finish(line, length: length, lastByte: lastByte, offset: lineOffset)
    }

    private mutating func finish(_ bytes: [UInt8], length: Int, lastByte: UInt8, offset: Int) -> NDJSONLine {
        var bytes = bytes
        var length = length
        // A `\r` that ends the line (before `\n`, or at the end of the stream) belongs to the line
        // ending: it counts in neither the length nor, if it was kept, the bytes.
        if lastByte == .carriageReturn {
            length -= 1
            if bytes.count > length { bytes.removeLast() }
        }
        defer { nextLineNumber += 1 }
        return NDJSONLine(number: nextLineNumber, byteOffset: offset, bytes: bytes, length: length)
    }

    private mutating func refill() throws(EvalNormError) {
        chunkStart = 0
        chunkEnd = 0
        while true {
            let got = chunk.withUnsafeMutableBytes { buffer in
                read(fileDescriptor, buffer.baseAddress, buffer.count)
            }
            if got > 0 {
                chunkEnd = got
                return
            }
            if got == 0 {
                atEndOfStream = true
                return
            }
            if errno == EINTR { continue }
            throw EvalNormError(.readFailed, "cannot read: \(String(cString: strerror(errno)))")
        }
    }
}
