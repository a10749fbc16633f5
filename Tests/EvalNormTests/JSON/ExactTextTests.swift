import EvalNorm
import Testing

/// Swift's `String ==` equates canonically equivalent text; JSON values, keys and pointers must not.
struct ExactTextTests {
    static let composed = "caf\u{E9}"            // é as one code point
    static let decomposed = "cafe\u{301}"        // e and a combining acute accent

    @Test func canonicallyEquivalentStringsAreDifferentValues() throws {
        #expect(Self.composed == Self.decomposed)  // what Swift says
        #expect(JSONValue.string(Self.composed) != .string(Self.decomposed))
        #expect(JSONValue.string(Self.composed).hashValue != JSONValue.string(Self.decomposed).hashValue)
        let parsed = try JSONParser().parse(#"["caf\u00e9", "cafe\u0301"]"#)
        #expect(parsed[0] != parsed[1])
        #expect(JSONValue.string("K") != .string("\u{212A}"))  // KELVIN SIGN
    }

    @Test func canonicallyEquivalentKeysAreDifferentKeys() throws {
        let object = try #require(try JSONParser().parse(#"{"caf\u00e9": 1, "cafe\u0301": 2}"#).objectValue)
        #expect(object.firstDuplicateKeyIndex == nil)
        #expect(object[Self.composed] == 1)
        #expect(object[Self.decomposed] == 2)
        var large = JSONObject((0..<20).map { JSONObject.Member(key: "k\($0)", value: 0) })
        large.append(key: Self.composed, value: 1)
        large.append(key: Self.decomposed, value: 2)
        #expect(large.firstDuplicateKeyIndex == nil)
        large.append(key: Self.composed, value: 3)
        #expect(large.firstDuplicateKeyIndex == 22)
    }

    @Test func pointersEscapeByByte() throws {
        let token = "a/\u{301}~\u{301}"  // `/` and `~` each followed by a combining mark
        let pointer = JSONPointer(tokens: [token])
        #expect(pointer.description == "/a~1\u{301}~0\u{301}")
        #expect(try JSONPointer(pointer.description) == pointer)
        #expect(JSONPointer(tokens: [Self.composed]) != JSONPointer(tokens: [Self.decomposed]))
        let document: JSONValue = .object(JSONObject([JSONObject.Member(key: Self.decomposed, value: "d")]))
        #expect(JSONPointer(tokens: [Self.composed]).resolve(in: document) == nil)
        #expect(JSONPointer(tokens: [Self.decomposed]).resolve(in: document) == "d")
    }
}
