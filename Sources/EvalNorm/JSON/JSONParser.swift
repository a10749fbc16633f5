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
/// Hostile input meets limits, each with its own error: ``maxDepth`` (512), ``maxDocumentSize``
/// (1 GiB), ``maxStringLength`` (256 MiB of JSON text per string) and ``maxMembers`` (16,777,216
/// members per object or elements per array). The parser never recurses, so no input can overflow
/// its stack.
///
/// A document of 2 MiB or more is read on two threads when there are two processors or more: a
/// helper thread reads the second half of its largest array of objects while the calling thread
/// reads up to it (see ``ParseSplit``). The value, and any error, are the ones one thread finds.
public struct JSONParser: Sendable {
    /// The default nesting limit: 512 arrays and objects inside each other.
    public static let defaultMaxDepth = 512

    /// The highest nesting limit a parser accepts: 512, the default; a parser may be set lower.
    ///
    /// Parsing itself has no stack limit, but comparing, hashing, writing and freeing a ``JSONValue``
    /// recurse once per level of nesting. At this depth they still fit in a 512 KiB thread stack (the
    /// smallest a Swift program commonly runs on), even in a debug build, so no value a parser
    /// returns can overflow a stack. (Measured: a debug build overflows 512 KiB near depth 700.)
    public static let maximumDepth = 512

    /// How many arrays and objects may be open at once; one more is a
    /// ``EvalNormError/Code/depthLimitExceeded`` error. Between 1 and ``maximumDepth``.
    public let maxDepth: Int

    /// The longest document, in bytes, the parser reads; a longer one is a
    /// ``EvalNormError/Code/documentTooLarge`` error before anything is read. Default 1 GiB.
    public let maxDocumentSize: Int
    /// The longest string, in bytes of JSON text between its quotes; a longer one is a
    /// ``EvalNormError/Code/stringTooLong`` error. Default 256 MiB.
    public let maxStringLength: Int
    /// The most members one object, or elements one array, may have; one more is a
    /// ``EvalNormError/Code/tooManyMembers`` error. Default 16,777,216.
    public let maxMembers: Int

    public static let defaultMaxDocumentSize = 1 << 30
    public static let defaultMaxStringLength = 256 << 20
    public static let defaultMaxMembers = 1 << 24

    /// The size from which a document is read on two threads, when there are two processors or more.
    public static let splitDocumentSize = 2 << 20

    /// The smallest document read on two threads; `Int.max` for none.
    let minimumSplitSize: Int

    /// Creates a parser with the given limits; `maxDepth` is clamped to `1...JSONParser.maximumDepth`
    /// and the others to at least 1. With `splitsLargeDocuments` off, every document is read on the
    /// calling thread alone.
    public init(maxDepth: Int = JSONParser.defaultMaxDepth, maxDocumentSize: Int = JSONParser.defaultMaxDocumentSize,
                maxStringLength: Int = JSONParser.defaultMaxStringLength, maxMembers: Int = JSONParser.defaultMaxMembers,
                splitsLargeDocuments: Bool = true) {
        let splits = splitsLargeDocuments && Shares.processorCount > 1
        self.init(maxDepth: maxDepth, maxDocumentSize: maxDocumentSize, maxStringLength: maxStringLength, maxMembers: maxMembers,
                  minimumSplitSize: splits ? JSONParser.splitDocumentSize : Int.max)
    }

    /// A parser that reads documents of `minimumSplitSize` bytes or more on two threads, whatever
    /// the number of processors (for tests).
    init(maxDepth: Int = JSONParser.defaultMaxDepth, maxDocumentSize: Int = JSONParser.defaultMaxDocumentSize,
         maxStringLength: Int = JSONParser.defaultMaxStringLength, maxMembers: Int = JSONParser.defaultMaxMembers,
         minimumSplitSize: Int) {
        self.maxDepth = min(max(1, maxDepth), JSONParser.maximumDepth)
        self.maxDocumentSize = max(1, maxDocumentSize)
        self.maxStringLength = max(1, maxStringLength)
        self.maxMembers = max(1, maxMembers)
        self.minimumSplitSize = max(1, minimumSplitSize)
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
        guard bytes.count <= maxDocumentSize else {
            throw EvalNormError(.documentTooLarge, "the document is \(bytes.count) bytes, more than the limit of \(maxDocumentSize)",
                                location: SourceLocation(byteOffset: maxDocumentSize, in: bytes))
        }
        return try parseReportingSplit(bytes: bytes).value
    }

