import Foundation

/// A strict RFC 8259 parser from UTF-8 bytes to ``JSONValue``.
///
/// ```swift
/// let value = try JSONParser().parse(Array(#"{"id": 991, "cost": 0.001200000000000}"#.utf8))
/// value["cost"]?.numberValue?.lexeme   // "0.001200000000000"
/// ```
///
/// What it keeps: every number's lexeme, every member in order (duplicate keys too), every string's
/// exact characters. What it rejects, each with an ``EvalNormError`` that carries the byte offset,
/// line and column, and the JSON Pointer of the value being read: anything outside the RFC 8259
/// grammar, invalid UTF-8, escapes of lone UTF-16 surrogates, raw control characters in strings, a
/// byte order mark, and nesting deeper than ``maxDepth``.
///
/// The parser never recurses, so no input can overflow the stack, whatever ``maxDepth`` is set to.
public struct JSONParser: Sendable {
    /// The default nesting limit: 512 arrays and objects inside each other.
    public static let defaultMaxDepth = 512

    /// How many arrays and objects may be open at once; one more is a
    /// ``EvalNormError/Code/depthLimitExceeded`` error. At least 1.
    public var maxDepth: Int

    /// Creates a parser with the given nesting limit.
    public init(maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.maxDepth = max(1, maxDepth)
    }

    /// Parses one JSON document.
    public func parse(_ bytes: [UInt8]) throws(EvalNormError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(EvalNormError) in try parse(bytes: buffer) }
        }
        return try result.get()
    }

    /// Parses one JSON document.
    public func parse(_ data: Data) throws(EvalNormError) -> JSONValue {
        let result = data.withUnsafeBytes { buffer in
            Result { () throws(EvalNormError) in try parse(bytes: buffer) }
        }
        return try result.get()
    }

    /// Parses one JSON document from a string's UTF-8.
    public func parse(_ text: String) throws(EvalNormError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(EvalNormError) in try parse(bytes: UnsafeRawBufferPointer(buffer)) }
        }
        return try result.get()
    }

    /// Parses one JSON document from raw UTF-8 bytes, which must stay valid during the call.
    public func parse(bytes: UnsafeRawBufferPointer) throws(EvalNormError) -> JSONValue {
        var scanner = JSONScanner(bytes: bytes, maxDepth: maxDepth)
        return try scanner.parseDocument()
    }
}

/*
 How the scanner works

 The scanner reads bytes through a raw pointer and an `Int` read index; it never builds a `Character`
 or a `String.Index`. Bytes are compared with named ASCII constants.

 It does not recurse. Values that are complete but whose container is still open wait on one shared
 stack (`values`); keys wait on another (`keys`). Each open array or object is a `Frame` that records
 where its values and keys start on those stacks. When a container closes, its values are moved off
 the stacks into one exactly sized array, and the container itself becomes the newest complete value.
 The depth limit is the number of frames, so hostile nesting costs a bounded amount of heap and no
 stack at all.

 Errors carry only a byte offset while scanning. The line and column, the JSON Pointer (derived from
 the frames: the pending key of an object, the next index of an array) and the text of the offending
 character are worked out only when an error is thrown.

 Strings are scanned eight bytes at a time for the bytes that need a closer look: `"`, `\`, control
 characters and non-ASCII. A string without escapes becomes a `String` straight from the input bytes;
 escapes are decoded into a reusable scratch buffer. Non-ASCII sequences are checked against the
 well-formed UTF-8 table (Unicode §3.9, table 3-7) as they are met.
*/
struct JSONScanner {
    private struct Frame {
        var isObject: Bool
        var valueStart: Int
        var keyStart: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let count: Int
    private let maxDepth: Int
    private var index = 0
    private var frames: [Frame] = []
    private var values: [JSONValue] = []
    private var keys: [String] = []
    private var scratch: [UInt8] = []

    init(bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        self.bytes = bytes.assumingMemoryBound(to: UInt8.self)
        self.count = bytes.count
        self.maxDepth = maxDepth
    }

    // MARK: Document

    mutating func parseDocument() throws(EvalNormError) -> JSONValue {
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw error(.byteOrderMark, "byte order mark (U+FEFF) at the start of the input; JSON text must not begin with one", at: 0)
        }
        skipWhitespace()
        guard index < count else {
            throw error(.emptyInput, count == 0 ? "empty input: expected a JSON value" : "no JSON value: the input holds only white space", at: index)
        }
        let value = try parseValue()
        skipWhitespace()
        if index < count {
            throw error(.trailingData, "unexpected \(describeCharacter(at: index)) after the top-level value", at: index)
        }
        return value
    }

