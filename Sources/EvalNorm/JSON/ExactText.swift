import Foundation

/// Byte-exact comparison of text, which JSON needs and Swift's `String ==` does not give.
///
/// Swift's `==` on `String` compares by canonical equivalence: `"é"` (U+00E9) equals `"e\u{301}"`
/// (e and a combining accent), and `"\u{212A}"` (KELVIN SIGN) equals `"K"`. JSON strings and keys
/// are sequences of code points, and a lossless round trip must tell those apart, so ``JSONValue``,
/// ``JSONObject`` and ``JSONPointer`` compare and hash strings by their UTF-8 bytes.
extension String {
    /// Whether the two strings have the same UTF-8 bytes.
    @inline(__always)
    func isExactly(_ other: String) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right in
                guard left.count == right.count else { return false }
                guard let leftBytes = left.baseAddress, let rightBytes = right.baseAddress else { return true }  // both empty
                return memcmp(leftBytes, rightBytes, left.count) == 0
            }
        }
        if let result = fast ?? nil { return result }
        return utf8.elementsEqual(other.utf8)
    }

    /// Feeds the string's UTF-8 bytes, and their count, to `hasher`.
    @inline(__always)
    func hashExactly(into hasher: inout Hasher) {
        hasher.combine(utf8.count)
        let done: Void? = utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
    }
}

/// A `String` that is equal to another only when their UTF-8 bytes are, for sets and dictionaries
/// keyed by JSON text.
struct ExactString: Hashable {
    var value: String

    static func == (lhs: ExactString, rhs: ExactString) -> Bool { lhs.value.isExactly(rhs.value) }
    func hash(into hasher: inout Hasher) { value.hashExactly(into: &hasher) }
}
