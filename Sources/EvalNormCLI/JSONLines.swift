import EvalNorm

/// Files of several JSON documents, one per line (JSON Lines, NDJSON), read whole: Lunary's JSONL
/// export, or the output of `normalize` and `convert` for several runs.
enum JSONLines {
    /// The lines of `bytes`, numbered from 1, without their `\n` or `\r\n`.
    static func lines(of bytes: [UInt8]) -> [NDJSONLine] {
        var lines: [NDJSONLine] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var content = end
            if content > start, bytes[content - 1] == UInt8(ascii: "\r") { content -= 1 }
            lines.append(NDJSONLine(number: lines.count + 1, byteOffset: start, bytes: Array(bytes[start..<content]), length: content - start))
            start = end + 1
        }
        return lines
    }

    /// Whether `bytes` look like JSON Lines: the first line that is not blank is a JSON document of its own.
    static func startsWithDocument(_ bytes: [UInt8], parser: JSONParser) -> Bool {
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = NDJSONLine(number: 0, byteOffset: start, bytes: Array(bytes[start..<end]), length: end - start)
            if !line.isBlank { return (try? parser.parse(line.bytes)) != nil }
            start = end + 1
        }
        return false
    }
}
