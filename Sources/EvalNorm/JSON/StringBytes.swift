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

    /// Whether `byte` can stand raw inside a JSON string: not `"`, `\` or a control character.
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != .quote && byte != .backslash
    }

    /// The position of the first byte at or after `index` that is not plain string content (see
    /// ``isPlain(_:)``), read eight bytes at a time; `bytes.count` when there is none. The bytes passed
    /// over, and only those, are ORed into `seen`, so that a caller knows whether any was non-ASCII.
    @inline(__always)
    static func endOfPlainRun(in bytes: UnsafeBufferPointer<UInt8>, from index: Int, seen: inout UInt64) -> Int {
        var index = index
        while index + 8 <= bytes.count {
            let word = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let plain = plainPrefixLength(word)
            guard plain < 8 else {
                seen |= word
                index += 8
                continue
            }
            // The first `plain` bytes, which are the low ones once the word is little-endian.
            seen |= UInt64(littleEndian: word) & ~(UInt64.max << (plain &* 8))
            return index + plain
        }
        while index < bytes.count, isPlain(bytes[index]) {
            seen |= UInt64(bytes[index])
            index += 1
        }
        return index
    }

    /// The position of the first `"`, `\\` or control character at or after `index`, read sixteen
    /// bytes at a time, then eight, then one by one; `bytes.count` when there is none. Unlike
    /// ``endOfPlainRun(in:from:seen:)`` it does not note non-ASCII bytes: its caller, the reformatter,
    /// checks the UTF-8 of the whole input first (``isWellFormedUTF8(_:)``).
    @inline(__always)
    static func endOfPlainContent(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = bytes.baseAddress else { return index }
        var index = index
        // `index <= bytes.count` throughout, so `index + 16` cannot overflow, and a block is loaded
        // only when all its sixteen bytes are in `bytes`.
        while index &+ 16 <= bytes.count {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: Block.self)
            let special = (block .< splat(0x20)) .| (block .== splat(.quote)) .| (block .== splat(.backslash))
            if let first = firstSet(special) { return index &+ first }
            index &+= 16
        }
        while index &+ 8 <= bytes.count {
            let plain = plainPrefixLength(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            index &+= plain
            if plain < 8 { return index }
        }
        while index < bytes.count, isPlain(bytes[index]) { index &+= 1 }
        return index
    }

    // Sixteen bytes at a time, as SIMD16 (SSE2 on x86-64). Every operand is a whole vector: the
    // forms with a scalar operand, `any` and `all` compile to a loop over the lanes.

    typealias Block = SIMD16<UInt8>

    @inline(__always)
    static func splat(_ byte: UInt8) -> Block { Block(repeating: byte) }

    /// The lane of the first `true` in `mask`, or `nil` when there is none.
    @inline(__always)
    static func firstSet(_ mask: SIMDMask<SIMD16<Int8>>) -> Int? {
        // The mask as two words of 0x00 and 0xFF bytes, first lane lowest (little-endian).
        let words = unsafeBitCast(SIMD16<Int8>(repeating: 0).replacing(with: -1, where: mask), to: SIMD2<UInt64>.self)
        let low = UInt64(littleEndian: words[0])
        let high = UInt64(littleEndian: words[1])
        if low | high == 0 { return nil }
        return low != 0 ? low.trailingZeroBitCount >> 3 : 8 + high.trailingZeroBitCount >> 3
    }

    /// A `String` of `utf8`, which the caller has checked is well-formed UTF-8, made without the check
    /// (and repair) that `String(decoding:as:)` runs again. `isASCII` may be `false` for ASCII text,
    /// but must never be `true` for text with a byte >= 0x80.
    ///
    /// `UTF8Span` needs Swift 6.2 (and its standard library, on Apple platforms); before that, this is
    /// `String(decoding:as:)`, which gives the same string from checked bytes, only slower.
    @inline(__always)
    static func string(checkedUTF8 utf8: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
        // Repair changes the bytes only where they are ill-formed (and `String(validating:)` needs macOS 15).
        assert(String(decoding: utf8, as: UTF8.self).utf8.elementsEqual(utf8), "string(checkedUTF8:) given ill-formed UTF-8")
        assert(!isASCII || utf8.allSatisfy { $0 < 0x80 }, "string(checkedUTF8:) told non-ASCII text is ASCII")
        #if compiler(>=6.2)
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            return unsafe String(copying: UTF8Span(unchecked: utf8.span, isKnownASCII: isASCII))
        }
        #endif
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Whether all of `bytes` is well-formed UTF-8 (what `String(validating:as:)` accepts).
    static func isWellFormedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        wellFormedUTF8End(in: bytes, from: 0, to: bytes.count) != nil
    }

    /// Checks that the UTF-8 sequences starting in `start..<end` are well-formed, sixteen bytes at a
    /// time: blocks with no byte >= 0x80 in them or in the three bytes before are passed over, the
    /// others checked by ``blockIsWellFormedUTF8(_:)``; the first and last few bytes are checked a
    /// sequence at a time, so that no byte before `start` is read. Returns where the last of those
    /// sequences ends (at or after `end`, the start for the next call), or `nil` when one is
    /// ill-formed or cut off by the end of `bytes`. `start` must be where a sequence starts: the
    /// start of a string's content, 0, or what a call returned.
    ///
    /// A JSON document the parser accepts is well-formed UTF-8 throughout: outside strings only
    /// ASCII is allowed, and the parser checks every string's content. So the reformatter checks
    /// the whole input, a window at a time just ahead of where it reads (so that the bytes are
    /// still in the cache when it reads them), instead of each string.
    static func wellFormedUTF8End(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard let base = bytes.baseAddress, start >= 0, start <= end, end <= bytes.count else { return start == end ? end : nil }
        var index = start
        // A block's check reads the three bytes before it: whole sequences first, to a boundary at
        // least three bytes on, so that those bytes are checked ones.
        while index < start + 3, index < end {
            guard let length = sequenceLength(in: bytes, at: index) else { return nil }
            index += length
        }
        let blocksStart = index
        while index &+ 16 <= end {  // `index >= start + 3`, so `pointer - 3` is in `start..<index`
            let pointer = UnsafeRawPointer(base + index)
            let window = (pointer - 3).loadUnaligned(as: Block.self) | pointer.loadUnaligned(as: Block.self)
            if firstSet(window .>= splat(0x80)) != nil, !blockIsWellFormedUTF8(pointer) { return nil }
            index &+= 16
        }
        // Blocks checked every byte before `index`, but not whether a lead among the last three asks
        // for continuation bytes at or after `index`: go back to the last byte there that is not a
        // continuation byte (a lead, or ASCII), and check a sequence at a time from it.
        for back in 1...3 where index - back >= blocksStart && bytes[index - back] & 0xC0 != 0x80 {
            index -= back
            break
        }
        while index < end {
            guard let length = sequenceLength(in: bytes, at: index) else { return nil }
            index += length
        }
        return index
    }

    /// The length of the well-formed sequence at `index`: 1 for ASCII, else as
    /// ``wellFormedSequenceLength(in:at:)``.
    @inline(__always)
    private static func sequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        bytes[index] < 0x80 ? 1 : wellFormedSequenceLength(in: bytes, at: index)
    }

    /// Whether each of the sixteen bytes at `pointer` is where it may be in well-formed UTF-8, given
    /// the three bytes before it (which must be readable): a continuation byte (10xxxxxx) exactly
    /// where a lead byte before it asks for one, no byte that never occurs (C0, C1, F5...FF), and
    /// the second byte of the leads with a narrower range (E0: A0...BF, no overlong form; ED: 80...9F,
    /// no surrogate; F0: 90...BF, no overlong form; F4: 80...8F, nothing above U+10FFFF).
    ///
    /// Every condition is about one byte and the three before it, so blocks can be checked in any
    /// order, and together they say the same as checking sequence by sequence.
    @inline(__always)
    static func blockIsWellFormedUTF8(_ pointer: UnsafeRawPointer) -> Bool {
        let block = pointer.loadUnaligned(as: Block.self)
        let previous1 = (pointer - 1).loadUnaligned(as: Block.self)
        let previous2 = (pointer - 2).loadUnaligned(as: Block.self)
        let previous3 = (pointer - 3).loadUnaligned(as: Block.self)
        let isContinuation = (block & splat(0xC0)) .== splat(0x80)
        // A lead of two bytes or more one byte back, of three or more two back, of four three back.
        let mustContinue = (previous1 & splat(0xC0)) .== splat(0xC0) .| (previous2 & splat(0xE0)) .== splat(0xE0)
            .| (previous3 & splat(0xF0)) .== splat(0xF0)
        var bad = isContinuation .^ mustContinue
        bad .|= (block .>= splat(0xF5)) .| ((block & splat(0xFE)) .== splat(0xC0))
        bad .|= (previous1 .== splat(0xE0)) .& (block .< splat(0xA0))
        bad .|= (previous1 .== splat(0xED)) .& (block .> splat(0x9F))
        bad .|= (previous1 .== splat(0xF0)) .& (block .< splat(0x90))
        bad .|= (previous1 .== splat(0xF4)) .& (block .> splat(0x8F))
        return firstSet(bad) == nil
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
