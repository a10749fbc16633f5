import EvalNorm
import Foundation
import Testing

/// `validate`, `schema`, and the schema check that `normalize` and `convert` run first: stdout,
/// stderr and the exit code.
struct ValidateCommandTests {
    static let aegis = VendorCommandTests.example("aegis-run.json")

    /// The Aegis example with `id` as a string and the first evaluation's `result` as a boolean.
    static var brokenAegis: String {
        get throws {
            var text = try String(contentsOfFile: aegis, encoding: .utf8)
            for (old, new) in [("\"id\": 48213,", "\"id\": \"48213\","), ("\"result\": 100,", "\"result\": true,")] {
                let range = try #require(text.range(of: old))
                text.replaceSubrange(range, with: new)
            }
            return text
        }
    }

    @Test func validExamplesSayValid() throws {
        try #require(VendorCommandTests.examples.count >= 6)
        let run = ToolRun(["validate"] + VendorCommandTests.examples)
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput == VendorCommandTests.examples.map { "\($0): valid\n" }.joined())
        #expect(run.standardError.isEmpty)
    }

    @Test func everyErrorIsLocated() throws {
        let run = ToolRun(["validate", "-"], standardInput: try ValidateCommandTests.brokenAegis)
        #expect(run.status == 1)
        #expect(run.standardOutput == """
            <stdin>: /id: expected integer, found string "48213" (/properties/id/type)
            <stdin>: /evaluations/0/result: expected number or null, found boolean true (/properties/evaluations/items/$ref/properties/result/type)

            """)
        #expect(run.standardError.isEmpty)
    }

    @Test func jsonOutputIsTheBasicFormatOneLinePerFile() throws {
        let run = ToolRun(["validate", "--json", ValidateCommandTests.aegis, "-"], standardInput: try ValidateCommandTests.brokenAegis)
        #expect(run.status == 1)
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(lines[0] == #"{"file":"\#(ValidateCommandTests.aegis)","valid":true}"#)
        let second = try JSONParser().parse(lines[1])
        #expect(second["valid"] == .bool(false))
        let first = try #require(second["errors"]?[0])
        #expect(first["instanceLocation"] == "/id")
        #expect(first["keywordLocation"] == "/properties/id/type")
        #expect(first["error"] == #"expected integer, found string "48213""#)
        #expect(second["errors"]?[1]?["absoluteKeywordLocation"]
            == "https://evalnorm.dev/schemas/aegis-run.schema.json#/$defs/evaluation/properties/result/type")
    }

    @Test func schemaByNameAndFromAFile() throws {
        let byName = ToolRun(["validate", "--schema", "lunary-run", ValidateCommandTests.aegis])
        #expect(byName.status == 1)
        #expect(byName.standardOutput == """
            \(ValidateCommandTests.aegis): /id: expected string, found integer 48213 (/properties/id/type)
            \(ValidateCommandTests.aegis): /user: expected object or null, found string "maria.lopez@northwind-support.example" (/properties/user/anyOf)

            """)

        let schemaFile = FileManager.default.temporaryDirectory.appendingPathComponent("evalnorm-schema-\(UUID().uuidString).json")
        try #"{"type": "object", "required": ["nope"], "properties": {"id": {"type": "string"}}}"#.write(to: schemaFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schemaFile) }
        let fromFile = ToolRun(["validate", "--schema-file", schemaFile.path, ValidateCommandTests.aegis])
        #expect(fromFile.status == 1)
        #expect(fromFile.standardOutput == """
            \(ValidateCommandTests.aegis): missing required property "nope" (/required)
            \(ValidateCommandTests.aegis): /id: expected string, found integer 48213 (/properties/id/type)

            """)
    }

    @Test func badSchemaFileIsMalformedInput() throws {
        let schemaFile = FileManager.default.temporaryDirectory.appendingPathComponent("evalnorm-schema-\(UUID().uuidString).json")
        try #"{"properties": {"id": {"minLength": -1}}}"#.write(to: schemaFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schemaFile) }
        let run = ToolRun(["validate", "--schema-file", schemaFile.path, ValidateCommandTests.aegis])
        #expect(run.status == 65)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == "evalnorm: \(schemaFile.path): /properties/id/minLength: 'minLength' must be a non-negative integer, found integer -1\n")
    }

    @Test func usageErrors() {
        let both = ToolRun(["validate", "--schema", "aegis-run", "--schema-file", "x.json", "a.json"])
        #expect(both.status == 64)
        #expect(both.standardError.hasPrefix("evalnorm: Options '--schema' and '--schema-file' cannot be used together\n"))
        let unknown = ToolRun(["validate", "--schema", "aegis-rn", "a.json"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("Did you mean 'aegis-run'?"))
    }

    @Test func malformedAndMissingFilesKeepTheirExitCodes() {
        let malformed = ToolRun(["validate", ValidateCommandTests.aegis, "-"], standardInput: "{\"id\": ")
        #expect(malformed.status == 65)
        #expect(malformed.standardOutput == "\(ValidateCommandTests.aegis): valid\n")
        #expect(malformed.standardError.hasPrefix("evalnorm: <stdin>: line 1, column 8 (byte 7): "))
        let missing = ToolRun(["validate", "/nonexistent/evalnorm.json"])
        #expect(missing.status == 66)
    }

    @Test func assertFormatChecksDateTimes() {
        let document = #"{"id": "r1", "createdAt": "yesterday"}"#
        let schemaArguments = ["validate", "--schema", "lunary-run"]
        #expect(ToolRun(schemaArguments + ["-"], standardInput: document).status == 0)
        let asserted = ToolRun(schemaArguments + ["--assert-format", "-"], standardInput: document)
        #expect(asserted.status == 1)
        #expect(asserted.standardOutput == "<stdin>: /createdAt: expected a date-time, found \"yesterday\" (/properties/createdAt/format)\n")
    }

    @Test func normalizeRejectsASchemaViolationUnlessToldNotToValidate() throws {
        let input = try ValidateCommandTests.brokenAegis
        let checked = ToolRun(["normalize", "-"], standardInput: input)
        #expect(checked.status == 1)
        #expect(checked.standardOutput.isEmpty)
        #expect(checked.standardError == """
            evalnorm: <stdin>: /id: expected integer, found string "48213" (aegis-run /properties/id/type)
            evalnorm: <stdin>: /evaluations/0/result: expected number or null, found boolean true (aegis-run /properties/evaluations/items/$ref/properties/result/type)

            """)
        let unchecked = ToolRun(["normalize", "--no-validate", "-"], standardInput: input)
        #expect(unchecked.status == 0, "\(unchecked.standardError)")
        #expect(try CanonicalCodec().decode(Array(unchecked.standardOutput.utf8.dropLast())).id == "48213")
        // The round trip holds for the invalid document too.
        let roundtrip = ToolRun(["roundtrip", "-"], standardInput: input)
        #expect(roundtrip.standardOutput == "ok <stdin>\n")
    }

    @Test func convertSkipsAnInvalidRunAndConvertsTheOthers() throws {
        let input = try ValidateCommandTests.brokenAegis
        let run = ToolRun(["convert", "--to", "canonical", "-", VendorCommandTests.example("lunary-run.json")], standardInput: input)
        #expect(run.status == 1)
        #expect(run.standardOutput.split(separator: "\n").count == 1)
        #expect(run.standardError.hasPrefix("evalnorm: <stdin>: /id: expected integer"))
    }

    @Test func schemaListsAndPrintsTheBundledSchemas() throws {
        let list = ToolRun(["schema", "--list"])
        #expect(list.status == 0)
        #expect(list.standardOutput == BundledSchemas.names.map { $0 + "\n" }.joined())
        #expect(BundledSchemas.names.count == 10)
        let aegis = ToolRun(["schema", "aegis-run"])
        #expect(aegis.status == 0)
        let onDisk = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Schemas/aegis-run.schema.json"), encoding: .utf8)
        #expect(aegis.standardOutput == (onDisk.hasSuffix("\n") ? onDisk : onDisk + "\n"))
        let unknown = ToolRun(["schema", "agis-run"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.hasPrefix("evalnorm: Unknown schema 'agis-run'. Did you mean 'aegis-run'?"))
    }
}