    // MARK: Values

    /// Parses one value, with everything nested in it, without recursion.
    private mutating func parseValue() throws(EvalNormError) -> JSONValue {
        let bottom = frames.count
        var context = ValueContext.topLevel
        while true {
            // 1. Read the start of a value; containers open a frame and go round again.
            skipWhitespace()
            guard index < count else {
                throw error(.unexpectedEndOfInput, "unexpected end of input: expected a value\(context.suffix)", at: index)
            }
            var value: JSONValue
            switch bytes[index] {
            case .quote:
                value = .string(try parseString())
            case .openBrace:
                try openContainer(isObject: true)
                skipWhitespace()
                if index < count, bytes[index] == .closeBrace {
                    index += 1
                    frames.removeLast()
                    value = .object(JSONObject())
                } else {
                    try parseKey(after: "'{'", alternative: " or '}'")
                    context = .afterColon
                    continue
                }
            case .openBracket:
                try openContainer(isObject: false)
                skipWhitespace()
                if index < count, bytes[index] == .closeBracket {
                    index += 1
                    frames.removeLast()
                    value = .array([])
                } else {
                    context = .afterOpenBracket
                    continue
                }
            case .minus, .zero ... .nine:
                value = .number(try parseNumber())
            case .lowercaseT:
                try parseLiteral("true")
                value = .bool(true)
            case .lowercaseF:
                try parseLiteral("false")
                value = .bool(false)
            case .lowercaseN:
                try parseLiteral("null")
                value = .null
            default:
                throw error(.unexpectedCharacter, "unexpected \(describeCharacter(at: index))\(context.suffix)", at: index)
            }

            // 2. Hand the value to its container; close every container that ends here.
            while true {
                guard frames.count > bottom, let frame = frames.last else { return value }
                values.append(value)
                skipWhitespace()
                guard index < count else {
                    let what = frame.isObject ? "',' or '}'" : "',' or ']'"
                    throw error(.unexpectedEndOfInput, "unexpected end of input: expected \(what)", at: index)
                }
                let byte = bytes[index]
                if byte == .comma {
                    index += 1
                    if frame.isObject {
                        skipWhitespace()
                        try parseKey(after: "','", alternative: "")
                        context = .afterColon
                    } else {
                        context = .afterComma
                    }
                    break
                }
                if frame.isObject, byte == .closeBrace {
                    index += 1
                    value = .object(closeObject(frame))
                } else if !frame.isObject, byte == .closeBracket {
                    index += 1
                    value = .array(closeArray(frame))
                } else {
                    let expected = frame.isObject ? "',' or '}' after an object member" : "',' or ']' after an array element"
                    throw error(.unexpectedCharacter, "expected \(expected), found \(describeCharacter(at: index))", at: index)
                }
            }
        }
    }

    /// Where a value is expected, for error messages.
    private enum ValueContext {
        case topLevel, afterColon, afterComma, afterOpenBracket
        var suffix: String {
            switch self {
            case .topLevel: ""
            case .afterColon: " after ':'"
            case .afterComma: " after ','"
            case .afterOpenBracket: " after '['"
            }
        }
    }

    private mutating func openContainer(isObject: Bool) throws(EvalNormError) {
        guard frames.count < maxDepth else {
            throw error(.depthLimitExceeded, "nesting deeper than \(maxDepth) levels of arrays and objects", at: index)
        }
        index += 1
        frames.append(Frame(isObject: isObject, valueStart: values.count, keyStart: keys.count))
    }

    /// Reads `"key"` and the `:` after it, at the current index (white space already skipped).
    private mutating func parseKey(after previous: String, alternative: String) throws(EvalNormError) {
        guard index < count else {
            throw error(.unexpectedEndOfInput, "unexpected end of input: expected a string key\(alternative) after \(previous)", at: index)
        }
        guard bytes[index] == .quote else {
            if alternative.isEmpty {
                throw error(.unexpectedCharacter, "unexpected \(describeCharacter(at: index)) after ',': expected a string key", at: index)
            }
            throw error(.unexpectedCharacter, "expected a string key\(alternative) after \(previous), found \(describeCharacter(at: index))", at: index)
        }
        keys.append(try parseString())
        skipWhitespace()
        guard index < count else {
            throw error(.unexpectedEndOfInput, "unexpected end of input: expected ':' after an object key", at: index)
        }
        guard bytes[index] == .colon else {
            throw error(.unexpectedCharacter, "expected ':' after an object key, found \(describeCharacter(at: index))", at: index)
        }
        index += 1
    }

