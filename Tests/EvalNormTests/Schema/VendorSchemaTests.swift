import EvalNorm
import Foundation
import Testing

/// The vendor schemas (`Schemas/<vendor>-<kind>.schema.json`): every real payload we keep validates,
/// each schema rejects payloads broken by a small edit with the errors a person expects, and
/// `RunReader` refuses a broken payload unless told not to validate.
struct VendorSchemaTests {
    // MARK: Every fixture and example is valid

    @Test func everyVendorDocumentIsListed() throws {
        try #require(!VendorDocumentFile.all.isEmpty)
        let schemas = Set(try VendorDocumentFile.all.map { try $0.document().format.schemaName })
        #expect(schemas == ["scorecard-run", "scorecard-records-page", "dataframer-run", "aegis-run", "lunary-run",
                            "scorecard-runs-page", "dataframer-runs-list", "aegis-runs-page", "lunary-runs-page"])
    }

    @Test(arguments: VendorDocumentFile.all)
    func vendorDocumentIsValid(file: VendorDocumentFile) throws {
        let document = try file.document()
        #expect(document.format.vendor != nil, "\(file) was detected as \(document.format)")
        let result = try JSONSchema.bundled(named: document.format.schemaName).validate(document.value)
        #expect(result.errors.isEmpty, "\(result.errors)")
        // RunReader validates against the same schema.
        #expect(RunReader().validate(document) == result)
    }

    // MARK: Broken payloads, one table per schema

    @Test(arguments: BrokenPayload.scorecardRun)
    func scorecardRunSchema(_ payload: BrokenPayload) throws { try payload.check(schema: "scorecard-run") }

    @Test(arguments: BrokenPayload.scorecardRecordsPage)
    func scorecardRecordsPageSchema(_ payload: BrokenPayload) throws { try payload.check(schema: "scorecard-records-page") }

    @Test(arguments: BrokenPayload.dataframerRun)
    func dataframerRunSchema(_ payload: BrokenPayload) throws { try payload.check(schema: "dataframer-run") }

    @Test(arguments: BrokenPayload.aegisRun)
    func aegisRunSchema(_ payload: BrokenPayload) throws { try payload.check(schema: "aegis-run") }

    @Test(arguments: BrokenPayload.lunaryRun)
    func lunaryRunSchema(_ payload: BrokenPayload) throws { try payload.check(schema: "lunary-run") }

    @Test func everyTableBreaksSomething() {
        let tables = [BrokenPayload.scorecardRun, BrokenPayload.scorecardRecordsPage, BrokenPayload.dataframerRun,
                      BrokenPayload.aegisRun, BrokenPayload.lunaryRun]
        for table in tables {
            #expect(table.filter { !$0.expected.isEmpty }.count >= 5, "too few broken payloads for \(table.first?.fixture ?? "?")")
        }
    }

    // MARK: RunReader refuses broken payloads unless told not to validate

    @Test(arguments: ReaderCase.all)
    func readerRefusesBrokenPayload(_ readerCase: ReaderCase) throws {
        let documents = try readerCase.documents()
        let error = #expect(throws: EvalNormError.self) { try RunReader().decode(documents) }
        #expect(error?.code == .schemaViolation)
        #expect(error?.pointer.description == readerCase.pointer)
        #expect(error?.message == readerCase.message)

        // The same documents decode without validation, and come back from canonical JSON unchanged.
        let run = try RunReader(validatesInput: false).decode(documents)
        #expect(run.source.vendor == documents[0].format.vendor)
        let report = try RunConverter.roundTrip(documents)
        #expect(report.isLossless, "differs at \(report.differences)")
    }

    @Test func readerValidatesEveryDocumentOfAGroup() throws {
        // The run is fine, the second page is not: the error names the page's pointer.
        let run = try VendorDocumentFile.detected("scorecard-run-docs-with-testset")
        var page = try VendorDocumentFile.detected("scorecard-records-page-docs")
        page.value = try page.value.removing(at: "/data/1/runId")
        let error = #expect(throws: EvalNormError.self) { try RunReader().decode([run, page]) }
        #expect(error?.code == .schemaViolation)
        #expect(error?.pointer.description == "/data/1")
        #expect(error?.message == #"missing required property "runId", against scorecard-records-page /properties/data/items/$ref/required"#)
    }

    @Test func readerCountsTheOtherViolations() throws {
        var document = try VendorDocumentFile.detected("aegis-run-docs")
        document.value = try document.value.setting(nil, at: "/author_email").setting("991", at: "/id").removing(at: "/alias")
        let error = #expect(throws: EvalNormError.self) { try RunReader().decode([document]) }
        #expect(error?.code == .schemaViolation)
        #expect(error?.pointer.description == "")
        #expect(error?.message == #"missing required property "alias", against aegis-run /required (and 2 more schema errors)"#)
        #expect(RunReader().validate(document).errors.map(\.instanceLocation.description) == ["", "/id", "/author_email"])
    }

    // MARK: The edit helpers themselves

    @Test func editHelpersChangeExactlyOneMember() throws {
        let value: JSONValue = ["a": ["b": [1, 2, ["c": true]]], "d": nil]
        #expect(try value.setting("x", at: "/a/b/2/c") == ["a": ["b": [1, 2, ["c": "x"]]], "d": nil])
        #expect(try value.setting(false, at: "/a/b/2/e") == ["a": ["b": [1, 2, ["c": true, "e": false]]], "d": nil])
        #expect(try value.setting(7, at: "/a/b/0") == ["a": ["b": [7, 2, ["c": true]]], "d": nil])
        #expect(try value.removing(at: "/d") == ["a": ["b": [1, 2, ["c": true]]]])
        #expect(try value.removing(at: "/a/b/1") == ["a": ["b": [1, ["c": true]]], "d": nil])
        #expect(throws: EditError.self) { try value.removing(at: "/nope") }
        #expect(throws: EditError.self) { try value.setting(1, at: "/a/x/y") }
        #expect(throws: EditError.self) { try value.setting(1, at: "/a/b/3") }
    }
}

