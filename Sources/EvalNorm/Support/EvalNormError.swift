/// The one error type that EvalNorm throws.
///
/// Every error says what went wrong (``code`` and ``message``) and where: the JSON Pointer of the
/// value being read (``pointer``) and, for errors found while scanning bytes, the position in the
/// input (``location``). Parsing and decoding stop at the first error; validation collects them all
/// in its own result type.
///
/// Catch a specific kind of error by its code:
///
/// ```swift
/// do {
///     let value = try JSONParser().parse(bytes)
/// } catch .depthLimitExceeded {
///     print("too deep")
/// } catch {
///     print(error)   // "line 1, column 9 (byte 8): unexpected character '}' after ','"
/// }
/// ```
public struct EvalNormError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of error this is. Open: new codes may be added without breaking callers.
    public var code: Code
    /// A human-readable explanation, sentence case, without a trailing period.
    public var message: String
    /// The JSON Pointer of the value being read when the error occurred.
    public var pointer: JSONPointer
    /// Where in the input bytes the error occurred, if the error was found while scanning bytes.
    public var location: SourceLocation?

    /// Creates an error.
    public init(_ code: Code, _ message: String, pointer: JSONPointer = JSONPointer(), location: SourceLocation? = nil) {
        self.code = code
        self.message = message
        self.pointer = pointer
        self.location = location
    }

    /// `line L, column C (byte B): message (at POINTER)` for errors found while scanning bytes;
    /// `POINTER: message` for errors about a value; just the message when neither applies.
    ///
    /// The ` (at POINTER)` part is left out when the pointer is the document root. Control
    /// characters from the input (in keys, say) are written as `\u001B`, so that the description
    /// stays on one line and cannot drive a terminal.
    public var description: String {
        let text: String
        if let location {
            let at = pointer.isRoot ? "" : " (at \(pointer))"
            text = "\(location): \(message)\(at)"
        } else {
            text = pointer.isRoot ? message : "\(pointer): \(message)"
        }
        return EvalNormError.escapingControlCharacters(text)
    }

    /// `text` with C0 and C1 control characters and DEL written as `\u00XX`, so that a message
    /// quoting input stays on one line and cannot drive a terminal.
    public static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u" + hexCode(scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

