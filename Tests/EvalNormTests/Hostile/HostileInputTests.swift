import EvalNorm
import EvalNormCLI
import Foundation
import Testing

extension ToolRun {
    /// Runs `evalnorm` in-process with `arguments`, feeding raw `standardInput` bytes to `-` (which a
    /// `String` cannot hold when they are not UTF-8).
    init(_ arguments: [String], standardInputBytes: [UInt8]) {
        let context = CommandContext.captured(standardInput: standardInputBytes)
        status = EvalNormTool.run(arguments, context: context)
        standardOutput = context.standardOutput.capturedText
        standardError = context.standardError.capturedText
    }
}

/// Hostile inputs through the whole pipeline: what `RunReader` throws (code, pointer, position) and
/// what `evalnorm normalize -` and `evalnorm validate -` print and exit with, for each class of input
/// an attacker or a broken exporter could send. (`JSONParserErrorTests` covers the parser's messages
/// one grammar rule at a time; these are the same failures as a user of the tool meets them.)
struct HostileInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var input: [UInt8]
        var code: EvalNormError.Code
        var pointer: JSONPointer
        /// Where in the bytes, for errors found while scanning; `nil` for errors about a parsed value.
        var location: EvalNorm.SourceLocation?
        /// The one line `evalnorm normalize -` writes to stderr, without its line feed.
        var normalizeError: String
        var normalizeStatus: Int32 = 65
        /// What `evalnorm validate -` writes to stderr; the same line as `normalize` when `nil`.
        var validateError: String?
        var validateOutput = ""
        var validateStatus: Int32 = 65
        var testDescription: String { name }

        /// `byte`, `line`, `column` of the error, when there is a position.
        init(_ name: String, _ input: [UInt8], _ code: EvalNormError.Code, pointer: JSONPointer = [],
             at position: (byte: Int, line: Int, column: Int)?, stderr: String) {
            self.name = name
            self.input = input
            self.code = code
            self.pointer = pointer
            self.location = position.map { EvalNorm.SourceLocation(byteOffset: $0.byte, line: $0.line, column: $0.column) }
            self.normalizeError = stderr
        }
    }

    /// The UTF-8 of `text`.
    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `{"id": 1, "alias": "` + `bytes` + `"}`: an Aegis-looking run whose `alias` holds `bytes` raw.
    /// The string's content starts at byte 20.
    static func alias(_ bytes: [UInt8], close: Bool = true) -> [UInt8] {
        utf8(#"{"id": 1, "alias": ""#) + bytes + (close ? utf8(#""}"#) : [])
    }

    /// `{"id": 1, "result": ` + `text` + `}`; the value starts at byte 20.
    static func result(_ text: String) -> [UInt8] {
        utf8(#"{"id": 1, "result": "# + text + "}")
    }

    /// The shipped Aegis example with a second `id` in the record of its first evaluation.
    static let duplicateRecordID: [UInt8] = {
        let url = TestPaths.examples.appendingPathComponent("aegis-run.json")
        let text = String(decoding: (try? TestPaths.bytes(of: url)) ?? [], as: UTF8.self)
        guard let range = text.range(of: #""id": 771002,"#) else { return [] }
        return utf8(text.replacingCharacters(in: range, with: "\"id\": 771002,\n        \"id\": 771099,"))
    }()

    static let million = 1_000_000
    static let depthMessage = "nesting deeper than 512 levels of arrays and objects"

    static let cases: [Case] = [
        // Invalid UTF-8: every kind is json.invalidUTF8 at the first bad byte, inside the string it breaks.
        Case("invalid UTF-8: lone continuation byte 0x80", alias([0x61, 0x80, 0x62]), .invalidUTF8, pointer: ["alias"],
             at: (21, 1, 22), stderr: "evalnorm: <stdin>: line 1, column 22 (byte 21): invalid UTF-8 byte 0x80 in string (at /alias)"),
        Case("invalid UTF-8: overlong two-byte '/' (C0 AF)", alias([0xC0, 0xAF]), .invalidUTF8, pointer: ["alias"],
             at: (20, 1, 21), stderr: "evalnorm: <stdin>: line 1, column 21 (byte 20): invalid UTF-8 sequence 0xC0 0xAF in string (at /alias)"),
        Case("invalid UTF-8: overlong three-byte '/' (E0 80 AF)", alias([0xE0, 0x80, 0xAF]), .invalidUTF8, pointer: ["alias"],
             at: (20, 1, 21), stderr: "evalnorm: <stdin>: line 1, column 21 (byte 20): invalid UTF-8 sequence 0xE0 0x80 0xAF in string (at /alias)"),
        Case("invalid UTF-8: surrogate U+D800 encoded (ED A0 80)", alias([0xED, 0xA0, 0x80]), .invalidUTF8, pointer: ["alias"],
             at: (20, 1, 21), stderr: "evalnorm: <stdin>: line 1, column 21 (byte 20): invalid UTF-8 sequence 0xED 0xA0 0x80 in string (at /alias)"),
        Case("invalid UTF-8: beyond U+10FFFF (F4 90 80 80)", alias([0xF4, 0x90, 0x80, 0x80]), .invalidUTF8, pointer: ["alias"],
             at: (20, 1, 21), stderr: "evalnorm: <stdin>: line 1, column 21 (byte 20): invalid UTF-8 sequence 0xF4 0x90 0x80 0x80 in string (at /alias)"),
        Case("invalid UTF-8: '€' cut before the closing quote (E2 82)", alias([0xE2, 0x82]), .invalidUTF8, pointer: ["alias"],
             at: (20, 1, 21), stderr: "evalnorm: <stdin>: line 1, column 21 (byte 20): invalid UTF-8 sequence 0xE2 0x82 in string (at /alias)"),
        // Columns count scalars: E2 is one, 82 is a continuation byte.
        Case("invalid UTF-8: '€' cut at the end of the input (E2 82)", alias([0xE2, 0x82], close: false), .unexpectedEndOfInput,
             pointer: ["alias"], at: (22, 1, 22), stderr: "evalnorm: <stdin>: line 1, column 22 (byte 22): unexpected end of input in string (at /alias)"),
        Case("invalid UTF-8: byte 0xFF in a string", alias([0xFF]), .invalidUTF8, pointer: ["alias"],
             at: (20, 1, 21), stderr: "evalnorm: <stdin>: line 1, column 21 (byte 20): invalid UTF-8 byte 0xFF in string (at /alias)"),
        Case("invalid UTF-8: byte 0xFF where a value starts", utf8(#"{"id": 1, "alias": "#) + [0xFF] + utf8("}"), .unexpectedCharacter,
             pointer: ["alias"], at: (19, 1, 20), stderr: "evalnorm: <stdin>: line 1, column 20 (byte 19): unexpected byte 0xFF after ':' (at /alias)"),
        Case("invalid UTF-8: UTF-16LE input (FF FE)", [0xFF, 0xFE] + Array(#"{"id":1}"#.utf8.flatMap { [$0, 0] }), .unexpectedCharacter,
             at: (0, 1, 1), stderr: "evalnorm: <stdin>: line 1, column 1 (byte 0): unexpected byte 0xFF"),
        Case("invalid UTF-8: byte 0xFF in a key of an evaluation", utf8(#"{"evaluations": [{""#) + [0xFF] + utf8(#"": 1}]}"#), .invalidUTF8,
             pointer: ["evaluations", "0"], at: (19, 1, 20),
             stderr: "evalnorm: <stdin>: line 1, column 20 (byte 19): invalid UTF-8 byte 0xFF in string (at /evaluations/0)"),
        // Non-ASCII text before the bad byte, on the third line: columns count characters, bytes count bytes.
        Case("invalid UTF-8: on line 3 after 'é'", utf8("{\n  \"id\": 1,\n  \"alias\": \"é") + [0x80] + utf8("\"\n}"), .invalidUTF8,
             pointer: ["alias"], at: (27, 3, 14), stderr: "evalnorm: <stdin>: line 3, column 14 (byte 27): invalid UTF-8 byte 0x80 in string (at /alias)"),

        // Escapes of lone surrogates.
        Case(#"lone surrogate: "\ud800""#, alias(utf8(#"\ud800"#)), .loneSurrogate, pointer: ["alias"], at: (20, 1, 21),
             stderr: #"evalnorm: <stdin>: line 1, column 21 (byte 20): lone surrogate \uD800 in string: a high surrogate must be followed by a \u escape of a low surrogate (at /alias)"#),
        Case(#"lone surrogate: "\udc00x""#, alias(utf8(#"\udc00x"#)), .loneSurrogate, pointer: ["alias"], at: (20, 1, 21),
             stderr: #"evalnorm: <stdin>: line 1, column 21 (byte 20): lone surrogate \uDC00 in string: a low surrogate without a high surrogate before it (at /alias)"#),
        Case(#"lone surrogate: "\ud800\ud800""#, alias(utf8(#"\ud800\ud800"#)), .loneSurrogate, pointer: ["alias"], at: (20, 1, 21),
             stderr: #"evalnorm: <stdin>: line 1, column 21 (byte 20): lone surrogate \uD800 in string: followed by \uD800, which is not a low surrogate (at /alias)"#),
        Case(#"lone surrogate: in a key "\udc00""#, utf8(#"{"\udc00": 1}"#), .loneSurrogate, at: (2, 1, 3),
             stderr: #"evalnorm: <stdin>: line 1, column 3 (byte 2): lone surrogate \uDC00 in string: a low surrogate without a high surrogate before it"#),

        // Numbers JSON does not have.
        Case("NaN", result("NaN"), .unexpectedCharacter, pointer: ["result"], at: (20, 1, 21),
             stderr: "evalnorm: <stdin>: line 1, column 21 (byte 20): unexpected character 'N' after ':' (at /result)"),
        Case("Infinity", result("Infinity"), .unexpectedCharacter, pointer: ["result"], at: (20, 1, 21),
             stderr: "evalnorm: <stdin>: line 1, column 21 (byte 20): unexpected character 'I' after ':' (at /result)"),
        Case("-Infinity", result("-Infinity"), .invalidNumber, pointer: ["result"], at: (21, 1, 22),
             stderr: "evalnorm: <stdin>: line 1, column 22 (byte 21): invalid number: expected a digit after '-', found character 'I' (at /result)"),
        Case("leading zero: 01", result("01"), .invalidNumber, pointer: ["result"], at: (20, 1, 21),
             stderr: "evalnorm: <stdin>: line 1, column 21 (byte 20): invalid number: leading zeros are not allowed (at /result)"),
        Case("leading zero: -01", result("-01"), .invalidNumber, pointer: ["result"], at: (20, 1, 21),
             stderr: "evalnorm: <stdin>: line 1, column 21 (byte 20): invalid number: leading zeros are not allowed (at /result)"),

        // Control characters written raw in strings.
        Case("raw U+0000 in a string", alias([0x61, 0x00, 0x62]), .controlCharacterInString, pointer: ["alias"], at: (21, 1, 22),
             stderr: "evalnorm: <stdin>: line 1, column 22 (byte 21): unescaped control character U+0000 in string (at /alias)"),
        Case("raw U+001F in a string", alias([0x61, 0x1F, 0x62]), .controlCharacterInString, pointer: ["alias"], at: (21, 1, 22),
             stderr: "evalnorm: <stdin>: line 1, column 22 (byte 21): unescaped control character U+001F in string (at /alias)"),
        Case("raw tab in a string", alias([0x61, 0x09, 0x62]), .controlCharacterInString, pointer: ["alias"], at: (21, 1, 22),
             stderr: "evalnorm: <stdin>: line 1, column 22 (byte 21): unescaped control character U+0009 in string (at /alias)"),
        Case("raw line feed in a string", alias([0x61, 0x0A, 0x62]), .controlCharacterInString, pointer: ["alias"], at: (21, 1, 22),
             stderr: "evalnorm: <stdin>: line 1, column 22 (byte 21): unescaped control character U+000A in string (at /alias)"),

        // A key twice, deep in a vendor payload: well-formed JSON, so no position; `normalize` refuses
        // it as undecodable (which of the two ids is meant would be a guess), while `validate` checks
        // both values against the schema and finds both valid.
        {
            var duplicate = Case("duplicate key at /evaluations/0/record/id", duplicateRecordID, .duplicateKey,
                                 pointer: ["evaluations", "0", "record", "id"], at: nil,
                                 stderr: "evalnorm: <stdin>: /evaluations/0/record/id: duplicate key 'id'")
            duplicate.validateError = ""
            duplicate.validateOutput = "<stdin>: valid\n"
            duplicate.validateStatus = 0
            return duplicate
        }(),

        // Nesting a million levels deep: refused at level 513, with the position and the pointer.
        Case("1,000,000 × '['", [UInt8](repeating: UInt8(ascii: "["), count: million), .depthLimitExceeded,
             pointer: JSONPointer(tokens: Array(repeating: "0", count: 512)), at: (512, 1, 513),
             stderr: "evalnorm: <stdin>: line 1, column 513 (byte 512): \(depthMessage) (at \(String(repeating: "/0", count: 512)))"),
        Case(#"1,000,000 × '{"a":'"#, Array(String(repeating: #"{"a":"#, count: million).utf8), .depthLimitExceeded,
             pointer: JSONPointer(tokens: Array(repeating: "a", count: 512)), at: (2560, 1, 2561),
             stderr: "evalnorm: <stdin>: line 1, column 2561 (byte 2560): \(depthMessage) (at \(String(repeating: "/a", count: 512)))"),
        Case("1,000,000 × '[' as Aegis evaluations", utf8(#"{"id": 1, "evaluations": "#) + [UInt8](repeating: UInt8(ascii: "["), count: million),
             .depthLimitExceeded, pointer: JSONPointer(tokens: ["evaluations"] + Array(repeating: "0", count: 511)), at: (536, 1, 537),
             stderr: "evalnorm: <stdin>: line 1, column 537 (byte 536): \(depthMessage) (at /evaluations\(String(repeating: "/0", count: 511)))"),

        // No document at all, or something before or after it.
        Case("empty input", [], .emptyInput, at: (0, 1, 1),
             stderr: "evalnorm: <stdin>: line 1, column 1 (byte 0): empty input: expected a JSON value"),
        Case("white space only", utf8(" \n\t\r "), .emptyInput, at: (5, 2, 4),
             stderr: "evalnorm: <stdin>: line 2, column 4 (byte 5): no JSON value: the input holds only white space"),
        Case("UTF-8 byte order mark", [0xEF, 0xBB, 0xBF] + utf8(#"{"id": 1}"#), .byteOrderMark, at: (0, 1, 1),
             stderr: "evalnorm: <stdin>: line 1, column 1 (byte 0): byte order mark (U+FEFF) at the start of the input; JSON text must not begin with one"),
        // On separate lines, two documents are JSON Lines (see ListCommandTests); on one line, garbage.
        Case("trailing garbage: a second document", utf8("{\"id\": 1} {\"id\": 2}"), .trailingData, at: (10, 1, 11),
             stderr: "evalnorm: <stdin>: line 1, column 11 (byte 10): unexpected character '{' after the top-level value"),
        Case("trailing garbage: a NUL byte", utf8(#"{"id": 1}"#) + [0x00], .trailingData, at: (9, 1, 10),
             stderr: "evalnorm: <stdin>: line 1, column 10 (byte 9): unexpected character U+0000 after the top-level value"),

        // Well-formed JSON that is no vendor's document.
        Case("bare top-level string", utf8(#""evaluations""#), .unknownFormat, at: nil,
             stderr: "evalnorm: <stdin>: expected a JSON object (a run or a page) or an array of runs, found string"),
        Case("bare top-level number", utf8("48213"), .unknownFormat, at: nil,
             stderr: "evalnorm: <stdin>: expected a JSON object (a run or a page) or an array of runs, found number"),
        Case("bare top-level array of Aegis runs", utf8(#"[{"id": 48213, "evaluations": []}]"#), .unknownFormat, pointer: ["0"], at: nil,
             stderr: "evalnorm: <stdin>: /0: an array of aegis run documents; of the known vendors only DataFramer lists runs as a bare array"),
        Case("empty top-level array", utf8("[]"), .unknownFormat, at: nil,
             stderr: "evalnorm: <stdin>: an empty array names no vendor; give it with --from (DataFramer lists runs as a bare array)"),
    ]

    /// What reading `bytes` as one run throws: parsing, detection, then decoding (with validation).
    static func pipelineError(_ bytes: [UInt8]) -> EvalNormError? {
        do {
            let reader = RunReader()
            _ = try reader.decode([reader.document(from: bytes)])
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: cases)
    func exactErrorAndExitCode(_ testCase: Case) throws {
        try #require(!testCase.input.isEmpty || testCase.code == .emptyInput, "the case's input could not be built")
        let error = try #require(Self.pipelineError(testCase.input), "read without an error")
        #expect(error.code == testCase.code)
        #expect(error.pointer == testCase.pointer)
        #expect(error.location == testCase.location)

        let normalize = ToolRun(["normalize", "-"], standardInputBytes: testCase.input)
        #expect(normalize.status == testCase.normalizeStatus)
        #expect(normalize.standardOutput.isEmpty)
        #expect(normalize.standardError == testCase.normalizeError + "\n")
        // The tool says what the library says.
        #expect(normalize.standardError == "evalnorm: <stdin>: \(error)\n")

        let validate = ToolRun(["validate", "-"], standardInputBytes: testCase.input)
        #expect(validate.status == testCase.validateStatus)
        #expect(validate.standardOutput == testCase.validateOutput)
        let validateError = testCase.validateError.map { $0.isEmpty ? "" : $0 + "\n" } ?? testCase.normalizeError + "\n"
        #expect(validate.standardError == validateError)
    }

    /// The deepest inputs are refused at once, whatever follows the 513th level: neither reading
    /// nor reporting walks the other 999,487.
    @Test(arguments: [UInt8(ascii: "["), UInt8(ascii: "{")])
    func millionLevelsAreRefusedQuickly(opener: UInt8) {
        let unit: [UInt8] = opener == UInt8(ascii: "[") ? [opener] : Array(#"{"a":"#.utf8)
        var input: [UInt8] = []
        input.reserveCapacity(unit.count * Self.million * 2)
        for _ in 0..<Self.million { input += unit }
        // Closed properly too: the error is the same, at the same place.
        let closer = opener == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
        let closed = input + [UInt8](repeating: closer, count: Self.million)
        for bytes in [input, closed] {
            let clock = ContinuousClock()
            let start = clock.now
            let normalize = ToolRun(["normalize", "-"], standardInputBytes: bytes)
            let validate = ToolRun(["validate", "-"], standardInputBytes: bytes)
            let elapsed = clock.now - start
            #expect(normalize.status == 65)
            #expect(validate.status == 65)
            #expect(normalize.standardError.contains("(byte \(512 * unit.count)): \(Self.depthMessage) (at /"))
            #expect(validate.standardError == normalize.standardError)
            #expect(elapsed < .seconds(5), "two runs over \(bytes.count) bytes took \(elapsed)")
        }
    }

    // MARK: Huge exponents

    static let hugeExponents = ["1e999999999999", "-1e999999999999", "1e-999999999999", "1E+999999999999999999999",
                                "123456789012345678901234567890.5e999999999999"]

    @Test(arguments: hugeExponents)
    func hugeExponentParsesAndKeepsItsLexeme(lexeme: String) throws {
        let value = try JSONParser().parse("[\(lexeme), {\"x\": \(lexeme)}]")
        #expect(value[0]?.numberValue?.lexeme == lexeme)
        #expect(value[1]?["x"]?.numberValue?.lexeme == lexeme)
        #expect(JSONWriter().string(from: value) == "[\(lexeme),{\"x\":\(lexeme)}]")
        let number = try #require(value[0]?.numberValue)
        #expect(number.decimalValue == nil)  // beyond Decimal: nil, not a crash
        #expect(JSONNumber(lexeme: lexeme) == number)
    }

    /// The shipped Aegis example with `result` (of the run, or of its first evaluation) replaced by
    /// `lexeme`.
    static func aegisExample(result lexeme: String, inEvaluation: Bool) throws -> [UInt8] {
        let url = TestPaths.examples.appendingPathComponent("aegis-run.json")
        let text = String(decoding: try TestPaths.bytes(of: url), as: UTF8.self)
        let target = inEvaluation ? #""result": 100,"# : #""result": 75.0,"#
        let range = try #require(text.range(of: target))
        return Array(text.replacingCharacters(in: range, with: "\"result\": \(lexeme),").utf8)
    }

    @Test(arguments: hugeExponents, [false, true])
    func hugeExponentAsAegisResultDoesNotCrash(lexeme: String, inEvaluation: Bool) throws {
        let bytes = try Self.aegisExample(result: lexeme, inEvaluation: inEvaluation)
        let document = try RunReader().document(from: bytes)
        #expect(document.format == DocumentFormat(vendor: .aegis, kind: .run))
        let run = try RunReader().decode([document])
        if inEvaluation {
            #expect(run.records.first?.scores.first?.value == .number(try #require(JSONNumber(lexeme: lexeme))))
        } else {
            #expect(run.result?.score?.lexeme == lexeme)
        }
        let report = try RunConverter.roundTrip([document])
        #expect(report.isLossless, "differs at \(report.differences)")

        let text = String(decoding: bytes, as: UTF8.self)
        let normalize = ToolRun(["normalize", "-"], standardInput: text)
        #expect(normalize.status == 0)
        #expect(normalize.standardError.isEmpty)
        #expect(normalize.standardOutput.contains(":\(lexeme)"))
        let validate = ToolRun(["validate", "-"], standardInput: text)
        #expect(validate.status == 0)
        #expect(validate.standardOutput == "<stdin>: valid\n")
        for command in ["summary", "table", "roundtrip"] {
            let other = ToolRun([command, "-"], standardInput: text)
            #expect(other.status == 0, "\(command): \(other.standardError)")
        }
    }
}
