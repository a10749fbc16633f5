import EvalNorm
import Foundation
import Testing

/// `normalize`, `convert` and `validate` with `--ndjson`: order kept, bad lines reported and
/// skipped, rejects copied verbatim, the same output with any number of jobs.
struct NDJSONCommandTests {
    /// An example document on one line.
    static func line(_ example: String) throws -> String {
        let value = try JSONParser().parse(Data(contentsOf: URL(fileURLWithPath: VendorCommandTests.example(example))))
        return JSONWriter().string(from: value)
    }

    /// A Lunary example with another id on each line, `count` lines.
    static func lunaryLines(_ count: Int) throws -> [String] {
        let template = try line("lunary-run.json")
        return (0..<count).map { template.replacingOccurrences(of: "e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b", with: "run-\($0)") }
    }

    static func temporaryFile(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evalnorm-\(UUID().uuidString).ndjson")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func normalizeKeepsOrderAndSkipsBadLines() throws {
        let aegis = try Self.line("aegis-run.json")
        let lunary = try Self.line("lunary-run.json")
        let input = [aegis, "", "{\"id\": ", "  ", lunary, #"{"id": "x", "evaluations": [], "alias": 3, "run_type": "Dataset"}"#, "[1]"]
            .joined(separator: "\n") + "\n"
        let file = try Self.temporaryFile(input)
        let rejects = FileManager.default.temporaryDirectory.appendingPathComponent("evalnorm-rejects-\(UUID().uuidString).ndjson")
        defer {
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(at: rejects)
        }
        let run = ToolRun(["normalize", "--ndjson", "--rejects", rejects.path, file.path])
        #expect(run.status == 1)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(try lines.map { try CanonicalCodec().decode(Array($0.utf8)).source.vendor } == [.aegis, .lunary])
        let offset = aegis.utf8.count + 2  // line 3 starts after line 1 and a blank line 2
        let stderr = run.standardError.split(separator: "\n").map(String.init)
        #expect(stderr.first == "evalnorm: \(file.path): line 3, column 8 (byte \(offset + 7)): unexpected end of input: expected a value after ':' (at /id)")
        #expect(stderr.contains("evalnorm: \(file.path): line 6: /id: expected integer, found string \"x\" (aegis-run /properties/id/type)"))
        #expect(stderr.last?.hasPrefix("evalnorm: \(file.path): line 7: ") == true)
        #expect(try String(contentsOf: rejects, encoding: .utf8)
            == ["{\"id\": ", #"{"id": "x", "evaluations": [], "alias": 3, "run_type": "Dataset"}"#, "[1]"].joined(separator: "\n") + "\n")
    }

    @Test func jobsDoNotChangeTheOutput() throws {
        var lines = try Self.lunaryLines(300)
        lines[17] = "not json"
        lines[250] = "{}"
        let file = try Self.temporaryFile(lines.joined(separator: "\r\n"))
        defer { try? FileManager.default.removeItem(at: file) }
        let one = ToolRun(["normalize", "--ndjson", "--jobs", "1", file.path])
        let two = ToolRun(["normalize", "--ndjson", "--jobs", "2", file.path])
        let eight = ToolRun(["normalize", "--ndjson", "--jobs", "8", file.path])
        #expect(one.status == 1)
        #expect(one.standardOutput.split(separator: "\n").count == 298)
        #expect(two.standardOutput == one.standardOutput)
        #expect(eight.standardOutput == one.standardOutput)
        #expect(two.standardError == one.standardError)
        #expect(one.standardError.split(separator: "\n").map { $0.prefix(while: { $0 != ":" }).count > 0 }.count == 2)
        let ids = try one.standardOutput.split(separator: "\n").map { try CanonicalCodec().decode(Array($0.utf8)).id }
        #expect(ids == (0..<300).filter { $0 != 17 && $0 != 250 }.map { "run-\($0)" })
    }

    @Test func standardInputAndNoValidate() throws {
        let invalid = #"{"id": "x", "evaluations": [], "alias": 3, "run_type": "Dataset"}"#
        let checked = ToolRun(["normalize", "--ndjson", "-"], standardInput: invalid + "\n")
        #expect(checked.status == 1)
        #expect(checked.standardOutput.isEmpty)
        let unchecked = ToolRun(["normalize", "--ndjson", "--no-validate", "-"], standardInput: invalid + "\n")
        #expect(unchecked.status == 0, "\(unchecked.standardError)")
        #expect(try CanonicalCodec().decode(Array(unchecked.standardOutput.utf8.dropLast())).id == "x")
    }

    @Test func convertWritesEachDocumentOnItsOwnLineAndReportsLosses() throws {
        let input = try [Self.line("aegis-run.json"), Self.line("lunary-run.json")].joined(separator: "\n")
        let run = ToolRun(["convert", "--ndjson", "--to", "scorecard", "-"], standardInput: input)
        #expect(run.status == 0)
        let documents = try run.standardOutput.split(separator: "\n").map {
            try RunReader().document(from: Array($0.utf8), vendor: .scorecard).format.description
        }
        #expect(documents == ["scorecard run", "scorecard records-page", "scorecard run", "scorecard records-page"])
        #expect(run.standardError.contains("evalnorm: <stdin>: line 1: lost: /name: scorecard has no field for it\n"))
        #expect(run.standardError.contains("evalnorm: <stdin>: line 2: lost: "))

        let strict = ToolRun(["convert", "--ndjson", "--strict", "--to", "scorecard", "-"], standardInput: input)
        #expect(strict.status == 1)
        #expect(strict.standardOutput.isEmpty)
        let same = ToolRun(["convert", "--ndjson", "--strict", "--to", "lunary", "-"], standardInput: try Self.line("lunary-run.json"))
        #expect(same.status == 0)
        #expect(same.standardOutput == (try Self.line("lunary-run.json")) + "\n")
    }

    @Test func validateReportsEachLine() throws {
        let input = try [Self.line("aegis-run.json"), #"{"id": "x", "evaluations": [], "alias": 3, "run_type": "Dataset"}"#, "{"]
            .joined(separator: "\n")
        let text = ToolRun(["validate", "--ndjson", "--schema", "aegis-run", "-"], standardInput: input)
        #expect(text.status == 1)
        let stdout = text.standardOutput.split(separator: "\n").map(String.init)
        #expect(stdout.first == "<stdin>: line 2: missing required property \"user\" (/required)")
        #expect(stdout.contains("<stdin>: line 2: /id: expected integer, found string \"x\" (/properties/id/type)"))
        #expect(stdout.last == "<stdin>: 1 valid, 2 bad")
        #expect(text.standardError.hasPrefix("evalnorm: <stdin>: line 3, column 2 (byte "))
        let json = ToolRun(["validate", "--ndjson", "--json", "-"], standardInput: input)
        let lines = try json.standardOutput.split(separator: "\n").map { try JSONParser().parse(String($0)) }
        #expect(lines.map { $0["line"] } == [1, 2])
        #expect(lines.map { $0["valid"] } == [true, false])
    }

    @Test(arguments: [
        (["normalize", "--jobs", "2", "a.json"], "evalnorm: Option '--jobs' needs '--ndjson'"),
        (["normalize", "--rejects", "r.ndjson", "a.json"], "evalnorm: Option '--rejects' needs '--ndjson'"),
        (["normalize", "--ndjson", "a.ndjson", "b.ndjson"], "evalnorm: '--ndjson' reads one FILE (or '-'), got 2"),
        (["convert", "--ndjson", "--to", "aegis", "--jobs", "0", "a.ndjson"], "evalnorm: Option '--jobs' takes a number of threads from 1 to 256, not '0'"),
    ])
    func usageErrors(arguments: [String], message: String) {
        let run = ToolRun(arguments)
        #expect(run.status == 64)
        #expect(run.standardError.hasPrefix(message + "\n"))
    }

    @Test func missingInputAndUnwritableRejects() throws {
        let missing = ToolRun(["normalize", "--ndjson", "/nonexistent/in.ndjson"])
        #expect(missing.status == 66)
        #expect(missing.standardError.hasPrefix("evalnorm: /nonexistent/in.ndjson: cannot open file: "))
        let rejects = ToolRun(["normalize", "--ndjson", "--rejects", "/nonexistent/dir/r.ndjson", "-"], standardInput: "{}")
        #expect(rejects.status == 66)
        #expect(rejects.standardError.hasPrefix("evalnorm: /nonexistent/dir/r.ndjson: cannot open the rejects file: "))
    }

    /// The built binary, reading a pipe: the streaming reader, not the in-memory test input.
    @Test func theBuiltToolStreamsStandardInput() throws {
        let binary = TestPaths.repositoryRoot.appendingPathComponent(".build/debug/evalnorm")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the package first: \(binary.path)")
        let lines = try Self.lunaryLines(50)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["normalize", "--ndjson", "--jobs", "2", "-"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\nnope\n").utf8))
        try input.fileHandleForWriting.close()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(String(decoding: stdout, as: UTF8.self).split(separator: "\n").count == 50)
        #expect(String(decoding: stderr, as: UTF8.self).hasPrefix("evalnorm: <stdin>: line 51, column 2 "))
    }
}
