import EvalNorm
import Testing

/// Each broken canonical document is rejected with the pointer of the offending value and what was expected.
struct CanonicalErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var json: String
        var code: EvalNormError.Code
        var pointer: String
        var message: String
        var testDescription: String { message }
    }

    static let valid = #"{"formatVersion":1,"id":"1","source":{"vendor":"aegis","documents":["run"]},"status":"succeeded","records":[{"id":"r","scores":[{"metric":{"name":"m"},"type":"integer","value":3}]}]}"#

    static func replacing(_ old: String, with new: String) -> String {
        valid.replacingOccurrences(of: old, with: new)
    }

    static let cases: [Case] = [
        Case(json: replacing(#""formatVersion":1,"#, with: ""), code: .missingKey, pointer: "", message: "missing required key 'formatVersion'"),
        Case(json: replacing(#""formatVersion":1"#, with: #""formatVersion":2"#), code: .invalidValue, pointer: "/formatVersion", message: "unsupported formatVersion 2; this version of EvalNorm reads 1"),
        Case(json: replacing(#""id":"1""#, with: #""id":1"#), code: .typeMismatch, pointer: "/id", message: "expected string, found integer 1"),
        Case(json: replacing(#""status":"succeeded""#, with: #""status":"done""#), code: .invalidValue, pointer: "/status", message: "unknown status 'done'; expected one of: queued, running, needsReview, succeeded, failed, canceled, unknown"),
        Case(json: replacing(#""status":"succeeded""#, with: #""status":"succeeded","name":null"#), code: .typeMismatch, pointer: "/name", message: "expected a value, found null; leave the key out instead"),
        Case(json: replacing(#""status":"succeeded""#, with: #""status":"succeeded","colour":"red""#), code: .unknownKey, pointer: "/colour", message: "unknown key 'colour'; expected one of: artifacts, cost, counts, createdAt, createdBy, dataset, extensions, finishedAt, formatVersion, id, metadata, metrics, name, parameters, records, result, source, startedAt, status, system, tags, usage, vendorStatus"),
        Case(json: replacing(#""id":"1","#, with: #""id":"1","id":"2","#), code: .duplicateKey, pointer: "/id", message: "duplicate key 'id'"),
        Case(json: replacing(#""type":"integer","value":3"#, with: #""type":"integer","value":3.5"#), code: .typeMismatch, pointer: "/records/0/scores/0/value", message: "expected integer, found number 3.5"),
        Case(json: replacing(#""type":"integer","value":3"#, with: #""type":"boolean","value":"yes""#), code: .typeMismatch, pointer: "/records/0/scores/0/value", message: #"expected boolean, found string "yes""#),
        Case(json: replacing(#""type":"integer","value":3"#, with: #""type":"percent","value":3"#), code: .invalidValue, pointer: "/records/0/scores/0/type", message: "unknown score type 'percent'; expected one of: boolean, integer, number, categorical, json"),
        Case(json: replacing(#""type":"integer","value":3"#, with: #""value":3"#), code: .missingKey, pointer: "/records/0/scores/0", message: "missing key 'type': a score with a 'value' must say its type"),
        Case(json: replacing(#""type":"integer","value":3"#, with: #""type":"integer""#), code: .missingKey, pointer: "/records/0/scores/0", message: "missing key 'value': a score with a 'type' must have a value"),
        Case(json: replacing(#"{"metric":{"name":"m"},"#, with: "{"), code: .missingKey, pointer: "/records/0/scores/0", message: "missing required key 'metric'"),
        Case(json: replacing(#""id":"r","#, with: #""id":"r","possiblyTruncated":["inputs"],"#), code: .invalidValue, pointer: "/records/0/possiblyTruncated/0", message: "JSON Pointer 'inputs' must be empty or start with '/'"),
        Case(json: replacing(#""records":["#, with: #""cost":{"total":"0.1"},"records":["#), code: .typeMismatch, pointer: "/cost/total", message: #"expected number, found string "0.1""#),
        Case(json: replacing(#""source":{"vendor":"aegis","documents":["run"]}"#, with: #""source":"aegis""#), code: .typeMismatch, pointer: "/source", message: #"expected object, found string "aegis""#),
        Case(json: "[]", code: .typeMismatch, pointer: "", message: "expected object, found array []"),
    ]

    @Test(arguments: cases)
    func brokenDocumentIsRejected(_ testCase: Case) throws {
        _ = try CanonicalCodec().decode(Array(Self.valid.utf8))  // the base document is valid
        let error = #expect(throws: EvalNormError.self) { try CanonicalCodec().decode(Array(testCase.json.utf8)) }
        #expect(error?.code == testCase.code)
        #expect(error?.pointer.description == testCase.pointer)
        #expect(error?.message == testCase.message)
        try CanonicalDump.writeIfRequested(Array(testCase.json.utf8), name: "broken-\(Self.cases.firstIndex { $0.json == testCase.json } ?? 0)")
    }

    @Test func integralNumbersAreIntegers() throws {
        let run = try CanonicalCodec().decode(Array(Self.replacing(#""value":3"#, with: #""value":3.0e0"#).utf8))
        #expect(run.records.first?.scores.first?.value == .integer(JSONNumber(lexeme: "3.0e0") ?? 0))
    }
}