    private mutating func closeArray(_ frame: Frame) -> [JSONValue] {
        frames.removeLast()
        let elements = Array(values[frame.valueStart...])
        values.removeSubrange(frame.valueStart...)
        return elements
    }

    private mutating func closeObject(_ frame: Frame) -> JSONObject {
        frames.removeLast()
        let memberCount = values.count - frame.valueStart
        var members: [JSONObject.Member] = []
        members.reserveCapacity(memberCount)
        for offset in 0..<memberCount {
            members.append(JSONObject.Member(key: keys[frame.keyStart + offset], value: values[frame.valueStart + offset]))
        }
        values.removeSubrange(frame.valueStart...)
        keys.removeSubrange(frame.keyStart...)
        return JSONObject(members)
    }

    // MARK: Scalars

    private mutating func skipWhitespace() {
        while index < count {
            let byte = bytes[index]
            // Space, \t, \n and \r are the only white space RFC 8259 allows.
            guard byte == .space || byte == .newline || byte == .tab || byte == .carriageReturn else { return }
            index += 1
        }
    }

    private mutating func parseLiteral(_ literal: StaticString) throws(EvalNormError) {
        let text = literal.utf8Start
        let length = literal.utf8CodeUnitCount
        for offset in 0..<length {
            guard index + offset < count else {
                throw error(.unexpectedEndOfInput, "unexpected end of input in literal '\(literal)'", at: index + offset)
            }
            guard bytes[index + offset] == text[offset] else {
                throw error(.unexpectedCharacter, "unexpected \(describeCharacter(at: index + offset)) in literal '\(literal)'", at: index + offset)
            }
        }
        index += length
    }

    /// Reads a number per RFC 8259 and keeps its text.
    private mutating func parseNumber() throws(EvalNormError) -> JSONNumber {
        let start = index
        if bytes[index] == .minus { index += 1 }
        guard index < count else {
            throw error(.unexpectedEndOfInput, "unexpected end of input in number: expected a digit after '-'", at: index)
        }
        if bytes[index] == .zero {
            index += 1
            if index < count, bytes[index].isDigit {
                throw error(.invalidNumber, "invalid number: leading zeros are not allowed", at: start)
            }
        } else if bytes[index].isDigit {
            skipDigits()
        } else {
            throw error(.invalidNumber, "invalid number: expected a digit after '-', found \(describeCharacter(at: index))", at: index)
        }
        if index < count, bytes[index] == .period {
            index += 1
            guard index < count else {
                throw error(.unexpectedEndOfInput, "unexpected end of input in number: expected a digit after '.'", at: index)
            }
            guard bytes[index].isDigit else {
                throw error(.invalidNumber, "invalid number: expected a digit after '.', found \(describeCharacter(at: index))", at: index)
            }
            skipDigits()
        }
        if index < count, bytes[index] | 0x20 == .lowercaseE {
            index += 1
            if index < count, bytes[index] == .plus || bytes[index] == .minus { index += 1 }
            guard index < count else {
                throw error(.unexpectedEndOfInput, "unexpected end of input in number: expected a digit in the exponent", at: index)
            }
            guard bytes[index].isDigit else {
                throw error(.invalidNumber, "invalid number: expected a digit in the exponent, found \(describeCharacter(at: index))", at: index)
            }
            skipDigits()
        }
        return JSONNumber(uncheckedLexeme: makeString(from: start, to: index))
    }

    private mutating func skipDigits() {
        while index < count, bytes[index].isDigit { index += 1 }
    }

    // MARK: Strings

    /// Reads a string starting at the opening quote.
    private mutating func parseString() throws(EvalNormError) -> String {
        index += 1  // opening quote
        let start = index
        while true {
            skipPlainStringBytes()
            guard index < count else {
                throw error(.unexpectedEndOfInput, "unexpected end of input in string", at: index)
            }
            let byte = bytes[index]
            if byte == .quote {
                let string = makeString(from: start, to: index)
                index += 1
                return string
            } else if byte == .backslash {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                return try parseEscapedRemainder()
            } else if byte < 0x20 {
                throw error(.controlCharacterInString, "unescaped control character U+\(hex(UInt16(byte))) in string", at: index)
            } else {
                try validateUTF8Sequence()
            }
        }
    }

