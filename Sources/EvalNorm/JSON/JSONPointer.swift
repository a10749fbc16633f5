import Foundation

/// An RFC 6901 JSON Pointer: a path of reference tokens from the root of a document to one value.
///
/// ```swift
/// let pointer = try JSONPointer("/records/0/scores")
/// pointer.tokens            // ["records", "0", "scores"]
/// pointer.description       // "/records/0/scores"
/// JSONPointer(tokens: ["a/b", "m~n"]).description   // "/a~1b/m~0n"
/// ```
///
/// Tokens stay strings until they meet a value: `"0"` names index 0 in an array and key `"0"` in an
/// object. The root pointer is the empty string. Tokens compare by their UTF-8 bytes, as keys do.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// The unescaped reference tokens, from the root down.
    public var tokens: [String]

    /// The pointer to the whole document.
    public init() { self.tokens = [] }

    /// A pointer made of these unescaped tokens.
    public init(tokens: [String]) { self.tokens = tokens }

    public init(arrayLiteral elements: String...) { self.tokens = elements }

    /// Parses a pointer from its RFC 6901 string form (`""`, `"/a/0"`, `"/a~1b"`).
    ///
    /// - Throws: ``EvalNormError`` with code ``EvalNormError/Code/invalidPointer`` when the text
    ///   neither is empty nor starts with `/`, or has a `~` not followed by `0` or `1`.
    public init(_ text: String) throws(EvalNormError) {
        if text.isEmpty {
            self.init()
            return
        }
        guard text.utf8.first == UInt8(ascii: "/") else {
            throw EvalNormError(.invalidPointer, "JSON Pointer '\(text)' must be empty or start with '/'")
        }
        var tokens: [String] = []
        for rawToken in text.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let token = JSONPointer.unescape(Substring(rawToken)) else {
                throw EvalNormError(.invalidPointer, "JSON Pointer '\(text)' has '~' not followed by '0' or '1'")
            }
            tokens.append(token)
        }
        self.init(tokens: tokens)
    }

    /// Parses a pointer from its URI fragment form (RFC 6901 §6): `#`, then the pointer with
    /// characters outside the fragment set percent-encoded (`#/c%25d` is the pointer `/c%d`).
    ///
    /// - Throws: ``EvalNormError`` with code ``EvalNormError/Code/invalidPointer`` when the text does
    ///   not start with `#`, has a malformed percent escape, or is not a pointer once decoded.
    public init(uriFragment: String) throws(EvalNormError) {
        guard uriFragment.utf8.first == UInt8(ascii: "#") else {
            throw EvalNormError(.invalidPointer, "URI fragment '\(uriFragment)' must start with '#'")
        }
        guard let decoded = String(uriFragment.dropFirst()).removingPercentEncoding else {
            throw EvalNormError(.invalidPointer, "URI fragment '\(uriFragment)' has a malformed percent escape")
        }
        try self.init(decoded)
    }

    public static func == (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.count == rhs.tokens.count && zip(lhs.tokens, rhs.tokens).allSatisfy { $0.isExactly($1) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tokens.count)
        for token in tokens { token.hashExactly(into: &hasher) }
    }

    /// Whether this is the pointer to the whole document.
    public var isRoot: Bool { tokens.isEmpty }

    /// The pointer one level up, or `nil` for the root.
    public var parent: JSONPointer? {
        isRoot ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// This pointer with one more token (an object key or an array index written as text).
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [token])
    }

    /// This pointer with an array index appended.
    public func appending(index: Int) -> JSONPointer {
        appending(String(index))
    }

    /// The RFC 6901 string form, tokens escaped (`~` as `~0`, `/` as `~1`).
    public var description: String {
        var text = ""
        for token in tokens {
            text += "/"
            text += JSONPointer.escape(token)
        }
        return text
    }

    /// The value this pointer refers to in `document`, or `nil` when there is none.
    ///
    /// In an object a token names the first member with that key; in an array it must be a decimal
    /// index without leading zeros (`-`, the index past the end, never resolves).
    public func resolve(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let object):
                guard let value = object[token] else { return nil }
                current = value
            case .array(let elements):
                guard let index = JSONPointer.arrayIndex(token), index < elements.count else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Escapes one reference token: `~` becomes `~0`, then `/` becomes `~1`.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        // Byte by byte: `~` and `/` are escaped even when a combining mark follows them.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(token.utf8.count + 4)
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "~"): bytes.append(contentsOf: [UInt8(ascii: "~"), UInt8(ascii: "0")])
            case UInt8(ascii: "/"): bytes.append(contentsOf: [UInt8(ascii: "~"), UInt8(ascii: "1")])
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Unescapes one reference token (`~1` to `/`, then `~0` to `~`), or returns `nil` when a `~` is
    /// followed by anything but `0` or `1`.
    public static func unescape(_ token: Substring) -> String? {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(token.utf8.count)
        var iterator = token.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "~") else {
                bytes.append(byte)
                continue
            }
            switch iterator.next() {
            case UInt8(ascii: "0"): bytes.append(UInt8(ascii: "~"))
            case UInt8(ascii: "1"): bytes.append(UInt8(ascii: "/"))
            default: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The array index a token names: `0` or a decimal without a leading zero, that fits an `Int`.
    static func arrayIndex(_ token: String) -> Int? {
        let utf8 = token.utf8
        guard let first = utf8.first, utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return nil }
        if first == UInt8(ascii: "0") && utf8.count > 1 { return nil }
        return Int(token)
    }
}
