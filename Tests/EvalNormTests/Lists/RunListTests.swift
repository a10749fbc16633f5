import EvalNorm
import Foundation
import Testing

/// Lists of runs (issue 9): every list fixture under `Fixtures/lists` is detected as the kind its name
/// says, is valid against its list schema, decodes element by element into runs that remember their
/// list, matches its golden canonical NDJSON, and comes back from canonical JSON as the same list
/// document. Broken elements fail alone; broken envelopes fail the whole document.
struct RunListTests {
    // MARK: The fixtures

    @Test func fixturesExist() {
        let names = TestPaths.files(in: ListFixture.folder, withExtension: "json")
        #expect(names.count == ListFixture.all.count, "a file in Fixtures/lists is not named <vendor>-<kind>-…: \(names)")
        for list in RunListFormat.all {
            #expect(ListFixture.all.contains { $0.list == list }, "no fixture for \(list.format)")
        }
    }

    @Test(arguments: ListFixture.all)
    func detectsTheListKind(fixture: ListFixture) throws {
        let value = try fixture.value()
        #expect(try DocumentDetector.detect(value) == fixture.list.format)
        #expect(try RunReader().document(from: TestPaths.bytes(of: fixture.url)).format == fixture.list.format)
        // Naming the vendor gives the same kind.
        #expect(try RunReader().format(of: value, vendor: fixture.vendor) == fixture.list.format)
        #expect(fixture.list.format.isRunList)
    }

    @Test(arguments: ListFixture.all)
    func isValidAgainstItsListSchema(fixture: ListFixture) throws {
        let document = try fixture.document()
        #expect(document.format.schemaName == "\(fixture.vendor.rawValue)-\(fixture.list.format.kind.rawValue)")
        let result = try JSONSchema.bundled(named: document.format.schemaName).validate(document.value)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(RunReader().validate(document) == result)
        // Each element is a valid run document of the vendor on its own, too.
        let runSchema = try JSONSchema.bundled(named: "\(fixture.vendor.rawValue)-run")
        for (index, element) in try fixture.elements().enumerated() {
            #expect(runSchema.validate(element).errors.isEmpty, "element \(index)")
        }
    }

    // MARK: Decoding

    @Test(arguments: ListFixture.all)
    func decodesEachElementAsOneRun(fixture: ListFixture) throws {
        let value = try fixture.value()
        let elements = try fixture.elements()
        try #require(!elements.isEmpty)
        let decoded = try RunReader().decodeList(fixture.document())
        #expect(decoded.failures.isEmpty, "\(decoded.failures)")
        try #require(decoded.runs.count == elements.count)

        let codec = try #require(VendorCodecs.codec(for: fixture.vendor))
        let expectedEnvelope = fixture.list.member.map { ListFixture.emptying($0, in: value) }
        for (position, (run, element)) in zip(decoded.runs, elements).enumerated() {
            #expect(run.source.vendor == fixture.vendor)
            #expect(!run.hasVerbatimCopy, "element \(position) fell back to a verbatim copy")
            let (rest, membership) = ListFixture.splitMembership(run, vendor: fixture.vendor)
            let list = try #require(membership, "run \(position) does not remember its list")
            #expect(list["kind"] == .string(fixture.list.format.kind.rawValue))
            #expect(list["position"] == .number(JSONNumber(position)))
            #expect(list["count"] == .number(JSONNumber(elements.count)))
            #expect(list["envelope"] == expectedEnvelope, "run \(position)")
            #expect(list.keys == (expectedEnvelope == nil ? ["kind", "position", "count"] : ["kind", "position", "count", "envelope"]))
            // Apart from its membership, the run is what the element decodes to on its own.
            #expect(rest == (try codec.decode(element, kind: .run)), "run \(position)")
        }
        // decodeRuns gives the same runs.
        #expect(try RunReader().decodeRuns([fixture.document()]) == decoded.runs)
        // Without validation, too.
        #expect(try RunReader(validatesInput: false).decodeList(fixture.document()) == decoded)
    }

