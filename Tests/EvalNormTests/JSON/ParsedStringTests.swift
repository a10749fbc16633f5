import Testing

@testable import EvalNorm

/// Strings the parser makes from checked bytes, without Swift's own UTF-8 check, behave like
/// Swift's own strings: equal (by canonical equivalence), hashed, counted and case-mapped alike. A
/// string wrongly flagged ASCII would fail the case mapping.
struct ParsedStringTests {
    /// JSON string literals and the Swift strings they stand for: plain or escaped, ASCII or not,
    /// short enough to be stored inline (15 bytes or fewer) or not.
    static let cases: [(json: String, expected: String)] = [
        (#""plain""#, "plain"),
        (#""a plain ASCII string longer than fifteen bytes""#, "a plain ASCII string longer than fifteen bytes"),
        (#""CAF\u00c9 caf\u00e9""#, "CAFÉ café"),
        (#""café""#, "café"),
        (#""an escaped CAF\u00c9, longer than fifteen bytes""#, "an escaped CAFÉ, longer than fifteen bytes"),
        (#""line\nbreak, and a \"quote\" and a \\ backslash""#, "line\nbreak, and a \"quote\" and a \\ backslash"),
        (#""e\u0301""#, "e\u{301}"),
        (#""a decomposed e\u0301, longer than fifteen bytes""#, "a decomposed e\u{301}, longer than fifteen bytes"),
        ("\"a raw decomposed e\u{301}, longer than fifteen bytes\"", "a raw decomposed e\u{301}, longer than fifteen bytes"),
        (#""raw non-ASCII without escapes: CAFÉ, café, 日本語""#, "raw non-ASCII without escapes: CAFÉ, café, 日本語"),
        (#""\u00c9\u00e9\u00df\u65e5\u672c\u8a9e\u00c9\u00e9""#, "Ééß日本語Éé"),
        (#""ASCII for more than sixteen bytes, then é""#, "ASCII for more than sixteen bytes, then é"),
        (#""日本語 テスト with an \t escape""#, "日本語 テスト with an \t escape"),
        (#""\ud83d\ude00 and 😀""#, "😀 and 😀"),
        (#""\u0041\u0042C""#, "ABC"),
        (#""""#, ""),
    ]

    static func expectSame(_ parsed: String, _ expected: String) {
        #expect(parsed == expected)
        #expect(parsed.hashValue == expected.hashValue)
        #expect(parsed.count == expected.count)
        #expect(Array(parsed.unicodeScalars) == Array(expected.unicodeScalars))
        #expect(parsed < expected + "\u{0}" && !(expected < parsed))
        #expect(Set([parsed, expected]).count == 1)
        // Case mapping takes a byte-wise path for a string flagged ASCII: a wrong flag shows here.
        #expect(parsed.lowercased() == expected.lowercased())
        #expect(parsed.uppercased() == expected.uppercased())
    }

    @Test(arguments: cases)
    func parsedStringEqualsSwiftString(json: String, expected: String) throws {
        guard case .string(let parsed) = try JSONParser().parse(json) else {
            Issue.record("\(json) did not parse as a string")
            return
        }
        Self.expectSame(parsed, expected)
        // As an object key too, which goes through the same path.
        guard case .object(let object) = try JSONParser().parse("{\(json): 1}") else {
            Issue.record("{\(json): 1} did not parse as an object")
            return
        }
        #expect(object[expected] == .number(1))
    }

    /// A decomposed character made from bytes and one made from an escape both equal the
    /// precomposed one: neither claims to be ASCII (and so already normalized).
    @Test(arguments: [#""e\u0301""#, "\"e\u{301}\""])
    func decomposedEqualsPrecomposed(json: String) throws {
        guard case .string(let parsed) = try JSONParser().parse(json) else {
            Issue.record("\(json) did not parse as a string")
            return
        }
        #expect(parsed == "\u{E9}")  // Swift's equality; `JSONValue`'s compares the bytes
        #expect(parsed.hashValue == "\u{E9}".hashValue)
        #expect(parsed.count == 1)
    }

    /// Random strings of ASCII, two-, three- and four-byte characters, each written raw or as a
    /// `\u` escape (a surrogate pair above U+FFFF), or every one escaped, parsed back.
    @Test func randomStringsRoundTrip() throws {
        var random = SplitMix64(seed: 0x5EED_0F_57)
        let pool: [Unicode.Scalar] = ["a", "Z", " ", "\"", "\\", "\n", "é", "ß", "\u{301}", "語", "テ", "\u{FFFD}", "😀", "🚀", "\u{10FFFF}"]
        for iteration in 0..<2_000 {
            var expected = String.UnicodeScalarView()
            var json = "\""
            let escapesAll = iteration % 4 == 0
            for _ in 0..<Int(random.next() % 40) {
                let scalar = pool[Int(random.next() % UInt64(pool.count))]
                expected.append(scalar)
                if escapesAll || random.next() % 3 == 0 || scalar == "\"" || scalar == "\\" || scalar == "\n" {
                    json += Self.escape(scalar)
                } else {
                    json.unicodeScalars.append(scalar)
                }
            }
            json += "\""
            guard case .string(let parsed) = try JSONParser().parse(json) else {
                Issue.record("\(json) did not parse as a string")
                return
            }
            Self.expectSame(parsed, String(expected))
        }
    }

    /// An ill-formed byte in a string longer than a block, at every offset and with or without an
    /// escape before it, is reported where it is, and as the first one.
    @Test(arguments: [false, true])
    func invalidUTF8IsLocatedAtEveryOffset(escaped: Bool) {
        let content = Array((escaped ? #"an \"escaped\" string with é, 日本, \u00e9 😀 and more text"# : "a raw string with é, 日本, 😀 and more text").utf8)
        // Offsets inside an escape, where a bad byte would make a bad escape instead.
        var insideEscapes = Set<Int>()
        for (index, byte) in content.enumerated() where byte == UInt8(ascii: "\\") {
            insideEscapes.formUnion(index + 1...index + (content[index + 1] == UInt8(ascii: "u") ? 5 : 1))
        }
        var positions = 0
        for offset in 0...content.count {
            // Only between sequences and escapes: the bad byte stands alone there.
            guard offset == content.count || content[offset] & 0xC0 != 0x80, !insideEscapes.contains(offset) else { continue }
            for bad: [UInt8] in [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98]] {
                var input = Array(#"{"key": ""#.utf8)
                let badAt = input.count + offset
                input += content[..<offset]
                input += bad
                input += content[offset...]
                input += Array("\"}".utf8)
                let error = #expect(throws: EvalNormError.self) { try JSONParser().parse(input) }
                #expect(error?.code == .invalidUTF8, "\(bad) at \(offset)")
                #expect(error?.location?.byteOffset == badAt, "\(bad) at \(offset)")
                #expect(error?.pointer.description == "/key")
            }
            positions += 1
        }
        #expect(positions > 30)
    }

    /// `scalar` as one `\u` escape, or two for a surrogate pair.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        String(decoding: String(scalar).utf16, as: UTF16.self).utf16
            .map { "\\u" + String(repeating: "0", count: 4 - String($0, radix: 16).count) + String($0, radix: 16) }
            .joined()
    }
}
