import EvalNorm
import Foundation
import Testing

struct NDJSONReaderTests {
    /// Writes `bytes` to a temporary file and returns every line the reader gives for it.
    func lines(of bytes: [UInt8], chunkSize: Int, maxLineLength: Int = 1 << 20) throws -> [NDJSONLine] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ndjson-\(UUID().uuidString).ndjson")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try NDJSONReader(path: url.path, maxLineLength: maxLineLength, chunkSize: chunkSize)
        var result: [NDJSONLine] = []
        while let line = try reader.next() { result.append(line) }
        return result
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 16])
    func splitsLinesAcrossChunks(chunkSize: Int) throws {
        let text = "{\"a\":1}\r\n\n  \n[1,2,3]\n\"last, no newline\""
        let lines = try lines(of: Array(text.utf8), chunkSize: chunkSize)
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["{\"a\":1}", "", "  ", "[1,2,3]", "\"last, no newline\""])
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
        #expect(lines.map(\.byteOffset) == [0, 9, 10, 13, 21])
        #expect(lines.map(\.isBlank) == [false, true, true, false, false])
        #expect(try JSONParser().parse(lines[3].bytes) == [1, 2, 3])
    }

    @Test func trailingNewlineMakesNoEmptyLastLine() throws {
        #expect(try lines(of: Array("1\n2\n".utf8), chunkSize: 4).count == 2)
        #expect(try lines(of: [], chunkSize: 4).isEmpty)
    }

    @Test(arguments: [1, 5, 100])
    func overlongLineIsCutAndFlagged(chunkSize: Int) throws {
        let long = String(repeating: "x", count: 50)
        let lines = try lines(of: Array("[1]\n\(long)\n[2]\n".utf8), chunkSize: chunkSize, maxLineLength: 10)
        #expect(lines.count == 3)
        #expect(lines[1].isTruncated)
        #expect(lines[1].bytes.count == 10)
        #expect(lines[1].length == 50)
        #expect(lines[2].bytes == Array("[2]".utf8))
        #expect(lines[2].byteOffset == 55)
    }

    @Test(arguments: [1, 2, 3, 64])
    func carriageReturnsBelongToTheLineEnding(chunkSize: Int) throws {
        let lines = try lines(of: Array("abc\r\nabcdef\r\nx\r".utf8), chunkSize: chunkSize, maxLineLength: 3)
        #expect(lines.map(\.bytes) == [Array("abc".utf8), Array("abc".utf8), Array("x".utf8)])
        #expect(lines.map(\.length) == [3, 6, 1])
        #expect(lines.map(\.isTruncated) == [false, true, false])
    }

    @Test func missingFileIsCannotOpen() {
        let error = #expect(throws: EvalNormError.self) { _ = try NDJSONReader(path: "/nonexistent/evalnorm.ndjson") }
        #expect(error?.code == .cannotOpenFile)
    }
}
