import Foundation

/// Per-metric statistics of one run's scores: how many, their mean, minimum and maximum, the pass
/// rate and the scorer failures; written as an aligned text table, CSV or NDJSON.
///
/// Scores are grouped by metric, named by its ``MetricReference/name``, else its id, else its version
/// id; metrics are listed in the order their first score appears. For each metric:
///
/// | column | meaning |
/// |---|---|
/// | `run_id` | ``EvalRun/id`` |
/// | `vendor` | ``RunSource/vendor`` of ``EvalRun/source`` |
/// | `metric` | the metric's name, id or version id, as above |
/// | `scores` | how many scores the metric has in the run |
/// | `mean` | the mean of the numeric values (``ScoreValue/integer(_:)`` and ``ScoreValue/number(_:)``) |
/// | `min`, `max` | the smallest and largest numeric value, by its exact lexeme |
/// | `pass_rate` | the scores that ``Score/passed``, divided by the scores that say whether they passed |
/// | `scorer_failures` | the scores whose scorer failed (``Score/succeeded`` is `false`) or produced no value |
///
/// Only numeric values count toward `mean`, `min` and `max`: booleans, categories and JSON values do
/// not (a boolean metric's share of `true` is not its mean), and a metric without numeric values has
/// none of the three. `pass_rate` is absent when no score says whether it passed. `min` and `max`
/// are compared exactly, from their digits; the sum behind `mean` is exact in `Decimal` (38 significant
/// digits), and the mean itself is a `Double`.
///
/// ```swift
/// let summary = RunSummary(run: run)
/// summary.metrics[0].metric      // "ans_corr"
/// summary.metrics[0].mean        // 83.33333333333333
/// summary.metrics[0].passRate    // 0.6666666666666666
/// print(RunSummary.text([summary]))
/// ```
public struct RunSummary: Sendable, Hashable {
    /// The column names of the CSV and NDJSON forms, in order.
    public static let columns: [String] = [
        "run_id", "vendor", "metric", "scores", "mean", "min", "max", "pass_rate", "scorer_failures",
    ]

    /// ``EvalRun/id``.
    public var runID: String
    /// The vendor the run was decoded from.
    public var vendor: Vendor
    /// One entry per metric, in the order the metric's first score appears; empty for a run without scores.
    public var metrics: [MetricSummary]

    public init(runID: String, vendor: Vendor, metrics: [MetricSummary]) {
        self.runID = runID
        self.vendor = vendor
        self.metrics = metrics
    }

    /// The summary of `run`'s scores.
    public init(run: EvalRun) {
        var order: [String] = []
        var tallies: [String: Tally] = [:]
        for record in run.records {
            for score in record.scores {
                let metric = RunSummary.label(of: score.metric)
                if tallies[metric] == nil { order.append(metric) }
                tallies[metric, default: Tally()].add(score)
            }
        }
        self.init(runID: run.id, vendor: run.source.vendor,
                  metrics: order.compactMap { metric in tallies[metric].map { $0.summary(metric: metric) } })
    }

    /// How a metric is named in a summary: its name, else its id, else its version id, else `""`.
    public static func label(of metric: MetricReference) -> String {
        metric.name ?? metric.id ?? metric.versionId ?? ""
    }

    /// One metric's statistics within a run.
    public struct MetricSummary: Sendable, Hashable {
        /// The metric's name, id or version id (``RunSummary/label(of:)``).
        public var metric: String
        /// How many scores the metric has.
        public var scores: Int
        /// How many of them have a numeric value (an integer or a number).
        public var numericScores: Int
        /// The mean of the numeric values, or `nil` when there are none (or one is beyond `Double`'s range).
        public var mean: Double?
        /// The smallest numeric value, as written, or `nil` when there are none.
        public var min: JSONNumber?
        /// The largest numeric value, as written, or `nil` when there are none.
        public var max: JSONNumber?
        /// How many scores passed.
        public var passed: Int
        /// How many scores say whether they passed.
        public var judged: Int
        /// How many scores failed to be scored: ``Score/succeeded`` is `false`, or there is no value.
        public var scorerFailures: Int

        public init(metric: String, scores: Int, numericScores: Int, mean: Double?, min: JSONNumber?, max: JSONNumber?,
                    passed: Int, judged: Int, scorerFailures: Int) {
            self.metric = metric
            self.scores = scores
            self.numericScores = numericScores
            self.mean = mean
            self.min = min
            self.max = max
            self.passed = passed
            self.judged = judged
            self.scorerFailures = scorerFailures
        }

        /// ``passed`` divided by ``judged``; `nil` when no score says whether it passed.
        public var passRate: Double? {
            judged == 0 ? nil : Double(passed) / Double(judged)
        }
    }

