import EvalNorm
import EvalNormCLI
import Foundation
import Testing

/// What one run of the tool printed and returned.
struct ToolRun {
    var status: Int32
    var standardOutput: String
    var standardError: String

    /// Runs `evalnorm` in-process with `arguments`, feeding `standardInput` to `-`.
    init(_ arguments: [String], standardInput: String = "") {
        let context = CommandContext.captured(standardInput: Array(standardInput.utf8))
        status = EvalNormTool.run(arguments, context: context)
        standardOutput = context.standardOutput.capturedText
        standardError = context.standardError.capturedText
    }
}

struct CLITests {
    static let example = TestPaths.repositoryRoot.appendingPathComponent("Examples/aegis-run.json").path

    @Test func helpGoesToStandardOutput() {
        for arguments in [["--help"], ["-h"], ["help"]] {
            let run = ToolRun(arguments)
            #expect(run.status == 0)
            #expect(run.standardOutput.hasPrefix("OVERVIEW: "))
            #expect(run.standardOutput.contains("  fmt "))
            #expect(run.standardError.isEmpty)
        }
    }

    @Test func commandHelp() {
        for arguments in [["fmt", "--help"], ["help", "fmt"], ["fmt", "x.json", "-h"], ["fmt", "--bogus", "--help"]] {
            let run = ToolRun(arguments)
            #expect(run.status == 0)
            #expect(run.standardOutput.contains("USAGE: evalnorm fmt [--compact | --pretty]"))
        }
    }

