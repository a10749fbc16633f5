import EvalNorm
import Foundation
import Testing

/// The parser's limits: each is configurable and gives its own error, with a position.
struct JSONParserLimitTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var parser: JSONParser
        var code: EvalNormError.Code
        var message: String
        var pointer: JSONPointer
        var byteOffset: Int
        var testDescription: String { "\(code): \(input.prefix(40))" }
    }

    static let cases: [Case] = [
        Case(input: #"{"a": "12345", "b": "123456"}"#, parser: JSONParser(maxStringLength: 5), code: .stringTooLong,
             message: "a string of 6 bytes, more than the limit of 5", pointer: ["b"], byteOffset: 20),
        Case(input: #"{"abcdef": 1}"#, parser: JSONParser(maxStringLength: 5), code: .stringTooLong,
             message: "a string of 6 bytes, more than the limit of 5", pointer: [], byteOffset: 1),
        Case(input: #"[1, 2, 3, 4]"#, parser: JSONParser(maxMembers: 3), code: .tooManyMembers,
             message: "an array with more than 3 elements", pointer: ["3"], byteOffset: 11),
        Case(input: #"{"a": {"x": 1, "y": 2, "z": 3}}"#, parser: JSONParser(maxMembers: 2), code: .tooManyMembers,
             message: "an object with more than 2 members", pointer: ["a", "z"], byteOffset: 29),
        Case(input: #"[[[1]]]"#, parser: JSONParser(maxDepth: 2), code: .depthLimitExceeded,
             message: "nesting deeper than 2 levels of arrays and objects", pointer: ["0", "0"], byteOffset: 2),
        Case(input: #"{"a": 1}"#, parser: JSONParser(maxDocumentSize: 5), code: .documentTooLarge,
             message: "the document is 8 bytes, more than the limit of 5", pointer: [], byteOffset: 5),
    ]

    @Test(arguments: cases)
    func limitsAreErrorsWithPositions(_ testCase: Case) {
        #expect(throws: EvalNormError.self) { try testCase.parser.parse(testCase.input) }
        do {
            _ = try testCase.parser.parse(testCase.input)
        } catch {
            #expect(error.code == testCase.code)
            #expect(error.message == testCase.message)
            #expect(error.pointer == testCase.pointer)
            #expect(error.location?.byteOffset == testCase.byteOffset)
        }
    }

    @Test func inputsAtTheLimitsParse() throws {
        let parser = JSONParser(maxDepth: 3, maxDocumentSize: 30, maxStringLength: 5, maxMembers: 3)
        let value = try parser.parse(#"[[["12345"]], 2, {"a": 1}]"#)
        #expect(value[0]?[0]?[0] == "12345")
        #expect(JSONParser().maxDocumentSize == 1 << 30)
        #expect(JSONParser().maxStringLength == 256 << 20)
        #expect(JSONParser().maxMembers == 1 << 24)
    }

    @Test func theToolRefusesAFileTooLargeForOneDocumentWithoutReadingIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evalnorm-huge-\(UUID().uuidString).json")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(JSONParser.defaultMaxDocumentSize) + 1)  // sparse: no disk used
        try handle.close()
        let run = ToolRun(["normalize", url.path])
        #expect(run.status == 65)
        #expect(run.standardError == "evalnorm: \(url.path): the file is \(JSONParser.defaultMaxDocumentSize + 1) bytes, more than one document may be (\(JSONParser.defaultMaxDocumentSize) bytes); read dumps this large with --ndjson, one document per line\n")
    }
}
