import Foundation
import Testing
@testable import EvalNorm

/// A large document read on two threads (`ParseSplit`) gives the value, or the error, that one
/// thread gives: the same members, offsets, lines, columns and pointers.
struct ParseSplitTests {
    /// Document shapes, each some 600 KB, so that the array around the middle is still open 64 KiB on.
    enum Shape: String, CaseIterable, Sendable {
        /// An Aegis-like run: a few members, then a large array of evaluations, each with a short
        /// array of score objects (the places inside those are stepped over).
        case run
        /// A bare array of objects whose strings hold `}, {` and escaped quotes.
        case lookalikes
        /// The run, pretty-printed: white space and new lines around every separator.
        case pretty
        /// An array of arrays: no object elements, so nothing to split at.
        case arrays

        var text: String {
            var random = SplitMix64(seed: 7)
            switch self {
            case .run, .pretty:
                let evaluations = (0..<1_800).map { index in
                    let scores = (0..<3).map { #"{"metric":"m\#($0)","value":\#(random.next() % 100).5,"ok":\#(index % 2 == 0)}"# }
                    return #"{"id":\#(index),"prompt":"\#(random.words(20))","scores":[\#(scores.joined(separator: ","))],"meta":{"tags":["a","b"],"x":null}}"#
                }
                let run = #"{"id":48213,"name":"nightly","evaluations":[\#(evaluations.joined(separator: ","))],"total":1800}"#
                guard self == .pretty, let value = try? JSONParser(splitsLargeDocuments: false).parse(run) else { return run }
                return String(decoding: JSONWriter(style: .pretty).write(value), as: UTF8.self)
            case .lookalikes:
                let elements = (0..<4_000).map { index in
                    #"{"n":\#(index),"text":"a}, {\"b\": [1, {\"c\":2}], \"d\":\"\#(random.words(8))\"}, {","e":[]}"#
                }
                return "[" + elements.joined(separator: ", ") + "]"
            case .arrays:
                return "[" + (0..<20_000).map { "[\($0),\"\(random.words(3))\",[true,null]]" }.joined(separator: ",") + "]"
            }
        }

        var splits: Bool { self != .arrays }
    }

    @Test("the split value equals one thread's", arguments: Shape.allCases)
    func sameValue(shape: Shape) throws {
        let bytes = Array(shape.text.utf8)
        let alone = try JSONParser(splitsLargeDocuments: false).parse(bytes)
        let (value, split) = try bytes.withUnsafeBytes { buffer throws(EvalNormError) in
            try JSONParser(minimumSplitSize: 1).parseReportingSplit(bytes: buffer)
        }
        #expect(split == shape.splits)
        #expect(value == alone)
        #expect(JSONWriter(style: .compact).write(value) == JSONWriter(style: .compact).write(alone))
    }

    @Test("the public parser splits a document of 2 MiB and gives the same value")
    func publicParser() throws {
        let text = "[" + Array(repeating: Shape.run.text, count: 4).joined(separator: ",") + "]"
        let bytes = Array(text.utf8)
        #expect(bytes.count >= JSONParser.splitDocumentSize)
        let (value, split) = try bytes.withUnsafeBytes { buffer throws(EvalNormError) in
            try JSONParser().parseReportingSplit(bytes: buffer)
        }
        #expect(split == (ProcessInfo.processInfo.activeProcessorCount > 1))
        #expect(value == (try JSONParser(splitsLargeDocuments: false).parse(bytes)))
    }

    /// A change in the second half of the run document, and the parser it is read with.
    struct Damage: CustomTestStringConvertible, Sendable {
        let name: String
        let parser: JSONParser
        let change: @Sendable (inout [UInt8]) -> Void
        var testDescription: String { name }