// MARK: - Documents

/// A vendor document on disk: a vendor fixture or example (``VendorFixture/all``), a page of a
/// merged Scorecard run (``ScorecardMergeTests``), or a list of runs (`Fixtures/lists`).
struct VendorDocumentFile: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    let url: URL
    let name: String

    var testDescription: String { name }
    var description: String { name }

    static let all: [VendorDocumentFile] = {
        let fixtures = VendorFixture.all.map { VendorDocumentFile(url: $0.url, name: $0.url.lastPathComponent) }
        let merged = ScorecardMergeTests.cases.flatMap { caseName in
            let folder = ScorecardMergeTests.folder.appendingPathComponent(caseName)
            return TestPaths.files(in: folder, withExtension: "json").map { file in
                VendorDocumentFile(url: folder.appendingPathComponent(file), name: "scorecard-merged/\(caseName)/\(file)")
            }
        }
        let listFolder = TestPaths.fixtures.appendingPathComponent("lists")
        let lists = TestPaths.files(in: listFolder, withExtension: "json").map { file in
            VendorDocumentFile(url: listFolder.appendingPathComponent(file), name: "lists/\(file)")
        }
        return fixtures + merged + lists
    }()

    func document() throws -> DetectedDocument {
        try RunReader().document(from: TestPaths.bytes(of: url))
    }

    /// The vendor fixture `Fixtures/vendors/NAME.json`, parsed and detected.
    static func detected(_ name: String) throws -> DetectedDocument {
        let url = TestPaths.fixtures.appendingPathComponent("vendors/\(name).json")
        return try RunReader().document(from: TestPaths.bytes(of: url))
    }
}

// MARK: - Broken payloads

/// One edit to a parsed document: set the value at a pointer (adding the member when absent), or
/// remove the member or item there.
enum Edit: Sendable, CustomStringConvertible {
    case set(String, JSONValue)
    case remove(String)

    var description: String {
        switch self {
        case .set(let pointer, let value): "\(pointer) = \(value)"
        case .remove(let pointer): "remove \(pointer)"
        }
    }

    func apply(to value: JSONValue) throws -> JSONValue {
        switch self {
        case .set(let pointer, let newValue): try value.setting(newValue, at: pointer)
        case .remove(let pointer): try value.removing(at: pointer)
        }
    }
}

/// One validation error as a person reads it.
struct ExpectedError: Sendable, Equatable, CustomStringConvertible {
    let instance: String
    let message: String
    let keyword: String

    init(_ instance: String, _ message: String, keyword: String) {
        self.instance = instance
        self.message = message
        self.keyword = keyword
    }

    init(_ error: ValidationError) {
        self.init(error.instanceLocation.description, error.message, keyword: error.keywordLocation.description)
    }

