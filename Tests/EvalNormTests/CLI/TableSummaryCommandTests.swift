import EvalNorm
import Foundation
import Testing

/// `table` and `summary` end to end: stdout, stderr and the exit code.
struct TableSummaryCommandTests {
    static let aegis = VendorCommandTests.example("aegis-run.json")
    static let lunary = VendorCommandTests.example("lunary-run.json")
    static let dataframer = VendorCommandTests.example("dataframer-run.json")
    static let header = ScoreTableTests.header

    static let lunaryRows = """
        e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b,lunary,gpt-4o-mini,e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b,0,,,feedback,categorical,up,,,"Exactly what I needed, thanks!",,,2026-10-02T16:41:07.215Z
        e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b,lunary,gpt-4o-mini,e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b,0,,,groundedness,number,0.92,,,Cites the Flex fare rule.,,,2026-10-02T16:41:07.215Z

        """

    @Test func tableWritesCSVWithOneHeader() throws {
        let run = ToolRun(["table", Self.lunary])
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        #expect(run.standardOutput == Self.header + Self.lunaryRows)
        // Several runs: one header, the runs' rows in order; a run without scores adds no row.
        let several = ToolRun(["table", Self.lunary, Self.dataframer, Self.aegis])
        #expect(several.status == 0)
        let lines = several.standardOutput.split(separator: "\n")
        try #require(lines.count == 1 + 2 + 6)
        #expect(lines.filter { $0.hasPrefix("run_id,") }.count == 1)
        #expect(lines[3].hasPrefix("48213,aegis,refunds-nightly-2026-11-20,771002,0,,,ans_corr,number,100,true,70,"))
    }

