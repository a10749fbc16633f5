/// A flat table of scores for analytics tools (DuckDB, pandas, a spreadsheet): one row per score, in
/// record order and then score order, with fixed columns in a fixed order, written as CSV or NDJSON.
///
/// The columns (``columns``) and where each cell comes from:
///
/// | column | source |
/// |---|---|
/// | `run_id` | ``EvalRun/id`` |
/// | `vendor` | ``RunSource/vendor`` of ``EvalRun/source`` (`scorecard`, `dataframer`, `aegis`, `lunary`) |
/// | `run_name` | ``EvalRun/name`` |
/// | `record_id` | ``EvalRecord/id`` |
/// | `record_index` | the record's position in ``EvalRun/records``, counting from 0 (never absent; not the vendor's ``EvalRecord/index``) |
/// | `testcase_id` | ``EvalRecord/testcaseId`` |
/// | `metric_id` | ``MetricReference/id`` of ``Score/metric`` |
/// | `metric_name` | ``MetricReference/name`` of ``Score/metric`` |
/// | `score_type` | the ``ScoreType`` of ``Score/value``: `boolean`, `integer`, `number`, `categorical`, `json`; absent when the scorer produced no result |
/// | `value` | ``Score/value``: a boolean as `true`/`false`, a number by its exact lexeme, a category as its text, a `json` value as compact JSON text (CSV) or embedded as JSON (NDJSON) |
/// | `passed` | ``Score/passed`` |
/// | `threshold` | ``Score/threshold``, by its lexeme |
/// | `reasoning` | ``Score/reasoning`` |
/// | `model` | ``Score/model`` (the scorer's model, not the evaluated system's) |
/// | `cost` | the ``Cost/total`` of ``Score/cost``, by its lexeme (the currency, `USD` for every vendor, is left out) |
/// | `created_at` | the most specific time there is, verbatim: ``Score/startedAt``, else the record's ``EvalRecord/createdAt``, else the run's ``EvalRun/createdAt``, else its ``EvalRun/startedAt`` |
///
/// A cell is absent when the run does not have the fact. A run without scores has no rows.
///
/// CSV (``csv(includingHeader:)``) follows RFC 4180: a header row of the column names, `,` between
/// fields, each row ended by LF (`\n`), UTF-8 without a byte order mark. A field is quoted when it
/// contains `,`, `"`, CR or LF, a `"` inside doubled; an empty text is written `""`, so that it
/// differs from an absent cell, which is an empty field. Numbers are written by their lexeme, never
/// through `Double` (`0.001200000000000`, `12345678901234567890`), booleans as `true` and `false`.
///
/// NDJSON (``ndjson()``) is one JSON object per row, each on its own line, with the columns as keys in
/// the same order; an absent cell is `null`, numbers keep their lexemes and a `json` value is embedded
/// as it is.
///
/// ```swift
/// let table = ScoreTable(run: run)
/// table.rows[0].metricName       // "ans_corr"
/// table.rows[0].value            // .number(100)
/// let bytes = table.csv()        // header and one line per score
/// ```
public struct ScoreTable: Sendable, Hashable {
    /// The column names, in order: `run_id`, `vendor`, `run_name`, `record_id`, `record_index`,
    /// `testcase_id`, `metric_id`, `metric_name`, `score_type`, `value`, `passed`, `threshold`,
    /// `reasoning`, `model`, `cost`, `created_at`.
    public static let columns: [String] = [
        "run_id", "vendor", "run_name", "record_id", "record_index", "testcase_id", "metric_id", "metric_name",
        "score_type", "value", "passed", "threshold", "reasoning", "model", "cost", "created_at",
    ]

    /// The rows, one per score.
    public var rows: [Row]

    /// A table of the given rows.
    public init(rows: [Row]) {
        self.rows = rows
    }

    /// The table of one run's scores.
    public init(run: EvalRun) {
        self.rows = ScoreTable.rows(for: run)
    }

    /// The table of several runs' scores, run after run.
    public init(runs: [EvalRun]) {
        self.rows = runs.flatMap(ScoreTable.rows(for:))
    }

    /// One row per score of `run`, in record order and then score order; empty when the run has no scores.
    public static func rows(for run: EvalRun) -> [Row] {
        var rows: [Row] = []
        for (position, record) in run.records.enumerated() {
            for score in record.scores {
                rows.append(Row(
                    runID: run.id, vendor: run.source.vendor, runName: run.name, recordID: record.id,
                    recordIndex: position, testcaseID: record.testcaseId, metricID: score.metric.id,
                    metricName: score.metric.name, value: score.value, passed: score.passed, threshold: score.threshold,
                    reasoning: score.reasoning, model: score.model, cost: score.cost?.total,
                    createdAt: score.startedAt ?? record.createdAt ?? run.createdAt ?? run.startedAt))
            }
        }
        return rows
    }

    /// One cell of the table; a missing cell (`nil`) is an absent value.
    public enum Cell: Sendable, Hashable {
        /// Text: written raw (quoted where needed) in CSV, as a JSON string in NDJSON.
        case text(String)
        /// A number, written by its lexeme.
        case number(JSONNumber)
        /// `true` or `false`.
        case boolean(Bool)
        /// A JSON value: compact JSON text in CSV, embedded as is in NDJSON.
        case json(JSONValue)
    }

