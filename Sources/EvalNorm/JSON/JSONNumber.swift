import Foundation

/// A JSON number that keeps its exact text.
///
/// `1`, `1.0`, `1e2`, `1E+2`, `-0`, `0.001200000000000` and `12345678901234567890` are different
/// lexemes and stay different: EvalNorm never routes a number through `Double` unless you ask for
/// ``doubleValue``. Two numbers are equal when their lexemes are equal, which is what a lossless
/// round trip needs; compare the numeric views when you mean numeric equality.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number exactly as written, following the RFC 8259 grammar.
    public let lexeme: String

    /// Creates a number from its JSON text, or returns `nil` if the text is not an RFC 8259 number
    /// (`01`, `+1`, `.5`, `1.`, `NaN` and `Infinity` are not).
    public init?(lexeme: String) {
        var text = lexeme
        let valid = text.withUTF8 { JSONNumber.grammarMatches(UnsafeRawBufferPointer($0)) }
        guard valid else { return nil }
        self.lexeme = text
    }

    /// Creates a number from text the parser has already checked against the grammar.
    init(uncheckedLexeme: String) {
        self.lexeme = uncheckedLexeme
    }

    /// Creates an integer number.
    public init(_ value: Int) { self.lexeme = String(value) }

    /// Creates an integer number.
    public init(_ value: Int64) { self.lexeme = String(value) }

    /// Creates an integer number.
    public init(_ value: UInt64) { self.lexeme = String(value) }

    /// Creates a number from a finite `Double`, written with the shortest digits that read back to
    /// the same `Double`; returns `nil` for NaN and infinities, which JSON cannot hold.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            // Integral values print as integers ("3", not "3.0"), as JSONSerialization does.
            self.lexeme = value == 0 && value.sign == .minus ? "-0" : String(Int64(value))
        } else {
            self.lexeme = value.description
        }
    }

    /// Creates a number from a `Decimal`; returns `nil` for NaN.
    public init?(_ value: Decimal) {
        guard !value.isNaN else { return nil }
        self.init(lexeme: value.description)
    }

    /// The text of the number.
    public var description: String { lexeme }

    /// Whether the lexeme has neither a fraction nor an exponent (`10` yes, `10.0` and `1e1` no).
    public var isInteger: Bool {
        !lexeme.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// Whether the number has no fractional part, whatever its lexeme (`10`, `10.0`, `1e1`, `1.5e1`
    /// yes; `1.5`, `1e-1` no), decided exactly from the digits. This is JSON Schema's `integer`.
    public var isIntegral: Bool {
        isInteger || ExactDecimal(self).exponent >= 0  // zero has exponent 0
    }

    /// The value as an `Int64`, when the lexeme is an integer that fits; `nil` otherwise
    /// (`10.0` and `1e1` give `nil`: they are not written as integers).
    public var int64Value: Int64? {
        isInteger ? Int64(lexeme) : nil
    }

    /// The nearest `Double`, or `nil` when the magnitude is beyond `Double`'s range.
    ///
    /// This view rounds: `0.1` gives the `Double` nearest to one tenth, and integers beyond 2^53
    /// lose digits. Use ``lexeme`` or ``decimalValue`` where exactness matters.
    public var doubleValue: Double? {
        guard let value = Double(lexeme), value.isFinite else { return nil }
        return value
    }

    /// The value as a `Decimal` (38 significant digits), or `nil` when it is beyond `Decimal`'s range.
    public var decimalValue: Decimal? {
        // Decimal's exponent range is about ±128; reject far larger exponents before Foundation sees them.
        if let exponentStart = lexeme.utf8.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            let exponentDigits = lexeme.utf8[lexeme.utf8.index(after: exponentStart)...]
                .drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
                .drop { $0 == UInt8(ascii: "0") }
            guard exponentDigits.count <= 3, let exponent = Int(Substring(exponentDigits).isEmpty ? "0" : Substring(exponentDigits)),
                  exponent < 400 else {
                return nil
            }
        }
        // No locale: the decimal separator is then ".", as in en_US_POSIX, without creating a Locale,
        // which takes locks that every thread shares (Foundation's locale cache, ICU's state).
        guard let value = Decimal(string: lexeme, locale: nil), !value.isNaN else {
            return nil
        }
        return value
    }

    /// Whether `bytes` are exactly one number per RFC 8259:
    /// `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    static func grammarMatches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        func digits() -> Int {
            let start = index
            while index < count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
            return index - start
        }
        if index < count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            return false
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == count
    }
}

extension JSONNumber: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension JSONNumber: Codable {
    /// Decodes from a JSON number via the decoder's `Decimal` view, falling back to `Double`.
    /// Only ``JSONParser`` keeps the exact lexeme; `JSONDecoder` has already lost it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int64.self) {
            self.init(integer)
        } else if let decimal = try? container.decode(Decimal.self), let number = JSONNumber(decimal) {
            self = number
        } else {
            let double = try container.decode(Double.self)
            guard let number = JSONNumber(double) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected a finite number, found \(double)")
            }
            self = number
        }
    }

    /// Encodes as a `Decimal` when the lexeme fits one exactly, otherwise as a `Double`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let integer = int64Value {
            try container.encode(integer)
        } else if let decimal = decimalValue {
            try container.encode(decimal)
        } else if let double = doubleValue {
            try container.encode(double)
        } else {
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath, debugDescription: "Number \(lexeme) is beyond Double's range"))
        }
    }
}
