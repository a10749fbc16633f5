import Foundation
import Testing

@testable import EvalNorm

/// `JSONWriter.reformat` (what `evalnorm fmt` runs) must write exactly what parsing and writing
/// writes, and its fast path must accept exactly what the parser accepts.
struct JSONReformatterTests {
    static let styles: [JSONWriter] = [JSONWriter(style: .compact), JSONWriter(style: .pretty), JSONWriter(style: .pretty, indentWidth: 4)]

    /// Checks the fast path against the parser and writer on `bytes`, for every style, and in
    /// compact style also split between two threads wherever there is a place to split.
    static func checkAgreement(_ bytes: [UInt8], limits: JSONParser = JSONParser(), _ name: String) {
        let parsed = Result { () throws(EvalNormError) in try limits.parse(bytes) }
        let splitting = limits.splittingEveryDocument
        for (writer, limits) in styles.map({ ($0, limits) }) + [(JSONWriter(style: .compact), splitting)] {
            let copied = writer.copyReformatted(bytes, limits: limits)
            let how = "\(writer.style)\(limits.minimumSplitSize == 1 ? ", split" : "")"
            switch parsed {
            case .success(let value):
                #expect(copied == writer.write(value), "\(name): \(how) output differs from parse + write")
            case .failure(let error):
                #expect(copied == nil, "\(name): reformatted (\(how)) although the parser says \(error)")
            }
        }
    }

    static var sampleFiles: [URL] {
        var urls: [URL] = []
        for folder in [TestPaths.examples, TestPaths.fixtures.appendingPathComponent("vendors"), TestPaths.jsonTestSuite] {
            urls += TestPaths.files(in: folder, withExtension: "json").map { folder.appendingPathComponent($0) }
        }
        return urls
    }

    @Test func agreesWithParseAndWriteOnSampleFiles() throws {
        let urls = Self.sampleFiles
        try #require(urls.count >= 20)
        for url in urls {
            Self.checkAgreement(try TestPaths.bytes(of: url), url.lastPathComponent)
        }
    }

    @Test func agreesOnEscapesAndEdgeCases() {
        let cases = [
            #""plain""#, #""a\"b\\c\/d\b\f\n\r\t""#, #""\u0000\u001f\u007f\u0020\u00e9\u20ac\ud83d\ude00""#,
            #""\uD83D\uDE00 \uDBFF\uDFFF""#, #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\u12""#, #""\x""#,
            "\"caf\u{E9} \u{1F600}\"", "\"a\u{01}b\"", "[\"\u{7F}\"]", #"[1, -0, 0.5e-3, 1E+2, 12345678901234567890]"#,
            "[01]", "[-]", "[1.]", "[.5]", "[1e]", "[+1]", "[tru]", "[nul]", "[true false]", "{\"a\" 1}", "{\"a\":}",
            "{,}", "[,]", "[1,]", "{\"a\":1,}", "{}", "[]", " [ ] ", "{\"a\":{},\"b\":[],\"c\":[{}]}",
            "{\"a\":1,\"a\":2}", "\u{FEFF}[]", "", "   ", "[] x", "[]]", "[[[]]", "\"\\", "\"abc", "[\"\\u00e9\\", "nulll",
        ]
        for text in cases {
            Self.checkAgreement(Array(text.utf8), text)
        }
        // Invalid UTF-8, in a string and outside one.
        for bytes: [UInt8] in [[0x22, 0xC3, 0x22], [0x22, 0xE2, 0x82, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
                               [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xFF, 0x22], [0x5B, 0xC3, 0xA9, 0x5D], [0x22, 0x5C, 0x6E, 0xC3, 0x22]] {
            Self.checkAgreement(bytes, "\(bytes)")
        }
    }

    @Test func agreesAtTheLimits() {
        let nested = String(repeating: "[", count: 5) + String(repeating: "]", count: 5)
        for depth in 4...6 {
            Self.checkAgreement(Array(nested.utf8), limits: JSONParser(maxDepth: depth), "depth \(depth)")
        }
        Self.checkAgreement(Array(#"["12345", "123456"]"#.utf8), limits: JSONParser(maxStringLength: 5), "string length")
        Self.checkAgreement(Array(#"{"a":1,"b":2,"c":3}"#.utf8), limits: JSONParser(maxMembers: 2), "members")
        Self.checkAgreement(Array(#"[1,2]"#.utf8), limits: JSONParser(maxMembers: 2), "elements")
        Self.checkAgreement(Array(#"[1,2]"#.utf8), limits: JSONParser(maxDocumentSize: 4), "document size")
    }

    /// Every single-byte change of a few documents, at random places, is accepted by both or by neither.
    @Test func agreesOnMutatedDocuments() throws {
        var random = SplitMix64(seed: 20_261_123)
        let replacements = Array(#"{}[],:"\ 0123456789-+.eEtrufalsn/ubfx"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xF0, 0xFF]
        for name in ["aegis-run.json", "lunary-run.json", "scorecard-run.json"] {
            let original = try TestPaths.bytes(of: TestPaths.examples.appendingPathComponent(name))
            for _ in 0..<400 {
                var bytes = original
                for _ in 0..<(1 + Int(random.next() % 2)) {
                    let position = Int(random.next() % UInt64(bytes.count))
                    bytes[position] = replacements[Int(random.next() % UInt64(replacements.count))]
                }
                Self.checkAgreement(bytes, "mutated \(name)")
            }
        }
    }

    /// Inputs of 1 MB or more have their UTF-8 checked on another thread: the same answers, for a
    /// large document, with a bad byte deep inside a string or in the grammar, and through the API
    /// that hands out pieces.
    @Test func agreesOnLargeDocuments() throws {
        let element = "{\"text\":\"caf\u{E9} \u{65E5}\u{672C} \u{1F600} \\\"quoted\\\" \\u00e9 \\/ tab\\t\",\"n\":[1.5,-2e3,true,null]}"
        let document = Array(("[" + Array(repeating: element, count: 20_000).joined(separator: ",\n ") + "]").utf8)
        try #require(document.count > 1 << 20)
        Self.checkAgreement(document, "large document")
        let middle = document.count / 2
        let quote = try #require(document[middle...].firstIndex(of: UInt8(ascii: "\"")))
        for (offset, byte) in [(1, 0xC3), (1, 0xFF), (0, UInt8(ascii: "x")), (-1, 0x80)] as [(Int, UInt8)] {
            var broken = document
            broken[quote + offset] = byte
            Self.checkAgreement(broken, "large document with \(byte) at \(quote + offset)")
        }
        var pieces: [UInt8] = []
        try JSONWriter(style: .compact).reformat(document, chunkSize: 1000) { (chunk: [UInt8]) in
            #expect(chunk.count <= 1000)
            pieces += chunk
        }
        #expect(pieces == JSONWriter(style: .compact).write(try JSONParser().parse(document)))
    }

    @Test func fallsBackToTheParsersError() {
        let error = #expect(throws: EvalNormError.self) { try JSONWriter().reformat(Array(#"{"a": [1,]}"#.utf8)) }
        #expect(error?.description == "line 1, column 10 (byte 9): unexpected character ']' after ',' (at /a/1)")
    }
}
