import EvalNorm
import Testing

/// What the vendor codecs and the detector say about payloads they cannot take: the code, the pointer
/// and the message, exactly.
struct VendorErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let vendor: Vendor
        let json: String
        let code: EvalNormError.Code
        let pointer: String
        let message: String
    }

    static let cases: [Case] = [
        Case(testDescription: "Aegis duplicate key deep inside", vendor: .aegis,
             json: #"{"id": 1, "evaluations": [{"record_index": 0, "record": {"id": 2, "prompt": "a", "prompt": "b"}}]}"#,
             code: .duplicateKey, pointer: "/evaluations/0/record/prompt", message: "duplicate key 'prompt'"),
        Case(testDescription: "Scorecard duplicate top-level key", vendor: .scorecard,
             json: #"{"id": "1", "status": "completed", "status": "pending"}"#,
             code: .duplicateKey, pointer: "/status", message: "duplicate key 'status'"),
        Case(testDescription: "Lunary duplicate key in user data", vendor: .lunary,
             json: #"{"id": "r", "input": [{"role": "user", "role": "system"}]}"#,
             code: .duplicateKey, pointer: "/input/0/role", message: "duplicate key 'role'"),
        Case(testDescription: "DataFramer run without id", vendor: .dataframer,
             json: #"{"status": "PENDING"}"#,
             code: .missingKey, pointer: "", message: "missing required key 'id'"),
        Case(testDescription: "Aegis id of the wrong type", vendor: .aegis,
             json: #"{"id": [1], "evaluations": []}"#,
             code: .typeMismatch, pointer: "/id", message: "expected string or number, found array [1]"),
        Case(testDescription: "Lunary id null", vendor: .lunary,
             json: #"{"id": null}"#,
             code: .typeMismatch, pointer: "/id", message: "expected string or number, found null"),
        Case(testDescription: "a run that is an array", vendor: .scorecard,
             json: #"[{"id": "1"}]"#,
             code: .typeMismatch, pointer: "", message: "expected object, found array [{\"id\":\"1\"}]"),
    ]

    @Test(arguments: cases)
    func reportsTheProblem(_ test: Case) throws {
        let codec = try #require(VendorCodecs.codec(for: test.vendor))
        let value = try JSONParser().parse(Array(test.json.utf8))
        let error = try #require(throws: EvalNormError.self) { try codec.decode(value) }
        #expect(error.code == test.code)
        #expect(error.pointer.description == test.pointer)
        #expect(error.message == test.message)
    }

    struct DetectionCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let json: String
        let message: String
    }

    static let detectionCases: [DetectionCase] = [
        DetectionCase(testDescription: "no vendor key, a near miss", json: #"{"id": 3, "evaluation": []}"#,
                      message: "not a document of a known vendor: none of its keys ('id', 'evaluation') is one that Scorecard, DataFramer, Aegis or Lunary documents; closest: aegis run ('evaluation' looks like 'evaluations')"),
        DetectionCase(testDescription: "no vendor key at all", json: #"{"id": 3, "colour": "red"}"#,
                      message: "not a document of a known vendor: none of its keys ('id', 'colour') is one that Scorecard, DataFramer, Aegis or Lunary documents"),
        DetectionCase(testDescription: "empty object", json: "{}",
                      message: "not a document of a known vendor: the object is empty"),
        DetectionCase(testDescription: "a string", json: #""run""#,
                      message: "expected a JSON object (a run or a page) or an array of runs, found string"),
        DetectionCase(testDescription: "a tie", json: #"{"id": 1, "user": "a@b.example"}"#,
                      message: "ambiguous document: it matches aegis run and lunary run equally; name the vendor with --from"),
    ]

    @Test(arguments: detectionCases)
    func detectionExplainsWhatItSaw(_ test: DetectionCase) throws {
        let value = try JSONParser().parse(Array(test.json.utf8))
        let error = try #require(throws: EvalNormError.self) { try DocumentDetector.detect(value) }
        #expect(error.code == .unknownFormat)
        #expect(error.message == test.message)
    }

    @Test func extraAndMissingOptionalKeysDoNotConfuseDetection() throws {
        let aegis = try JSONParser().parse(Array(#"{"id": 1, "alias": "x", "brand_new_key": {"data": []}}"#.utf8))
        #expect(try DocumentDetector.detect(aegis) == DocumentFormat(vendor: .aegis, kind: .run))
        let page = try JSONParser().parse(Array(#"{"data": [], "hasMore": false}"#.utf8))
        #expect(try DocumentDetector.detect(page) == DocumentFormat(vendor: .scorecard, kind: .recordsPage))
        let canonical = try JSONParser().parse(Array(#"{"formatVersion": 1, "id": "1"}"#.utf8))
        #expect(try DocumentDetector.detect(canonical) == .canonicalRun)
    }
}