    /// Parses one JSON document, and says whether the helper thread's share of it was taken.
    func parseReportingSplit(bytes: UnsafeRawBufferPointer) throws(EvalNormError) -> (value: JSONValue, split: Bool) {
        guard bytes.count >= minimumSplitSize, let split = ParseSplit.start(in: bytes, limits: self) else {
            var scanner = JSONScanner(bytes: bytes, limits: self)
            return (try scanner.parseDocument(), false)
        }
        // The helper reads `bytes`, so it must be done with them before this call returns.
        defer { split.finish() }
        var scanner = JSONScanner(bytes: bytes, limits: self, split: split)
        let value = try scanner.parseDocument()
        return (value, scanner.tookSplit)
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

 Strings are scanned eight bytes at a time for the bytes that end a run of plain content: `"`, `\`
 and control characters. A string without escapes becomes a `String` straight from the input bytes;
 one with escapes is decoded into the new string's storage. Swift validates UTF-8 as it makes a
 `String`, replacing what is ill-formed with U+FFFD; the scanner does not validate twice. Only a
 string with non-ASCII bytes whose result holds a U+FFFD is checked again, against the well-formed
 UTF-8 table (Unicode §3.9, table 3-7), which tells a genuine U+FFFD from a repair and locates the
 first bad byte for the error.
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
    private let maxStringLength: Int
    private let maxMembers: Int
    private var index = 0
    private var frames: [Frame] = []
    private var values: [JSONValue] = []
    private var keys: [String] = []
    /// The most frames that were open at once.
    private var peakDepth = 0

    /// The helper thread's share of the document, taken when the scanner reaches `splitOffset` as
    /// the start of an array element (`-1`: no share, or already taken or refused).
    private let split: ParseSplit?
    private var splitOffset: Int
    /// Whether the helper's share became part of the value.
    private(set) var tookSplit = false
    /// A scanner that reads on speculation (for ``ParseSplit``): its errors are never shown, so they
    /// carry no line and column, which take a pass over the input to count.
    private let isSpeculative: Bool

    init(bytes: UnsafeRawBufferPointer, limits: JSONParser, split: ParseSplit? = nil, isSpeculative: Bool = false) {
        self.bytes = bytes.assumingMemoryBound(to: UInt8.self)
        self.count = bytes.count
        self.maxDepth = limits.maxDepth
        self.maxStringLength = limits.maxStringLength
        self.maxMembers = limits.maxMembers
        self.split = split
        self.splitOffset = split?.offset ?? -1
        self.isSpeculative = isSpeculative
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

    /// Reads the elements of an array from `start`, the start of one of its elements after a
    /// comma, up to and including the array's `]`, as ``ParseSplit`` does on its helper thread.
    mutating func parseElements(from start: Int) throws(EvalNormError) -> ParseSplit.Share {
        index = start
        frames.append(Frame(isObject: false, valueStart: 0, keyStart: 0))
        peakDepth = 1
        guard case .array(let elements) = try parseValue(above: 0, context: .afterComma) else {
            throw error(.unexpectedCharacter, "not the elements of an array", at: start)
        }
        return ParseSplit.Share(elements: elements, end: index, depth: peakDepth)
    }

    /// Parses one value, with everything nested in it, without recursion.
    private mutating func parseValue() throws(EvalNormError) -> JSONValue {
        try parseValue(above: frames.count, context: .topLevel)
    }

    /// Parses values until the frames above `bottom` are closed, starting at a value in `context`.
    private mutating func parseValue(above bottom: Int, context start: ValueContext) throws(EvalNormError) -> JSONValue {
        var context = start
        while true {
            // 1. Read the start of a value; containers open a frame and go round again.
            skipWhitespace()
            guard index < count else {
                throw error(.unexpectedEndOfInput, "unexpected end of input: expected a value\(context.suffix)", at: index)
            }
            var value: JSONValue
            if index == splitOffset, context == .afterComma, let array = takeSplit() {
                value = array
            } else {
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
            }

            // 2. Hand the value to its container; close every container that ends here.
            while true {
                guard frames.count > bottom, let frame = frames.last else { return value }
                guard values.count - frame.valueStart < maxMembers else {
                    let what = frame.isObject ? "an object with more than \(maxMembers) members" : "an array with more than \(maxMembers) elements"
                    throw error(.tooManyMembers, what, at: index)
                }
                values.append(value)
                skipWhitespace()
                guard index < count else {
                    let what = frame.isObject ? "',' or '}'" : "',' or ']'"
                    throw error(.unexpectedEndOfInput, "unexpected end of input: expected \(what)", at: index, betweenValues: true)
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
                    throw error(.unexpectedCharacter, "expected \(expected), found \(describeCharacter(at: index))", at: index, betweenValues: true)
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
        peakDepth = max(peakDepth, frames.count)
    }

    /// At `splitOffset`, the start of an array element after a comma: the array with the helper's
    /// elements, when it read them within the limits, and the scanner goes on after its `]`; `nil`
    /// when the helper failed (this scanner then reads on by itself, and finds the same error).
    private mutating func takeSplit() -> JSONValue? {
        splitOffset = -1
        guard let split, let frame = frames.last, !frame.isObject, let share = split.take(),
              frames.count - 1 + share.depth <= maxDepth,
              values.count - frame.valueStart + share.elements.count <= maxMembers
        else { return nil }
        values.append(contentsOf: share.elements)
        index = share.end
        tookSplit = true
        return .array(closeArray(frame))
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

    /// Moves the frame's values off the stack into an exactly sized array. Taking them with
    /// `removeLast` moves each value rather than copying it, which saves a retain and a release each.
    /// (`Array(popping:with:)`, not `init(unsafeUninitializedCapacity:)`, whose every call looks the
    /// array's storage class up in a cache shared by all threads: see Array+SpecializedAllocation.swift.)
    private mutating func closeArray(_ frame: Frame) -> [JSONValue] {
        frames.removeLast()
        return [JSONValue](popping: values.count - frame.valueStart) { values.removeLast() }
    }

    /// Moves the frame's keys and values off their stacks into the object's members, as `closeArray` does.
    private mutating func closeObject(_ frame: Frame) -> JSONObject {
        frames.removeLast()
        let members = [JSONObject.Member](popping: values.count - frame.valueStart) {
            JSONObject.Member(key: keys.removeLast(), value: values.removeLast())
        }
        return JSONObject(members)
    }

    // MARK: Scalars

    private mutating func skipWhitespace() {
        while index < count {
            guard bytes[index].isJSONWhitespace else { return }
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
        return JSONNumber(uncheckedLexeme: StringBytes.string(checkedUTF8: UnsafeBufferPointer(rebasing: bytes[start..<index]), isASCII: true))
    }

    private mutating func skipDigits() {
        while index < count, bytes[index].isDigit { index += 1 }
    }

    // MARK: Strings

    /// Reads a string starting at the opening quote.
    ///
    /// The first pass finds the closing quote, noting whether the string holds escapes or non-ASCII
    /// bytes. A string with escapes is decoded, in a second pass, into a temporary buffer (escapes
    /// only ever shrink the text, so the raw length is enough room; Swift puts it on the stack when
    /// it is small or the stack has room, else on the heap). Non-ASCII content is checked for
    /// well-formed UTF-8 against the input, sixteen bytes at a time, and the first bad byte located.
    /// The `String` is then made from checked bytes, without `String(decoding:as:)`'s own check.
    private mutating func parseString() throws(EvalNormError) -> String {
        index += 1  // opening quote
        let start = index
        var seen: UInt64 = 0
        var hasEscapes = false
        while true {
            index = StringBytes.endOfPlainRun(in: bytes, from: index, seen: &seen)
            guard index < count else {
                throw error(.unexpectedEndOfInput, "unexpected end of input in string", at: count)
            }
            let byte = bytes[index]
            if byte == .quote { break }
            guard byte == .backslash else {
                throw error(.controlCharacterInString, "unescaped control character U+\(hex(UInt16(byte))) in string", at: index)
            }
            hasEscapes = true
            index += 2  // the backslash and the byte after it; the escape is checked when decoded
        }
        let end = index
        guard end - start <= maxStringLength else {
            throw error(.stringTooLong, "a string of \(end - start) bytes, more than the limit of \(maxStringLength)", at: start - 1)
        }
        index += 1  // closing quote
        let isASCII = seen & 0x8080_8080_8080_8080 == 0
        guard hasEscapes else {
            if !isASCII { try checkUTF8(from: start, to: end) }
            return StringBytes.string(checkedUTF8: UnsafeBufferPointer(rebasing: bytes[start..<end]), isASCII: isASCII)
        }
        // A `Result`, not a throwing closure: `withUnsafeTemporaryAllocation` only passes typed
        // errors through from Swift 6.3 on.
        let decoded = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) { buffer -> Result<String, EvalNormError> in
            do throws(EvalNormError) {
                let (written, escapedNonASCII) = try decodeEscapedContent(from: start, to: end, into: buffer)
                if !isASCII { try checkUTF8(from: start, to: end) }
                let content = UnsafeBufferPointer(rebasing: buffer[..<written])
                return .success(StringBytes.string(checkedUTF8: content, isASCII: isASCII && !escapedNonASCII))
            } catch {
                return .failure(error)
            }
        }
        return try decoded.get()
    }

    /// The index of the first `byte` in `buffer[start..<end]`, found with `memchr`.
    static func nextIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard let base = buffer.baseAddress, start < end, end <= buffer.count,
              let found = memchr(base + start, Int32(byte), end - start)
        else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// Throws at the first ill-formed UTF-8 sequence in `start..<end`, the content of a string.
    ///
    /// The check runs sixteen bytes at a time (``StringBytes/wellFormedUTF8End(in:from:to:)``); only
    /// content it rejects is read again a sequence at a time, to locate the first bad byte.
    private func checkUTF8(from start: Int, to end: Int) throws(EvalNormError) {
        if StringBytes.wellFormedUTF8End(in: bytes, from: start, to: end) != nil { return }
        var offset = start
        while offset < end {
            if offset + 8 <= end,
               UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                offset += 8
            } else if bytes[offset] < 0x80 {
                offset += 1
            } else if let length = JSONScanner.utf8SequenceLength(in: bytes, at: offset) {
                offset += length
            } else {
                throw error(.invalidUTF8, "invalid UTF-8 \(describeBytes(at: offset)) in string", at: offset)
            }
        }
    }

    /// Decodes string content with escapes, `start..<end` of the input, into `output`; returns the
    /// number of bytes written, which is at most `end - start`, and whether an escape stood for a
    /// character outside ASCII.
    private func decodeEscapedContent(
        from start: Int, to end: Int, into output: UnsafeMutableBufferPointer<UInt8>
    ) throws(EvalNormError) -> (written: Int, escapedNonASCII: Bool) {
        guard let input = bytes.baseAddress, let target = output.baseAddress else { return (0, false) }
        var read = start
        var written = 0
        var escapedNonASCII = false
        while read < end {
            let runEnd = JSONScanner.nextIndex(of: .backslash, in: bytes, from: read, to: end) ?? end
            (target + written).update(from: input + read, count: runEnd - read)
            written += runEnd - read
            read = runEnd
            if read < end {
                let length = try decodeEscape(at: &read, into: target + written)
                escapedNonASCII = escapedNonASCII || length > 1  // only characters outside ASCII take 2 bytes or more
                written += length
            }
        }
        return (written, escapedNonASCII)
    }

    /// Decodes the escape whose backslash is at `read`, writing at most 4 bytes to `target`;
    /// advances `read` past it and returns the number of bytes written.
    private func decodeEscape(at read: inout Int, into target: UnsafeMutablePointer<UInt8>) throws(EvalNormError) -> Int {
        let escapeStart = read
        let byte = bytes[read + 1]  // the first pass saw the string continue past the backslash
        read += 2
        switch byte {
        case .quote, .backslash, .slash: target[0] = byte
        case .lowercaseB: target[0] = 0x08
        case .lowercaseF: target[0] = 0x0C
        case .lowercaseN: target[0] = .newline
        case .lowercaseR: target[0] = .carriageReturn
        case .lowercaseT: target[0] = .tab
        case .lowercaseU:
            let unit = try readHexQuad(at: &read)
            var scalar = UInt32(unit)
            if unit >= 0xD800, unit < 0xDC00 {
                guard read + 1 < count, bytes[read] == .backslash, bytes[read + 1] == .lowercaseU else {
                    throw error(.loneSurrogate, "lone surrogate \\u\(hex(unit)) in string: a high surrogate must be followed by a \\u escape of a low surrogate", at: escapeStart)
                }
                read += 2
                let low = try readHexQuad(at: &read)
                guard low >= 0xDC00, low < 0xE000 else {
                    throw error(.loneSurrogate, "lone surrogate \\u\(hex(unit)) in string: followed by \\u\(hex(low)), which is not a low surrogate", at: escapeStart)
                }
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if unit >= 0xDC00, unit < 0xE000 {
                throw error(.loneSurrogate, "lone surrogate \\u\(hex(unit)) in string: a low surrogate without a high surrogate before it", at: escapeStart)
            }
            return JSONScanner.writeUTF8(scalar, to: target)
        default:
            throw error(.invalidEscape, "invalid escape '\\\(describeEscapeByte(byte))' in string", at: escapeStart)
        }
        return 1
    }

    /// Reads the four hex digits of a `\\u` escape at `read`.
    private func readHexQuad(at read: inout Int) throws(EvalNormError) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            // The closing quote is in the buffer and is not a hex digit, so this never reads past it.
            let byte = bytes[read]
            let digit: UInt8
            switch byte {
            case .zero ... .nine: digit = byte - .zero
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw error(.invalidEscape, "invalid \\u escape: expected 4 hex digits, found \(describeCharacter(at: read))", at: read)
            }
            unit = unit << 4 | UInt16(digit)
            read += 1
        }
        return unit
    }

    /// Writes a Unicode scalar value as UTF-8; returns the number of bytes (1 to 4).
    private static func writeUTF8(_ scalar: UInt32, to target: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case ..<0x80:
            target[0] = UInt8(scalar)
            return 1
        case ..<0x800:
            target[0] = UInt8(0xC0 | scalar >> 6)
            target[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case ..<0x10000:
            target[0] = UInt8(0xE0 | scalar >> 12)
            target[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            target[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            target[0] = UInt8(0xF0 | scalar >> 18)
            target[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            target[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            target[3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
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

    // MARK: Errors

    /// Builds an error at `offset`, with the position and the pointer of the value being read.
    ///
    /// `betweenValues` says that the innermost container has just finished a value and waits for a
    /// separator: the error is then about the container, and its pointer is the container's.
    private func error(_ code: EvalNormError.Code, _ message: String, at offset: Int, betweenValues: Bool = false) -> EvalNormError {
        let location = isSpeculative ? nil : SourceLocation(byteOffset: offset, in: UnsafeRawBufferPointer(bytes))
        var pointer = currentPointer()
        if betweenValues, frames.last?.isObject == false {
            pointer.tokens.removeLast()
        }
        return EvalNormError(code, message, pointer: pointer, location: location)
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
                return "character '\(text)' (U+\(hexCode(scalar.value)))"
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
        return parts.count == 1 ? "byte \(parts[0])" : "sequence \(parts.joined(separator: " "))"
    }

    private func describeEscapeByte(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "U+" + hex(UInt16(byte))
    }

    private func hex(_ unit: UInt16) -> String {
        hexCode(UInt32(unit))
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

    /// Space, tab, line feed or carriage return: the only white space RFC 8259 allows.
    var isJSONWhitespace: Bool { self == .space || self == .newline || self == .tab || self == .carriageReturn }
}
