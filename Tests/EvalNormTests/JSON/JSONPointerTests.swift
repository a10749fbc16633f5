import EvalNorm
import Testing

struct JSONPointerTests {
    /// The document of RFC 6901 §5.
    static let document: JSONValue = [
        "foo": ["bar", "baz"],
        "": 0,
        "a/b": 1,
        "c%d": 2,
        "e^f": 3,
        "g|h": 4,
        "i\\j": 5,
        "k\"l": 6,
        " ": 7,
        "m~n": 8,
    ]

    /// Every example of RFC 6901 §5, in its JSON string form.
    static let examples: [(String, JSONValue)] = [
        ("", document),
        ("/foo", ["bar", "baz"]),
        ("/foo/0", "bar"),
        ("/", 0),
        ("/a~1b", 1),
        ("/c%d", 2),
        ("/e^f", 3),
        ("/g|h", 4),
        ("/i\\j", 5),
        ("/k\"l", 6),
        ("/ ", 7),
        ("/m~0n", 8),
    ]

    @Test(arguments: examples)
    func rfc6901ExampleResolves(_ text: String, _ expected: JSONValue) throws {
        let pointer = try JSONPointer(text)
        #expect(pointer.resolve(in: Self.document) == expected)
        #expect(pointer.description == text)
    }

    /// The same examples in their URI fragment form.
    static let fragmentExamples: [(String, JSONValue)] = [
        ("#", document),
        ("#/foo", ["bar", "baz"]),
        ("#/foo/0", "bar"),
        ("#/", 0),
        ("#/a~1b", 1),
        ("#/c%25d", 2),
        ("#/e%5Ef", 3),
        ("#/g%7Ch", 4),
        ("#/i%5Cj", 5),
        ("#/k%22l", 6),
        ("#/%20", 7),
        ("#/m~0n", 8),
    ]

    @Test(arguments: fragmentExamples)
    func rfc6901FragmentExampleResolves(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONPointer(uriFragment: text).resolve(in: Self.document) == expected)
    }

    @Test func escapesAndUnescapes() throws {
        #expect(JSONPointer.escape("a/b~c") == "a~1b~0c")
        #expect(JSONPointer.unescape("a~1b~0c") == "a/b~c")
        // `~01` is `~` then `1`, never `/`: unescaping `~1` first would be wrong.
        #expect(JSONPointer.unescape("~01") == "~1")
        #expect(try JSONPointer("/~01").tokens == ["~1"])
        #expect(JSONPointer(tokens: ["~1"]).description == "/~01")
        #expect(JSONPointer(tokens: ["a/b", "m~n", ""]).description == "/a~1b/m~0n/")
    }

    @Test(arguments: ["foo", "/a~2", "/a~", "#/foo"])
    func malformedPointersAreRejected(_ text: String) {
        let error = #expect(throws: EvalNormError.self) { try JSONPointer(text) }
        #expect(error?.code == .invalidPointer)
    }

    @Test func arrayTokensAreStrict() throws {
        let array: JSONValue = ["x", "y"]
        #expect(try JSONPointer("/1").resolve(in: array) == "y")
        #expect(try JSONPointer("/01").resolve(in: array) == nil)
        #expect(try JSONPointer("/-").resolve(in: array) == nil)
        #expect(try JSONPointer("/2").resolve(in: array) == nil)
        #expect(try JSONPointer("/99999999999999999999999").resolve(in: array) == nil)
        // Key "0" in an object is a key, not an index.
        let object: JSONValue = ["0": "zero"]
        #expect(try JSONPointer("/0").resolve(in: object) == "zero")
    }

    @Test func buildsPaths() {
        let pointer = JSONPointer().appending("records").appending(index: 3)
        #expect(pointer.description == "/records/3")
        #expect(pointer.parent == ["records"])
        #expect(JSONPointer().parent == nil)
    }
}