    /// The canonical status of each run, by VENDORS.md's status tables.
    @Test(arguments: [
        ("scorecard-runs-page-first", [RunStatus.succeeded, .unknown, .succeeded]),
        ("scorecard-runs-page-last", [.needsReview, .running]),
        ("dataframer-runs-list", [.succeeded, .running, .succeeded]),
        ("aegis-runs-page", [.running, .succeeded]),
        ("aegis-runs-page-empty-evaluations", [.succeeded]),
        ("lunary-runs-page", [.succeeded, .unknown, .succeeded]),
        ("lunary-runs-page-legacy-total", [.succeeded, .failed]),
    ])
    func mapsStatuses(name: String, statuses: [RunStatus]) throws {
        let fixture = try ListFixture.named(name)
        let runs = try RunReader().decodeRuns([fixture.document()])
        #expect(runs.map(\.status) == statuses)
        // The vendor's own word is kept; Aegis has none (its status is derived from `finished_at`).
        let words = try fixture.elements().map { $0["status"]?.stringValue }
        #expect(runs.map(\.vendorStatus) == (fixture.vendor == .aegis ? runs.map { _ in nil } : words))
    }

    @Test(arguments: ListFixture.all)
    func matchesGoldenCanonicalForm(fixture: ListFixture) throws {
        let runs = try RunReader().decodeRuns([fixture.document()])
        try ListFixture.checkGolden(ListFixture.ndjson(runs), named: fixture.name + ".canonical.ndjson")
    }

    // MARK: Back to the list document

    @Test(arguments: ListFixture.all)
    func roundTripsThroughCanonicalJSON(fixture: ListFixture) throws {
        let value = try fixture.value()
        let runs = try RunReader().decodeRuns([fixture.document()])
        let documents = try ListFixture.assemble(ListFixture.throughCanonical(runs), vendor: fixture.vendor)
        try #require(documents.count == 1, "\(documents.map(\.format))")
        #expect(documents[0].format == fixture.list.format)
        #expect(documents[0].value == value, "differs at \(JSONDifference.pointers(between: value, and: documents[0].value))")
        // The library's own round trip agrees.
        let report = try RunConverter.roundTrip([fixture.document()])
        #expect(report.isLossless, "\(report.differences)")
        #expect(!report.keptVerbatim)
    }

    /// A list given with one of its runs missing is written with the runs it has, envelope unchanged.
    @Test(arguments: ListFixture.all.filter { ((try? $0.elements().count) ?? 0) >= 3 })
    func writesAPartialListWithTheRunsItHas(fixture: ListFixture) throws {
        let value = try fixture.value()
        let elements = try fixture.elements()
        let runs = try RunReader().decodeRuns([fixture.document()])
        let documents = try ListFixture.assemble(ListFixture.throughCanonical([runs[0], runs[2]]), vendor: fixture.vendor)
        try #require(documents.count == 1, "\(documents.map(\.format))")
        #expect(documents[0].format == fixture.list.format)
        #expect(documents[0].value == ListFixture.replacingRuns(in: value, list: fixture.list, with: [elements[0], elements[2]]))
        #expect(fixture.list.elements(of: documents[0].value)?.count == 2)
    }

    @Test(arguments: ListFixture.all)
    func writesTwoListsInSequenceAsTwoDocuments(fixture: ListFixture) throws {
        let value = try fixture.value()
        let runs = try RunReader().decodeRuns([fixture.document()])
        let documents = try ListFixture.assemble(ListFixture.throughCanonical(runs + runs), vendor: fixture.vendor)
        #expect(documents.map(\.format) == [fixture.list.format, fixture.list.format])
        #expect(documents.map(\.value) == [value, value])
    }