        static let all: [Damage] = [
            Damage(name: "a syntax error", parser: JSONParser()) { $0[lastIndex(of: #""prompt""#, in: $0) - 1] = UInt8(ascii: "]") },
            Damage(name: "invalid UTF-8", parser: JSONParser()) { $0[lastIndex(of: #""prompt""#, in: $0) + 12] = 0xFF },
            Damage(name: "a raw control character", parser: JSONParser()) { $0[lastIndex(of: #""prompt""#, in: $0) + 12] = 0x01 },
            Damage(name: "truncation", parser: JSONParser()) { $0.removeLast(100) },
            Damage(name: "too deep for where the array is", parser: JSONParser(maxDepth: 5)) { bytes in
                let at = lastIndex(of: #""x":null"#, in: bytes) + 4
                bytes.replaceSubrange(at..<(at + 4), with: Array("[[]]".utf8))
            },
            Damage(name: "too many elements", parser: JSONParser(maxMembers: 1_799)) { _ in },
        ]

        static func lastIndex(of text: String, in bytes: [UInt8]) -> Int {
            let needle = Array(text.utf8)
            var index = bytes.count - needle.count
            while index > 0, !bytes[index..<(index + needle.count)].elementsEqual(needle) { index -= 1 }
            return index
        }
    }

    @Test("a split parse fails as one thread does", arguments: Damage.all)
    func sameError(damage: Damage) throws {
        var bytes = Array(Shape.run.text.utf8)
        damage.change(&bytes)
        let limits = damage.parser
        let split = limits.splittingEveryDocument
        let alone = JSONParser(maxDepth: limits.maxDepth, maxMembers: limits.maxMembers, splitsLargeDocuments: false)
        let expected = try #require(throws: EvalNormError.self) { try alone.parse(bytes) }
        let actual = try #require(throws: EvalNormError.self) { try split.parse(bytes) }
        #expect(actual == expected)
        // The damage is in the helper's share, which is then refused.
        let offset = try #require(bytes.withUnsafeBytes { ParseSplit.splitOffset(in: $0, limits: split) })
        let location = try #require(expected.location)
        #expect(location.byteOffset > offset)
    }

    /// Small documents split too when the parser is told to (as the `json` fuzz target reads every
    /// input), with a probe an eighth of the document long.
    static let vendorFixtures = TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("vendors"), withExtension: "json")

    @Test("small documents read on two threads give one thread's value or error", arguments: vendorFixtures)
    func smallDocuments(name: String) throws {
        let bytes = try TestPaths.bytes(of: TestPaths.fixtures.appendingPathComponent("vendors/\(name)"))
        // Whole, then cut short at each of a few places, so that some halves fail.
        for end in [bytes.count, bytes.count * 3 / 4, bytes.count / 2 + 7] {
            let prefix = Array(bytes[..<end])
            let alone = Result { () throws(EvalNormError) in try JSONParser(splitsLargeDocuments: false).parse(prefix) }
            let split = Result { () throws(EvalNormError) in try JSONParser(minimumSplitSize: 1).parse(prefix) }
            #expect(split == alone, "\(name) cut at \(end)")
        }
    }

    @Test("some of the vendor fixtures are split")
    func fixturesSplit() throws {
        var splits = 0
        for name in Self.vendorFixtures {
            let bytes = try TestPaths.bytes(of: TestPaths.fixtures.appendingPathComponent("vendors/\(name)"))
            let split = try bytes.withUnsafeBytes { buffer throws(EvalNormError) in
                try JSONParser(minimumSplitSize: 1).parseReportingSplit(bytes: buffer).split
            }
            if split { splits += 1 }
        }
        #expect(splits > 0)
    }

    @Test("elements that are only text in a string are never taken")
    func placeInsideString() throws {
        // From the middle on, one long string whose text reads as elements of an array: `{}, {}, …]`.
        let text = #"[{"a":1},{"s":"x"# + String(repeating: "}, {", count: 50_000) + #"}]"},{"b":2}]"#
        let bytes = Array(text.utf8)
        let parser = JSONParser(minimumSplitSize: 1)
        // The helper is given the place, and reads elements there; the calling thread never arrives
        // at it between elements, so it reads the string itself.
        #expect(bytes.withUnsafeBytes { ParseSplit.splitOffset(in: $0, limits: parser) } != nil)
        let (value, split) = try bytes.withUnsafeBytes { buffer throws(EvalNormError) in
            try parser.parseReportingSplit(bytes: buffer)
        }
        #expect(!split)
        #expect(value == (try JSONParser(splitsLargeDocuments: false).parse(bytes)))
    }
}

extension SplitMix64 {
    /// `count` words of test text, with escapes, non-ASCII and element-like punctuation.
    mutating func words(_ count: Int) -> String {
        let words = ["refund", "café", "\\\"quoted\\\"", "}, {", "line\\nbreak", "😀", "policy", "[1, 2]", "Zürich", "tab\\tstop"]
        return (0..<count).map { _ in words[Int(next() % UInt64(words.count))] }.joined(separator: " ")
    }
}

extension JSONParser {
    /// The same limits, with every document split between two threads where it has a place to split
    /// (`ParseSplit`), whatever its size.
    var splittingEveryDocument: JSONParser {
        JSONParser(maxDepth: maxDepth, maxDocumentSize: maxDocumentSize, maxStringLength: maxStringLength,
                   maxMembers: maxMembers, minimumSplitSize: 1)
    }
}
