import EvalNorm
import EvalNormCLI
import Foundation
import Testing

/// The JSONTestSuite (github.com/nst/JSONTestSuite), read from `../shared/conformance`.
@Suite(.enabled(if: TestPaths.hasJSONTestSuite, "JSONTestSuite not found at ../shared/conformance/json-test-suite; skipping conformance tests"))
struct JSONTestSuiteTests {
    static let files = TestPaths.files(in: TestPaths.jsonTestSuite, withExtension: "json")
    static let accepted = files.filter { $0.hasPrefix("y_") }
    static let rejected = files.filter { $0.hasPrefix("n_") }
    static let implementationDefined = files.filter { $0.hasPrefix("i_") }

    @Test func suiteIsComplete() {
        // The suite has 95 y_, 188 n_ and 35 i_ files; a loader that finds none must fail, not pass.
        #expect(Self.accepted.count >= 90)
        #expect(Self.rejected.count >= 180)
        #expect(Self.implementationDefined.count >= 30)
    }

    @Test(arguments: accepted)
    func acceptsAndKeepsValue(_ name: String) throws {
        let bytes = try TestPaths.bytes(of: TestPaths.jsonTestSuite.appendingPathComponent(name))
        let value = try JSONParser().parse(bytes)

        // fmt keeps the value: compact and pretty output parse back to an equal value...
        for style in [JSONWriter.Style.compact, .pretty] {
            let written = JSONWriter(style: style).write(value)
            #expect(try JSONParser().parse(written) == value, "\(style) output of \(name) changed the value")
        }
        // ...`evalnorm fmt` itself keeps it...
        let path = TestPaths.jsonTestSuite.appendingPathComponent(name).path
        let formatted = ToolRun(["fmt", "--compact", path])
        #expect(formatted.status == 0)
        #expect(try JSONParser().parse(formatted.standardOutput) == value)
        // ...and an independent parser sees the same value in the original and in our output.
        if let original = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) {
            let written = JSONWriter(style: .compact).write(value)
            let reread = try JSONSerialization.jsonObject(with: Data(written), options: [.fragmentsAllowed])
            #expect(NSArray(object: original).isEqual(NSArray(object: reread)), "Foundation reads \(name) differently after fmt")
        }
    }

    @Test(arguments: rejected)
    func rejectsWithPosition(_ name: String) throws {
        let bytes = try TestPaths.bytes(of: TestPaths.jsonTestSuite.appendingPathComponent(name))
        let error = #expect(throws: EvalNormError.self) { try JSONParser().parse(bytes) }
        let location = try #require(error?.location, "\(name) was rejected without a position")
        #expect((0...bytes.count).contains(location.byteOffset))
        #expect(location.line >= 1 && location.column >= 1)
        #expect(error?.message.isEmpty == false)
    }

    @Test(arguments: implementationDefined)
    func answersWithoutCrashing(_ name: String) throws {
        let bytes = try TestPaths.bytes(of: TestPaths.jsonTestSuite.appendingPathComponent(name))
        do {
            let value = try JSONParser().parse(bytes)
            #expect(try JSONParser().parse(JSONWriter().write(value)) == value)
        } catch {
            #expect(error.location != nil, "\(name): \(error)")
        }
    }
}