    @Test func aRunOfNoListIsWrittenAsItsOwnDocumentBetweenLists() throws {
        let page = try ListFixture.named("aegis-runs-page")
        let listed = try RunReader().decodeRuns([page.document()])
        let single = try VendorDocumentFile.detected("aegis-run-docs")
        let alone = try RunReader().decode([single])
        let documents = try ListFixture.assemble(listed + [alone] + listed, vendor: .aegis)
        #expect(documents.map(\.format) == [page.list.format, single.format, page.list.format])
        #expect(documents.map(\.value) == [try page.value(), single.value, try page.value()])
    }

    /// A list membership that could not have come from a list (edited by hand, say) is ignored: the
    /// run is written as its own document, never into a made-up list and never dropped.
    @Test(arguments: [
        JSONValue.null, "x", ["meta": ["current_page": 1]], ["items": [], "items": []], [],
    ])
    func aMembershipWithABrokenEnvelopeIsIgnored(envelope: JSONValue) throws {
        let page = try ListFixture.named("aegis-runs-page")
        var run = try #require(try RunReader().decodeRuns([page.document()]).dropFirst().first)
        var aegis = try #require(run.extensions["aegis"]?.objectValue)
        var membership: JSONObject = ["kind": "runs-page", "position": 0, "count": 1]
        if envelope != .null { membership.append(key: "envelope", value: envelope) }
        aegis["list"] = .object(membership)
        run.extensions["aegis"] = .object(aegis)
        let documents = try ListFixture.assemble([run], vendor: .aegis)
        #expect(documents.map(\.format) == [DocumentFormat(vendor: .aegis, kind: .run)])
        #expect(documents.first?.value == RunListFormat.aegisRunsPage.elements(of: try page.value())?[1])
    }

    // MARK: Broken lists

    @Test(arguments: BrokenElement.all)
    func aBrokenElementFailsAlone(_ broken: BrokenElement) throws {
        let fixture = try ListFixture.named(broken.fixture)
        let original = try fixture.elements()
        let value = try broken.apply(to: fixture.value())
        #expect(value != (try fixture.value()))
        let document = DetectedDocument(format: fixture.list.format, value: value)

        let decoded = try RunReader().decodeList(document)
        try #require(decoded.failures.count == 1, "\(decoded.failures)")
        let failure = decoded.failures[0]
        #expect(failure.code == broken.code, "\(failure)")
        let prefix = fixture.list.pointer(ofElement: broken.element)
        #expect(failure.pointer.tokens.starts(with: prefix.tokens), "\(failure.pointer) is not under \(prefix)")
        #expect(failure.pointer.description == broken.pointer)
        #expect(fixture.list.elementIndex(of: failure.pointer) == broken.element)

        // The other elements decode as they would in the intact list.
        let intact = try RunReader().decodeRuns([fixture.document()])
        let others = intact.indices.filter { $0 != broken.element }
        #expect(decoded.runs == others.map { intact[$0] })
        let codec = try #require(VendorCodecs.codec(for: fixture.vendor))
        #expect(decoded.runs.map(\.id) == (try others.map { try codec.decode(original[$0], kind: .run).id }))
        // decodeRuns gives up on the list with that failure.
        let error = #expect(throws: EvalNormError.self) { try RunReader().decodeRuns([document]) }
        #expect(error == failure)
    }

    /// Without validation the codec still isolates the element it cannot read; what it can read, it
    /// keeps, so that the broken list comes back from canonical JSON as it was.
    @Test(arguments: BrokenElement.all)
    func aBrokenElementWithoutValidation(_ broken: BrokenElement) throws {
        let fixture = try ListFixture.named(broken.fixture)
        let count = try fixture.elements().count
        let value = try broken.apply(to: fixture.value())
        let document = DetectedDocument(format: fixture.list.format, value: value)
        let decoded = try RunReader(validatesInput: false).decodeList(document)
        if let code = broken.unvalidated {
            try #require(decoded.failures.count == 1, "\(decoded.failures)")
            #expect(decoded.failures[0].code == code, "\(decoded.failures[0])")
            #expect(fixture.list.elementIndex(of: decoded.failures[0].pointer) == broken.element)
            #expect(decoded.failures[0].pointer.tokens.starts(with: fixture.list.pointer(ofElement: broken.element).tokens))
            #expect(decoded.runs.count == count - 1)
        } else {
            #expect(decoded.failures.isEmpty, "\(decoded.failures)")
            #expect(decoded.runs.count == count)
            #expect(decoded.runs.allSatisfy { !$0.hasVerbatimCopy })
            let documents = try ListFixture.assemble(ListFixture.throughCanonical(decoded.runs), vendor: fixture.vendor)
            #expect(documents.map(\.value) == [value])
            #expect(try RunConverter.roundTrip([document]).isLossless)
        }
    }