    var description: String { "(\(instance.isEmpty ? "<root>" : instance): \(message) [\(keyword)])" }
}

/// A real fixture, a few edits, and every error the schema should report, in order (none: the edit
/// keeps the payload valid, which guards against an over-strict schema).
struct BrokenPayload: Sendable, CustomTestStringConvertible {
    let fixture: String
    let edits: [Edit]
    let expected: [ExpectedError]

    init(_ fixture: String, _ edits: Edit..., expect expected: [ExpectedError]) {
        self.fixture = fixture
        self.edits = edits
        self.expected = expected
    }

    var testDescription: String {
        let what = edits.map(\.description).joined(separator: ", ")
        return "\(fixture): \(what) → \(expected.isEmpty ? "valid" : "\(expected.count) error\(expected.count == 1 ? "" : "s")")"
    }

    func check(schema name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let original = try VendorDocumentFile.detected(fixture)
        #expect(original.format.schemaName == name, "\(fixture) is a \(original.format), not for \(name)", sourceLocation: sourceLocation)
        let schema = try JSONSchema.bundled(named: name)
        #expect(schema.validate(original.value).isValid, "the unedited \(fixture) is already invalid", sourceLocation: sourceLocation)

        var value = original.value
        for edit in edits { value = try edit.apply(to: value) }
        #expect(value != original.value, "the edits changed nothing", sourceLocation: sourceLocation)

        let actual = schema.validate(value).errors.map(ExpectedError.init)
        #expect(actual == expected, sourceLocation: sourceLocation)
        // The fast path agrees with the full one.
        #expect(schema.isValid(value) == actual.isEmpty, sourceLocation: sourceLocation)
    }
}

