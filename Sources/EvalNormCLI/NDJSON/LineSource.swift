import EvalNorm

/// Where an NDJSON command reads its lines: a file or standard input through ``NDJSONReader``, or
/// bytes held in memory (standard input in tests).
protocol LineSource: AnyObject {
    /// The next line, or `nil` at the end of the input.
    func next() throws(EvalNormError) -> NDJSONLine?
}

/// Opens the line source for `path` (`-` for standard input).
func openLineSource(_ path: String, context: CommandContext) throws(EvalNormError) -> any LineSource {
    guard path == "-" else { return ReaderLineSource(try NDJSONReader(path: path)) }
    switch context.standardInput {
    case .fileDescriptor(let descriptor): return ReaderLineSource(NDJSONReader(fileDescriptor: descriptor))
    case .bytes(let bytes): return BytesLineSource(bytes)
    }
}

/// Lines from an ``NDJSONReader``: bounded memory, however long the stream.
final class ReaderLineSource: LineSource {
    private var reader: NDJSONReader

    init(_ reader: consuming NDJSONReader) {
        self.reader = reader
    }

    func next() throws(EvalNormError) -> NDJSONLine? {
        try reader.next()
    }
}

/// Lines from bytes in memory, split as ``NDJSONReader`` splits them (`\n`, a `\r` before it dropped).
final class BytesLineSource: LineSource {
    private let bytes: [UInt8]
    private var offset = 0
    private var number = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func next() throws(EvalNormError) -> NDJSONLine? {
        guard offset < bytes.count else { return nil }
        let start = offset
        var end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        offset = end + 1
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        number += 1
        let line = Array(bytes[start..<end])
        return NDJSONLine(number: number, byteOffset: start, bytes: line, length: line.count)
    }
}