    @Test(arguments: BrokenEnvelope.all)
    func aBrokenEnvelopeFailsTheDocument(_ broken: BrokenEnvelope) throws {
        let fixture = try ListFixture.named(broken.fixture)
        let value = try broken.apply(to: fixture.value())
        #expect(value != (try fixture.value()))
        let document = DetectedDocument(format: fixture.list.format, value: value)
        let error = #expect(throws: EvalNormError.self) { try RunReader().decodeList(document) }
        #expect(error?.code == broken.code, "\(String(describing: error))")
        #expect(error?.pointer.description == broken.pointer)
        #expect(fixture.list.elementIndex(of: error?.pointer ?? JSONPointer()) == nil)
    }

    // MARK: Detection edge cases

    @Test func anEmptyArrayNamesNoVendor() throws {
        let error = #expect(throws: EvalNormError.self) { try DocumentDetector.detect([]) }
        #expect(error?.code == .unknownFormat)
        #expect(error?.message.contains("DataFramer") == true)
        // Named, it is DataFramer's (empty) list of runs.
        #expect(try RunReader().format(of: [], vendor: .dataframer) == RunListFormat.dataframerRunsList.format)
        let decoded = try RunReader().decodeList(DetectedDocument(format: RunListFormat.dataframerRunsList.format, value: []))
        #expect(decoded == DecodedRunList())
    }

    @Test func anArrayOfAnotherVendorsRunsIsNoList() throws {
        let aegisRun = try VendorDocumentFile.detected("aegis-run-docs").value
        let error = #expect(throws: EvalNormError.self) { try DocumentDetector.detect([aegisRun]) }
        #expect(error?.code == .unknownFormat)
        #expect(error?.message.contains("DataFramer") == true, "\(String(describing: error?.message))")
        #expect(error?.pointer.description == "/0")

        let notARun = #expect(throws: EvalNormError.self) { try DocumentDetector.detect([["colour": "blue"]]) }
        #expect(notARun?.code == .unknownFormat)
    }

    @Test func aScorecardPageWithoutRunsIsARecordsPage() throws {
        let first = try ListFixture.named("scorecard-runs-page-first").value()
        let empty = try first.setting([], at: "/data")
        #expect(try DocumentDetector.detect(empty) == DocumentFormat(vendor: .scorecard, kind: .recordsPage))
        // A page of records stays one too.
        let records = try VendorDocumentFile.detected("scorecard-records-page-docs")
        #expect(try DocumentDetector.detect(records.value) == DocumentFormat(vendor: .scorecard, kind: .recordsPage))
    }

    // MARK: The Lunary JSONL export

    @Test func lunaryExportIsOneRunPerLine() throws {
        let lines = try ListFixture.exportLines()
        #expect(lines.count == 3)
        let bytes = try TestPaths.bytes(of: ListFixture.export)
        #expect(bytes.last == UInt8(ascii: "\n"))
        #expect(!bytes.contains(UInt8(ascii: "\r")))
    }