    /// In each command's help, the descriptions of its options, shared ones included, start in one column.
    @Test(arguments: ["detect", "normalize", "convert", "roundtrip", "validate", "table", "summary", "schema", "fmt"])
    func optionDescriptionsAlign(command: String) throws {
        let run = ToolRun([command, "--help"])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "OPTIONS:"))
        let options = lines[(start + 1)...].prefix { !$0.isEmpty }.filter { $0.hasPrefix("  -") }
        // The column after the option (which may hold one space: `--jobs N`) and the spaces that follow it.
        let columns = Set(options.map { line in
            let text = Array(line)
            var column = 2
            while column + 1 < text.count, !(text[column] == " " && text[column + 1] == " ") { column += 1 }
            while column < text.count, text[column] == " " { column += 1 }
            return column
        })
        #expect(!options.isEmpty)
        #expect(columns.count == 1, "\(command): option descriptions start at columns \(columns.sorted())")
    }

    @Test func version() {
        let run = ToolRun(["--version"])
        #expect(run.status == 0)
        #expect(run.standardOutput == "evalnorm \(EvalNormTool.version)\n")
    }

    struct UsageCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var message: String
        var helpHint: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let usageCases = [
        UsageCase(arguments: [], message: "Missing command", helpHint: "evalnorm --help"),
        UsageCase(arguments: ["fmr"], message: "Unknown command 'fmr'. Did you mean 'fmt'?", helpHint: "evalnorm --help"),
        UsageCase(arguments: ["--verbose"], message: "Unknown option '--verbose'", helpHint: "evalnorm --help"),
        UsageCase(arguments: ["fmt"], message: "Missing expected argument 'FILE'", helpHint: "evalnorm fmt --help"),
        UsageCase(arguments: ["fmt", "--compat", "a.json"], message: "Unknown option '--compat'. Did you mean '--compact'?", helpHint: "evalnorm fmt --help"),
        UsageCase(arguments: ["fmt", "--compact", "--pretty", "a.json"], message: "Options '--compact' and '--pretty' cannot be used together", helpHint: "evalnorm fmt --help"),
        UsageCase(arguments: ["fmt", "a.json", "b.json"], message: "Unexpected argument 'b.json'", helpHint: "evalnorm fmt --help"),
        UsageCase(arguments: ["fmt", "--max-depth", "zero", "a.json"], message: "Option '--max-depth' takes a whole number from 1 to 512, not 'zero'", helpHint: "evalnorm fmt --help"),
        UsageCase(arguments: ["fmt", "--max-depth", "513", "a.json"], message: "Option '--max-depth' takes a whole number from 1 to 512, not '513'", helpHint: "evalnorm fmt --help"),
        UsageCase(arguments: ["fmt", "--max-depth", "--help", "a.json"], message: "Option '--max-depth' takes a whole number from 1 to 512, not '--help'", helpHint: "evalnorm fmt --help"),
        UsageCase(arguments: ["fmt", "a.json", "--max-depth"], message: "Missing value for option '--max-depth'", helpHint: "evalnorm fmt --help"),
        UsageCase(arguments: ["fmt", "--compact=yes", "a.json"], message: "Option '--compact' does not take a value", helpHint: "evalnorm fmt --help"),
    ]

    @Test(arguments: usageCases)
    func usageErrorsExit64(_ testCase: UsageCase) {
        let run = ToolRun(testCase.arguments)
        #expect(run.status == 64)
        #expect(run.standardOutput.isEmpty)
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == "evalnorm: \(testCase.message)")
        #expect(lines.dropFirst().first?.hasPrefix("USAGE: evalnorm ") == true)
        #expect(lines.last == "  See '\(testCase.helpHint)'.")
    }

    @Test func fmtKeepsEveryValue() throws {
        let input = #"{"n": [1.0, 1e2, -0, 12345678901234567890, 0.001200000000000, 1E+2], "s": "é\u00e9\n", "dup": 1, "dup": 2}"#
        let compact = ToolRun(["fmt", "--compact", "-"], standardInput: input)
        #expect(compact.status == 0)
        #expect(compact.standardOutput == #"{"n":[1.0,1e2,-0,12345678901234567890,0.001200000000000,1E+2],"s":"éé\n","dup":1,"dup":2}"# + "\n")
        #expect(compact.standardError.isEmpty)

        let pretty = ToolRun(["fmt", "--pretty", "-"], standardInput: input)
        #expect(pretty.status == 0)
        #expect(pretty.standardOutput.hasPrefix("{\n  \"n\": [\n    1.0,\n"))
        #expect(try JSONParser().parse(pretty.standardOutput) == JSONParser().parse(compact.standardOutput))
        #expect(ToolRun(["fmt", "-"], standardInput: input).standardOutput == pretty.standardOutput)
    }

    @Test func fmtOfTheShippedExampleIsStable() throws {
        let compact = ToolRun(["fmt", "--compact", Self.example])
        #expect(compact.status == 0)
        let pretty = ToolRun(["fmt", "--pretty", "-"], standardInput: compact.standardOutput)
        let original = try JSONParser().parse(TestPaths.bytes(of: URL(fileURLWithPath: Self.example)))
        #expect(try JSONParser().parse(pretty.standardOutput) == original)
        // The shipped example is written pretty already: fmt changes nothing at all.
        #expect(try pretty.standardOutput == String(decoding: TestPaths.bytes(of: URL(fileURLWithPath: Self.example)), as: UTF8.self))
    }

    @Test func malformedInputExits65WithPosition() {
        let run = ToolRun(["fmt", "-"], standardInput: "{\n  \"a\": [1,]\n}")
        #expect(run.status == 65)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == "evalnorm: <stdin>: line 2, column 11 (byte 12): unexpected character ']' after ',' (at /a/1)\n")
    }

    @Test func unopenableInputExits66() {
        let missing = ToolRun(["fmt", "/nonexistent/run.json"])
        #expect(missing.status == 66)
        #expect(missing.standardError == "evalnorm: /nonexistent/run.json: cannot open file: No such file or directory\n")
        // After `--`, `--help` is a file name.
        let dashes = ToolRun(["fmt", "--", "--help"])
        #expect(dashes.status == 66)
        #expect(dashes.standardError == "evalnorm: --help: cannot open file: No such file or directory\n")
        let directory = ToolRun(["fmt", NSTemporaryDirectory()])
        #expect(directory.status == 66)
        #expect(directory.standardError.hasSuffix("cannot open file: it is a directory\n"))
    }

    @Test func maxDepthOption() {
        #expect(ToolRun(["fmt", "--max-depth", "2", "-"], standardInput: "[[1]]").status == 0)
        let deep = ToolRun(["fmt", "--max-depth=2", "-"], standardInput: "[[[1]]]")
        #expect(deep.status == 65)
        #expect(deep.standardError.contains("nesting deeper than 2 levels"))
    }
}