    /// Counts and sums of one metric's scores, as they are read.
    private struct Tally {
        var scores = 0
        var numeric = 0
        /// The exact sum, while every value fits a `Decimal`.
        var decimalSum: Decimal? = 0
        /// The sum in `Double`, used when a value does not fit a `Decimal`.
        var doubleSum: Double? = 0
        var min: (number: JSONNumber, exact: ExactDecimal)?
        var max: (number: JSONNumber, exact: ExactDecimal)?
        var passed = 0
        var judged = 0
        var failures = 0

        mutating func add(_ score: Score) {
            scores += 1
            if let passed = score.passed {
                judged += 1
                if passed { self.passed += 1 }
            }
            if score.succeeded == false || score.value == nil { failures += 1 }
            switch score.value {
            case .integer(let number), .number(let number):
                numeric += 1
                if let sum = decimalSum, let value = number.decimalValue {
                    decimalSum = sum + value
                } else {
                    decimalSum = nil
                }
                if let sum = doubleSum, let value = number.doubleValue {
                    doubleSum = sum + value
                } else {
                    doubleSum = nil
                }
                let exact = ExactDecimal(number)
                if min.map({ exact.compare(to: $0.exact) < 0 }) ?? true { min = (number, exact) }
                if max.map({ exact.compare(to: $0.exact) > 0 }) ?? true { max = (number, exact) }
            case .boolean, .categorical, .json, nil:
                break
            }
        }

        func summary(metric: String) -> MetricSummary {
            var mean: Double?
            if numeric > 0 {
                if let decimalSum, let exact = Double((decimalSum / Decimal(numeric)).description) {
                    mean = exact
                } else if let doubleSum, doubleSum.isFinite {
                    mean = doubleSum / Double(numeric)
                }
            }
            return MetricSummary(metric: metric, scores: scores, numericScores: numeric, mean: mean, min: min?.number,
                                 max: max?.number, passed: passed, judged: judged, scorerFailures: failures)
        }
    }

    // MARK: - Writers

    /// The cells of each metric's row, in the order of ``columns``; `nil` for an absent value. `mean`
    /// and `pass_rate` are written as the shortest decimal that reads back as the same `Double`.
    private var rows: [[ScoreTable.Cell?]] {
        metrics.map { metric in
            [
                .text(runID), .text(vendor.rawValue), .text(metric.metric), .number(JSONNumber(metric.scores)),
                metric.mean.flatMap(JSONNumber.init(_:)).map(ScoreTable.Cell.number),
                metric.min.map(ScoreTable.Cell.number), metric.max.map(ScoreTable.Cell.number),
                metric.passRate.flatMap(JSONNumber.init(_:)).map(ScoreTable.Cell.number),
                .number(JSONNumber(metric.scorerFailures)),
            ]
        }
    }

    /// The summaries as CSV, formatted as ``ScoreTable/csv(includingHeader:)`` is: a header row (unless
    /// `includingHeader` is false), then one line per run and metric.
    public static func csv(_ summaries: [RunSummary], includingHeader: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        if includingHeader { ScoreTable.appendCSVLine(columns.map(ScoreTable.Cell.text), to: &output) }
        for summary in summaries {
            for row in summary.rows { ScoreTable.appendCSVLine(row, to: &output) }
        }
        return output
    }

    /// The summaries as NDJSON: one object per run and metric, keys in the order of ``columns``,
    /// absent values as `null`.
    public static func ndjson(_ summaries: [RunSummary]) -> [UInt8] {
        var output: [UInt8] = []
        for summary in summaries {
            for row in summary.rows { ScoreTable.appendNDJSONLine(row, keys: columns, to: &output) }
        }
        return output
    }

    /// The summaries as a table for a terminal: a header line, then one line per run and metric;
    /// columns are separated by two spaces, text is left-aligned and numbers right-aligned, `mean` and
    /// `pass_rate` have three decimals, and an absent value is `-`. Control characters in names are
    /// written as `\u00XX`. Each line ends with LF.
    public static func text(_ summaries: [RunSummary]) -> String {
        let numeric = [false, false, false, true, true, true, true, true, true]
        var lines = [columns]
        for summary in summaries {
            for metric in summary.metrics {
                lines.append([
                    summary.runID, summary.vendor.rawValue, metric.metric, String(metric.scores),
                    metric.mean.map(fixed) ?? "-", metric.min?.lexeme ?? "-", metric.max?.lexeme ?? "-",
                    metric.passRate.map(fixed) ?? "-", String(metric.scorerFailures),
                ].map { EvalNormError.escapingControlCharacters($0) })
            }
        }
        var widths = [Int](repeating: 0, count: columns.count)
        for line in lines {
            for (column, cell) in line.enumerated() { widths[column] = Swift.max(widths[column], cell.count) }
        }
        var text = ""
        for line in lines {
            let cells = line.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return numeric[column] ? padding + cell : cell + padding
            }
            var joined = cells.joined(separator: "  ")
            while joined.last == " " { joined.removeLast() }
            text += joined + "\n"
        }
        return text
    }

    /// `value` with three decimals: `83.333`.
    private static func fixed(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
