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

    /// The number of plain ASCII bytes at the start of `word` (as loaded from memory, first byte
    /// first) before the first `"`, `\`, control character or non-ASCII byte, or 8 when there is none.
    ///
    /// As in ``quoteBackslashOrControlFlags(_:)``, but a byte >= 0x80 counts too, which lets the tests
    /// drop their `& ~x` terms: `x - 0x01…` sets a byte's high bit when the byte is 0 (a match), when
    /// it is >= 0x81 (then the word's byte is non-ASCII, flagged anyway by `| word`), or by a borrow
    /// from a match below; `word - 0x20…` likewise for bytes below 0x20. The lowest flag is a true match.
    @inline(__always)
    static func plainASCIIPrefixLength(_ word: UInt64) -> Int {
        let word = UInt64(littleEndian: word)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* UInt64(UInt8.quote))
        let backslash = word ^ (ones &* UInt64(UInt8.backslash))
        let flags = ((quote &- ones) | (backslash &- ones) | (word &- ones &* 0x20) | word) & 0x8080_8080_8080_8080
        return flags == 0 ? 8 : flags.trailingZeroBitCount >> 3
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

    /// The position of the first byte at or after `index` that is not plain ASCII string content
    /// (a `"`, `\\`, control character or non-ASCII byte), read sixteen bytes at a time, then eight;
    /// or the position of the last few bytes of `bytes` when there is none in the blocks read (fewer
    /// than eight are left then: the caller looks at those one by one).
    @inline(__always)
    static func endOfPlainASCIIRun(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = bytes.baseAddress else { return index }
        var index = index
        // `index <= bytes.count` throughout, so `index + 16` cannot overflow, and a block is loaded
        // only when all its sixteen bytes are in `bytes`.
        while index &+ 16 <= bytes.count {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<Int8>.self)
            // Read as signed bytes, control characters (0x00...0x1F) and non-ASCII bytes (0x80...0xFF,
            // negative) are exactly the bytes below 0x20: one comparison for both. (The operands are
            // whole vectors: the forms with a scalar operand, and `any`, compile to a loop per lane.)
            let special = (block .< SIMD16<Int8>(repeating: 0x20)) .| (block .== SIMD16<Int8>(repeating: 0x22))
                .| (block .== SIMD16<Int8>(repeating: 0x5C))
            // The mask as two words, first byte lowest (little-endian).
            let flags = unsafeBitCast(SIMD16<Int8>(repeating: 0).replacing(with: -1, where: special), to: SIMD2<UInt64>.self)
            let low = UInt64(littleEndian: flags[0])
            let high = UInt64(littleEndian: flags[1])
            if low | high == 0 {
                index &+= 16
                continue
            }
            return index &+ (low != 0 ? low.trailingZeroBitCount >> 3 : 8 &+ high.trailingZeroBitCount >> 3)
        }
        while index &+ 8 <= bytes.count {
            let plain = plainASCIIPrefixLength(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            index &+= plain
            if plain < 8 { break }
        }
        return index
    }

    /// The length of the well-formed UTF-8 sequence that starts at `index` with a byte >= 0x80, or
    /// `nil` when the bytes there are no such sequence (a stray continuation byte, an overlong form,
    /// a surrogate, a code point above U+10FFFF, or a sequence cut short by the end of `bytes`).
    ///
    /// The same answer as ``JSONScanner/utf8SequenceLength(in:at:)`` (the parser's check), with the
    /// sequence's bytes read as one 32-bit word and its ranges tested on the code point's top bits
    /// instead of a branch for each lead byte; the last three bytes of `bytes` go to the parser's check.
    @inline(__always)
    static func wellFormedSequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard index + 4 <= bytes.count else { return JSONScanner.utf8SequenceLength(in: bytes, at: index) }
        // First byte lowest. Bits of a byte that does not belong to the sequence are never looked at.
        let word = UInt32(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt32.self))
        let lead = word & 0xFF
        let secondBits = word >> 8 & 0x3F  // the second byte's payload, if it is a continuation byte
        if lead & 0xE0 == 0xC0 {  // 110xxxxx 10xxxxxx; C0 and C1 start overlong forms
            return lead >= 0xC2 && word & 0xC000 == 0x8000 ? 2 : nil
        }
        if lead & 0xF0 == 0xE0 {  // 1110xxxx 10xxxxxx 10xxxxxx
            let high = (lead & 0x0F) << 6 | secondBits  // the code point >> 6: at least U+0800, not U+D800...U+DFFF
            return word & 0xC0_C000 == 0x80_8000 && high >= 0x20 && (high < 0x360 || high > 0x37F) ? 3 : nil
        }
        if lead & 0xF8 == 0xF0 {  // 11110xxx 10xxxxxx 10xxxxxx 10xxxxxx
            let high = (lead & 0x07) << 6 | secondBits  // the code point >> 12: U+10000...U+10FFFF
            return word & 0xC0C0_C000 == 0x8080_8000 && high >= 0x10 && high <= 0x10F ? 4 : nil
        }
        return nil  // a continuation byte, or F8...FF
    }
}