    @Test func tableNDJSON() throws {
        let run = ToolRun(["table", "--format", "ndjson", Self.lunary])
        #expect(run.status == 0)
        #expect(run.standardOutput == #"""
            {"run_id":"e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b","vendor":"lunary","run_name":"gpt-4o-mini","record_id":"e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b","record_index":0,"testcase_id":null,"metric_id":null,"metric_name":"feedback","score_type":"categorical","value":"up","passed":null,"threshold":null,"reasoning":"Exactly what I needed, thanks!","model":null,"cost":null,"created_at":"2026-10-02T16:41:07.215Z"}
            {"run_id":"e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b","vendor":"lunary","run_name":"gpt-4o-mini","record_id":"e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b","record_index":0,"testcase_id":null,"metric_id":null,"metric_name":"groundedness","score_type":"number","value":0.92,"passed":null,"threshold":null,"reasoning":"Cites the Flex fare rule.","model":null,"cost":null,"created_at":"2026-10-02T16:41:07.215Z"}

            """#)
        #expect(ToolRun(["table", "--format=ndjson", Self.dataframer]).standardOutput.isEmpty)
    }

    @Test func tableGroupsAScorecardRunWithItsPages() {
        let run = ToolRun(["table"] + VendorCommandTests.scorecardFiles)
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count == 13)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("1374,scorecard,,551") })
        #expect(lines.last == "1374,scorecard,,55106,5,9006,c3a1e5f7-2b4d-4c6e-8a0f-1d3b5e7f9a22,,integer,5,,,Precise and complete.,,,")
    }

    @Test func aRunWithoutScoresIsTheHeaderAlone() {
        let run = ToolRun(["table", Self.dataframer])
        #expect(run.status == 0)
        #expect(run.standardOutput == Self.header)
    }

    @Test func standardInputAndFrom() throws {
        let input = try String(contentsOfFile: Self.lunary, encoding: .utf8)
        let run = ToolRun(["table", "--from", "lunary", "-"], standardInput: input)
        #expect(run.status == 0)
        #expect(run.standardOutput == Self.header + Self.lunaryRows)
    }

    @Test func aBadFileAmongGoodOnesIsReportedAndSkipped() {
        let run = ToolRun(["table", Self.lunary, "-", "/nonexistent/run.json"], standardInput: #"{"id": 1,"#)
        #expect(run.status == 1)
        #expect(run.standardOutput == Self.header + Self.lunaryRows)
        #expect(run.standardError == """
            evalnorm: <stdin>: line 1, column 10 (byte 9): unexpected end of input: expected a string key after ','
            evalnorm: /nonexistent/run.json: cannot open file: No such file or directory

            """)
        let summary = ToolRun(["summary", "-", Self.lunary], standardInput: #"{"id": 1, "colour": "red"}"#)
        #expect(summary.status == 1)
        #expect(summary.standardOutput.split(separator: "\n").count == 3)
        #expect(summary.standardError.hasPrefix("evalnorm: <stdin>: not a document of a known vendor"))
    }

    @Test func failuresAloneKeepTheirExitCodes() {
        let malformed = ToolRun(["table", "-"], standardInput: "[1,")
        #expect(malformed.status == 65)
        #expect(malformed.standardOutput.isEmpty)
        let missing = ToolRun(["summary", "/nonexistent/run.json"])
        #expect(missing.status == 66)
        #expect(missing.standardOutput.isEmpty)
        #expect(missing.standardError == "evalnorm: /nonexistent/run.json: cannot open file: No such file or directory\n")
    }

    @Test func aSchemaViolationSkipsTheRunUnlessToldNotToValidate() throws {
        let input = try ValidateCommandTests.brokenAegis
        let checked = ToolRun(["table", "-"], standardInput: input)
        #expect(checked.status == 1)
        #expect(checked.standardOutput.isEmpty)
        #expect(checked.standardError.hasPrefix("evalnorm: <stdin>: /id: expected integer, found string \"48213\" (aegis-run /properties/id/type)\n"))
        let unchecked = ToolRun(["table", "--no-validate", "-"], standardInput: input)
        #expect(unchecked.status == 0, "\(unchecked.standardError)")
        let lines = unchecked.standardOutput.split(separator: "\n")
        try #require(lines.count == 7)
        // The boolean `result` has no canonical home (it stays verbatim in extensions): no type, no value.
        #expect(lines[1].hasPrefix("48213,aegis,refunds-nightly-2026-11-20,771002,0,,,ans_corr,,,true,70,"))
        #expect(ToolRun(["summary", "--no-validate", "-"], standardInput: input).status == 0)
        #expect(ToolRun(["summary", "-"], standardInput: input).status == 1)
    }

    @Test func contradictingScorecardPagesSkipTheRun() {
        let files = VendorCommandTests.scorecardFiles
        let run = ToolRun(["table", files[0], files[1], files[1]])
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("record '55101' appears twice"))
    }

    @Test func summaryText() {
        let run = ToolRun(["summary", Self.aegis, Self.lunary])
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        #expect(run.standardOutput == """
            run_id                                vendor  metric        scores    mean   min   max  pass_rate  scorer_failures
            48213                                 aegis   ans_corr           3  83.333    50   100      0.667                0
            48213                                 aegis   faith              3  50.000     0   100      0.333                1
            e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b  lunary  feedback           1       -     -     -          -                0
            e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b  lunary  groundedness       1   0.920  0.92  0.92          -                0

            """)
    }

    @Test func summaryCSVAndNDJSON() {
        let csv = ToolRun(["summary", "--format", "csv"] + VendorCommandTests.scorecardFiles)
        #expect(csv.status == 0)
        #expect(csv.standardOutput == """
            run_id,vendor,metric,scores,mean,min,max,pass_rate,scorer_failures
            1374,scorecard,c3a1e5f7-2b4d-4c6e-8a0f-1d3b5e7f9a21,6,,,,,0
            1374,scorecard,c3a1e5f7-2b4d-4c6e-8a0f-1d3b5e7f9a22,6,3.6666666666666665,1,5,,0

            """)
        let ndjson = ToolRun(["summary", "--format", "ndjson", Self.aegis])
        #expect(ndjson.status == 0)
        #expect(ndjson.standardOutput == """
            {"run_id":"48213","vendor":"aegis","metric":"ans_corr","scores":3,"mean":83.33333333333333,"min":50,"max":100,"pass_rate":0.6666666666666666,"scorer_failures":0}
            {"run_id":"48213","vendor":"aegis","metric":"faith","scores":3,"mean":50,"min":0,"max":100,"pass_rate":0.3333333333333333,"scorer_failures":1}

            """)
    }

    @Test func usageErrorsExit64() {
        let cases: [([String], String)] = [
            (["table"], "Missing expected argument 'FILE'"),
            (["summary"], "Missing expected argument 'FILE'"),
            (["table", "--format", "json", Self.aegis], "Option '--format' takes one of csv, ndjson, not 'json'"),
            (["table", "--format", "ndjsn", Self.aegis], "Option '--format' takes one of csv, ndjson, not 'ndjsn'. Did you mean 'ndjson'?"),
            (["summary", "--format", "txt", Self.aegis], "Option '--format' takes one of text, csv, ndjson, not 'txt'. Did you mean 'text'?"),
            (["summary", "--from", "aegs", Self.aegis], "Option '--from' takes one of scorecard, dataframer, aegis, lunary, not 'aegs'. Did you mean 'aegis'?"),
            (["table", "--pretty", Self.aegis], "Unknown option '--pretty'"),
            (["table", Self.aegis, "--format"], "Missing value for option '--format'"),
        ]
        for (arguments, message) in cases {
            let run = ToolRun(arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.standardOutput.isEmpty)
            let lines = run.standardError.split(separator: "\n").map(String.init)
            #expect(lines.first == "evalnorm: \(message)", "\(arguments)")
            #expect(lines.dropFirst().first == "USAGE: evalnorm \(arguments[0]) [--format \(arguments[0] == "table" ? "csv|ndjson" : "text|csv|ndjson")] [--from VENDOR] [--no-validate] FILE...")
            #expect(lines.last == "  See 'evalnorm \(arguments[0]) --help'.")
        }
    }

    @Test func help() {
        for command in ["table", "summary"] {
            let run = ToolRun([command, "--help"])
            #expect(run.status == 0)
            #expect(run.standardOutput.hasPrefix("OVERVIEW: "))
            #expect(run.standardOutput.contains("USAGE: evalnorm \(command) [--format "))
            #expect(run.standardOutput.contains("  --format FORMAT  "))
            #expect(ToolRun(["help", command]).standardOutput == run.standardOutput)
        }
        #expect(ToolRun(["table", "--help"]).standardOutput.contains("  created_at       "))
        let overview = ToolRun(["--help"]).standardOutput
        #expect(overview.contains("\n  table      Write one row per score, as CSV or NDJSON, for analytics tools\n"))
        #expect(overview.contains("\n  summary    Summarize each run's scores per metric: count, mean, min, max, pass rate\n"))
    }
}
