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
        // Native strings know their UTF-8 length, so most different keys differ at once.
        if utf8.count != other.utf8.count { return false }
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

    /// A word made of the UTF-8 length and the first eight bytes: equal for strings with the same
    /// bytes, and for keys that differ, usually different. A quick test before ``isExactly(_:)``.
    var exactFingerprint: UInt64 {
        let leading = utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
            var word: UInt64 = 0
            for (shift, byte) in zip(stride(from: 0, to: 64, by: 8), bytes) {
                word |= UInt64(byte) << UInt64(shift)
            }
            return word
        }
        return (leading ?? 0) ^ (UInt64(truncatingIfNeeded: utf8.count) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// The number of Unicode scalars, as `unicodeScalars.count` gives it, counted without decoding:
    /// in well-formed UTF-8 every byte but a continuation byte (`10xxxxxx`) starts a scalar.
    var unicodeScalarCount: Int {
        let counted = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.reduce(0) { count, byte in count + (byte & 0xC0 == 0x80 ? 0 : 1) }
        }
        return counted ?? unicodeScalars.count
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
