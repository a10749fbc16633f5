import EvalNorm
import Testing

/// Each malformed input gives one exact error: code, position, pointer and message.
struct JSONParserErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: [UInt8]
        var code: EvalNormError.Code
        var byteOffset: Int
        var line: Int
        var column: Int
        var pointer: String
        var message: String
        var testDescription: String { message }

        init(_ text: String, _ code: EvalNormError.Code, byte: Int, line: Int = 1, column: Int, pointer: String = "", _ message: String) {
            self.init(bytes: Array(text.utf8), code, byte: byte, line: line, column: column, pointer: pointer, message)
        }

        init(bytes: [UInt8], _ code: EvalNormError.Code, byte: Int, line: Int = 1, column: Int, pointer: String = "", _ message: String) {
            self.input = bytes
            self.code = code
            self.byteOffset = byte
            self.line = line
            self.column = column
            self.pointer = pointer
            self.message = message
        }
    }

    static let cases: [Case] = [
        Case("", .emptyInput, byte: 0, column: 1, "empty input: expected a JSON value"),
        Case(" \n ", .emptyInput, byte: 3, line: 2, column: 2, "no JSON value: the input holds only white space"),
        Case(#"{"a":1,}"#, .unexpectedCharacter, byte: 7, column: 8, "unexpected character '}' after ',': expected a string key"),
        Case("[1,]", .unexpectedCharacter, byte: 3, column: 4, pointer: "/1", "unexpected character ']' after ','"),
        Case("[1 2]", .unexpectedCharacter, byte: 3, column: 4, "expected ',' or ']' after an array element, found character '2'"),
        Case(#"{"a":[1 2]}"#, .unexpectedCharacter, byte: 8, column: 9, pointer: "/a", "expected ',' or ']' after an array element, found character '2'"),
        Case(#"{"a":{"b":1 "c":2}}"#, .unexpectedCharacter, byte: 12, column: 13, pointer: "/a", "expected ',' or '}' after an object member, found character '\"'"),
        Case(#"{"a" 1}"#, .unexpectedCharacter, byte: 5, column: 6, pointer: "/a", "expected ':' after an object key, found character '1'"),
        Case("{1:2}", .unexpectedCharacter, byte: 1, column: 2, "expected a string key or '}' after '{', found character '1'"),
        Case(#"{"a":}"#, .unexpectedCharacter, byte: 5, column: 6, pointer: "/a", "unexpected character '}' after ':'"),
        Case("[1,2", .unexpectedEndOfInput, byte: 4, column: 5, "unexpected end of input: expected ',' or ']'"),
        Case(#"{"records":[{"id":"#, .unexpectedEndOfInput, byte: 18, column: 19, pointer: "/records/0/id", "unexpected end of input: expected a value after ':'"),
        Case(#"["abc"#, .unexpectedEndOfInput, byte: 5, column: 6, pointer: "/0", "unexpected end of input in string"),
        Case("[tru]", .unexpectedCharacter, byte: 4, column: 5, pointer: "/0", "unexpected character ']' in literal 'true'"),
        Case("nul", .unexpectedEndOfInput, byte: 3, column: 4, "unexpected end of input in literal 'null'"),
        Case("[01]", .invalidNumber, byte: 1, column: 2, pointer: "/0", "invalid number: leading zeros are not allowed"),
        Case("-", .unexpectedEndOfInput, byte: 1, column: 2, "unexpected end of input in number: expected a digit after '-'"),
        Case("-a", .invalidNumber, byte: 1, column: 2, "invalid number: expected a digit after '-', found character 'a'"),
        Case("1.", .unexpectedEndOfInput, byte: 2, column: 3, "unexpected end of input in number: expected a digit after '.'"),
        Case("1.e3", .invalidNumber, byte: 2, column: 3, "invalid number: expected a digit after '.', found character 'e'"),
        Case("1e+", .unexpectedEndOfInput, byte: 3, column: 4, "unexpected end of input in number: expected a digit in the exponent"),
        Case("[NaN]", .unexpectedCharacter, byte: 1, column: 2, pointer: "/0", "unexpected character 'N' after '['"),
        Case("[Infinity]", .unexpectedCharacter, byte: 1, column: 2, pointer: "/0", "unexpected character 'I' after '['"),
        Case("+1", .unexpectedCharacter, byte: 0, column: 1, "unexpected character '+'"),
        Case("1 2", .trailingData, byte: 2, column: 3, "unexpected character '2' after the top-level value"),
        Case(#"{"a":1}}"#, .trailingData, byte: 7, column: 8, "unexpected character '}' after the top-level value"),
        Case(#"["a\x"]"#, .invalidEscape, byte: 3, column: 4, pointer: "/0", #"invalid escape '\x' in string"#),
        Case(#"["\u12G4"]"#, .invalidEscape, byte: 6, column: 7, pointer: "/0", #"invalid \u escape: expected 4 hex digits, found character 'G'"#),
        Case(#"["\uD800"]"#, .loneSurrogate, byte: 2, column: 3, pointer: "/0", #"lone surrogate \uD800 in string: a high surrogate must be followed by a \u escape of a low surrogate"#),
        Case(#"["\uD800\u0041"]"#, .loneSurrogate, byte: 2, column: 3, pointer: "/0", #"lone surrogate \uD800 in string: followed by \u0041, which is not a low surrogate"#),
        Case(#"{"k":"\uDC00"}"#, .loneSurrogate, byte: 6, column: 7, pointer: "/k", #"lone surrogate \uDC00 in string: a low surrogate without a high surrogate before it"#),
        Case("[\"a\tb\"]", .controlCharacterInString, byte: 3, column: 4, pointer: "/0", "unescaped control character U+0009 in string"),
        Case(bytes: [0x5B, 0x22, 0xFF, 0x22, 0x5D], .invalidUTF8, byte: 2, column: 3, pointer: "/0", "invalid UTF-8 byte 0xFF in string"),
        Case(bytes: [0x22, 0xC3, 0x28, 0x22], .invalidUTF8, byte: 1, column: 2, "invalid UTF-8 byte 0xC3 in string"),
        Case(bytes: [0x22, 0xE0, 0x80, 0x80, 0x22], .invalidUTF8, byte: 1, column: 2, "invalid UTF-8 sequence 0xE0 0x80 0x80 in string"),
        Case(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, byte: 1, column: 2, "invalid UTF-8 sequence 0xED 0xA0 0x80 in string"),
        Case(bytes: [0x22, 0xF0, 0x9F, 0x22], .invalidUTF8, byte: 1, column: 2, "invalid UTF-8 sequence 0xF0 0x9F in string"),
        Case(bytes: [0x22, 0x5C, 0x6E, 0xC3, 0xA9, 0xFE, 0x22], .invalidUTF8, byte: 5, column: 5, "invalid UTF-8 byte 0xFE in string"),
        // A cut four-byte sequence is replaced by one three-byte U+FFFD when Swift makes the string: same length.
        Case(bytes: [0x22, 0xF0, 0x90, 0x80, 0x78, 0x22], .invalidUTF8, byte: 1, column: 2, "invalid UTF-8 sequence 0xF0 0x90 0x80 in string"),
        Case(bytes: [0x22, 0x5C, 0x74, 0xF0, 0x90, 0x80, 0x78, 0x22], .invalidUTF8, byte: 3, column: 4, "invalid UTF-8 sequence 0xF0 0x90 0x80 in string"),
        Case(bytes: [0x22, 0xF0, 0x9F], .unexpectedEndOfInput, byte: 3, column: 3, "unexpected end of input in string"),
        Case(bytes: [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], .byteOrderMark, byte: 0, column: 1, "byte order mark (U+FEFF) at the start of the input; JSON text must not begin with one"),
        Case("[\"é\", é]", .unexpectedCharacter, byte: 7, column: 7, pointer: "/1", "unexpected character 'é' (U+00E9) after ','"),
        Case("{\n  \"a\": [\n    1,\n    x\n  ]\n}", .unexpectedCharacter, byte: 22, line: 4, column: 5, pointer: "/a/1", "unexpected character 'x' after ','"),
        Case(#"{"a~b/c":[}"#, .unexpectedCharacter, byte: 10, column: 11, pointer: "/a~0b~1c/0", "unexpected character '}' after '['"),
    ]

    @Test(arguments: cases)
    func reportsExactError(_ testCase: Case) {
        let error = #expect(throws: EvalNormError.self) { try JSONParser().parse(testCase.input) }
        #expect(error?.code == testCase.code)
        #expect(error?.message == testCase.message)
        #expect(error?.pointer.description == testCase.pointer)
        #expect(error?.location == SourceLocation(byteOffset: testCase.byteOffset, line: testCase.line, column: testCase.column))
    }

    @Test func genuineReplacementCharacterIsAccepted() throws {
        // U+FFFD written raw and as an escape is a real character, not a repair.
        let value = try JSONParser().parse("[\"a\u{FFFD}b\", \"\\ufffd\\n\u{FFFD}\"]")
        #expect(value == ["a\u{FFFD}b", "\u{FFFD}\n\u{FFFD}"])
    }

    @Test func descriptionCombinesPositionMessageAndPointer() throws {
        let error = #expect(throws: EvalNormError.self) { try JSONParser().parse(#"{"a":[1,]}"#) }
        #expect(error?.description == "line 1, column 9 (byte 8): unexpected character ']' after ',' (at /a/1)")
    }

    @Test func descriptionEscapesControlCharactersFromTheInput() {
        let error = #expect(throws: EvalNormError.self) { try JSONParser().parse(#"{"a\u001b[31mRED\nX":[1,x]}"#) }
        #expect(error?.pointer.tokens == ["a\u{1B}[31mRED\nX", "1"])
        #expect(error?.description == #"line 1, column 25 (byte 24): unexpected character 'x' after ',' (at /a\u001B[31mRED\u000AX/1)"#)
    }

    @Test(arguments: [1_000_000, 100_000, 513])
    func deepNestingIsAnErrorNotACrash(depth: Int) {
        let input = [UInt8](repeating: UInt8(ascii: "["), count: depth) + [UInt8](repeating: UInt8(ascii: "]"), count: depth)
        let error = #expect(throws: EvalNormError.self) { try JSONParser().parse(input) }
        #expect(error?.code == .depthLimitExceeded)
        #expect(error?.location?.byteOffset == 512)
        #expect(error?.message == "nesting deeper than 512 levels of arrays and objects")
    }

    @Test func depthLimitIsConfigurable() throws {
        let nested = { (depth: Int) in Array((String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)).utf8) }
        #expect(try JSONParser(maxDepth: 3).parse(nested(3))["a"]?["a"]?["a"] == 1)
        let error = #expect(throws: EvalNormError.self) { try JSONParser(maxDepth: 3).parse(nested(4)) }
        #expect(error?.code == .depthLimitExceeded)
        #expect(error?.pointer == ["a", "a", "a"])
    }

    @Test func deepestAllowedValueParsesWritesComparesAndFrees() throws {
        let depth = JSONParser.maximumDepth
        #expect(JSONParser(maxDepth: .max).maxDepth == depth)
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = #expect(throws: EvalNormError.self) { try JSONParser(maxDepth: .max).parse("[" + text + "]") }
        #expect(error?.code == .depthLimitExceeded)

        // Everything a caller does with the deepest value fits in a 512 KiB thread stack.
        let outcome = OnSmallStack.run {
            guard let value = try? JSONParser(maxDepth: depth).parse(text),
                  let again = try? JSONParser(maxDepth: depth).parse(JSONWriter(style: .pretty, indentWidth: 0).write(value))
            else { return "parse failed" }
            guard value == again, value.hashValue == again.hashValue else { return "not equal" }
            return JSONWriter().string(from: value) == text ? "ok" : "written differently"
        }
        #expect(outcome == "ok")
    }

    @Test func catchesByCode() {
        var caught = false
        do {
            _ = try JSONParser().parse("[1,]")
        } catch .unexpectedCharacter {
            caught = true
        } catch {
            caught = false
        }
        #expect(caught)
    }
}
