/// Byte-level helpers shared by the parser and the writer for the contents of JSON strings.
enum StringBytes {
    // Eight bytes at a time: the "has a zero byte" test (Mycroft), applied to `word ^ pattern` to
    // find a given byte, and to `word - 0x20…` to find bytes below 0x20. Non-ASCII bytes never match.

    /// The number of plain bytes at the start of `word` (as loaded from memory, first byte first)
    /// before the first `"`, `\` or control character, or 8 when there is none.
    ///
    /// The lowest flagged byte is always a true match (false flags only appear above one), so this
    /// finds the first special byte without looking at the bytes one by one.
    @inline(__always)
    static func plainPrefixLength(_ word: UInt64) -> Int {
        let flags = quoteBackslashOrControlFlags(UInt64(littleEndian: word))
        return flags == 0 ? 8 : flags.trailingZeroBitCount >> 3
    }

    /// The high bit of each byte of `word` that may be `"`, `\` or a control character.
    @inline(__always)
    private static func quoteBackslashOrControlFlags(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* UInt64(UInt8.quote))
        let backslash = word ^ (ones &* UInt64(UInt8.backslash))
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl) & highs
    }

    /// The number of ASCII bytes at the start of `word` (as loaded from memory), or 8.
    @inline(__always)
    static func asciiPrefixLength(_ word: UInt64) -> Int {
        let highs = UInt64(littleEndian: word) & 0x8080_8080_8080_8080
        return highs == 0 ? 8 : highs.trailingZeroBitCount >> 3
    }

    /// Whether `byte` can stand raw inside a JSON string: not `"`, `\` or a control character.
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != .quote && byte != .backslash
    }

    /// The position of the first byte at or after `index` that is not plain string content (see
    /// ``isPlain(_:)``), read eight bytes at a time; `bytes.count` when there is none. The bytes passed
    /// over are ORed into `seen`, so that a caller knows whether any was non-ASCII (bytes of a word past
    /// the special byte may be noted too, which can only cost a needless UTF-8 check).
    @inline(__always)
    static func endOfPlainRun(in bytes: UnsafeBufferPointer<UInt8>, from index: Int, seen: inout UInt64) -> Int {
        var index = index
        while index + 8 <= bytes.count {
            let word = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self)
            seen |= word
            let plain = plainPrefixLength(word)
            index += plain
            if plain < 8 { return index }
        }
        while index < bytes.count, isPlain(bytes[index]) {
            seen |= UInt64(bytes[index])
            index += 1
        }
        return index
    }
}
