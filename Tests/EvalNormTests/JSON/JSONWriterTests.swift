import EvalNorm
import Testing

struct JSONWriterTests {
    @Test func compactHasNoWhiteSpace() throws {
        let value = try JSONParser().parse(#" { "a" : [ 1 , { } , [ ] , null , true , false ] , "b" : "x" } "#)
        #expect(JSONWriter(style: .compact).string(from: value) == #"{"a":[1,{},[],null,true,false],"b":"x"}"#)
    }

    @Test func prettyIndentsByTwo() throws {
        let value = try JSONParser().parse(#"{"a":[1,{"b":null}],"c":{},"d":[]}"#)
        #expect(JSONWriter(style: .pretty).string(from: value) == """
            {
              "a": [
                1,
                {
                  "b": null
                }
              ],
              "c": {},
              "d": []
            }
            """)
        #expect(JSONWriter(style: .pretty, indentWidth: 4).string(from: ["x": [1]]) == "{\n    \"x\": [\n        1\n    ]\n}")
    }

    @Test func escapesPerRFC8259() {
        let text = "q\" b\\ s/ \u{08}\u{0C}\n\r\t \u{00} \u{1F} \u{7F} é 😀"
        // DEL (U+007F) is not a control character in JSON's sense: it stays raw.
        #expect(JSONWriter().string(from: .string(text)) == #""q\" b\\ s/ \b\f\n\r\t \u0000 \u001f "# + "\u{7F}" + #" é 😀""#)
    }

    @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 31, 64])
    func escapesAtEveryPositionOfTheWordLoop(_ offset: Int) throws {
        // The writer scans eight bytes at a time; an escape anywhere must still be found.
        for special in ["\"", "\\", "\n", "\u{01}"] {
            let text = String(repeating: "a", count: offset) + special + String(repeating: "é", count: 5)
            let written = JSONWriter().write(.string(text))
            #expect(try JSONParser().parse(written) == .string(text))
        }
    }

    @Test func keepsDuplicateKeysAndOrder() throws {
        let text = #"{"z":1,"a":2,"z":3}"#
        let value = try JSONParser().parse(text)
        #expect(value.objectValue?.keys == ["z", "a", "z"])
        #expect(value["z"] == 1)
        #expect(value.objectValue?.firstDuplicateKeyIndex == 2)
        #expect(JSONWriter().string(from: value) == text)
    }

    @Test func stringsWithEscapesDecodeExactly() throws {
        let value = try JSONParser().parse(#"["\u00e9\ud83d\ude00\/\"\\\b\f\n\r\t\u0000", "plain é"]"#)
        #expect(value[0] == .string("é😀/\"\\\u{08}\u{0C}\n\r\t\u{00}"))
        #expect(value[1] == "plain é")
    }
}