    @Test(arguments: 0..<3)
    func lunaryExportLineRoundTrips(line: Int) throws {
        let lines = try ListFixture.exportLines()
        try #require(lines.indices.contains(line))
        let value = try JSONParser().parse(lines[line])
        let format = try DocumentDetector.detect(value)
        #expect(format == DocumentFormat(vendor: .lunary, kind: .run))
        let document = DetectedDocument(format: format, value: value)
        #expect(RunReader().validate(document).errors.isEmpty, "\(RunReader().validate(document).errors)")

        let run = try RunReader().decode([document])
        #expect(!run.hasVerbatimCopy)
        let codec = try #require(VendorCodecs.codec(for: .lunary))
        #expect(try codec.encode(run).map(\.value) == [value])
        let canonical = CanonicalCodec()
        let reread = try canonical.decode(canonical.encode(run, style: .compact))
        #expect(reread == run)
        #expect(try RunConverter.convert(reread, to: .lunary).documents.map(\.value) == [value])
        #expect(try RunConverter.roundTrip([document]).isLossless)
    }

    @Test func lunaryExportMatchesGoldenCanonicalForm() throws {
        let runs = try ListFixture.exportLines().map { line in
            try RunReader().decode([DetectedDocument(format: DocumentFormat(vendor: .lunary, kind: .run), value: JSONParser().parse(line))])
        }
        try ListFixture.checkGolden(ListFixture.ndjson(runs), named: "lunary-export.canonical.ndjson")
    }
}

// MARK: - Fixtures

/// A list document on disk, `Fixtures/lists/<vendor>-<kind>-<case>.json`, with the list format its
/// name says.
struct ListFixture: Sendable, CustomTestStringConvertible {
    let url: URL
    let list: RunListFormat
    let vendor: Vendor

    var name: String { url.deletingPathExtension().lastPathComponent }
    var testDescription: String { url.lastPathComponent }

    static let folder = TestPaths.fixtures.appendingPathComponent("lists")
    /// The Lunary JSONL export.
    static let export = folder.appendingPathComponent("lunary-export.jsonl")

    static let all: [ListFixture] = TestPaths.files(in: folder, withExtension: "json").compactMap { name in
        ListFixture(url: folder.appendingPathComponent(name))
    }

    init?(url: URL) {
        let name = url.deletingPathExtension().lastPathComponent
        for list in RunListFormat.all {
            guard let vendor = list.format.vendor else { continue }
            let prefix = "\(vendor.rawValue)-\(list.format.kind.rawValue)"
            if name == prefix || name.hasPrefix(prefix + "-") {
                self.url = url
                self.list = list
                self.vendor = vendor
                return
            }
        }
        return nil
    }

    static func named(_ name: String) throws -> ListFixture {
        try #require(all.first { $0.name == name }, "no list fixture \(name)")
    }

    func value() throws -> JSONValue {
        try JSONParser().parse(TestPaths.bytes(of: url))
    }

    func document() throws -> DetectedDocument {
        DetectedDocument(format: list.format, value: try value())
    }

    /// The run documents of the list, read without the library's list code.
    func elements() throws -> [JSONValue] {
        let value = try value()
        let holder: JSONValue? = if let member = list.member { value[member] } else { value }
        return try #require(holder?.arrayValue, "\(name) holds no array of runs")
    }

    /// `value` with every member named `member` set to `[]`.
    static func emptying(_ member: String, in value: JSONValue) -> JSONValue {
        replacing(member, in: value, with: [])
    }

    /// The list document `value` with `runs` in place of its runs.
    static func replacingRuns(in value: JSONValue, list: RunListFormat, with runs: [JSONValue]) -> JSONValue {
        guard let member = list.member else { return .array(runs) }
        return replacing(member, in: value, with: .array(runs))
    }

    private static func replacing(_ member: String, in value: JSONValue, with replacement: JSONValue) -> JSONValue {
        guard case .object(var object) = value else { return value }
        for index in object.members.indices where object.members[index].key == member {
            object.members[index].value = replacement
        }
        return .object(object)
    }

    /// `run` without `extensions.<vendor>.list` (and without `extensions.<vendor>` when nothing else is
    /// left in it), and the `list` object.
    static func splitMembership(_ run: EvalRun, vendor: Vendor) -> (EvalRun, JSONObject?) {
        var run = run
        guard case .object(var bag)? = run.extensions[vendor.rawValue], case .object(let list)? = bag["list"] else { return (run, nil) }
        bag["list"] = nil
        run.extensions[vendor.rawValue] = bag.isEmpty ? nil : .object(bag)
        return (run, list)
    }

