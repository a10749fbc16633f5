import EvalNorm
import Foundation
import Testing

/// `ScoreTable`: the rows of each vendor's example, the cells' sources, and the exact CSV and NDJSON text.
struct ScoreTableTests {
    /// The run made of the named examples (a Scorecard run and its pages together).
    static func exampleRun(_ names: String...) throws -> EvalRun {
        let reader = RunReader()
        let documents = try names.map { try reader.document(from: TestPaths.bytes(of: TestPaths.examples.appendingPathComponent($0))) }
        return try reader.decode(documents)
    }

    static func number(_ lexeme: String) throws -> JSONNumber {
        try #require(JSONNumber(lexeme: lexeme))
    }

    static func csv(_ table: ScoreTable, includingHeader: Bool = true) -> String {
        String(decoding: table.csv(includingHeader: includingHeader), as: UTF8.self)
    }

    static let header = "run_id,vendor,run_name,record_id,record_index,testcase_id,metric_id,metric_name,score_type,value,passed,threshold,reasoning,model,cost,created_at\n"

    @Test func columnsAreFixedAndInOrder() {
        #expect(ScoreTable.columns == [
            "run_id", "vendor", "run_name", "record_id", "record_index", "testcase_id", "metric_id", "metric_name",
            "score_type", "value", "passed", "threshold", "reasoning", "model", "cost", "created_at",
        ])
        #expect(String(decoding: ScoreTable.csvHeader(), as: UTF8.self) == Self.header)
    }

    @Test func aegisExampleRows() throws {
        let table = ScoreTable(run: try Self.exampleRun("aegis-run.json"))
        try #require(table.rows.count == 6)
        #expect(table.rows[0].cells == [
            .text("48213"), .text("aegis"), .text("refunds-nightly-2026-11-20"), .text("771002"), .number(0), nil, nil,
            .text("ans_corr"), .text("number"), .number(100), .boolean(true), .number(70),
            .text("The answer matches the golden answer and cites the 60-day window."), .text("gpt-4o-mini"),
            .number(try Self.number("0.00041")), .text("2026-11-20T02:00:05Z"),
        ])
        // The judge timed out: no value, no type; the cost keeps its digits.
        #expect(table.rows[5].cells == [
            .text("48213"), .text("aegis"), .text("refunds-nightly-2026-11-20"), .text("771004"), .number(2), nil, nil,
            .text("faith"), nil, nil, .boolean(false), .number(70), .text("Judge model timed out after 30 s."),
            .text("gpt-4o-mini"), .number(try Self.number("0.00000")), .text("2026-11-20T02:00:13Z"),
        ])
        #expect(table.rows.map(\.recordIndex) == [0, 0, 1, 1, 2, 2])
        #expect(table.rows.map(\.metricName) == ["ans_corr", "faith", "ans_corr", "faith", "ans_corr", "faith"])
        #expect(Self.csv(table) == Self.header + """
            48213,aegis,refunds-nightly-2026-11-20,771002,0,,,ans_corr,number,100,true,70,The answer matches the golden answer and cites the 60-day window.,gpt-4o-mini,0.00041,2026-11-20T02:00:05Z
            48213,aegis,refunds-nightly-2026-11-20,771002,0,,,faith,number,100,true,70,Every claim is supported by the context.,gpt-4o-mini,0.00052,2026-11-20T02:00:05Z
            48213,aegis,refunds-nightly-2026-11-20,771003,1,,,ans_corr,number,100,true,70,Correct: sale items are final.,gpt-4o-mini,0.00047,2026-11-20T02:00:09Z
            48213,aegis,refunds-nightly-2026-11-20,771003,1,,,faith,number,0,false,70,"No context was retrieved, so the claim ""sale items are final"" is unsupported.",gpt-4o-mini,0.00055,2026-11-20T02:00:09Z
            48213,aegis,refunds-nightly-2026-11-20,771004,2,,,ans_corr,number,50,false,70,Partially correct; misses that the refund applies to original shipping only.,gpt-4o-mini,0.00044,2026-11-20T02:00:13Z
            48213,aegis,refunds-nightly-2026-11-20,771004,2,,,faith,,,false,70,Judge model timed out after 30 s.,gpt-4o-mini,0.00000,2026-11-20T02:00:13Z

            """)
    }

    @Test func scorecardExampleRowsSpanTheRunAndItsPages() throws {
        let table = ScoreTable(run: try Self.exampleRun("scorecard-run.json", "scorecard-records-page-1.json", "scorecard-records-page-2.json"))
        try #require(table.rows.count == 12)
        #expect(table.rows[0].cells == [
            .text("1374"), .text("scorecard"), nil, .text("55101"), .number(0), .text("9001"),
            .text("c3a1e5f7-2b4d-4c6e-8a0f-1d3b5e7f9a21"), nil, .text("boolean"), .boolean(true), nil, nil,
            .text("Gives both required steps."), nil, nil, nil,
        ])
        #expect(table.rows[11].cells == [
            .text("1374"), .text("scorecard"), nil, .text("55106"), .number(5), .text("9006"),
            .text("c3a1e5f7-2b4d-4c6e-8a0f-1d3b5e7f9a22"), nil, .text("integer"), .number(5), nil, nil,
            .text("Precise and complete."), nil, nil, nil,
        ])
        #expect(table.rows.map(\.recordIndex) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect(table.rows.map(\.scoreType) == Array(repeating: [ScoreType.boolean, .integer] as [ScoreType?], count: 6).flatMap { $0 })
    }

    @Test func lunaryExampleRows() throws {
        let table = ScoreTable(run: try Self.exampleRun("lunary-run.json"))
        let id = "e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b"
        #expect(table.rows.map(\.cells) == [
            [.text(id), .text("lunary"), .text("gpt-4o-mini"), .text(id), .number(0), nil, nil, .text("feedback"),
             .text("categorical"), .text("up"), nil, nil, .text("Exactly what I needed, thanks!"), nil, nil,
             .text("2026-10-02T16:41:07.215Z")],
            [.text(id), .text("lunary"), .text("gpt-4o-mini"), .text(id), .number(0), nil, nil, .text("groundedness"),
             .text("number"), .number(try Self.number("0.92")), nil, nil, .text("Cites the Flex fare rule."), nil, nil,
             .text("2026-10-02T16:41:07.215Z")],
        ])
    }

    @Test func aRunWithoutScoresHasNoRows() throws {
        let table = ScoreTable(run: try Self.exampleRun("dataframer-run.json"))
        #expect(table.rows.isEmpty)
        #expect(Self.csv(table) == Self.header)
        #expect(table.ndjson().isEmpty)
        let recordsWithoutScores = EvalRun(id: "r", source: RunSource(vendor: .aegis), records: [EvalRecord(id: "a"), EvalRecord(id: "b")])
        #expect(ScoreTable.rows(for: recordsWithoutScores).isEmpty)
    }

    @Test func recordIndexIsThePositionInTheRunNotTheVendorsIndex() {
        let run = EvalRun(id: "r", source: RunSource(vendor: .aegis), records: [
            EvalRecord(index: 7, scores: []),
            EvalRecord(index: 3, scores: [Score(metric: MetricReference(name: "m"))]),
            EvalRecord(index: 3, scores: [Score(metric: MetricReference(name: "m")), Score(metric: MetricReference(name: "n"))]),
        ])
        #expect(ScoreTable.rows(for: run).map(\.recordIndex) == [1, 2, 2])
    }

    @Test func createdAtIsTheMostSpecificTimeThereIs() {
        let metric = MetricReference(name: "m")
        var run = EvalRun(id: "r", source: RunSource(vendor: .aegis), createdAt: "run-created", startedAt: "run-started", records: [
            EvalRecord(createdAt: "record-created", scores: [Score(metric: metric, startedAt: "score-started"), Score(metric: metric)]),
            EvalRecord(scores: [Score(metric: metric)]),
        ])
        #expect(ScoreTable.rows(for: run).map(\.createdAt) == ["score-started", "record-created", "run-created"])
        run.createdAt = nil
        #expect(ScoreTable.rows(for: run).map(\.createdAt) == ["score-started", "record-created", "run-started"])
        run.startedAt = nil
        #expect(ScoreTable.rows(for: run).map(\.createdAt) == ["score-started", "record-created", nil])
    }

    /// A run whose texts need quoting and whose numbers must keep their digits.
    static func trickyRun() throws -> EvalRun {
        EvalRun(id: "run,1", source: RunSource(vendor: .lunary), name: "Ünïcode “quotes” 日本語 🙂", records: [
            EvalRecord(id: #"r"1"#, testcaseId: "", scores: [
                Score(metric: MetricReference(id: "m1", name: "a,b"), value: .number(try number("0.001200000000000")),
                      threshold: try number("12345678901234567890"), passed: true,
                      reasoning: "line one\nline two, with \"quotes\"\r\nand CRLF\rand CR", model: "judge 2",
                      cost: Cost(total: try number("1E+2")), startedAt: "2026-01-02T03:04:05Z"),
                Score(metric: MetricReference(name: "j"),
                      value: .json(["f1": .number(try number("0.80")), "tags": ["x,y", #"z"w"#]]), reasoning: ""),
                Score(metric: MetricReference(name: "big"), value: .integer(try number("12345678901234567890"))),
                Score(metric: MetricReference(name: "cat"), value: .categorical("naïve, 🙂")),
            ]),
        ])
    }

    @Test func csvQuotesCommasQuotesAndLineBreaksAndKeepsLexemes() throws {
        let table = ScoreTable(run: try Self.trickyRun())
        let csv = Self.csv(table, includingHeader: false)
        #expect(csv == """
            "run,1",lunary,Ünïcode “quotes” 日本語 🙂,"r""1",0,"",m1,"a,b",number,0.001200000000000,true,12345678901234567890,"line one
            line two, with ""quotes""\r
            and CRLF\rand CR",judge 2,1E+2,2026-01-02T03:04:05Z
            "run,1",lunary,Ünïcode “quotes” 日本語 🙂,"r""1",0,"",,j,json,"{""f1"":0.80,""tags"":[""x,y"",""z\\""w""]}",,,"",,,
            "run,1",lunary,Ünïcode “quotes” 日本語 🙂,"r""1",0,"",,big,integer,12345678901234567890,,,,,,
            "run,1",lunary,Ünïcode “quotes” 日本語 🙂,"r""1",0,"",,cat,categorical,"naïve, 🙂",,,,,,

            """)
        // The bytes are UTF-8, with no byte order mark.
        #expect(Array(table.csv().prefix(3)) == Array("run".utf8))
        #expect(table.csv(includingHeader: false) == Array(csv.utf8))
    }

    @Test func csvQuotesAFieldForAnyOneOfTheFourCharacters() {
        let texts = ["a,b", "a\"b", "a\rb", "a\nb", "", "a b;c\td", "é"]
        let run = EvalRun(id: "r", source: RunSource(vendor: .aegis), records: [
            EvalRecord(scores: texts.map { Score(metric: MetricReference(name: "m"), model: $0) }),
        ])
        let models = ScoreTable(run: run).csv(includingHeader: false)
            .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        #expect(models == [
            "r,aegis,,,0,,,m,,,,,,\"a,b\",,", #"r,aegis,,,0,,,m,,,,,,"a""b",,"#, "r,aegis,,,0,,,m,,,,,,\"a\rb\",,",
            "r,aegis,,,0,,,m,,,,,,\"a", "b\",,", #"r,aegis,,,0,,,m,,,,,,"",,"#, "r,aegis,,,0,,,m,,,,,,a b;c\td,,",
            "r,aegis,,,0,,,m,,,,,,é,,", "",
        ])
    }

    @Test func csvReadsBackToTheSameFields() throws {
        // A small RFC 4180 reader: every row has every column, and each field reads back as written.
        let table = ScoreTable(run: try Self.trickyRun())
        let records = Self.parseCSV(String(decoding: table.csv(), as: UTF8.self))
        try #require(records.count == 5)
        try #require(records.allSatisfy { $0.count == ScoreTable.columns.count })
        #expect(records[0] == ScoreTable.columns)
        #expect(records[1][12] == "line one\nline two, with \"quotes\"\r\nand CRLF\rand CR")
        #expect(records[2][9] == #"{"f1":0.80,"tags":["x,y","z\"w"]}"#)
        #expect(records[1][2] == "Ünïcode “quotes” 日本語 🙂")
    }

    /// Splits RFC 4180 text into records of fields.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append(characters.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                fields.append(field)
                field = ""
            } else if scalar == "\n" {
                fields.append(field)
                records.append(fields)
                fields = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return records
    }

    @Test func ndjsonHasEveryColumnInOrderWithNullsAndLexemes() throws {
        let table = ScoreTable(run: try Self.trickyRun())
        let text = String(decoding: table.ndjson(), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        try #require(lines.count == 5)
        #expect(lines.last == "")
        #expect(lines[0] == #"""
            {"run_id":"run,1","vendor":"lunary","run_name":"Ünïcode “quotes” 日本語 🙂","record_id":"r\"1","record_index":0,"testcase_id":"","metric_id":"m1","metric_name":"a,b","score_type":"number","value":0.001200000000000,"passed":true,"threshold":12345678901234567890,"reasoning":"line one\nline two, with \"quotes\"\r\nand CRLF\rand CR","model":"judge 2","cost":1E+2,"created_at":"2026-01-02T03:04:05Z"}
            """#)
        #expect(lines[1] == #"""
            {"run_id":"run,1","vendor":"lunary","run_name":"Ünïcode “quotes” 日本語 🙂","record_id":"r\"1","record_index":0,"testcase_id":"","metric_id":null,"metric_name":"j","score_type":"json","value":{"f1":0.80,"tags":["x,y","z\"w"]},"passed":null,"threshold":null,"reasoning":"","model":null,"cost":null,"created_at":null}
            """#)
        for line in lines.dropLast() {
            let object = try #require(try JSONParser().parse(String(line)).objectValue)
            #expect(object.keys == ScoreTable.columns)
        }
        let big = try JSONParser().parse(String(lines[2]))
        #expect(big["value"]?.numberValue?.lexeme == "12345678901234567890")
        #expect(big["reasoning"] == .null)
    }

    @Test func severalRunsFollowOneAnother() throws {
        let aegis = try Self.exampleRun("aegis-run.json")
        let lunary = try Self.exampleRun("lunary-run.json")
        let table = ScoreTable(runs: [lunary, aegis])
        #expect(table.rows.count == 8)
        #expect(table.rows.map(\.vendor) == [.lunary, .lunary] + Array(repeating: .aegis, count: 6))
        #expect(table == ScoreTable(rows: ScoreTable(run: lunary).rows + ScoreTable(run: aegis).rows))
    }
}
