import Foundation

/// Writes a ``JSONValue`` as UTF-8 JSON text, compact or pretty, changing no value.
///
/// Numbers are written by their lexeme, so `1.0`, `1E+2` and `12345678901234567890` come out as
/// they went in; members keep their order, duplicates included. Strings are escaped per RFC 8259:
/// `"` and `\` with a backslash; `\b`, `\f`, `\n`, `\r`, `\t` in their short forms; other control
/// characters as `\u00XX`; `/` and all non-ASCII characters as themselves (UTF-8).
///
/// ```swift
/// let text = JSONWriter(style: .pretty).string(from: value)
/// ```
public struct JSONWriter: Sendable {
    /// The layout of the output.
    public enum Style: Sendable, Hashable {
        /// No white space at all: `{"a":[1,2]}`.
        case compact
        /// One member or element per line, indented by ``JSONWriter/indentWidth`` spaces, with a
        /// space after each `:`; empty arrays and objects stay `[]` and `{}`.
        case pretty
    }

    /// The layout of the output.
    public var style: Style
    /// Spaces per level of nesting in ``Style/pretty`` output.
    public var indentWidth: Int

    /// Creates a writer.
    public init(style: Style = .compact, indentWidth: Int = 2) {
        self.style = style
        self.indentWidth = max(0, indentWidth)
    }

    /// The value as UTF-8 JSON text, without a trailing newline.
    public func write(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        write(value, into: &output)
        return output
    }

    /// Appends the value's JSON text to `output`.
    public func write(_ value: JSONValue, into output: inout [UInt8]) {
        var emitter = Emitter(pretty: style == .pretty, indentWidth: indentWidth)
        emitter.emit(value, depth: 0)
        output.reserveCapacity(output.count + emitter.output.count)
        emitter.output.appendAll(to: &output)
    }

    /// The value as JSON text.
    public func string(from value: JSONValue) -> String {
        String(decoding: write(value), as: UTF8.self)
    }

    /// The value as UTF-8 JSON text in `Data`.
    public func data(from value: JSONValue) -> Data {
        Data(write(value))
    }
}

/// Appends JSON text to a byte buffer. The recursion depth is the value's nesting depth, which the
/// parser bounds by its `maxDepth` for values it reads.
struct Emitter: ~Copyable {
    var output = OutputBuffer(capacity: 64 << 10)
    let pretty: Bool
    let indentWidth: Int

    init(pretty: Bool, indentWidth: Int) {
        self.pretty = pretty
        self.indentWidth = indentWidth
    }

    mutating func emit(_ value: JSONValue, depth: Int) {
        switch value {
        case .null:
            output.append("null")
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .number(let number):
            appendUTF8(of: number.lexeme)
        case .string(let string):
            emitString(string)
        case .array(let elements):
            guard !elements.isEmpty else {
                output.append(.openBracket, .closeBracket)
                return
            }
            output.append(.openBracket)
            for position in elements.indices {
                if position > 0 { output.append(.comma) }
                newline(depth: depth + 1)
                emit(elements[position], depth: depth + 1)
            }
            newline(depth: depth)
            output.append(.closeBracket)
        case .object(let object):
            guard !object.members.isEmpty else {
                output.append(.openBrace, .closeBrace)
                return
            }
            output.append(.openBrace)
            for position in object.members.indices {
                if position > 0 { output.append(.comma) }
                newline(depth: depth + 1)
                emitString(object.members[position].key)
                if pretty {
                    output.append(.colon, .space)
                } else {
                    output.append(.colon)
                }
                emit(object.members[position].value, depth: depth + 1)
            }
            newline(depth: depth)
            output.append(.closeBrace)
        }
    }

    @inline(__always)
    mutating func newline(depth: Int) {
        guard pretty else { return }
        output.append(.newline)
        output.append(repeating: .space, count: depth * indentWidth)
    }

    @inline(__always)
    private mutating func appendUTF8(of text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { output.append($0) }
        if done == nil {
            var text = text
            text.withUTF8 { output.append($0) }
        }
    }

    mutating func emitString(_ string: String) {
        // Native strings lend their bytes without a copy; others (bridged, say) are made contiguous first.
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { emitString(utf8: $0) }
        if done == nil {
            var string = string
            string.withUTF8 { emitString(utf8: $0) }
        }
    }

    private mutating func emitString(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        output.append(.quote)
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // Skip eight plain bytes at a time; only `"`, `\` and control characters need escaping.
            if index + 8 <= count {
                let plain = StringBytes.plainPrefixLength(UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += plain
                if plain == 8 { continue }
            }
            let byte = bytes[index]
            guard !StringBytes.isPlain(byte) else {
                index += 1
                continue
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            output.appendEscape(for: byte)
            index += 1
            runStart = index
        }
        output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        output.append(.quote)
    }
}