    /// Continues a string after its first backslash, decoding into `scratch`.
    private mutating func parseEscapedRemainder() throws(EvalNormError) -> String {
        while true {
            let runStart = index
            skipPlainStringBytes()
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            guard index < count else {
                throw error(.unexpectedEndOfInput, "unexpected end of input in string", at: index)
            }
            let byte = bytes[index]
            if byte == .quote {
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            } else if byte == .backslash {
                try decodeEscape()
            } else if byte < 0x20 {
                throw error(.controlCharacterInString, "unescaped control character U+\(hex(UInt16(byte))) in string", at: index)
            } else {
                let sequenceStart = index
                try validateUTF8Sequence()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[sequenceStart..<index]))
            }
        }
    }

    /// Advances past bytes that need no attention: printable ASCII other than `"` and `\`.
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        // Eight bytes at a time: a byte needs attention if it is `"`, `\`, below 0x20 or above 0x7F.
        while index + 8 <= count {
            let word = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if JSONScanner.hasSpecialByte(word) { break }
            index += 8
        }
        while index < count {
            let byte = bytes[index]
            guard byte >= 0x20, byte < 0x80, byte != .quote, byte != .backslash else { return }
            index += 1
        }
    }

    /// Whether any byte of `word` is `"`, `\`, a control character or non-ASCII (the classic
    /// "has zero byte" trick, applied to `word ^ pattern` for each byte to find).
    @inline(__always)
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* UInt64(UInt8.quote))
        let backslash = word ^ (ones &* UInt64(UInt8.backslash))
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = word &- (ones &* 0x20)  // borrows into the high bit where a byte < 0x20
        return ((hasQuote | hasBackslash | hasControl) & highs | word & highs) != 0
    }

    /// Decodes one escape sequence starting at a backslash into `scratch`.
    private mutating func decodeEscape() throws(EvalNormError) {
        let escapeStart = index
        index += 1
        guard index < count else {
            throw error(.unexpectedEndOfInput, "unexpected end of input in string escape", at: index)
        }
        let byte = bytes[index]
        index += 1
        switch byte {
        case .quote, .backslash, .slash: scratch.append(byte)
        case .lowercaseB: scratch.append(0x08)
        case .lowercaseF: scratch.append(0x0C)
        case .lowercaseN: scratch.append(.newline)
        case .lowercaseR: scratch.append(.carriageReturn)
        case .lowercaseT: scratch.append(.tab)
        case .lowercaseU:
            let unit = try readHexQuad(escapeStart: escapeStart)
            var scalarValue = UInt32(unit)
            if unit >= 0xD800, unit < 0xDC00 {
                guard index + 1 < count, bytes[index] == .backslash, bytes[index + 1] == .lowercaseU else {
                    throw error(.loneSurrogate, "lone surrogate \\u\(hex(unit)) in string: a high surrogate must be followed by a \\u escape of a low surrogate", at: escapeStart)
                }
                let lowStart = index
                index += 2
                let low = try readHexQuad(escapeStart: lowStart)
                guard low >= 0xDC00, low < 0xE000 else {
                    throw error(.loneSurrogate, "lone surrogate \\u\(hex(unit)) in string: followed by \\u\(hex(low)), which is not a low surrogate", at: escapeStart)
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if unit >= 0xDC00, unit < 0xE000 {
                throw error(.loneSurrogate, "lone surrogate \\u\(hex(unit)) in string: a low surrogate without a high surrogate before it", at: escapeStart)
            }
            appendUTF8(scalarValue)
        default:
            throw error(.invalidEscape, "invalid escape '\\\(describeEscapeByte(byte))' in string", at: escapeStart)
        }
    }

    /// Reads the four hex digits after `\u`.
    private mutating func readHexQuad(escapeStart: Int) throws(EvalNormError) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard index < count else {
                throw error(.unexpectedEndOfInput, "unexpected end of input in \\u escape", at: index)
            }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case .zero ... .nine: digit = byte - .zero
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw error(.invalidEscape, "invalid \\u escape: expected 4 hex digits, found \(describeCharacter(at: index))", at: index)
            }
            unit = unit << 4 | UInt16(digit)
            index += 1
        }
        return unit
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case ..<0x80:
            scratch.append(UInt8(scalar))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Checks the multi-byte UTF-8 sequence at `index` and advances past it.
    private mutating func validateUTF8Sequence() throws(EvalNormError) {
        guard let length = JSONScanner.utf8SequenceLength(in: bytes, at: index) else {
            throw error(.invalidUTF8, "invalid UTF-8 \(describeBytes(at: index)) in string", at: index)
        }
        index += length
    }

    /// The length of the well-formed UTF-8 sequence at `index` (Unicode table 3-7), or `nil`.
    static func utf8SequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0x00 ..< 0x80: return 1
        case 0xC2 ..< 0xE0: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1 ..< 0xED, 0xEE ..< 0xF0: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1 ..< 0xF4: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return nil }
        for offset in 2 ..< length where bytes[index + offset] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }

    @inline(__always)
    private func makeString(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    // MARK: Errors

    /// Builds an error at `offset`, with the position and the pointer of the value being read.
    private func error(_ code: EvalNormError.Code, _ message: String, at offset: Int) -> EvalNormError {
        let location = SourceLocation(byteOffset: offset, in: UnsafeRawBufferPointer(bytes))
        return EvalNormError(code, message, pointer: currentPointer(), location: location)
    }

    /// The pointer of the value being read: for each open frame, the pending key of an object or the
    /// next index of an array.
    private func currentPointer() -> JSONPointer {
        var tokens: [String] = []
        for (level, frame) in frames.enumerated() {
            let valueEnd = level + 1 < frames.count ? frames[level + 1].valueStart : values.count
            let keyEnd = level + 1 < frames.count ? frames[level + 1].keyStart : keys.count
            let valueCount = valueEnd - frame.valueStart
            if frame.isObject {
                // A key is pending when the object holds more keys than values.
                guard keyEnd - frame.keyStart > valueCount else { break }
                tokens.append(keys[keyEnd - 1])
            } else {
                tokens.append(String(valueCount))
            }
        }
        return JSONPointer(tokens: tokens)
    }

    /// `'x'` for printable ASCII, `'é' (U+00E9)` for other characters, `byte 0xFF` for invalid UTF-8.
    private func describeCharacter(at offset: Int) -> String {
        let byte = bytes[offset]
        if byte >= 0x21, byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x80 { return "character U+\(hex(UInt16(byte)))" }
        if let length = JSONScanner.utf8SequenceLength(in: bytes, at: offset) {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
            if let scalar = text.unicodeScalars.first {
                return "character '\(text)' (U+\(scalar.value < 0x10000 ? hex(UInt16(scalar.value)) : String(scalar.value, radix: 16, uppercase: true)))"
            }
        }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    /// `byte 0xFF`, or `sequence 0xE0 0x80` for a broken multi-byte sequence.
    private func describeBytes(at offset: Int) -> String {
        let lead = bytes[offset]
        var parts = ["0x" + String(lead, radix: 16, uppercase: true)]
        var next = offset + 1
        while lead >= 0xC0, next < count, next < offset + 4, bytes[next] & 0xC0 == 0x80 {
            parts.append("0x" + String(bytes[next], radix: 16, uppercase: true))
            next += 1
        }
        if parts.count == 1, lead >= 0xC0, next >= count {
            return "byte \(parts[0]) (a sequence cut short by the end of input)"
        }
        return parts.count == 1 ? "byte \(parts[0])" : "sequence \(parts.joined(separator: " "))"
    }

    private func describeEscapeByte(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "U+" + hex(UInt16(byte))
    }

    private func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}

extension UInt8 {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let period = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let colon = UInt8(ascii: ":")
    static let openBracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let closeBracket = UInt8(ascii: "]")
    static let lowercaseB = UInt8(ascii: "b")
    static let lowercaseE = UInt8(ascii: "e")
    static let lowercaseF = UInt8(ascii: "f")
    static let lowercaseN = UInt8(ascii: "n")
    static let lowercaseR = UInt8(ascii: "r")
    static let lowercaseT = UInt8(ascii: "t")
    static let lowercaseU = UInt8(ascii: "u")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")

    var isDigit: Bool { self &- UInt8.zero < 10 }
}
