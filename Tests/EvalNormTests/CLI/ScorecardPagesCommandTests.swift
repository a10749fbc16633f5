import EvalNorm
import Foundation
import Testing

/// `normalize` and `convert` check a Scorecard run's records pages against each other and name both
/// files of a contradiction.
struct ScorecardPagesCommandTests {
    @Test func aPageGivenTwiceIsReportedWithBothFiles() throws {
        let run = VendorCommandTests.example("scorecard-run.json")
        let first = VendorCommandTests.example("scorecard-records-page-1.json")
        let last = VendorCommandTests.example("scorecard-records-page-2.json")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("evalnorm-page-\(UUID().uuidString).json")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: first), to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }

        let result = ToolRun(["normalize", run, first, copy.path, last])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == "evalnorm: \(copy.path): /data/0: record '55101' appears twice (first at /data/0 of the other file) (contradicts \(first))")
        #expect(lines.last == "evalnorm: \(last): /total: total is 6, but the 3 pages hold 9 records")

        let convert = ToolRun(["convert", "--to", "canonical", run, first, copy.path, last])
        #expect(convert.status == 1)
        #expect(convert.standardError == result.standardError)
    }

    @Test func consistentPagesMerge() {
        let files = ["scorecard-run.json", "scorecard-records-page-1.json", "scorecard-records-page-2.json"].map(VendorCommandTests.example)
        let result = ToolRun(["normalize"] + files)
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
    }
}
