import EvalNorm
import Foundation
import Testing

/// `detect`, `normalize`, `convert` and `roundtrip` on the examples and on bad input: stdout, stderr and
/// the exit code.
struct VendorCommandTests {
    static func example(_ name: String) -> String {
        TestPaths.examples.appendingPathComponent(name).path
    }

    static let examples = TestPaths.files(in: TestPaths.examples, withExtension: "json").map(example)
    static let scorecardFiles = ["scorecard-run.json", "scorecard-records-page-1.json", "scorecard-records-page-2.json"].map(example)

    @Test func detectNamesEachFile() {
        let run = ToolRun(["detect", VendorCommandTests.example("aegis-run.json")])
        #expect(run.status == 0)
        #expect(run.standardOutput == "aegis\trun\n")
        let several = ToolRun(["detect"] + VendorCommandTests.scorecardFiles)
        #expect(several.standardOutput == """
            scorecard\trun\t\(VendorCommandTests.scorecardFiles[0])
            scorecard\trecords-page\t\(VendorCommandTests.scorecardFiles[1])
            scorecard\trecords-page\t\(VendorCommandTests.scorecardFiles[2])

            """)
    }

    @Test func roundtripSaysOkForEveryExample() throws {
        try #require(VendorCommandTests.examples.count >= 6)
        let run = ToolRun(["roundtrip"] + VendorCommandTests.examples)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput == VendorCommandTests.examples.map { "ok \($0)\n" }.joined())
        #expect(run.standardError.isEmpty)
    }

    @Test func normalizeMergesAScorecardRunAndItsPages() throws {
        let run = ToolRun(["normalize"] + VendorCommandTests.scorecardFiles)
        #expect(run.status == 0)
        #expect(run.standardOutput.split(separator: "\n").count == 1)
        let canonical = try CanonicalCodec().decode(Array(run.standardOutput.utf8.dropLast()))
        #expect(canonical.source.documents == ["run", "records-page", "records-page"])
        #expect(canonical.records.count == 6)
    }

    @Test func normalizeSeveralRunsWritesNDJSON() throws {
        let files = ["aegis-run.json", "lunary-run.json"].map(VendorCommandTests.example)
        let run = ToolRun(["normalize"] + files)
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(try lines.map { try CanonicalCodec().decode(Array($0.utf8)).source.vendor } == [.aegis, .lunary])
    }

    @Test func normalizeStandardInputPretty() throws {
        let input = try String(contentsOfFile: VendorCommandTests.example("dataframer-run.json"), encoding: .utf8)
        let run = ToolRun(["normalize", "--pretty", "-"], standardInput: input)
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("{\n  \"formatVersion\": 1,\n"))
    }

    @Test func aBadFileIsReportedAndTheOthersStillConvert() {
        let run = ToolRun(["normalize", VendorCommandTests.example("aegis-run.json"), "-"], standardInput: #"{"id": 1, "colour": "red"}"#)
        #expect(run.status == 1)
        #expect(run.standardOutput.split(separator: "\n").count == 1)
        #expect(run.standardError == "evalnorm: <stdin>: not a document of a known vendor: none of its keys ('id', 'colour') is one that Scorecard, DataFramer, Aegis or Lunary documents\n")
    }

    @Test func malformedAloneExits65WithAPosition() {
        let run = ToolRun(["normalize", "-"], standardInput: #"{"id": 1,"#)
        #expect(run.status == 65)
        #expect(run.standardError == "evalnorm: <stdin>: line 1, column 10 (byte 9): unexpected end of input: expected a string key after ','\n")
    }

    @Test func duplicateKeyInAVendorPayload() {
        let run = ToolRun(["normalize", "-"], standardInput: #"{"id": 1, "alias": "a", "evaluations": [], "alias": "b"}"#)
        #expect(run.status == 65)
        #expect(run.standardError == "evalnorm: <stdin>: /alias: duplicate key 'alias'\n")
    }

    @Test func missingFileExits66() {
        let run = ToolRun(["roundtrip", "/nonexistent/run.json"])
        #expect(run.status == 66)
        #expect(run.standardError.hasPrefix("evalnorm: /nonexistent/run.json: cannot open file"))
    }

    @Test func convertToTheSameVendorGivesTheDocumentBack() throws {
        let path = VendorCommandTests.example("lunary-run.json")
        let run = ToolRun(["convert", "--to", "lunary", path])
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        let original = try JSONParser().parse(TestPaths.bytes(of: URL(fileURLWithPath: path)))
        #expect(try JSONParser().parse(Array(run.standardOutput.utf8)) == original)
    }

    @Test func convertAcrossVendorsReportsLosses() {
        let run = ToolRun(["convert", "--to", "scorecard", VendorCommandTests.example("aegis-run.json")])
        #expect(run.status == 0)
        #expect(run.standardOutput.split(separator: "\n").count == 2, "a run and one records page")
        #expect(run.standardError.contains("lost: /extensions/aegis: aegis-specific fields have no place in scorecard\n"))
        #expect(run.standardError.contains("lost: /records/0/context: scorecard has no field for it\n"))
    }

    @Test func strictConvertWritesNothingWhenSomethingIsLost() {
        let run = ToolRun(["convert", "--strict", "--to", "dataframer", VendorCommandTests.example("aegis-run.json")])
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("lost: /records/2: dataframer has no field for it"))
    }

    @Test func convertToCanonicalIsNormalize() {
        let path = VendorCommandTests.example("aegis-run.json")
        #expect(ToolRun(["convert", "--to", "canonical", path]).standardOutput == ToolRun(["normalize", path]).standardOutput)
    }

    @Test func unknownVendorIsAUsageError() {
        let run = ToolRun(["convert", "--to", "aegs", VendorCommandTests.example("aegis-run.json")])
        #expect(run.status == 64)
        #expect(run.standardError.hasPrefix("evalnorm: Option '--to' takes one of scorecard, dataframer, aegis, lunary, canonical, not 'aegs'. Did you mean 'aegis'?\n"))
    }
}
