import EvalNorm
import Foundation
import Testing

struct ModelTests {
    static let run = EvalRun(
        id: "991", source: RunSource(vendor: .aegis), status: .succeeded,
        records: [
            EvalRecord(id: "a", scores: [
                Score(metric: MetricReference(name: "faith"), value: .number(100), passed: true),
                Score(metric: MetricReference(name: "ans_corr"), value: .boolean(false), passed: false),
            ]),
            EvalRecord(id: "b", scores: [
                Score(metric: MetricReference(name: "faith"), value: .number(JSONNumber(lexeme: "0.5") ?? 0), passed: false),
                Score(metric: MetricReference(id: "m-7"), value: .categorical("up"), passed: true),
                Score(metric: MetricReference(name: "faith")),
            ]),
            EvalRecord(id: "a"),
        ])

    @Test func allScoresComeWithTheirRecord() {
        let pairs = Self.run.allScores
        #expect(pairs.count == 5)
        #expect(pairs.map { $0.record.id } == ["a", "a", "b", "b", "b"])
        #expect(pairs.map { $0.score.numericValue } == [100, 0, 0.5, nil, nil])
    }

    @Test func passRatesPerMetric() {
        #expect(Self.run.passRate(metric: "faith") == 0.5)
        #expect(Self.run.passRate(metric: "ans_corr") == 0)
        #expect(Self.run.passRate(metric: "m-7") == 1)
        #expect(Self.run.passRate(metric: "nope") == nil)
    }

    @Test func recordsByID() {
        #expect(Self.run.record(withID: "b")?.scores.count == 3)
        #expect(Self.run.recordsByID["a"]?.scores.count == 2)  // the first of the two "a" records
        #expect(Self.run.recordsByID.count == 2)
    }

    struct DateCase: Sendable {
        var text: String
        var seconds: Double?
    }

    @Test(arguments: [
        DateCase(text: "2026-04-01T09:12:00Z", seconds: 1_775_034_720),
        DateCase(text: "2026-04-01T11:12:00+02:00", seconds: 1_775_034_720),
        DateCase(text: "2026-04-01T09:12:00", seconds: 1_775_034_720),
        DateCase(text: "2026-04-01 09:12:00.5z", seconds: 1_775_034_720.5),
        DateCase(text: "2026-02-30T09:12:00Z", seconds: nil),
        DateCase(text: "yesterday", seconds: nil),
        DateCase(text: "2026-04-01T09:12:00+0200", seconds: nil),
    ])
    func timestampDateView(_ testCase: DateCase) {
        let timestamp = Timestamp(testCase.text)
        #expect(timestamp.text == testCase.text)
        #expect(timestamp.date?.timeIntervalSince1970 == testCase.seconds)
    }

    @Test(arguments: [("1", true), ("1.0", true), ("1e2", true), ("1.5e1", true), ("-0.0", true), ("0e-5", true),
                      ("1.5", false), ("1e-1", false), ("120e-1", true), ("125e-1", false), ("1.25e1", false), ("1e999999999999", true)])
    func integralNumbers(_ lexeme: String, _ integral: Bool) {
        #expect(JSONNumber(lexeme: lexeme)?.isIntegral == integral)
    }
}