    /// One score with the facts of its record and run that the table shows.
    public struct Row: Sendable, Hashable {
        /// `run_id`: ``EvalRun/id``.
        public var runID: String
        /// `vendor`: the vendor the run was decoded from.
        public var vendor: Vendor
        /// `run_name`: ``EvalRun/name``.
        public var runName: String?
        /// `record_id`: ``EvalRecord/id``.
        public var recordID: String?
        /// `record_index`: the record's position in the run's records, from 0.
        public var recordIndex: Int
        /// `testcase_id`: ``EvalRecord/testcaseId``.
        public var testcaseID: String?
        /// `metric_id`: the score's ``MetricReference/id``.
        public var metricID: String?
        /// `metric_name`: the score's ``MetricReference/name``.
        public var metricName: String?
        /// `value`: ``Score/value``.
        public var value: ScoreValue?
        /// `passed`: ``Score/passed``.
        public var passed: Bool?
        /// `threshold`: ``Score/threshold``.
        public var threshold: JSONNumber?
        /// `reasoning`: ``Score/reasoning``.
        public var reasoning: String?
        /// `model`: ``Score/model``.
        public var model: String?
        /// `cost`: the score's ``Cost/total``.
        public var cost: JSONNumber?
        /// `created_at`: the score's start, else the record's, else the run's creation or start time.
        public var createdAt: Timestamp?

        public init(runID: String, vendor: Vendor, runName: String? = nil, recordID: String? = nil, recordIndex: Int,
                    testcaseID: String? = nil, metricID: String? = nil, metricName: String? = nil, value: ScoreValue? = nil,
                    passed: Bool? = nil, threshold: JSONNumber? = nil, reasoning: String? = nil, model: String? = nil,
                    cost: JSONNumber? = nil, createdAt: Timestamp? = nil) {
            self.runID = runID
            self.vendor = vendor
            self.runName = runName
            self.recordID = recordID
            self.recordIndex = recordIndex
            self.testcaseID = testcaseID
            self.metricID = metricID
            self.metricName = metricName
            self.value = value
            self.passed = passed
            self.threshold = threshold
            self.reasoning = reasoning
            self.model = model
            self.cost = cost
            self.createdAt = createdAt
        }

        /// `score_type`: the type of ``value``; `nil` when there is no value.
        public var scoreType: ScoreType? { value?.type }

        /// The cells in the order of ``ScoreTable/columns``.
        public var cells: [Cell?] {
            [
                .text(runID), .text(vendor.rawValue), runName.map(Cell.text), recordID.map(Cell.text),
                .number(JSONNumber(recordIndex)), testcaseID.map(Cell.text), metricID.map(Cell.text),
                metricName.map(Cell.text), scoreType.map { .text($0.rawValue) }, value.map(Row.cell(for:)),
                passed.map(Cell.boolean), threshold.map(Cell.number), reasoning.map(Cell.text), model.map(Cell.text),
                cost.map(Cell.number), createdAt.map { .text($0.text) },
            ]
        }

        private static func cell(for value: ScoreValue) -> Cell {
            switch value {
            case .boolean(let flag): .boolean(flag)
            case .integer(let number), .number(let number): .number(number)
            case .categorical(let label): .text(label)
            case .json(let json): .json(json)
            }
        }
    }

    // MARK: - Writers

    /// The table as CSV: the header row (unless `includingHeader` is false), then one line per row,
    /// each ended by LF.
    public func csv(includingHeader: Bool = true) -> [UInt8] {
        var output = includingHeader ? ScoreTable.csvHeader() : []
        for row in rows { ScoreTable.appendCSVLine(row.cells, to: &output) }
        return output
    }

    /// The CSV header row, `run_id,vendor,…,created_at`, ended by LF.
    public static func csvHeader() -> [UInt8] {
        var output: [UInt8] = []
        appendCSVLine(columns.map(Cell.text), to: &output)
        return output
    }

    /// The table as NDJSON: one compact JSON object per row, keys in column order, each line ended by LF.
    public func ndjson() -> [UInt8] {
        var output: [UInt8] = []
        for row in rows { ScoreTable.appendNDJSONLine(row.cells, keys: ScoreTable.columns, to: &output) }
        return output
    }

    /// Appends one CSV line of `cells` (absent cells as empty fields) and an LF.
    static func appendCSVLine(_ cells: [Cell?], to output: inout [UInt8]) {
        for (position, cell) in cells.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            switch cell {
            case nil: break
            case .text(let text): appendCSVField(text, to: &output)
            case .number(let number): output.append(contentsOf: number.lexeme.utf8)
            case .boolean(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
            case .json(let value): appendCSVField(JSONWriter(style: .compact).write(value), to: &output)
            }
        }
        output.append(UInt8(ascii: "\n"))
    }

    /// Appends `text` as one CSV field: quoted when it is empty or holds `,`, `"`, CR or LF, with each
    /// `"` doubled.
    static func appendCSVField(_ text: String, to output: inout [UInt8]) {
        appendCSVField(Array(text.utf8), to: &output)
    }

    private static func appendCSVField(_ bytes: [UInt8], to output: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let needsQuotes = bytes.isEmpty || bytes.contains {
            $0 == UInt8(ascii: ",") || $0 == quote || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n")
        }
        guard needsQuotes else {
            output.append(contentsOf: bytes)
            return
        }
        output.append(quote)
        for byte in bytes {
            output.append(byte)
            if byte == quote { output.append(quote) }
        }
        output.append(quote)
    }

    /// Appends one NDJSON line: an object of `keys` and `cells` (absent cells as `null`) and an LF.
    static func appendNDJSONLine(_ cells: [Cell?], keys: [String], to output: inout [UInt8]) {
        var object = JSONObject()
        for (key, cell) in zip(keys, cells) {
            let value: JSONValue = switch cell {
            case nil: .null
            case .text(let text): .string(text)
            case .number(let number): .number(number)
            case .boolean(let flag): .bool(flag)
            case .json(let json): json
            }
            object.append(key: key, value: value)
        }
        JSONWriter(style: .compact).write(.object(object), into: &output)
        output.append(UInt8(ascii: "\n"))
    }
}
