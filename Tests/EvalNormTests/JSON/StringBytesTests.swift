import Testing

@testable import EvalNorm

/// The reformatter's word scan and UTF-8 check (`StringBytes`) against byte-by-byte references:
/// the parser's sequence check and Swift's own UTF-8 validation.
struct StringBytesTests {
    /// Whether all of `bytes` is well-formed UTF-8 by `StringBytes.wellFormedSequenceLength`.
    static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if buffer[index] < 0x80 {
                    index += 1
                } else if let length = StringBytes.wellFormedSequenceLength(in: buffer, at: index) {
                    index += length
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// Every lead byte after every second byte and edge cases of the third and fourth, whole and cut
    /// off by the end of the buffer: the same length as the parser's check, or `nil` for both.
    @Test func sequenceLengthAgreesWithTheParser() {
        let laterBytes: [UInt8] = [0x00, 0x22, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF]
        var checked = 0
        var disagreements: [[UInt8]] = []
        for lead in UInt8(0x80)...0xFF {
            for second in UInt8(0)...0xFF {
                for third in laterBytes {
                    for fourth in laterBytes {
                        let sequence: [UInt8] = [lead, second, third, fourth, 0x22, 0x22, 0x22, 0x22]
                        for length in [1, 2, 3, 4, 8] where length == 8 || (third == 0x80 && fourth == 0x80) {
                            let bytes = Array(sequence[..<length])
                            let agrees = bytes.withUnsafeBufferPointer { buffer in
                                StringBytes.wellFormedSequenceLength(in: buffer, at: 0) == JSONScanner.utf8SequenceLength(in: buffer, at: 0)
                            }
                            if !agrees { disagreements.append(bytes) }  // one #expect at the end: millions are slow
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { $0.map { String($0, radix: 16) } })")
        #expect(checked > 1_000_000)
    }

    /// Named edge cases: overlong forms, surrogates, the largest code points, truncated sequences.
    @Test func edgeCasesAgreeWithSwiftValidation() {
        let cases: [[UInt8]] = [
            [0xC2, 0x80], [0xC1, 0xBF], [0xC0, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0xBF],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
            [0xF0, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xBF], [0xC3], [0xE2, 0x82],
            [0xF0, 0x9F, 0x98], Array("a\u{E9}\u{20AC}\u{1F600}z".utf8), [0x61, 0xF0, 0x9F, 0x98, 0x80, 0xC3],
        ]
        for bytes in cases {
            for prefix in [[], Array(repeating: UInt8(0x61), count: 5)] {
                let text = prefix + bytes
                #expect(Self.isWellFormed(text) == (String(validating: text, as: UTF8.self) != nil), "\(text)")
            }
        }
    }

    /// Random bytes shaped like UTF-8 (leads, continuations and ASCII mixed), whole buffers.
    @Test func randomBuffersAgreeWithSwiftValidation() {
        var random = SplitMix64(seed: 8259)
        let pieces: [[UInt8]] = [[0x61], [0x22], [0x80], [0xBF], [0xC2], [0xC3, 0xA9], [0xE0], [0xED], [0xE2, 0x82, 0xAC],
                                 [0xF0], [0xF4], [0xF0, 0x9F, 0x98, 0x80], [0x90], [0xA0], [0x9F], [0x8F], [0xFF]]
        var valid = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(random.next() % 12) {
                bytes += pieces[Int(random.next() % UInt64(pieces.count))]
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if expected { valid += 1 }
            #expect(Self.isWellFormed(bytes) == expected, "\(bytes)")
        }
        #expect(valid > 1_000)
    }

    /// Whole buffers, long enough for the sixteen-byte blocks, with each piece at every offset from a
    /// block boundary: `isWellFormedUTF8` agrees with Swift's validation.
    @Test func wholeBufferCheckAgreesWithSwiftValidation() {
        var random = SplitMix64(seed: 3629)
        let pieces: [[UInt8]] = [[0x61], [0x22], [0x5C], [0x80], [0xBF], [0xC1, 0xBF], [0xC2], [0xC3, 0xA9], [0xE0], [0xE0, 0x9F, 0xBF],
                                 [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xE2, 0x82, 0xAC], [0xEF, 0xBF, 0xBF],
                                 [0xF0], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
                                 [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x90], [0xA0], [0x9F], [0x8F]]
        let ascii = Array("plain ascii text, long enough to fill a block or two".utf8)
        var valid = 0
        var total = 0
        for _ in 0..<3_000 {
            // Mostly well-formed text with one piece that may not be, at a random place.
            var bytes = Array(ascii.prefix(Int(random.next() % 40)))
            for _ in 0..<(random.next() % 24) {
                bytes += random.next() % 3 == 0 ? [0x61] : [[0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80]][Int(random.next() % 3)]
            }
            let piece = pieces[Int(random.next() % UInt64(pieces.count))]
            let position = Int(random.next() % UInt64(bytes.count + 1))
            // At the sequence boundary at or before `position`, so that the rest stays well-formed.
            var at = position
            while at > 0, at < bytes.count, bytes[at] & 0xC0 == 0x80 { at -= 1 }
            bytes.insert(contentsOf: piece, at: at)
            bytes += ascii.prefix(Int(random.next() % 20))
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if expected { valid += 1 }
            total += 1
            let fast = bytes.withUnsafeBufferPointer { StringBytes.isWellFormedUTF8($0) }
            #expect(fast == expected, "\(bytes.map { String($0, radix: 16) })")
        }
        #expect(valid > 500 && valid < total - 500)
    }

    /// Up to 47 random bytes: lowercase letters, and one in `oneIn` a byte of `interesting`.
    static func lettersWith(_ interesting: [UInt8], oneIn: UInt64, using random: inout SplitMix64) -> [UInt8] {
        (0..<(random.next() % 48)).map { _ in
            let pick = random.next()
            return pick % oneIn != 0 ? UInt8(0x61 + (pick >> 3) % 26) : interesting[Int((pick >> 3) % UInt64(interesting.count))]
        }
    }

    /// Byte by byte: the first `"`, `\` or control character at or after `from`, or the end.
    static func firstSpecialByte(in bytes: [UInt8], from: Int) -> Int {
        bytes[from...].firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } ?? bytes.count
    }

    /// The scan stops at the first `"`, `\` or control character, non-ASCII bytes being plain content.
    @Test func endOfPlainContentFindsTheFirstSpecialByte() {
        var random = SplitMix64(seed: 20)
        let interesting: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF, 0x61]
        for _ in 0..<20_000 {
            let bytes = Self.lettersWith(interesting, oneIn: 8, using: &random)
            let from = Int(random.next() % UInt64(bytes.count + 1))
            let expected = Self.firstSpecialByte(in: bytes, from: from)
            let found = bytes.withUnsafeBufferPointer { StringBytes.endOfPlainContent(in: $0, from: from) }
            #expect(found == expected, "\(bytes) from \(from)")
        }
    }

    /// The parser's scan stops where `endOfPlainContent` does, and notes a byte >= 0x80 in `seen`
    /// exactly when one lies in the bytes it passed over: bytes after the stop never count.
    @Test func endOfPlainRunNotesOnlyTheBytesPassedOver() {
        var random = SplitMix64(seed: 4077)
        let interesting: [UInt8] = [0x00, 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]
        var nonASCII = 0
        for _ in 0..<20_000 {
            let bytes = Self.lettersWith(interesting, oneIn: 6, using: &random)
            let from = Int(random.next() % UInt64(bytes.count + 1))
            let expectedEnd = Self.firstSpecialByte(in: bytes, from: from)
            let expectedNonASCII = bytes[from..<expectedEnd].contains { $0 >= 0x80 }
            if expectedNonASCII { nonASCII += 1 }
            var seen: UInt64 = 0
            let end = bytes.withUnsafeBufferPointer { StringBytes.endOfPlainRun(in: $0, from: from, seen: &seen) }
            #expect(end == expectedEnd, "\(bytes) from \(from)")
            #expect((seen & 0x8080_8080_8080_8080 != 0) == expectedNonASCII, "\(bytes) from \(from)")
        }
        #expect(nonASCII > 1_000)
    }

    /// Checked from a `start` past bytes that are not UTF-8 at all (as in the parser, where `start`
    /// is a string's content): the answer depends on `start...` only, never on the bytes before.
    @Test func checkFromStartIgnoresTheBytesBefore() {
        var random = SplitMix64(seed: 1906)
        let prefixes: [[UInt8]] = [[], [0x22], [0x5B, 0x22], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x61, 0xF0, 0x9F, 0x98], [0xE0], [0xFF, 0xFF, 0xFF, 0xFF]]
        let pieces: [[UInt8]] = [[0x61], [0x80], [0xAC], [0x98, 0x80], [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xFF]]
        var valid = 0
        for _ in 0..<20_000 {
            let prefix = prefixes[Int(random.next() % UInt64(prefixes.count))]
            var content: [UInt8] = []
            if random.next() % 2 == 0 { content += pieces[Int(random.next() % 3)] }  // often a stray continuation first
            for _ in 0..<(random.next() % 40) {
                content += random.next() % 8 == 0 ? pieces[Int(random.next() % UInt64(pieces.count))] : [0x61]
            }
            let expected = String(validating: content, as: UTF8.self) != nil
            if expected { valid += 1 }
            let bytes = prefix + content
            let end = bytes.withUnsafeBufferPointer { StringBytes.wellFormedUTF8End(in: $0, from: prefix.count, to: $0.count) }
            #expect((end != nil) == expected, "\(prefix) + \(content)")
            if expected { #expect(end == bytes.count) }
        }
        #expect(valid > 2_000 && valid < 18_000)
    }
}