    /// Each run written to compact canonical JSON and read back.
    static func throughCanonical(_ runs: [EvalRun]) throws -> [EvalRun] {
        let canonical = CanonicalCodec()
        return try runs.map { try canonical.decode(canonical.encode($0, style: .compact)) }
    }

    /// The documents a `RunListAssembler` writes for `runs` converted to `vendor`.
    static func assemble(_ runs: [EvalRun], vendor: Vendor) throws -> [DetectedDocument] {
        var assembler = RunListAssembler(vendor: vendor)
        var documents: [DetectedDocument] = []
        for run in runs {
            documents += assembler.add(run, documents: try RunConverter.convert(run, to: vendor).documents)
        }
        return documents + assembler.finish()
    }

    /// One compact canonical run per line, each line ending in `\n`.
    static func ndjson(_ runs: [EvalRun]) -> [UInt8] {
        runs.flatMap { CanonicalCodec().encode($0, style: .compact) + [UInt8(ascii: "\n")] }
    }

    /// The non-empty lines of the Lunary export.
    static func exportLines() throws -> [[UInt8]] {
        try TestPaths.bytes(of: export).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map(Array.init)
    }

    /// ``GoldenFile/check(_:named:sourceLocation:)`` for `Fixtures/golden/lists/NAME`, creating the
    /// folder when recording.
    static func checkGolden(_ actual: [UInt8], named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["EVALNORM_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: GoldenFile.folder.appendingPathComponent("lists"), withIntermediateDirectories: true)
        }
        try GoldenFile.check(actual, named: "lists/" + name, sourceLocation: sourceLocation)
    }
}

// MARK: - Broken lists

/// A list fixture with one element broken: it alone should fail, with `code` at `pointer`.
struct BrokenElement: Sendable, CustomTestStringConvertible {
    let fixture: String
    let element: Int
    let change: Change
    let code: EvalNormError.Code
    let pointer: String
    /// Without validation: the code the codec fails the element with (at the same pointer but for a
    /// schema violation's detail), or `nil` when the codec reads the broken value and keeps it.
    let unvalidated: EvalNormError.Code?

    enum Change: Sendable, CustomStringConvertible {
        case edit(Edit)
        /// The object at the pointer gets a second member named like its first member `key`.
        case duplicate(key: String, in: String)

        var description: String {
            switch self {
            case .edit(let edit): "\(edit)"
            case .duplicate(let key, let pointer): "repeat \(pointer)/\(key)"
            }
        }
    }

    var testDescription: String { "\(fixture): \(change)" }

    func apply(to value: JSONValue) throws -> JSONValue {
        try change.apply(to: value)
    }

    static let all: [BrokenElement] = [
        BrokenElement(fixture: "aegis-runs-page", element: 1, change: .edit(.set("/items/1/id", "68830")),
                      code: .schemaViolation, pointer: "/items/1/id", unvalidated: nil),
        BrokenElement(fixture: "lunary-runs-page", element: 1, change: .edit(.set("/data/1", "f0b2d4e6-8a1c-4e3f-b5d7-9c1e3a5b7d64")),
                      code: .schemaViolation, pointer: "/data/1", unvalidated: .typeMismatch),
        BrokenElement(fixture: "dataframer-runs-list", element: 1, change: .edit(.remove("/1/id")),
                      code: .schemaViolation, pointer: "/1", unvalidated: .missingKey),
        BrokenElement(fixture: "scorecard-runs-page-first", element: 1, change: .edit(.set("/data/1/numRecords", "10")),
                      code: .schemaViolation, pointer: "/data/1/numRecords", unvalidated: nil),
        BrokenElement(fixture: "aegis-runs-page", element: 1, change: .duplicate(key: "alias", in: "/items/1"),
                      code: .duplicateKey, pointer: "/items/1/alias", unvalidated: .duplicateKey),
        BrokenElement(fixture: "lunary-runs-page", element: 1, change: .duplicate(key: "status", in: "/data/1"),
                      code: .duplicateKey, pointer: "/data/1/status", unvalidated: .duplicateKey),
        BrokenElement(fixture: "dataframer-runs-list", element: 1, change: .duplicate(key: "status", in: "/1"),
                      code: .duplicateKey, pointer: "/1/status", unvalidated: .duplicateKey),
        // Deep inside the element: the pointer locates the repeated key in the list document.
        BrokenElement(fixture: "aegis-runs-page", element: 1, change: .duplicate(key: "metric", in: "/items/1/evaluations/2"),
                      code: .duplicateKey, pointer: "/items/1/evaluations/2/metric", unvalidated: .duplicateKey),
    ]
}

