import EvalNorm
import Foundation
import Testing

/// Every vendor fixture and example: detected as what its name says, decoded, and encoded back to the
/// same document, directly and through a canonical JSON file; its canonical form matches the golden file.
struct VendorRoundTripTests {
    @Test func fixturesExist() {
        #expect(VendorFixture.all.count >= 20, "expected vendor fixtures under Tests/EvalNormTests/Fixtures/vendors")
        for vendor in Vendor.known {
            #expect(VendorFixture.all.contains { $0.format.vendor == vendor }, "no fixture for \(vendor)")
        }
    }

    @Test(arguments: VendorFixture.all)
    func detectsTheDocumentKind(fixture: VendorFixture) throws {
        #expect(try DocumentDetector.detect(fixture.value()) == fixture.format)
    }

    @Test(arguments: VendorFixture.all)
    func roundTripsExactly(fixture: VendorFixture) throws {
        let value = try fixture.value()
        let codec = try #require(fixture.format.vendor.flatMap(VendorCodecs.codec(for:)))
        let run = try codec.decode(value, kind: fixture.format.kind)
        #expect(!run.hasVerbatimCopy, "the field mapping could not re-create \(fixture.name); it fell back to a verbatim copy")

        let direct = try codec.encode(run).map(\.value)
        #expect(direct == [value], "differs at \(JSONDifference.pointers(between: value, and: direct.first ?? .null))")

        let canonical = CanonicalCodec()
        let reread = try canonical.decode(canonical.encode(run, style: .compact))
        #expect(reread == run)
        let throughFile = try codec.encode(reread).map(\.value)
        #expect(throughFile == [value], "differs at \(JSONDifference.pointers(between: value, and: throughFile.first ?? .null))")
    }

    @Test(arguments: VendorFixture.all)
    func matchesGoldenCanonicalForm(fixture: VendorFixture) throws {
        let value = try fixture.value()
        let codec = try #require(fixture.format.vendor.flatMap(VendorCodecs.codec(for:)))
        let run = try codec.decode(value, kind: fixture.format.kind)
        try GoldenFile.check(CanonicalCodec().encode(run, style: .pretty) + [UInt8(ascii: "\n")],
                             named: fixture.name + ".canonical.json")
    }
}

/// Expected outputs kept under `Tests/EvalNormTests/Fixtures/golden`. Run the tests with
/// `EVALNORM_RECORD_GOLDEN=1` to write them; recording fails the test, so that a recorded file is
/// always reviewed before it is trusted.
enum GoldenFile {
    static let folder = TestPaths.fixtures.appendingPathComponent("golden")

    static func check(_ actual: [UInt8], named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["EVALNORM_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual).write(to: url)
            Issue.record("recorded \(name); review it, then run again without EVALNORM_RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? TestPaths.bytes(of: url) else {
            Issue.record("no golden file \(name); run with EVALNORM_RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "canonical form differs from \(name)", sourceLocation: sourceLocation)
    }
}