extension EvalNormError {
    /// The kind of an ``EvalNormError``: an open set of string constants such as `json.invalidNumber`.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The input ended in the middle of a value.
        public static let unexpectedEndOfInput = Code(rawValue: "json.unexpectedEndOfInput")
        /// A byte that cannot start or continue the value being read.
        public static let unexpectedCharacter = Code(rawValue: "json.unexpectedCharacter")
        /// The input holds no JSON value at all (empty, or white space only).
        public static let emptyInput = Code(rawValue: "json.emptyInput")
        /// Something other than white space follows the top-level value.
        public static let trailingData = Code(rawValue: "json.trailingData")
        /// A number that does not follow the RFC 8259 grammar (leading zeros, a lone `-`, `1.`, …).
        public static let invalidNumber = Code(rawValue: "json.invalidNumber")
        /// A backslash escape that RFC 8259 does not define, or a malformed `\u` escape.
        public static let invalidEscape = Code(rawValue: "json.invalidEscape")
        /// A `\u` escape of a UTF-16 surrogate without its other half.
        public static let loneSurrogate = Code(rawValue: "json.loneSurrogate")
        /// A control character (U+0000–U+001F) written raw inside a string.
        public static let controlCharacterInString = Code(rawValue: "json.controlCharacterInString")
        /// Bytes that are not well-formed UTF-8.
        public static let invalidUTF8 = Code(rawValue: "json.invalidUTF8")
        /// A byte order mark at the start of the input (RFC 8259 §8.1 forbids sending one).
        public static let byteOrderMark = Code(rawValue: "json.byteOrderMark")
        /// Arrays and objects nested deeper than the parser's `maxDepth`, or subschemas nested deeper
        /// than a schema may be (256 levels, or less where the thread's stack would not hold them).
        public static let depthLimitExceeded = Code(rawValue: "json.depthLimitExceeded")
        /// A document longer than the parser's `maxDocumentSize`.
        public static let documentTooLarge = Code(rawValue: "json.documentTooLarge")
        /// A string longer than the parser's `maxStringLength`.
        public static let stringTooLong = Code(rawValue: "json.stringTooLong")
        /// An object or array with more members than the parser's `maxMembers`.
        public static let tooManyMembers = Code(rawValue: "json.tooManyMembers")
        /// A value of the wrong JSON type for where it stands (`expected string, found number 1`).
        public static let typeMismatch = Code(rawValue: "decode.typeMismatch")
        /// A required key is absent.
        public static let missingKey = Code(rawValue: "decode.missingKey")
        /// A key the format does not define, where unknown keys are not allowed.
        public static let unknownKey = Code(rawValue: "decode.unknownKey")
        /// A key that appears twice in one object, where that is ambiguous.
        public static let duplicateKey = Code(rawValue: "decode.duplicateKey")
        /// A value of the right type that the format does not allow (an unknown enum value, a
        /// fractional number where an integer is required).
        public static let invalidValue = Code(rawValue: "decode.invalidValue")
        /// A document that is not a canonical run nor a document of a known vendor, or that could be
        /// either of two.
        public static let unknownFormat = Code(rawValue: "decode.unknownFormat")
        /// A JSON Schema that breaks the rules of draft 2020-12 (a keyword with a value of the wrong
        /// kind, a pattern that does not compile); the pointer locates it in the schema.
        public static let invalidSchema = Code(rawValue: "schema.invalid")
        /// A `$ref` or `$dynamicRef` whose target is neither in the schema nor in its ``SchemaRegistry``.
        public static let unresolvedReference = Code(rawValue: "schema.unresolvedReference")
        /// A document that is invalid against its vendor schema; the pointer locates the first error.
        public static let schemaViolation = Code(rawValue: "schema.violation")
        /// A JSON Pointer string that does not follow RFC 6901.
        public static let invalidPointer = Code(rawValue: "pointer.invalid")
        /// A line of an NDJSON stream longer than the reader's limit.
        public static let lineTooLong = Code(rawValue: "ndjson.lineTooLong")
        /// A file could not be opened (missing, unreadable, a directory).
        public static let cannotOpenFile = Code(rawValue: "io.cannotOpenFile")
        /// Reading a file or stream failed after it was opened.
        public static let readFailed = Code(rawValue: "io.readFailed")

        /// Lets `catch .depthLimitExceeded` match an ``EvalNormError`` with that code.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? EvalNormError)?.code == code
        }

        /// Lets `catch .depthLimitExceeded` match under typed `throws(EvalNormError)`.
        public static func ~= (code: Code, error: EvalNormError) -> Bool {
            error.code == code
        }
    }
}

/// A position in input bytes: a zero-based byte offset, and the one-based line and column it falls on.
///
/// Columns count Unicode scalars from the start of the line, so they match what an editor shows for
/// UTF-8 text; ``byteOffset`` is exact whatever the text holds.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// Zero-based offset of the byte, from the start of the input.
    public var byteOffset: Int
    /// One-based line number; lines end at `\n`.
    public var line: Int
    /// One-based column, in Unicode scalars from the start of the line.
    public var column: Int

    public init(byteOffset: Int, line: Int, column: Int) {
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
    }

    /// Computes the line and column of `byteOffset` in `bytes`. Linear in the offset: call it only
    /// when reporting an error, never on a hot path.
    public init(byteOffset: Int, in bytes: UnsafeRawBufferPointer) {
        let end = min(max(byteOffset, 0), bytes.count)
        var line = 1
        var column = 1
        var index = 0
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // count scalars: every byte that is not a UTF-8 continuation byte
            }
            index += 1
        }
        self.init(byteOffset: byteOffset, line: line, column: column)
    }

    /// `line L, column C (byte B)`.
    public var description: String { "line \(line), column \(column) (byte \(byteOffset))" }
}

/// `value` in upper-case hex, padded to at least four digits (`001B`, `00E9`, `1F600`), as
/// `U+XXXX` and `\uXXXX` notations write it.
func hexCode(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
}
