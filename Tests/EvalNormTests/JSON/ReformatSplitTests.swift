import Testing
@testable import EvalNorm

/// A large document reformatted in compact style on two threads (the reformatter's use of
/// `ParseSplit`) gives the bytes one thread gives, and rejects what one thread rejects.
struct ReformatSplitTests {
    static let compact = JSONWriter(style: .compact)

    @Test("the split text equals one thread's", arguments: ParseSplitTests.Shape.allCases)
    func sameText(shape: ParseSplitTests.Shape) throws {
        let bytes = Array(shape.text.utf8)
        let alone = try #require(Self.compact.copyReformattedReportingSplit(bytes, limits: JSONParser(splitsLargeDocuments: false)))
        let split = try #require(Self.compact.copyReformattedReportingSplit(bytes, limits: JSONParser(minimumSplitSize: 1)))
        #expect(!alone.split)
        #expect(split.split == shape.splits)
        #expect(split.text == alone.text)
        #expect(split.text == Self.compact.write(try JSONParser().parse(bytes)))
    }

    @Test("pretty output is never split")
    func prettyIsNotSplit() throws {
        let bytes = Array(ParseSplitTests.Shape.run.text.utf8)
        let pretty = try #require(JSONWriter(style: .pretty).copyReformattedReportingSplit(bytes, limits: JSONParser(minimumSplitSize: 1)))
        #expect(!pretty.split)
        #expect(pretty.text == JSONWriter(style: .pretty).write(try JSONParser().parse(bytes)))
    }

    @Test("a split reformat rejects what one thread rejects", arguments: ParseSplitTests.Damage.all)
    func sameRejection(damage: ParseSplitTests.Damage) throws {
        var bytes = Array(ParseSplitTests.Shape.run.text.utf8)
        damage.change(&bytes)
        let limits = damage.parser.splittingEveryDocument
        #expect(Self.compact.copyReformatted(bytes, limits: limits) == nil)
        // Through the public API, the error is the parser's.
        let expected = try #require(throws: EvalNormError.self) { try damage.parser.parse(bytes) }
        let actual = try #require(throws: EvalNormError.self) { try Self.compact.reformat(bytes, parser: limits) }
        #expect(actual == expected)
    }

    /// The run nests 5 deep and its array of evaluations has 1,800 elements: at exactly those limits
    /// the helper's share is still taken.
    @Test("the helper's share is taken at exactly the limits", arguments: [JSONParser(maxDepth: 5), JSONParser(maxMembers: 1_800)])
    func takenAtTheLimits(limits: JSONParser) throws {
        let bytes = Array(ParseSplitTests.Shape.run.text.utf8)
        let split = try #require(Self.compact.copyReformattedReportingSplit(bytes, limits: limits.splittingEveryDocument))
        #expect(split.split)
        #expect(split.text == Self.compact.write(try JSONParser().parse(bytes)))
        // One less is too few: rejected, as by the parser.
        let tighter = JSONParser(maxDepth: limits.maxDepth == 5 ? 4 : limits.maxDepth,
                                 maxMembers: limits.maxMembers == 1_800 ? 1_799 : limits.maxMembers, minimumSplitSize: 1)
        #expect(Self.compact.copyReformatted(bytes, limits: tighter) == nil)
        #expect(throws: EvalNormError.self) { try tighter.parse(bytes) }
    }

    @Test("elements that are only text in a string are never taken")
    func placeInsideString() throws {
        let text = #"[{"a":1},{"s":"x"# + String(repeating: "}, {", count: 50_000) + #"}]"},{"b":2}]"#
        let bytes = Array(text.utf8)
        let split = try #require(Self.compact.copyReformattedReportingSplit(bytes, limits: JSONParser(minimumSplitSize: 1)))
        #expect(!split.split)
        #expect(split.text == Self.compact.write(try JSONParser().parse(bytes)))
    }

    @Test("the public API splits a document of 2 MiB and writes the same bytes")
    func publicAPI() throws {
        let text = "[" + Array(repeating: ParseSplitTests.Shape.lookalikes.text, count: 5).joined(separator: ",") + "]"
        let bytes = Array(text.utf8)
        #expect(bytes.count >= JSONParser.splitDocumentSize)
        let split = try #require(Self.compact.copyReformattedReportingSplit(bytes, limits: JSONParser()))
        #expect(split.split == (JSONParser().minimumSplitSize <= bytes.count))
        var chunks: [UInt8] = []
        try Self.compact.reformat(bytes, chunkSize: 4096) { chunks += $0 }
        #expect(chunks == Self.compact.write(try JSONParser(splitsLargeDocuments: false).parse(bytes)))
        #expect(chunks == split.text)
    }
}
