/// Conveniences for analytics code: scores across records, pass rates, lookup by id.
extension EvalRun {
    /// Every score of the run with the record it belongs to, in record order, then score order.
    public var allScores: [(record: EvalRecord, score: Score)] {
        records.flatMap { record in record.scores.map { (record: record, score: $0) } }
    }

    /// The first record with the given id, if any.
    public func record(withID id: String) -> EvalRecord? {
        records.first { $0.id == id }
    }

    /// Records by id; of records sharing an id, the first is kept. Records without an id are left out.
    public var recordsByID: [String: EvalRecord] {
        var result: [String: EvalRecord] = [:]
        for record in records {
            if let id = record.id, result[id] == nil { result[id] = record }
        }
        return result
    }

    /// The share of a metric's scores that passed, among those that say whether they passed; `nil`
    /// when none do. A metric is named by its ``MetricReference/name``, or its id when it has no name.
    public func passRate(metric: String) -> Double? {
        passRates[metric]
    }

    /// ``passRate(metric:)`` for every metric that has at least one score saying whether it passed.
    public var passRates: [String: Double] {
        var tally: [String: (passed: Int, judged: Int)] = [:]
        for record in records {
            for score in record.scores {
                guard let passed = score.passed, let key = score.metric.name ?? score.metric.id else { continue }
                tally[key, default: (0, 0)].judged += 1
                if passed { tally[key, default: (0, 0)].passed += 1 }
            }
        }
        return tally.mapValues { Double($0.passed) / Double($0.judged) }
    }
}
