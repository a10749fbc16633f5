import EvalNorm
import Foundation
import Testing

/// A Scorecard run and its records pages merge into one `EvalRun`, records in page order, and split
/// back into the same documents.
struct ScorecardMergeTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("scorecard-merged")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    static func documents(_ name: String) throws -> [VendorDocument] {
        let caseFolder = folder.appendingPathComponent(name)
        return try TestPaths.files(in: caseFolder, withExtension: "json").map { file in
            let value = try JSONParser().parse(TestPaths.bytes(of: caseFolder.appendingPathComponent(file)))
            return VendorDocument(vendor: .scorecard, kind: try DocumentDetector.detect(value).kind, value: value)
        }
    }

    @Test func casesExist() {
        #expect(ScorecardMergeTests.cases.count >= 3)
    }

    @Test(arguments: cases)
    func mergesAndSplitsBack(name: String) throws {
        let documents = try ScorecardMergeTests.documents(name)
        try #require(documents.count >= 2)
        let codec = ScorecardCodec()
        let run = try codec.decode(documents)
        #expect(!run.hasVerbatimCopy)
        #expect(run.source.documents == documents.map(\.kind.rawValue))

        // Records in page order, each record's runId the run's id.
        let pageRecords = documents.filter { $0.kind == .recordsPage }.flatMap { $0.value["data"]?.arrayValue ?? [] }
        #expect(run.records.map(\.id) == pageRecords.map { $0["id"]?.stringValue })
        for record in pageRecords { #expect(record["runId"]?.stringValue == run.id) }

        let canonical = CanonicalCodec()
        let reread = try canonical.decode(canonical.encode(run, style: .compact))
        #expect(try codec.encode(reread) == documents)
        try GoldenFile.check(canonical.encode(run, style: .pretty) + [UInt8(ascii: "\n")], named: "scorecard-merged-\(name).canonical.json")
    }

    @Test func recordsFromElsewhereGoIntoOnePage() throws {
        var run = EvalRun(id: "7", source: RunSource(vendor: .aegis), status: .succeeded)
        run.records = [EvalRecord(id: "a", scores: [Score(metric: MetricReference(id: "m"), value: .boolean(true))])]
        let documents = try ScorecardCodec().encode(run)
        #expect(documents.map(\.kind) == [.run, .recordsPage])
        #expect(documents[0].value == ["id": "7", "metricIds": [], "status": "completed"])
        #expect(documents[1].value == [
            "data": [["id": "a", "runId": "7", "scores": [["recordId": "a", "metricConfigId": "m", "score": ["binaryScore": true]]]]],
            "nextCursor": nil, "hasMore": false,
        ])
    }

    /// A run from another vendor becomes a Scorecard run that its schema accepts (`metricIds` is
    /// required) and that detection recognises.
    @Test(arguments: ["aegis-run.json", "dataframer-run.json", "lunary-run.json"])
    func runsFromElsewhereAreValidScorecardRuns(example: String) throws {
        let bytes = try TestPaths.bytes(of: TestPaths.examples.appendingPathComponent(example))
        let reader = RunReader()
        let run = try reader.decode([reader.document(from: bytes)])
        let written = try #require(try RunConverter.convert(run, to: .scorecard).documents.first)
        #expect(written.format == DocumentFormat(vendor: .scorecard, kind: .run))
        #expect(try DocumentDetector.detect(written.value) == written.format)
        #expect(reader.validate(written).errors.isEmpty, "\(reader.validate(written).errors)")
    }
}
