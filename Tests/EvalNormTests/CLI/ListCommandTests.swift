import EvalNorm
import Foundation
import Testing

/// Lists of runs and JSON Lines files through the tool: detected, normalized to one run per element,
/// converted back to the same list, validated, and their bad elements reported and skipped.
struct ListCommandTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("lists")
    static let lists = TestPaths.files(in: folder, withExtension: "json")
    static let export = folder.appendingPathComponent("lunary-export.jsonl").path

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The document in `file`, parsed.
    static func value(_ file: String) throws -> JSONValue {
        try JSONParser().parse(TestPaths.bytes(of: URL(fileURLWithPath: file)))
    }

    /// The lines of `text`, each parsed.
    static func values(ofLines text: String) throws -> [JSONValue] {
        try text.split(separator: "\n").map { try JSONParser().parse(String($0)) }
    }

    /// The files this test writes, removed after it.
    let temporaryFiles = TemporaryFiles()

    /// The path of a new temporary file holding `contents`.
    func temporaryFile(_ contents: String, extension pathExtension: String = "json") throws -> String {
        try temporaryFiles.file(contents, prefix: "evalnorm-list", extension: pathExtension).path
    }

    /// `value` with the member at `pointer` replaced.
    static func replacing(_ pointer: JSONPointer, in value: JSONValue, with replacement: JSONValue) -> JSONValue {
        guard let first = pointer.tokens.first else { return replacement }
        let rest = JSONPointer(tokens: Array(pointer.tokens.dropFirst()))
        switch value {
        case .object(var object):
            object[first] = object[first].map { replacing(rest, in: $0, with: replacement) }
            return .object(object)
        case .array(var elements):
            if let index = Int(first), elements.indices.contains(index) { elements[index] = replacing(rest, in: elements[index], with: replacement) }
            return .array(elements)
        default:
            return value
        }
    }

    @Test func everyListKindHasAFixture() throws {
        let formats = Set(try Self.lists.map { try RunReader().document(from: TestPaths.bytes(of: Self.folder.appendingPathComponent($0))).format })
        #expect(formats == Set(RunListFormat.all.map(\.format)))
    }

    @Test(arguments: lists)
    func detectNamesTheListKind(file: String) throws {
        let detect = ToolRun(["detect", Self.path(file)])
        let format = try RunReader().format(of: Self.value(Self.path(file)))
        #expect(detect.status == 0)
        #expect(detect.standardOutput == "\(format.vendor?.rawValue ?? "?")\t\(format.kind)\n")
        #expect(file.hasPrefix("\(format.vendor?.rawValue ?? "?")-\(format.kind)"))
    }

    @Test func detectNamesJSONLines() throws {
        #expect(ToolRun(["detect", Self.export]).standardOutput == "lunary\tjsonl\n")
        let mixed = try temporaryFile(#"{"id": 1, "evaluations": null, "alias": "a"}"# + "\n" + #"{"id": "r", "type": "llm"}"# + "\n", extension: "jsonl")
        #expect(ToolRun(["detect", mixed]).standardOutput == "mixed\tjsonl\n")
    }

    /// normalize: one canonical run per element; convert back: the list itself; roundtrip: ok.
    @Test(arguments: lists)
    func normalizeThenConvertGivesTheListBack(file: String) throws {
        let original = try Self.value(Self.path(file))
        let format = try RunReader().format(of: original)
        let list = try #require(RunListFormat.of(format))
        let vendor = try #require(format.vendor)
        let count = try #require(list.elements(of: original)).count

        let normalized = ToolRun(["normalize", Self.path(file)])
        #expect(normalized.status == 0, "\(normalized.standardError)")
        #expect(normalized.standardError.isEmpty)
        let runs = try Self.values(ofLines: normalized.standardOutput)
        #expect(runs.count == count)

        let canonical = try temporaryFile(normalized.standardOutput, extension: "ndjson")
        let converted = ToolRun(["convert", "--to", vendor.rawValue, canonical])
        #expect(converted.status == 0, "\(converted.standardError)")
        #expect(converted.standardError.isEmpty)
        #expect(try Self.values(ofLines: converted.standardOutput) == [original])

        let roundtrip = ToolRun(["roundtrip", Self.path(file)])
        #expect(roundtrip.standardOutput == "ok \(Self.path(file))\n")
        #expect(roundtrip.status == 0)
    }

    @Test func jsonLinesExportGoesThroughLineByLine() throws {
        let lines = try Self.values(ofLines: String(decoding: TestPaths.bytes(of: URL(fileURLWithPath: Self.export)), as: UTF8.self))
        #expect(lines.count >= 3)
        let normalized = ToolRun(["normalize", Self.export])
        #expect(normalized.status == 0, "\(normalized.standardError)")
        let canonical = try temporaryFile(normalized.standardOutput, extension: "ndjson")
        let converted = ToolRun(["convert", "--to", "lunary", canonical])
        #expect(converted.status == 0, "\(converted.standardError)")
        #expect(try Self.values(ofLines: converted.standardOutput) == lines)
        let validate = ToolRun(["validate", Self.export])
        #expect(validate.standardOutput == lines.indices.map { "\(Self.export): line \($0 + 1): valid\n" }.joined())
        let roundtrip = ToolRun(["roundtrip", Self.export])
        #expect(roundtrip.standardOutput == lines.indices.map { "ok \(Self.export): line \($0 + 1)\n" }.joined())
    }

    @Test func badLineOfJSONLinesIsReportedAndSkipped() throws {
        let file = try temporaryFile(#"{"id": "a", "type": "llm"}"# + "\n{\"id\": \n" + #"{"id": "c", "type": "tool"}"# + "\n", extension: "jsonl")
        let run = ToolRun(["normalize", file])
        #expect(run.status == 1)
        #expect(try Self.values(ofLines: run.standardOutput).compactMap { $0["id"]?.stringValue } == ["a", "c"])
        #expect(run.standardError == "evalnorm: \(file): line 2, column 8 (byte 34): unexpected end of input: expected a value after ':' (at /id)\n")
    }

    /// A run of a list that breaks its schema is reported with its pointer and skipped; the others go through.
    @Test func badElementIsSkippedAndTheOthersConvert() throws {
        let original = try Self.value(Self.path("aegis-runs-page.json"))
        let count = try #require(RunListFormat.aegisRunsPage.elements(of: original)).count
        try #require(count >= 2)
        let broken = Self.replacing(["items", "1", "id"], in: original, with: "not-a-number")
        let file = try temporaryFile(JSONWriter().string(from: broken))
        let run = ToolRun(["normalize", file])
        #expect(run.status == 1)
        #expect(try Self.values(ofLines: run.standardOutput).count == count - 1)
        #expect(run.standardError == "evalnorm: \(file): /items/1/id: expected integer, found string \"not-a-number\" (aegis-runs-page /properties/items/items/$ref/properties/id/type)\n")

        // Without validation, it is still an Aegis run of its own: kept, and written back in its place.
        let lenient = ToolRun(["normalize", "--no-validate", file])
        #expect(lenient.status == 0, "\(lenient.standardError)")
        let canonical = try temporaryFile(lenient.standardOutput, extension: "ndjson")
        #expect(try Self.values(ofLines: ToolRun(["convert", "--to", "aegis", canonical]).standardOutput) == [broken])
    }

    @Test func brokenEnvelopeSkipsTheList() throws {
        let original = try Self.value(Self.path("aegis-runs-page.json"))
        let file = try temporaryFile(JSONWriter().string(from: Self.replacing(["meta"], in: original, with: "page 1")))
        let run = ToolRun(["normalize", file])
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == "evalnorm: \(file): /meta: expected object, found string \"page 1\" (aegis-runs-page /properties/meta/type)\n")
    }

    @Test func emptyListWarnsThatNothingIsWritten() throws {
        let file = try temporaryFile(#"{"page": 3, "limit": 50, "data": []}"#)
        let run = ToolRun(["normalize", file])
        #expect(run.status == 0)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == "evalnorm: \(file): warning: the lunary runs-page holds no runs; nothing of it is written\n")
        let roundtrip = ToolRun(["roundtrip", file])
        #expect(roundtrip.status == 65)
        #expect(roundtrip.standardError.contains("holds no runs"))
    }

    /// `--ndjson`: a line that is a list gives one output line per run, and converts back to one line.
    @Test func ndjsonLinesMayBeLists() throws {
        let page = try Self.value(Self.path("lunary-runs-page.json"))
        let count = try #require(RunListFormat.lunaryRunsPage.elements(of: page)).count
        let single: JSONValue = ["id": "solo", "type": "llm", "status": "success"]
        let input = try temporaryFile(JSONWriter().string(from: page) + "\n" + JSONWriter().string(from: single) + "\n", extension: "ndjson")
        let normalized = ToolRun(["normalize", "--ndjson", "--jobs", "2", input])
        #expect(normalized.status == 0, "\(normalized.standardError)")
        #expect(try Self.values(ofLines: normalized.standardOutput).count == count + 1)
        let converted = ToolRun(["convert", "--ndjson", "--to", "lunary", input])
        #expect(converted.status == 0, "\(converted.standardError)")
        #expect(try Self.values(ofLines: converted.standardOutput) == [page, single])

        // A list with one bad run is a bad line as a whole: the rejects file gets all of it.
        let broken = Self.replacing(["data", "0", "tags"], in: page, with: "not-a-list")
        let badInput = try temporaryFile(JSONWriter().string(from: broken) + "\n", extension: "ndjson")
        let bad = ToolRun(["normalize", "--ndjson", badInput])
        #expect(bad.status == 1)
        #expect(bad.standardOutput.isEmpty)
        #expect(bad.standardError.hasPrefix("evalnorm: \(badInput): line 1: /data/0/tags: expected array or null, found string \"not-a-list\""))
    }

    @Test func crossVendorLossesNameTheRun() throws {
        let run = ToolRun(["convert", "--to", "lunary", Self.path("dataframer-runs-list.json")])
        #expect(run.status == 0)
        #expect(run.standardError.contains("dataframer-runs-list.json, run at /1: lost: "))
        // Not a Lunary list: each run is a Lunary run document of its own.
        #expect(try Self.values(ofLines: run.standardOutput).count == RunListFormat.dataframerRunsList.elements(of: Self.value(Self.path("dataframer-runs-list.json")))?.count)
    }

    @Test func tableHasTheScoresOfEveryRunOfAList() throws {
        let page = try Self.value(Self.path("aegis-runs-page.json"))
        let runs = try RunReader().decodeList(DetectedDocument(format: RunListFormat.aegisRunsPage.format, value: page)).runs
        let table = ToolRun(["table", "--format", "ndjson", Self.path("aegis-runs-page.json")])
        #expect(table.status == 0, "\(table.standardError)")
        #expect(try Self.values(ofLines: table.standardOutput).count == runs.map { $0.allScores.count }.reduce(0, +))
    }
}
