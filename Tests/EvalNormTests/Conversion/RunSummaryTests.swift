import EvalNorm
import Foundation
import Testing

/// `RunSummary`: per-metric counts, exact minimum and maximum, the mean, pass rates and scorer
/// failures, and the text, CSV and NDJSON forms.
struct RunSummaryTests {
    static func number(_ lexeme: String) throws -> JSONNumber {
        try #require(JSONNumber(lexeme: lexeme))
    }

    @Test func aegisExample() throws {
        let summary = RunSummary(run: try ScoreTableTests.exampleRun("aegis-run.json"))
        #expect(summary.runID == "48213")
        #expect(summary.vendor == .aegis)
        #expect(summary.metrics == [
            RunSummary.MetricSummary(metric: "ans_corr", scores: 3, numericScores: 3, mean: 250.0 / 3, min: 50, max: 100,
                                     passed: 2, judged: 3, scorerFailures: 0),
            // The third `faith` score failed (no value, is_success false): it counts as a score and a
            // scorer failure, not toward the mean.
            RunSummary.MetricSummary(metric: "faith", scores: 3, numericScores: 2, mean: 50, min: 0, max: 100,
                                     passed: 1, judged: 3, scorerFailures: 1),
        ])
        let passRates: [Double?] = [2.0 / 3, 1.0 / 3]
        #expect(summary.metrics.map(\.passRate) == passRates)
    }

    @Test func scorecardBooleansDoNotCountTowardTheMean() throws {
        let run = try ScoreTableTests.exampleRun("scorecard-run.json", "scorecard-records-page-1.json", "scorecard-records-page-2.json")
        let summary = RunSummary(run: run)
        #expect(summary.metrics == [
            RunSummary.MetricSummary(metric: "c3a1e5f7-2b4d-4c6e-8a0f-1d3b5e7f9a21", scores: 6, numericScores: 0, mean: nil,
                                     min: nil, max: nil, passed: 0, judged: 0, scorerFailures: 0),
            RunSummary.MetricSummary(metric: "c3a1e5f7-2b4d-4c6e-8a0f-1d3b5e7f9a22", scores: 6, numericScores: 6, mean: 22.0 / 6,
                                     min: 1, max: 5, passed: 0, judged: 0, scorerFailures: 0),
        ])
        #expect(summary.metrics.map(\.passRate) == [Double?](repeating: nil, count: 2))
    }

    @Test func minimumAndMaximumAreExactAndKeepTheirLexemes() throws {
        let metric = MetricReference(name: "m")
        let values = ["12345678901234567891", "12345678901234567890", "1.2345678901234567892e19", "0.1", "1e-1"]
        let run = EvalRun(id: "r", source: RunSource(vendor: .aegis), records: [
            EvalRecord(scores: try values.map { Score(metric: metric, value: .number(try Self.number($0))) }),
        ])
        let summary = try #require(RunSummary(run: run).metrics.first)
        #expect(summary.min?.lexeme == "0.1")  // the first of two equal minimums
        #expect(summary.max?.lexeme == "1.2345678901234567892e19")
        // Equal as Doubles, but not as numbers.
        let close = EvalRun(id: "r", source: RunSource(vendor: .aegis), records: [
            EvalRecord(scores: try ["12345678901234567891", "12345678901234567890", "12345678901234567892", "12345678901234567891"]
                .map { Score(metric: metric, value: .integer(try Self.number($0))) }),
        ])
        let closeSummary = try #require(RunSummary(run: close).metrics.first)
        #expect(closeSummary.min?.lexeme == "12345678901234567890")
        #expect(closeSummary.max?.lexeme == "12345678901234567892")
    }

    @Test func theMeanComesFromAnExactSum() throws {
        let metric = MetricReference(name: "m")
        let run = EvalRun(id: "r", source: RunSource(vendor: .aegis), records: [
            EvalRecord(scores: [
                Score(metric: metric, value: .number(try Self.number("0.1"))),
                Score(metric: metric, value: .number(try Self.number("0.2"))),
            ]),
        ])
        // In Double, (0.1 + 0.2) / 2 is 0.15000000000000002.
        #expect(RunSummary(run: run).metrics.first?.mean == 0.15)
        let huge = EvalRun(id: "r", source: RunSource(vendor: .aegis), records: [
            EvalRecord(scores: [Score(metric: metric, value: .number(try Self.number("1e400")))]),
        ])
        #expect(RunSummary(run: huge).metrics.first?.mean == nil)
        #expect(RunSummary(run: huge).metrics.first?.max?.lexeme == "1e400")
    }

    @Test func metricsAreNamedAndOrderedByFirstScore() {
        let run = EvalRun(id: "r", source: RunSource(vendor: .scorecard), records: [
            EvalRecord(scores: [
                Score(metric: MetricReference(id: "id-1", name: "named"), value: .boolean(true), passed: true),
                Score(metric: MetricReference(id: "id-2"), value: .categorical("up"), succeeded: false),
                Score(metric: MetricReference(versionId: "v-3")),
            ]),
            EvalRecord(scores: [
                Score(metric: MetricReference(versionId: "v-3"), value: .integer(4)),
                Score(metric: MetricReference(id: "other", name: "named"), value: .json(["a": 1]), passed: false),
            ]),
        ])
        let summary = RunSummary(run: run)
        #expect(summary.metrics.map(\.metric) == ["named", "id-2", "v-3"])
        #expect(summary.metrics.map(\.scores) == [2, 1, 2])
        #expect(summary.metrics.map(\.numericScores) == [0, 0, 1])
        #expect(summary.metrics.map(\.scorerFailures) == [0, 1, 1])
        let passRates: [Double?] = [0.5, nil, nil]
        let means: [Double?] = [nil, nil, 4]
        #expect(summary.metrics.map(\.passRate) == passRates)
        #expect(summary.metrics.map(\.mean) == means)
        #expect(RunSummary.label(of: MetricReference()) == "")
    }

    @Test func aRunWithoutScoresHasNoMetrics() throws {
        let summary = RunSummary(run: try ScoreTableTests.exampleRun("dataframer-run.json"))
        #expect(summary.metrics.isEmpty)
        #expect(RunSummary.text([summary]) == "run_id  vendor  metric  scores  mean  min  max  pass_rate  scorer_failures\n")
        #expect(String(decoding: RunSummary.csv([summary]), as: UTF8.self) == "run_id,vendor,metric,scores,mean,min,max,pass_rate,scorer_failures\n")
        #expect(RunSummary.ndjson([summary]).isEmpty)
    }

    @Test func textIsAnAlignedTable() throws {
        let aegis = RunSummary(run: try ScoreTableTests.exampleRun("aegis-run.json"))
        let lunary = RunSummary(run: try ScoreTableTests.exampleRun("lunary-run.json"))
        #expect(RunSummary.text([aegis, lunary]) == """
            run_id                                vendor  metric        scores    mean   min   max  pass_rate  scorer_failures
            48213                                 aegis   ans_corr           3  83.333    50   100      0.667                0
            48213                                 aegis   faith              3  50.000     0   100      0.333                1
            e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b  lunary  feedback           1       -     -     -          -                0
            e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b  lunary  groundedness       1   0.920  0.92  0.92          -                0

            """)
    }

    @Test func textEscapesControlCharacters() {
        let run = EvalRun(id: "a\u{1B}[2Jb", source: RunSource(vendor: .aegis), records: [
            EvalRecord(scores: [Score(metric: MetricReference(name: "x\ny"), value: .integer(1))]),
        ])
        let lines = RunSummary.text([RunSummary(run: run)]).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1] == #"a\u001B[2Jb  aegis   x\u000Ay       1  1.000    1    1          -                0"#)
    }

    @Test func csvAndNDJSON() throws {
        let aegis = RunSummary(run: try ScoreTableTests.exampleRun("aegis-run.json"))
        #expect(String(decoding: RunSummary.csv([aegis]), as: UTF8.self) == """
            run_id,vendor,metric,scores,mean,min,max,pass_rate,scorer_failures
            48213,aegis,ans_corr,3,83.33333333333333,50,100,0.6666666666666666,0
            48213,aegis,faith,3,50,0,100,0.3333333333333333,1

            """)
        #expect(String(decoding: RunSummary.csv([aegis], includingHeader: false), as: UTF8.self).hasPrefix("48213,aegis,ans_corr,"))
        let lunary = RunSummary(run: try ScoreTableTests.exampleRun("lunary-run.json"))
        #expect(String(decoding: RunSummary.ndjson([aegis, lunary]), as: UTF8.self) == """
            {"run_id":"48213","vendor":"aegis","metric":"ans_corr","scores":3,"mean":83.33333333333333,"min":50,"max":100,"pass_rate":0.6666666666666666,"scorer_failures":0}
            {"run_id":"48213","vendor":"aegis","metric":"faith","scores":3,"mean":50,"min":0,"max":100,"pass_rate":0.3333333333333333,"scorer_failures":1}
            {"run_id":"e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b","vendor":"lunary","metric":"feedback","scores":1,"mean":null,"min":null,"max":null,"pass_rate":null,"scorer_failures":0}
            {"run_id":"e4b7c1a2-9d3f-4e58-8b6a-2f1c0d9e8a7b","vendor":"lunary","metric":"groundedness","scores":1,"mean":0.92,"min":0.92,"max":0.92,"pass_rate":null,"scorer_failures":0}

            """)
    }
}