/// A list fixture with its envelope broken: the document fails, with `code` at `pointer`.
struct BrokenEnvelope: Sendable, CustomTestStringConvertible {
    let fixture: String
    let change: BrokenElement.Change
    let code: EvalNormError.Code
    let pointer: String

    var testDescription: String { "\(fixture): \(change)" }

    func apply(to value: JSONValue) throws -> JSONValue {
        try change.apply(to: value)
    }

    static let all: [BrokenEnvelope] = [
        BrokenEnvelope(fixture: "aegis-runs-page", change: .edit(.set("/meta", "page 1 of 3")), code: .schemaViolation, pointer: "/meta"),
        BrokenEnvelope(fixture: "aegis-runs-page", change: .edit(.set("/meta/has_next", "true")), code: .schemaViolation, pointer: "/meta/has_next"),
        BrokenEnvelope(fixture: "aegis-runs-page", change: .edit(.remove("/meta")), code: .schemaViolation, pointer: ""),
        BrokenEnvelope(fixture: "lunary-runs-page", change: .edit(.set("/page", -1)), code: .schemaViolation, pointer: "/page"),
        BrokenEnvelope(fixture: "lunary-runs-page-legacy-total", change: .edit(.set("/total", "6")), code: .schemaViolation, pointer: "/total"),
        BrokenEnvelope(fixture: "scorecard-runs-page-first", change: .edit(.set("/hasMore", nil)), code: .schemaViolation, pointer: "/hasMore"),
        BrokenEnvelope(fixture: "scorecard-runs-page-last", change: .edit(.remove("/nextCursor")), code: .schemaViolation, pointer: ""),
        BrokenEnvelope(fixture: "aegis-runs-page", change: .edit(.set("/items", ["first": 1])), code: .schemaViolation, pointer: "/items"),
        BrokenEnvelope(fixture: "aegis-runs-page", change: .duplicate(key: "meta", in: ""), code: .duplicateKey, pointer: "/meta"),
        BrokenEnvelope(fixture: "lunary-runs-page", change: .duplicate(key: "limit", in: ""), code: .duplicateKey, pointer: "/limit"),
        BrokenEnvelope(fixture: "scorecard-runs-page-first", change: .duplicate(key: "hasMore", in: ""), code: .duplicateKey, pointer: "/hasMore"),
        BrokenEnvelope(fixture: "aegis-runs-page", change: .duplicate(key: "current_page", in: "/meta"), code: .duplicateKey,
                       pointer: "/meta/current_page"),
    ]
}

extension BrokenElement.Change {
    func apply(to value: JSONValue) throws -> JSONValue {
        switch self {
        case .edit(let edit):
            return try edit.apply(to: value)
        case .duplicate(let key, let pointer):
            let target = try JSONPointer(pointer)
            guard case .object(var object)? = target.resolve(in: value), let first = object[key] else {
                throw EditError(description: "\(pointer): no object with a member \(key)")
            }
            object.append(key: key, value: first)
            return target.isRoot ? .object(object) : try value.setting(.object(object), at: pointer)
        }
    }
}