extension BrokenPayload {
    static let scorecardRun: [BrokenPayload] = {
        let run = "scorecard-run-docs-with-testset"
        return [
            BrokenPayload(run, .remove("/id"),
                          expect: [ExpectedError("", #"missing required property "id""#, keyword: "/required")]),
            BrokenPayload(run, .remove("/status"),
                          expect: [ExpectedError("", #"missing required property "status""#, keyword: "/required")]),
            BrokenPayload(run, .remove("/systemId"),
                          expect: [ExpectedError("", #"missing property "systemId", required when "metricVersionIds" is present"#,
                                                 keyword: "/dependentRequired")]),
            BrokenPayload(run, .remove("/systemId"), .remove("/numScores"),
                          expect: [
                              ExpectedError("", #"missing property "systemId", required when "metricVersionIds" is present"#,
                                            keyword: "/dependentRequired"),
                              ExpectedError("", #"missing property "numScores", required when "metricVersionIds" is present"#,
                                            keyword: "/dependentRequired"),
                          ]),
            BrokenPayload(run, .set("/metricIds/1", 101),
                          expect: [ExpectedError("/metricIds/1", "expected string, found integer 101", keyword: "/properties/metricIds/items/type")]),
            BrokenPayload(run, .set("/metricIds", ["first": "789"]),
                          expect: [ExpectedError("/metricIds", "expected array, found object", keyword: "/properties/metricIds/type")]),
            BrokenPayload(run, .set("/numRecords", "10"),
                          expect: [ExpectedError("/numRecords", #"expected number, found string "10""#, keyword: "/properties/numRecords/$ref/type")]),
            // anyOf [{$ref count}, {type: null}]: neither branch got past the type, so one summing error at the anyOf.
            BrokenPayload(run, .set("/numExpectedRecords", "10"),
                          expect: [ExpectedError("/numExpectedRecords", #"expected number or null, found string "10""#,
                                                 keyword: "/properties/numExpectedRecords/anyOf")]),
            BrokenPayload(run, .set("/status", nil),
                          expect: [ExpectedError("/status", "expected string, found null", keyword: "/properties/status/type")]),
            BrokenPayload(run, .set("/testsetId", 246),
                          expect: [ExpectedError("/testsetId", "expected string or null, found integer 246", keyword: "/properties/testsetId/type")]),
            BrokenPayload(run, .remove("/id"), .set("/metricIds/0", true),
                          expect: [
                              ExpectedError("", #"missing required property "id""#, keyword: "/required"),
                              ExpectedError("/metricIds/0", "expected string, found boolean true", keyword: "/properties/metricIds/items/type"),
                          ]),
            // Edits that keep the payload valid.
            BrokenPayload(run, .set("/numRecords", 10.0), .set("/status", "archived"), .remove("/testsetId"), expect: []),
            BrokenPayload(run, .remove("/metricVersionIds"), .remove("/systemId"), .remove("/systemVersionId"), .remove("/numRecords"),
                          .remove("/numExpectedRecords"), .remove("/numScores"), .set("/systemConfigId", nil), expect: []),
        ]
    }()

    static let scorecardRecordsPage: [BrokenPayload] = {
        let page = "scorecard-records-page-docs"
        let score = "/properties/data/items/$ref/properties/scores/items/$ref"
        return [
            BrokenPayload(page, .remove("/hasMore"),
                          expect: [ExpectedError("", #"missing required property "hasMore""#, keyword: "/required")]),
            BrokenPayload(page, .remove("/data/1/scores/0/metricConfigId"),
                          expect: [ExpectedError("/data/1/scores/0", #"missing required property "metricConfigId""#, keyword: "\(score)/required")]),
            BrokenPayload(page, .set("/data/0/scores", [:]),
                          expect: [ExpectedError("/data/0/scores", "expected array, found object", keyword: "/properties/data/items/$ref/properties/scores/type")]),
            BrokenPayload(page, .set("/data/0/scores/1/score", 4),
                          expect: [ExpectedError("/data/0/scores/1/score", "expected object, found integer 4", keyword: "\(score)/properties/score/$ref/type")]),
            BrokenPayload(page, .set("/data/0/inputs", nil),
                          expect: [ExpectedError("/data/0/inputs", "expected object, found null", keyword: "/properties/data/items/$ref/properties/inputs/type")]),
            BrokenPayload(page, .set("/data", nil),
                          expect: [ExpectedError("/data", "expected array, found null", keyword: "/properties/data/type")]),
            BrokenPayload(page, .set("/nextCursor", 458),
                          expect: [ExpectedError("/nextCursor", "expected string or null, found integer 458", keyword: "/properties/nextCursor/type")]),
            BrokenPayload(page, .set("/total", -1),
                          expect: [ExpectedError("/total", "expected at least 0, found -1", keyword: "/properties/total/minimum")]),
            BrokenPayload(page, .set("/total", 2.5),
                          expect: [ExpectedError("/total", "expected integer, found number 2.5", keyword: "/properties/total/type")]),
            BrokenPayload(page, .set("/data/0/scores/0/validationErrors", [["path": "/binaryScore"]]),
                          expect: [ExpectedError("/data/0/scores/0/validationErrors/0", #"missing required property "message""#,
                                                 keyword: "\(score)/properties/validationErrors/items/$ref/required")]),
            // Edits that keep the payload valid: any score object, an optional total, unknown keys.
            BrokenPayload(page, .set("/data/0/scores/0/score", [:]), .set("/total", 2), .set("/data/1/extra", [1, 2]),
                          .set("/data/0/scores/1/validationErrors", []), expect: []),
        ]
    }()

    static let dataframerRun: [BrokenPayload] = {
        let run = "dataframer-run-docs"
        let params = "/properties/runtime_params/$ref/properties"
        return [
            BrokenPayload(run, .remove("/id"),
                          expect: [ExpectedError("", #"missing required property "id""#, keyword: "/required")]),
            BrokenPayload(run, .set("/id", 42),
                          expect: [ExpectedError("/id", "expected string, found integer 42", keyword: "/properties/id/type")]),
            BrokenPayload(run, .set("/spec_version", "3"),
                          expect: [ExpectedError("/spec_version", #"expected integer, found string "3""#, keyword: "/properties/spec_version/type")]),
            BrokenPayload(run, .set("/samples_completed", 97.5),
                          expect: [ExpectedError("/samples_completed", "expected integer, found number 97.5", keyword: "/properties/samples_completed/type")]),
            BrokenPayload(run, .set("/total_cost", "4.37"),
                          expect: [ExpectedError("/total_cost", #"expected number or null, found string "4.37""#, keyword: "/properties/total_cost/type")]),
            BrokenPayload(run, .set("/runtime_params/tools", "web_search"),
                          expect: [ExpectedError("/runtime_params/tools", #"expected array or null, found string "web_search""#,
                                                 keyword: "\(params)/tools/type")]),
            BrokenPayload(run, .set("/runtime_params/revision_types/1", nil),
                          expect: [ExpectedError("/runtime_params/revision_types/1", "expected string, found null",
                                                 keyword: "\(params)/revision_types/items/type")]),
            BrokenPayload(run, .set("/runtime_params", nil),
                          expect: [ExpectedError("/runtime_params", "expected object, found null", keyword: "/properties/runtime_params/$ref/type")]),
            BrokenPayload(run, .set("/generated_files", ["id": "f_01", "path": "samples/claims.jsonl"]),
                          expect: [ExpectedError("/generated_files", "expected array, found object", keyword: "/properties/generated_files/type")]),
            BrokenPayload(run, .set("/generated_files/0/size_bytes", nil),
                          expect: [ExpectedError("/generated_files/0/size_bytes", "expected integer, found null",
                                                 keyword: "/properties/generated_files/items/$ref/properties/size_bytes/type")]),
            BrokenPayload(run, .set("/status", nil),
                          expect: [ExpectedError("/status", "expected string, found null", keyword: "/properties/status/type")]),
            // Edits that keep the payload valid: open enums, legacy keys, integral numbers written with a fraction.
            BrokenPayload(run, .set("/status", "ARCHIVED"), .set("/spec_version", 3.0), .set("/metrics_json", "{\"f1\": 0.8}"),
                          .set("/runtime_params/enable_revisions", nil), .set("/total_cost", nil), expect: []),
        ]
    }()

    static let aegisRun: [BrokenPayload] = {
        let run = "aegis-run-docs"
        let evaluation = "/properties/evaluations/items/$ref"
        return [
            BrokenPayload(run, .remove("/total_cost"),
                          expect: [ExpectedError("", #"missing required property "total_cost""#, keyword: "/required")]),
            BrokenPayload(run, .remove("/evaluations/0/record/golden_answer"),
                          expect: [ExpectedError("/evaluations/0/record", #"missing required property "golden_answer""#,
                                                 keyword: "\(evaluation)/properties/record/$ref/required")]),
            BrokenPayload(run, .set("/id", "991"),
                          expect: [ExpectedError("/id", #"expected integer, found string "991""#, keyword: "/properties/id/type")]),
            // `cost` is a $ref to a multi-type schema: the error is the type's, at the value.
            BrokenPayload(run, .set("/evaluations/0/evaluation_cost", true),
                          expect: [ExpectedError("/evaluations/0/evaluation_cost", "expected string or number or null, found boolean true",
                                                 keyword: "\(evaluation)/properties/evaluation_cost/$ref/type")]),
            // A real anyOf [{$ref timestamp}, {type: null}].
            BrokenPayload(run, .set("/evaluations/0/finished_at", 1_712_000_000),
                          expect: [ExpectedError("/evaluations/0/finished_at", "expected string or null, found integer 1712000000",
                                                 keyword: "\(evaluation)/properties/finished_at/anyOf")]),
            BrokenPayload(run, .set("/evaluations", ["id": 1542, "run_id": 991]),
                          expect: [ExpectedError("/evaluations", "expected array or null, found object", keyword: "/properties/evaluations/type")]),
            BrokenPayload(run, .set("/author_email", nil),
                          expect: [ExpectedError("/author_email", "expected string, found null", keyword: "/properties/author_email/type")]),
            BrokenPayload(run, .set("/started_at", nil),
                          expect: [ExpectedError("/started_at", "expected string, found null", keyword: "/properties/started_at/$ref/type")]),
            BrokenPayload(run, .set("/evaluations/0/record", nil),
                          expect: [ExpectedError("/evaluations/0/record", "expected object, found null", keyword: "\(evaluation)/properties/record/$ref/type")]),
            BrokenPayload(run, .set("/threshold", "70"),
                          expect: [ExpectedError("/threshold", #"expected number, found string "70""#, keyword: "/properties/threshold/$ref/type")]),
            BrokenPayload(run, .set("/evaluations/0/record/id", "1001"), .set("/evaluations/0/run_id", 991.5),
                          expect: [
                              ExpectedError("/evaluations/0/run_id", "expected integer, found number 991.5", keyword: "\(evaluation)/properties/run_id/type"),
                              ExpectedError("/evaluations/0/record/id", #"expected integer, found string "1001""#,
                                            keyword: "\(evaluation)/properties/record/$ref/properties/id/type"),
                          ]),
            // Edits that keep the payload valid: the older number cost, a null finish, null evaluations, unknown keys.
            BrokenPayload(run, .set("/total_cost", 0.0012), .set("/finished_at", nil), .set("/evaluations/0/evaluation_cost", "NaN"),
                          .set("/evaluations/0/credits_consumed", 2), .set("/new_key", ["x": 1]), expect: []),
            BrokenPayload(run, .set("/evaluations", nil), expect: []),
        ]
    }()

    static let lunaryRun: [BrokenPayload] = {
        let run = "lunary-run-docs"
        return [
            BrokenPayload(run, .remove("/id"),
                          expect: [ExpectedError("", #"missing required property "id""#, keyword: "/required")]),
            BrokenPayload(run, .set("/isPublic", nil),
                          expect: [ExpectedError("/isPublic", "expected boolean, found null", keyword: "/properties/isPublic/type")]),
            BrokenPayload(run, .set("/createdAt", nil),
                          expect: [ExpectedError("/createdAt", "expected string, found null", keyword: "/properties/createdAt/type")]),
            // anyOf [{$ref tokens}, {type: null}] where the object branch got further: its errors, deep inside.
            BrokenPayload(run, .set("/tokens/total", "470"),
                          expect: [ExpectedError("/tokens/total", #"expected number or null, found string "470""#,
                                                 keyword: "/properties/tokens/anyOf/0/$ref/properties/total/type")]),
            BrokenPayload(run, .set("/tokens/completion", "58"), .set("/tokens/prompt", true),
                          expect: [
                              ExpectedError("/tokens/completion", #"expected number or null, found string "58""#,
                                            keyword: "/properties/tokens/anyOf/0/$ref/properties/completion/type"),
                              ExpectedError("/tokens/prompt", "expected number or null, found boolean true",
                                            keyword: "/properties/tokens/anyOf/0/$ref/properties/prompt/type"),
                          ]),
            BrokenPayload(run, .set("/feedback", ["helpful"]),
                          expect: [ExpectedError("/feedback", "expected object or null, found array of 1 item", keyword: "/properties/feedback/anyOf")]),
            BrokenPayload(run, .set("/feedback/score", "high"),
                          expect: [ExpectedError("/feedback/score", #"expected number, found string "high""#,
                                                 keyword: "/properties/feedback/anyOf/0/$ref/properties/score/type")]),
            BrokenPayload(run, .set("/tags", ["first": "support"]),
                          expect: [ExpectedError("/tags", "expected array or null, found object", keyword: "/properties/tags/type")]),
            BrokenPayload(run, .set("/tags/1", 7),
                          expect: [ExpectedError("/tags/1", "expected string, found integer 7", keyword: "/properties/tags/items/type")]),
            BrokenPayload(run, .set("/scores", [["label": "relevance"]]),
                          expect: [ExpectedError("/scores/0", #"missing required property "value""#, keyword: "/properties/scores/items/$ref/required")]),
            BrokenPayload(run, .set("/user/id", nil),
                          expect: [ExpectedError("/user/id", "expected string or number, found null", keyword: "/properties/user/anyOf/0/$ref/properties/id/type")]),
            BrokenPayload(run, .set("/duration", true),
                          expect: [ExpectedError("/duration", "expected number or string or null, found boolean true", keyword: "/properties/duration/type")]),
            BrokenPayload(run, .set("/toxicity", ["input": "yes", "output": nil]),
                          expect: [ExpectedError("/toxicity/input", #"expected object or null, found string "yes""#,
                                                 keyword: "/properties/toxicity/properties/input/$ref/type")]),
            // Edits that keep the payload valid: the shapes the server really sends.
            BrokenPayload(run, .set("/duration", "00:00:03.123"), .set("/templateVersionId", 42), .set("/feedback", ["thumb": "up", "comment": nil]),
                          .set("/input", "__NOT_INGESTED__"), .set("/user/id", 5512), .set("/enrichment-0f1e", [1]), .set("/status", nil), expect: []),
        ]
    }()
}

// MARK: - RunReader cases

/// One vendor's documents with one broken, the pointer `RunReader` should name, and its message.
struct ReaderCase: Sendable, CustomTestStringConvertible {
    let fixtures: [String]
    let edit: Edit
    /// Which of `fixtures` the edit applies to.
    let target: Int
    let pointer: String
    let message: String

    var testDescription: String { "\(fixtures[target]): \(edit)" }

    func documents() throws -> [DetectedDocument] {
        var documents = try fixtures.map(VendorDocumentFile.detected)
        documents[target].value = try edit.apply(to: documents[target].value)
        return documents
    }

    static let all: [ReaderCase] = [
        ReaderCase(fixtures: ["scorecard-run-docs-with-testset"], edit: .set("/numRecords", "10"), target: 0, pointer: "/numRecords",
                   message: #"expected number, found string "10", against scorecard-run /properties/numRecords/$ref/type"#),
        ReaderCase(fixtures: ["scorecard-run-docs-with-testset", "scorecard-records-page-docs"], edit: .set("/data/0/scores/1/score", 4),
                   target: 1, pointer: "/data/0/scores/1/score",
                   message: "expected object, found integer 4, against scorecard-records-page "
                       + "/properties/data/items/$ref/properties/scores/items/$ref/properties/score/$ref/type"),
        ReaderCase(fixtures: ["dataframer-run-docs"], edit: .set("/spec_version", "3"), target: 0, pointer: "/spec_version",
                   message: #"expected integer, found string "3", against dataframer-run /properties/spec_version/type"#),
        ReaderCase(fixtures: ["aegis-run-docs"], edit: .set("/evaluations/0/evaluation_cost", true), target: 0,
                   pointer: "/evaluations/0/evaluation_cost",
                   message: "expected string or number or null, found boolean true, against aegis-run "
                       + "/properties/evaluations/items/$ref/properties/evaluation_cost/$ref/type"),
        ReaderCase(fixtures: ["lunary-run-docs"], edit: .set("/tokens/total", "470"), target: 0, pointer: "/tokens/total",
                   message: #"expected number or null, found string "470", against lunary-run /properties/tokens/anyOf/0/$ref/properties/total/type"#),
    ]
}

// MARK: - Editing a JSONValue at a pointer

struct EditError: Error, CustomStringConvertible {
    let description: String
}

extension JSONValue {
    /// This value with the value at `pointer` replaced by `newValue`, or added when the pointer names
    /// an absent member of an object. Throws when the parent is absent or an array index is out of range.
    func setting(_ newValue: JSONValue, at pointer: String) throws -> JSONValue {
        try editing(JSONPointer(pointer).tokens[...], pointer: pointer) { container, token in
            switch container {
            case .object(var object):
                object[token] = newValue
                container = .object(object)
            case .array(var elements):
                guard let index = Int(token), elements.indices.contains(index) else {
                    throw EditError(description: "\(pointer): no item \(token)")
                }
                elements[index] = newValue
                container = .array(elements)
            default:
                throw EditError(description: "\(pointer): the parent is a \(container.typeName)")
            }
        }
    }

    /// This value without the member or item at `pointer`; throws when there is none.
    func removing(at pointer: String) throws -> JSONValue {
        try editing(JSONPointer(pointer).tokens[...], pointer: pointer) { container, token in
            switch container {
            case .object(var object) where object.contains(key: token):
                object[token] = nil
                container = .object(object)
            case .array(var elements):
                guard let index = Int(token), elements.indices.contains(index) else {
                    throw EditError(description: "\(pointer): no item \(token)")
                }
                elements.remove(at: index)
                container = .array(elements)
            default:
                throw EditError(description: "\(pointer): nothing to remove")
            }
        }
    }

    /// Walks `tokens` down to the parent of the last one and lets `change` edit it.
    private func editing(_ tokens: ArraySlice<String>, pointer: String,
                         _ change: (inout JSONValue, String) throws -> Void) throws -> JSONValue {
        guard let token = tokens.first else { throw EditError(description: "cannot edit the root") }
        var copy = self
        if tokens.count == 1 {
            try change(&copy, token)
            return copy
        }
        switch copy {
        case .object(var object):
            guard let child = object[token] else { throw EditError(description: "\(pointer): no member \(token)") }
            object[token] = try child.editing(tokens.dropFirst(), pointer: pointer, change)
            copy = .object(object)
        case .array(var elements):
            guard let index = Int(token), elements.indices.contains(index) else { throw EditError(description: "\(pointer): no item \(token)") }
            elements[index] = try elements[index].editing(tokens.dropFirst(), pointer: pointer, change)
            copy = .array(elements)
        default:
            throw EditError(description: "\(pointer): \(token) is inside a \(copy.typeName)")
        }
        return copy
    }
}
