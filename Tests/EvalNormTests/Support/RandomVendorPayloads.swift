import EvalNorm

/// A seeded generator of random, valid vendor payloads for round-trip tests; the same seed gives the
/// same documents.
///
/// Each document follows its vendor's API reference (`vendor-docs/`) and the variants
/// `VENDORS.md` lists: documented fields present, absent, or `null` where the vendor allows `null`;
/// documented enum values and now and then an unknown one; odd number lexemes (`1.0`, `1E1`, `-0`,
/// `0.001200000000000`, `12345678901234567890`, `1e-7`); strings with non-ASCII text, emoji, quotes,
/// backslashes and control characters. Every object, at every level, may carry unknown extra members
/// with random nested values and may have its members shuffled; no object repeats a key. Documents
/// stay small (a few KB).
///
/// ```swift
/// var payloads = RandomVendorPayloads(seed: 7)
/// let documents = payloads.documents(.aegisRun)   // [one Aegis run]
/// ```
struct RandomVendorPayloads {
    /// What one call of ``documents(_:)`` makes.
    enum Kind: String, CaseIterable, Sendable, CustomStringConvertible {
        /// A Scorecard `GET /runs/{runId}` payload.
        case scorecardRun = "scorecard run"
        /// A Scorecard `GET /runs/{runId}/records` page on its own.
        case scorecardRecordsPage = "scorecard records-page"
        /// A Scorecard run and 1–4 records pages of it: shared `runId`, unique record ids, chained cursors.
        case scorecardRunWithPages = "scorecard run + records pages"
        /// A DataFramer `GET /api/dataframer/runs/{run_id}/` payload.
        case dataFramerRun = "dataframer run"
        /// An Aegis `GET /runs/{run_id}` payload.
        case aegisRun = "aegis run"
        /// A Lunary `GET /v1/runs/{id}` payload.
        case lunaryRun = "lunary run"

        var description: String { rawValue }

        var vendor: Vendor {
            switch self {
            case .scorecardRun, .scorecardRecordsPage, .scorecardRunWithPages: .scorecard
            case .dataFramerRun: .dataframer
            case .aegisRun: .aegis
            case .lunaryRun: .lunary
            }
        }
    }

    private var source: SplitMix64

    init(seed: UInt64) {
        source = SplitMix64(seed: seed)
    }

    /// The documents of one random payload of `kind`, in dump order (a Scorecard run before its pages).
    mutating func documents(_ kind: Kind) -> [VendorDocument] {
        switch kind {
        case .scorecardRun: [VendorDocument(vendor: .scorecard, kind: .run, value: scorecardRun())]
        case .scorecardRecordsPage: [VendorDocument(vendor: .scorecard, kind: .recordsPage, value: scorecardRecordsPage())]
        case .scorecardRunWithPages: scorecardRunWithPages()
        case .dataFramerRun: [VendorDocument(vendor: .dataframer, kind: .run, value: dataFramerRun())]
        case .aegisRun: [VendorDocument(vendor: .aegis, kind: .run, value: aegisRun())]
        case .lunaryRun: [VendorDocument(vendor: .lunary, kind: .run, value: lunaryRun())]
        }
    }

    // MARK: - Scorecard

    static let scorecardStatuses = ["pending", "awaiting_execution", "running_execution", "awaiting_scoring", "running_scoring",
                                    "awaiting_human_scoring", "completed"]

    /// A Scorecard run. Older runs (a quarter) lack `systemId`, `metricVersionIds` and the three
    /// counts, and some carry `systemConfigId` instead of `systemVersionId`.
    mutating func scorecardRun(id: String? = nil) -> JSONValue {
        let legacy = percent(25)
        var run = JSONObject()
        run.append(key: "id", value: .string(id ?? scorecardID()))
        switch below(10) {
        case 0..<5: run.append(key: "testsetId", value: .string(coin() ? String(100 + below(900)) : uuid()))
        case 5..<8: run.append(key: "testsetId", value: .null)
        default: break  // absent, as in older runs
        }
        if legacy {
            if percent(60) { run.append(key: "systemConfigId", value: percent(85) ? .string(uuid()) : .null) }
        } else {
            run.append(key: "systemId", value: percent(75) ? .string(uuid()) : .null)
            run.append(key: "systemVersionId", value: percent(75) ? .string(uuid()) : .null)
        }
        let metricCount = below(4)
        run.append(key: "metricIds", value: .array((0..<metricCount).map { _ in .string(coin() ? String(100 + below(900)) : uuid()) }))
        if !legacy {
            // Usually one version per metric; the two arrays may differ in length.
            let versionCount = percent(60) ? metricCount : below(4)
            run.append(key: "metricVersionIds", value: .array((0..<versionCount).map { _ in .string(uuid()) }))
            run.append(key: "numRecords", value: number(pick(Self.countLexemes)))
            run.append(key: "numExpectedRecords", value: percent(75) ? number(pick(Self.countLexemes)) : .null)
            run.append(key: "numScores", value: number(pick(Self.countLexemes)))
        }
        run.append(key: "status", value: .string(percent(85) ? pick(Self.scorecardStatuses) : pick(Self.unknownEnumValues)))
        return finish(run)
    }

    /// A records page on its own: 0–4 records of one run.
    mutating func scorecardRecordsPage() -> JSONValue {
        let runID = scorecardID()
        let first = 400 + below(100_000)
        let count = below(5)
        let records = (0..<count).map { offset in scorecardRecord(id: String(first + offset), runID: runID) }
        let hasMore = coin()
        return scorecardPage(records: records, nextCursor: hasMore ? .string(String(first + count)) : .null, hasMore: hasMore,
                             total: percent(50) ? count + (hasMore ? 1 + below(50) : 0) : nil)
    }

    /// A run and 1–4 pages of its records: every record's `runId` is the run's id, record ids are
    /// unique, each page's `nextCursor` leads to the next page, and the last has `hasMore: false`.
    mutating func scorecardRunWithPages() -> [VendorDocument] {
        let runID = scorecardID()
        var documents = [VendorDocument(vendor: .scorecard, kind: .run, value: scorecardRun(id: runID))]
        let counts = (0..<(1 + below(4))).map { _ in below(4) }
        let total = counts.reduce(0, +)
        let withTotal = coin()
        var next = 400 + below(100_000)
        for (page, count) in counts.enumerated() {
            let records = (0..<count).map { offset in scorecardRecord(id: String(next + offset), runID: runID) }
            next += count
            let isLast = page == counts.count - 1
            let cursor: JSONValue = isLast ? .null : .string(counts[page + 1] > 0 ? String(next) : pick(Self.opaqueCursors))
            documents.append(VendorDocument(vendor: .scorecard, kind: .recordsPage,
                                            value: scorecardPage(records: records, nextCursor: cursor, hasMore: !isLast,
                                                                 total: withTotal ? total : nil)))
        }
        return documents
    }

    static let opaqueCursors = ["eyJpZCI6NDU4fQ==", "cursor/2~1", "0", "next page ➡️"]

    private mutating func scorecardPage(records: [JSONValue], nextCursor: JSONValue, hasMore: Bool, total: Int?) -> JSONValue {
        var page = JSONObject()
        page.append(key: "data", value: .array(records))
        page.append(key: "nextCursor", value: nextCursor)
        page.append(key: "hasMore", value: .bool(hasMore))
        if let total { page.append(key: "total", value: .number(JSONNumber(total))) }
        return finish(page)
    }

    private mutating func scorecardRecord(id: String, runID: String) -> JSONValue {
        var record = JSONObject()
        record.append(key: "id", value: .string(id))
        record.append(key: "runId", value: .string(runID))
        if percent(85) { record.append(key: "testcaseId", value: .string(String(200 + below(900)))) }
        record.append(key: "inputs", value: dataObject(mainKey: "question"))
        record.append(key: "expected", value: dataObject(mainKey: "idealAnswer"))
        record.append(key: "outputs", value: dataObject(mainKey: "response"))
        record.append(key: "scores", value: .array((0..<below(4)).map { _ in scorecardScore(recordID: id) }))
        return finish(record)
    }

    private mutating func scorecardScore(recordID: String) -> JSONValue {
        var score = JSONObject()
        score.append(key: "recordId", value: .string(recordID))
        score.append(key: "metricConfigId", value: .string(uuid()))
        score.append(key: "score", value: scorecardScoreObject())
        switch below(4) {
        case 0, 1: break  // absent
        case 2: score.append(key: "validationErrors", value: [])
        default: score.append(key: "validationErrors", value: .array((0..<(1 + below(2))).map { _ in validationError() }))
        }
        return finish(score)
    }

    private mutating func validationError() -> JSONValue {
        finish(["path": .string(pick(["/floatScore", "/reasoning", "/data/question", "", "/a~1b/~0c"])),
                "message": .string(pick(["Required field missing", "Expected number, got string"]) + (coin() ? "" : " " + text()))])
    }

    /// A `score` object in one of the shapes Scorecard metrics write.
    private mutating func scorecardScoreObject() -> JSONValue {
        var score = JSONObject()
        var empty = false
        switch below(10) {
        case 0: score.append(key: "binaryScore", value: .bool(coin()))
        case 1: score.append(key: "intScore", value: number(pick(["1", "2", "3", "4", "5", "4.0", "5E0"])))
        case 2: score.append(key: "floatScore", value: number(pick(Self.unitLexemes)))
        case 3: score.append(key: "value", value: .bool(coin()))
        case 4: score.append(key: "value", value: number(pick(["0", "1", "3", "-0", "12345678901234567890"])))
        case 5: score.append(key: "value", value: number(pick(["0.75", "1.0", "1E1", "1e-7", "0.001200000000000"])))
        case 6: score.append(key: "value", value: .string(pick(["relevant", "irrelevant", "partially relevant", text()])))
        case 7:
            for key in ["f1_score", "precision", "recall"] where percent(80) {
                score.append(key: key, value: number(pick(Self.unitLexemes)))
            }
        default: empty = true
        }
        if !empty {
            switch below(20) {
            case 0..<11: score.append(key: "reasoning", value: .string(text()))
            case 11: score.append(key: "reasoning", value: .null)
            default: break
            }
        }
        return finish(score, extrasPercent: empty ? 10 : 20, shufflePercent: 10)
    }

    private mutating func scorecardID() -> String {
        switch below(10) {
        case 0..<6: String(100 + below(100_000))
        case 6..<8: uuid()
        case 8: "12345678901234567890"
        default: pick(["run/α~1", "run \"quoted\"", "ラン-7", "🚀-135"])
        }
    }

    // MARK: - DataFramer

    static let dataFramerStatuses = ["PENDING", "PROCESSING", "SUCCEEDED", "FAILED", "CANCELED"]
    static let dataFramerOlderStatuses = ["RUNNING", "IN_PROGRESS", "COMPLETED"]

    /// A DataFramer generation run; older runs (30%) carry the fields and statuses of earlier API versions.
    mutating func dataFramerRun() -> JSONValue {
        let legacy = percent(30)
        let seedless = percent(20)
        let status = switch below(10) {
        case 0..<6: pick(Self.dataFramerStatuses)
        case 6..<9: pick(Self.dataFramerOlderStatuses)
        default: pick(Self.unknownEnumValues)
        }
        var run = JSONObject()
        // The schema requires nothing: any field but the id may be missing (rarely).
        func put(_ key: String, _ value: JSONValue, into run: inout JSONObject, absentPercent: Int = 6, generator: inout Self) {
            if !generator.percent(absentPercent) { run.append(key: key, value: value) }
        }
        run.append(key: "id", value: .string(uuid()))
        put("status", .string(status), into: &run, generator: &self)
        if legacy && coin() { run.append(key: "status_display", value: .string(pick(["Completed", "Running", "In progress", text()]))) }
        run.append(key: "spec_id", value: .string(uuid()))
        put("spec_name", .string(text()), into: &run, generator: &self)
        put("spec_version", number(pick(Self.integerLexemes)), into: &run, generator: &self)
        if legacy && coin() { run.append(key: "spec_version_id", value: .string(uuid())) }
        put("dataset_id", seedless ? .null : .string(uuid()), into: &run, generator: &self)
        put("dataset_name", seedless ? .null : .string(pick(["faq-seed.csv", "tickets/", "données.jsonl", text()])), into: &run, generator: &self)
        put("dataset_type", .string(percent(90) ? pick(["SINGLE_FILE", "MULTI_FILE", "MULTI_FOLDER"]) : pick(Self.unknownEnumValues)),
            into: &run, generator: &self)
        put("samples_completed", number(pick(Self.integerLexemes)), into: &run, generator: &self)
        put("samples_failed", number(pick(Self.integerLexemes)), into: &run, generator: &self)
        if legacy && coin() { run.append(key: "number_of_samples", value: number(pick(Self.integerLexemes))) }
        if legacy {
            if coin() { run.append(key: "total_cost", value: number(pick(Self.costLexemes))) }  // else absent, as in older runs
        } else {
            put("total_cost", percent(70) ? number(pick(Self.costLexemes)) : .null, into: &run, generator: &self)
        }
        put("created_at", .string(timestamp()), into: &run, generator: &self)
        if legacy && percent(70) { run.append(key: "started_at", value: percent(80) ? .string(timestamp()) : .null) }
        if legacy && coin() {
            run.append(key: "duration_seconds", value: number(pick(["412.7", "0", "1E1", "1e-7", "12345678901234567890"])))
        }
        if legacy && percent(60) {
            run.append(key: "created_by", value: number(pick(["17", "1", "12345678901234567890"])))
            run.append(key: "created_by_name", value: .string(pick(["Noor Haddad", "Zoë O'Brien", "李伟", text()])))
        }
        put("created_by_email", .string(email()), into: &run, generator: &self)
        put("completed_at", percent(65) ? .string(timestamp()) : .null, into: &run, generator: &self)
        put("runtime_params", dataFramerRuntimeParams(legacy: legacy), into: &run, absentPercent: 10, generator: &self)
        if legacy && coin() {
            run.append(key: "metrics_json", value: finish(["diversity": number(pick(Self.unitLexemes)), "validity_rate": number("1.0"),
                                                           "per_field": .object(userObject(depth: 1))]))
        }
        if legacy && coin() {
            run.append(key: "trace", value: .array((0..<below(3)).map { _ in
                finish(["step": .string(pick(["outline", "generate", "revise"])), "ms": number(pick(Self.integerLexemes))])
            }))
        }
        put("generated_files", .array((0..<below(4)).map { _ in generatedFile() }), into: &run, absentPercent: 15, generator: &self)
        return finish(run)
    }

    private mutating func dataFramerRuntimeParams(legacy: Bool) -> JSONValue {
        var params = JSONObject()
        if percent(5) { return .object(params) }
        func add(_ key: String, _ value: JSONValue, to params: inout JSONObject, generator: inout Self) {
            if generator.percent(85) { params.append(key: key, value: value) }
        }
        let models = ["anthropic/claude-sonnet-4-5", "openai/gpt-4.1", "google/gemini-2.5-pro", "local/ünïcødé-model"]
        add("number_of_samples", number(pick(Self.integerLexemes)), to: &params, generator: &self)
        add("generation_model", .string(pick(models)), to: &params, generator: &self)
        add("outline_model", .string(pick(models)), to: &params, generator: &self)
        if legacy {
            add("enable_revisions", .bool(coin()), to: &params, generator: &self)
            add("max_revision_cycles", number(pick(["0", "1", "2"])), to: &params, generator: &self)
            add("seed_shuffling_level", .string(pick(["none", "sample", "field", "prompt"])), to: &params, generator: &self)
        } else {
            let thinking = { (generator: inout Self) -> JSONValue in generator.coin() ? generator.number(generator.pick(["1024", "2048", "4096"])) : .null }
            add("revision_model", coin() ? .string(pick(models)) : .null, to: &params, generator: &self)
            add("revision_types", .array((0..<below(3)).map { _ in .string(pick(["consistency", "conformance", "style"])) }),
                to: &params, generator: &self)
            add("filtering_types", .array((0..<below(3)).map { _ in .string(pick(["structural", "conformance", "dedup"])) }),
                to: &params, generator: &self)
            add("max_revision_cycles", coin() ? number(pick(["1", "2", "3"])) : .null, to: &params, generator: &self)
            add("seed_shuffling_level", .string(percent(90) ? pick(["none", "sample", "field", "prompt"]) : pick(Self.unknownEnumValues)),
                to: &params, generator: &self)
            add("max_examples_in_prompt", coin() ? number(pick(["3", "10"])) : .null, to: &params, generator: &self)
            add("unified_multifield", .bool(coin()), to: &params, generator: &self)
            add("generation_thinking_budget", thinking(&self), to: &params, generator: &self)
            add("outline_thinking_budget", thinking(&self), to: &params, generator: &self)
            add("revision_thinking_budget", thinking(&self), to: &params, generator: &self)
            add("skip_outline", percent(80) ? .bool(coin()) : .null, to: &params, generator: &self)
            add("tools", coin() ? .array((0..<below(3)).map { _ in .string(pick(["web_search", "python", "sql"])) }) : .null,
                to: &params, generator: &self)
        }
        return finish(params)
    }

    private mutating func generatedFile() -> JSONValue {
        var file = JSONObject()
        if percent(92) { file.append(key: "id", value: .string("f_" + String(below(100_000)))) }
        if percent(92) { file.append(key: "path", value: .string(pick(["output/samples.jsonl", "output/données ✓.csv", "out/a\\b \"c\".txt"]))) }
        if percent(92) { file.append(key: "file_type", value: .string(pick(["text/csv", "application/jsonl", "application/json; charset=utf-8"]))) }
        if percent(92) { file.append(key: "size_bytes", value: number(pick(Self.integerLexemes))) }
        return finish(file)
    }

    // MARK: - Aegis

    static let aegisMetrics = ["ans_corr", "answer_correctness", "faith", "context_relevance", "toxicity", "métrique_🚀"]

    /// An Aegis run: N records × M metrics as `evaluations`, grouped by record, interleaved by metric,
    /// or shuffled; each evaluation repeats its record, whose strings are now and then exactly 100
    /// characters (Aegis's cut). `records` sets the number of records (0–3 when `nil`).
    mutating func aegisRun(records: Int? = nil) -> JSONValue {
        let runID = number(pick(["991", "50020", "1", "12345678901234567890", "9007199254740993", String(below(1_000_000))]))
        let metrics = Array(shuffled(Self.aegisMetrics).prefix(1 + below(3)))
        let recordCount = records ?? below(4)
        let indexes: [Int] = percent(70) ? Array(0..<recordCount) : Array(shuffled(Array(0..<max(12, 2 * recordCount))).prefix(recordCount))
        let firstRecordID = below(100_000)
        let records = (0..<recordCount).map { offset in aegisRecord(id: firstRecordID + offset) }
        var pairs: [(record: Int, metric: Int)] = []
        switch below(10) {
        case 0..<5: pairs = (0..<recordCount).flatMap { record in metrics.indices.map { (record, $0) } }   // grouped by record
        case 5..<8: pairs = metrics.indices.flatMap { metric in (0..<recordCount).map { ($0, metric) } }  // interleaved by metric
        default: pairs = shuffled((0..<recordCount).flatMap { record in metrics.indices.map { (record, $0) } })
        }
        let firstEvaluationID = 1000 + below(100_000)
        let finished = percent(75)

        var run = JSONObject()
        run.append(key: "id", value: runID)
        run.append(key: "user", value: percent(70) ? .string(email()) : .null)
        run.append(key: "author_email", value: .string(email()))
        run.append(key: "run_type", value: .string(percent(85) ? pick(["Dataset", "Experiment"]) : pick(Self.unknownEnumValues)))
        run.append(key: "run_source", value: .string(percent(85) ? pick(["API Call", "API", "UI"]) : pick(Self.unknownEnumValues)))
        run.append(key: "dataset", value: percent(80) ? .string(text()) : .null)
        run.append(key: "data_collection", value: percent(70) ? .string(text()) : .null)
        run.append(key: "org_id", value: coin() ? number(pick(Self.integerLexemes)) : .null)
        run.append(key: "number_of_metrics", value: .number(JSONNumber(metrics.count)))
        run.append(key: "result", value: percent(80) ? number(pick(Self.percentLexemes)) : .null)
        run.append(key: "threshold", value: number(pick(Self.thresholdLexemes)))
        run.append(key: "model_slug", value: percent(80) ? .string(pick(["gpt-4o", "claude-sonnet-4-5", text()])) : .null)
        run.append(key: "alias", value: percent(80) ? .string(text()) : .null)
        if percent(5) {
            run.append(key: "aggregate_results", value: .object(JSONObject()))
        } else if percent(80) {
            var aggregate = JSONObject()
            for metric in metrics { aggregate.append(key: metric, value: percent(90) ? number(pick(Self.percentLexemes)) : .null) }
            run.append(key: "aggregate_results", value: .object(aggregate))
        } else {
            run.append(key: "aggregate_results", value: .null)
        }
        run.append(key: "total_cost", value: aegisCost())
        run.append(key: "started_at", value: .string(timestamp()))
        run.append(key: "finished_at", value: finished ? .string(timestamp()) : .null)
        run.append(key: "is_gte_threshold", value: percent(80) ? .bool(coin()) : .null)
        if percent(5) {
            run.append(key: "evaluations", value: .null)
        } else {
            run.append(key: "evaluations", value: .array(pairs.enumerated().map { offset, pair in
                aegisEvaluation(id: firstEvaluationID + offset, runID: runID, recordIndex: indexes[pair.record],
                                metric: metrics[pair.metric], record: records[pair.record])
            }))
        }
        return finish(run)
    }

    /// A record as Aegis repeats it in each of its evaluations.
    private mutating func aegisRecord(id: Int) -> JSONValue {
        var record = JSONObject()
        record.append(key: "id", value: .number(JSONNumber(id)))
        for key in ["prompt", "input", "context", "output", "golden_answer"] {
            switch below(10) {
            case 0..<2: record.append(key: key, value: .null)
            case 2..<4: record.append(key: key, value: .string(exactlyHundredCharacters()))
            default: record.append(key: key, value: .string(text()))
            }
        }
        return finish(record)
    }

    private mutating func aegisEvaluation(id: Int, runID: JSONValue, recordIndex: Int, metric: String, record: JSONValue) -> JSONValue {
        var evaluation = JSONObject()
        evaluation.append(key: "id", value: .number(JSONNumber(id)))
        evaluation.append(key: "run_id", value: runID)
        evaluation.append(key: "record_index", value: .number(JSONNumber(recordIndex)))
        evaluation.append(key: "metric", value: .string(metric))
        evaluation.append(key: "record", value: record)
        evaluation.append(key: "result", value: percent(85) ? number(pick(Self.percentLexemes)) : .null)
        evaluation.append(key: "threshold", value: number(pick(Self.thresholdLexemes)))
        evaluation.append(key: "explanation", value: percent(75) ? .string(text()) : .null)
        evaluation.append(key: "model_slug", value: percent(80) ? .string(pick(["gpt-4o", "gpt-4o-mini", text()])) : .null)
        evaluation.append(key: "metric_args", value: percent(50) ? .object(userObject(depth: 1)) : .null)
        evaluation.append(key: "started_at", value: .string(timestamp()))
        evaluation.append(key: "finished_at", value: percent(80) ? .string(timestamp()) : .null)
        switch below(10) {
        case 0..<6: evaluation.append(key: "evaluation_cost", value: .string(percent(95) ? pick(Self.costLexemes) : pick(["N/A", "", "0,0004"])))  // current: a decimal string
        case 6..<8: evaluation.append(key: "evaluation_cost", value: number(pick(Self.costLexemes)))  // older: a number
        default: evaluation.append(key: "evaluation_cost", value: .null)
        }
        evaluation.append(key: "is_success", value: percent(85) ? .bool(coin()) : .null)
        evaluation.append(key: "is_gte_threshold", value: percent(85) ? .bool(coin()) : .null)
        evaluation.append(key: "eval_metadata", value: percent(50) ? .object(userObject(depth: 1)) : .null)
        if percent(15) { evaluation.append(key: "credits_consumed", value: number(pick(["1", "0.5", "12"]))) }  // older evaluations
        return finish(evaluation)
    }

    /// Aegis `total_cost`: a decimal string, a number, `null`, or now and then a string that is no number.
    private mutating func aegisCost() -> JSONValue {
        switch below(20) {
        case 0..<10: .string(pick(Self.costLexemes))
        case 10..<16: number(pick(Self.costLexemes))
        case 16..<19: .null
        default: .string(pick(["N/A", "$0.01", "0,0012", ""]))
        }
    }

    // MARK: - Lunary

    static let lunaryTypes = ["llm", "chain", "agent", "tool", "embed", "retriever", "thread", "chat", "custom-event"]

    /// A Lunary run as the server really emits it: feedback in its several shapes, interval-string
    /// durations, `tokens` with `cachedPrompt`, `toxicity` and `enrichment-<uuid>` members.
    mutating func lunaryRun() -> JSONValue {
        let type = percent(90) ? pick(Self.lunaryTypes) : pick(["eval", "Custom Type ✨"])
        let id = uuid()
        let feedbacksEarly = coin()
        var run = JSONObject()
        run.append(key: "id", value: .string(id))
        if percent(90) { run.append(key: "projectId", value: .string(uuid())) }
        if percent(85) { run.append(key: "isPublic", value: .bool(coin())) }
        switch below(10) {
        case 0..<6: run.append(key: "feedback", value: lunaryFeedback())
        case 6..<8: run.append(key: "feedback", value: .null)
        default: break
        }
        switch below(10) {
        case 0..<4: run.append(key: "parentFeedback", value: lunaryFeedback())
        case 4..<7: run.append(key: "parentFeedback", value: .null)
        default: break
        }
        if feedbacksEarly { lunaryLists(into: &run) }
        run.append(key: "type", value: .string(type))
        switch below(10) {
        case 0..<8: run.append(key: "name", value: .string(pick(["gpt-4o-mini", "retrieve-then-answer", "search_docs", text()])))
        case 8: run.append(key: "name", value: .null)
        default: break
        }
        run.append(key: "createdAt", value: .string(timestamp()))
        switch below(10) {
        case 0..<7: run.append(key: "endedAt", value: .string(timestamp()))
        case 7..<9: run.append(key: "endedAt", value: .null)
        default: break
        }
        switch below(10) {
        case 0..<4: run.append(key: "duration", value: number(pick(["2", "3.123", "0", "1E1", "1e-7", "-0", "12345678901234567890"])))
        case 4..<8: run.append(key: "duration", value: .string(pick(Self.intervals)))
        case 8: run.append(key: "duration", value: .null)
        default: break
        }
        switch below(10) {
        case 0..<3: run.append(key: "templateVersionId", value: number(pick(["1183", "7", "12345678901234567890"])))
        case 3: run.append(key: "templateVersionId", value: .string(uuid()))
        case 4..<7: run.append(key: "templateVersionId", value: .null)
        default: break
        }
        switch below(10) {
        case 0..<3: run.append(key: "templateSlug", value: .string(pick(["refund-answer", "summarise", "ответ"])))
        case 3..<6: run.append(key: "templateSlug", value: .null)
        default: break
        }
        switch below(10) {
        case 0..<7: run.append(key: "cost", value: number(pick(Self.costLexemes)))
        case 7..<9: run.append(key: "cost", value: .null)
        default: break
        }
        switch below(10) {
        case 0..<8: run.append(key: "tokens", value: lunaryTokens())
        case 8: run.append(key: "tokens", value: .null)
        default: break
        }
        switch below(20) {
        case 0..<16: run.append(key: "tags", value: .array((0..<below(4)).map { _ in .string(pick(["rag", "prod", "beta", "ab-test", text()])) }))
        case 16: run.append(key: "tags", value: .null)
        default: break
        }
        run.append(key: "input", value: percent(8) ? "__NOT_INGESTED__" : percent(10) ? .null : lunaryPayload())
        run.append(key: "output", value: percent(15) ? .null : lunaryPayload())
        switch below(10) {
        case 0..<6: run.append(key: "error", value: .null)
        case 6..<9: run.append(key: "error", value: finish(["message": .string(text()), "stack": .string(pick(["Error: boom\n    at main.js:1:1", text()]))]))
        default: break
        }
        switch below(20) {
        case 0..<14: run.append(key: "status", value: .string(pick(["success", "error", "started"])))
        case 14..<16: run.append(key: "status", value: .null)
        case 16: run.append(key: "status", value: "filtered")
        case 17: run.append(key: "status", value: .string(pick(Self.unknownEnumValues)))
        default: break
        }
        switch below(20) {
        case 0..<3: run.append(key: "siblingRunId", value: .null)
        case 3: run.append(key: "siblingRunId", value: .string(uuid()))
        default: break  // no longer appears
        }
        for key in ["params", "metadata"] {
            switch below(20) {
            case 0..<13: run.append(key: key, value: .object(userObject(depth: 1)))
            case 13..<16: run.append(key: key, value: .object(JSONObject()))
            case 16: run.append(key: key, value: .null)
            default: break
            }
        }
        if type == "thread" || percent(15) {
            run.append(key: "firstMessage", value: percent(85) ? lunaryMessage() : .null)
            run.append(key: "messagesCount", value: number(pick(["0", "1", "12"])))
        }
        switch below(10) {
        case 0..<5: run.append(key: "user", value: lunaryUser())
        case 5..<8: run.append(key: "user", value: .null)
        default: break
        }
        if percent(85) { run.append(key: "traceId", value: .string(percent(70) ? id : uuid())) }
        if !feedbacksEarly { lunaryLists(into: &run) }
        if percent(15) {
            let side = { (generator: inout Self) -> JSONValue in
                generator.finish(["isToxic": .bool(generator.coin()),
                                  "labels": .array((0..<generator.below(3)).map { _ in .string(generator.pick(["insult", "threat", "profanity"])) })])
            }
            run.append(key: "toxicity", value: finish(["input": side(&self), "output": side(&self)]))
        }
        if percent(15) {
            run.append(key: "enrichment-" + uuid(), value: finish(["topics": .array((0..<below(3)).map { _ in .string(text()) }),
                                                                   "score": coin() ? number(pick(Self.unitLexemes)) : .null]))
        }
        return finish(run)
    }

    /// `feedbacks[]` and `scores[]`, which the server sends beyond its docs.
    private mutating func lunaryLists(into run: inout JSONObject) {
        if percent(30) { run.append(key: "feedbacks", value: .array((0..<below(4)).map { _ in lunaryFeedback() })) }
        if percent(30) { run.append(key: "scores", value: .array((0..<below(4)).map { _ in lunaryLabelledScore() })) }
    }

    /// A feedback object: what the API writes (`{thumb, comment}`, older `{thumbs}`), the documented
    /// `{score, flags, comment}`, or nothing but a comment; other keys merged in.
    private mutating func lunaryFeedback() -> JSONValue {
        var feedback = JSONObject()
        switch below(10) {
        case 0..<4:
            feedback.append(key: "thumb", value: percent(85) ? .string(pick(["up", "down"])) : percent(60) ? .null : .string(pick(["neutral", "👍"])))
        case 4..<6:
            feedback.append(key: "thumbs", value: percent(90) ? .string(pick(["up", "down"])) : .null)
        case 6..<9:
            feedback.append(key: "score", value: number(pick(["0.5", "1", "0", "-1", "1.0", "1E1", "1e-7"])))
            if percent(80) { feedback.append(key: "flags", value: .array((0..<below(3)).map { _ in .string(pick(["slow", "verbose", "wrong", text()])) })) }
        default:
            break
        }
        switch below(10) {
        case 0..<5: feedback.append(key: "comment", value: .string(text()))
        case 5: feedback.append(key: "comment", value: .null)
        default: break
        }
        if percent(15) { feedback.append(key: "source", value: .string(pick(["widget", "api", "slack"]))) }
        // Other keys merged in, now and then those of another shape.
        if percent(8), !feedback.contains(key: "score") { feedback.append(key: "score", value: number(pick(["1", "0.5"]))) }
        if percent(8), !feedback.contains(key: "thumb") { feedback.append(key: "thumb", value: percent(70) ? .null : "up") }
        return finish(feedback)
    }

    /// A `scores[]` element: `{label, value, comment}`, `value` a number, string or boolean.
    private mutating func lunaryLabelledScore() -> JSONValue {
        var score = JSONObject()
        score.append(key: "label", value: .string(pick(["helpfulness", "toxicity", "relevance", "exactness", text()])))
        switch below(10) {
        case 0..<5: score.append(key: "value", value: number(pick(["1", "0", "0.5", "1.0", "1E1", "-0", "12345678901234567890", "1e-7"])))
        case 5..<8: score.append(key: "value", value: .string(pick(["good", "bad", text()])))
        default: score.append(key: "value", value: .bool(coin()))
        }
        switch below(10) {
        case 0..<4: score.append(key: "comment", value: .string(text()))
        case 4: score.append(key: "comment", value: .null)
        default: break
        }
        return finish(score)
    }

    /// `tokens`: the documented three, plus `cachedPrompt`, or `total: 0` with `null` parts.
    private mutating func lunaryTokens() -> JSONValue {
        var tokens = JSONObject()
        switch below(10) {
        case 0..<5:
            tokens.append(key: "completion", value: number(pick(Self.integerLexemes)))
            tokens.append(key: "prompt", value: number(pick(Self.integerLexemes)))
            tokens.append(key: "total", value: number(pick(Self.integerLexemes)))
        case 5..<7:
            tokens.append(key: "completion", value: number(pick(Self.integerLexemes)))
            tokens.append(key: "prompt", value: number(pick(Self.integerLexemes)))
            tokens.append(key: "total", value: number(pick(Self.integerLexemes)))
            tokens.append(key: "cachedPrompt", value: number(pick(Self.integerLexemes)))
        case 7..<9:
            tokens.append(key: "completion", value: .null)
            tokens.append(key: "prompt", value: .null)
            tokens.append(key: "total", value: 0)
        default:
            for key in ["prompt", "total", "completion"] where coin() { tokens.append(key: key, value: number(pick(["1.0", "1E1", "-0", "7"]))) }
        }
        return finish(tokens)
    }

    /// `input` or `output`: chat messages, an object, a string, or any JSON.
    private mutating func lunaryPayload() -> JSONValue {
        switch below(5) {
        case 0, 1: .array((0..<(1 + below(3))).map { _ in lunaryMessage() })
        case 2: dataObject(mainKey: "question")
        case 3: .string(text())
        default: json(depth: 1)
        }
    }

    private mutating func lunaryMessage() -> JSONValue {
        var message = JSONObject()
        message.append(key: "role", value: .string(pick(["system", "user", "assistant", "tool"])))
        message.append(key: "content", value: percent(90) ? .string(text()) : .null)
        if percent(40) {
            message.append(key: "enrichments", value: .array((0..<below(3)).map { _ in
                finish(["type": .string(pick(["language", "pii", "sentiment"])), "result": json(depth: 2)])
            }))
        }
        return finish(message)
    }

    private mutating func lunaryUser() -> JSONValue {
        var user = JSONObject()
        user.append(key: "id", value: number(pick(["4821", "1", "12345678901234567890"])))
        user.append(key: "externalId", value: percent(85) ? .string(pick(["cliente-301", "user@example.com", text()])) : .null)
        user.append(key: "createdAt", value: .string(timestamp()))
        user.append(key: "lastSeen", value: .string(timestamp()))
        user.append(key: "props", value: percent(80) ? .object(userObject(depth: 1)) : .null)
        return finish(user)
    }

    static let intervals = ["00:00:03.123", "00:00:00", "00:01:05.5", "1 day 02:00:00", "2 days 00:00:00.000001", "-00:00:01.5",
                            "00:00:03.123456", "100:00:00", "@ 3.123 secs"]

    // MARK: - Shared pieces

    /// Enum values no vendor documents, for the open enums.
    static let unknownEnumValues = ["archived", "QUEUED", "paused_by_admin", "", "Ünknown ✨", "RUNNING\n"]
    static let countLexemes = ["0", "1", "3", "10", "10.0", "1E1", "12345678901234567890"]
    static let integerLexemes = ["0", "1", "2", "17", "500", "18231", "12345678901234567890"]
    static let costLexemes = ["1", "1.0", "1E1", "-0", "0", "0.0004", "0.0731", "0.001200000000000", "1e-7", "12345678901234567890"]
    static let unitLexemes = ["0", "1", "0.5", "0.75", "1.0", "0.857", "0.001200000000000", "1e-7", "-0"]
    static let percentLexemes = ["100", "83.5", "83.50", "0", "-0", "1E1", "70", "99.99999", "1e-7", "1.0", "12345678901234567890"]
    static let thresholdLexemes = ["70", "50", "0", "100", "1E1", "70.5"]

    static let timestamps = ["2026-04-01T09:12:00Z", "2026-04-01T09:12:00.123Z", "2026-04-01T09:12:00.123456+02:00",
                             "2025-08-01 12:00:00", "2026-04-11T09:15:03.123Z", "2025-06-12T08:00:04Z"]
    static let emails = ["analyst@acme.com", "jürgen.weiß@brightmart.example", "li.wei@quillbank.example", "o'brien+evals@example.org"]
    static let words = ["refund", "policy", "Paris", "is", "the", "capital", "of", "France", "warranty", "two", "years", "Jupiter",
                        "transfer", "Größe", "naïve", "café", "日本語", "中文", "Ελληνικά", "עברית", "😀", "🚀", "🏳️‍🌈", "👩🏽‍💻"]
    /// Strings that are hard to write and compare: escapes, control characters, look-alikes.
    static let oddStrings = ["", " ", "plain", "quote \" inside", "back\\slash", "both \\\" mixed", "line\nbreak", "crlf\r\n", "tab\there",
                             "nul \u{00} bell \u{07} esc \u{1B} unit \u{1F}", "\u{7F} del", "slash / and ~tilde ~0 ~1", "e\u{301} vs é",
                             "\u{212A}elvin", "line sep \u{2028} para sep \u{2029}", "bom \u{FEFF}", "replacement \u{FFFD}", "null",
                             "true", "0", "{\"json\": [1]}", "<b>&amp;</b>", "emoji 😀 flag 🏳️‍🌈 family 👨‍👩‍👧"]
    /// Unknown member names for the extra fields: none is a key any vendor documents.
    static let extraKeys = ["futureField", "x_trace_id", "_meta", "__typename", "schema_version", "région", "emoji 🚀", "a/b~c", "~1",
                            "", " ", "quote \" key", "back\\slash", "tab\tkey", "line\nkey", "ключ", "日本語", "é", "e\u{301}", "K",
                            "\u{212A}", "null", "0", "deprecated", "links"]
    /// Member names for user data (`inputs`, `metadata`, `metric_args`, …).
    static let dataKeys = ["question", "answer", "context", "lang", "weights", "mode", "items", "a/b~c", "", "名前", "emoji😀",
                           "nul\u{00}key", "K", "\u{212A}", "score", "id"]

    private mutating func text() -> String {
        switch below(10) {
        case 0..<6: (0..<(1 + below(6))).map { _ in pick(Self.words) }.joined(separator: " ")
        case 6..<9: pick(Self.oddStrings)
        default: pick(Self.words) + " " + pick(Self.oddStrings)
        }
    }

    /// A string of exactly 100 Unicode scalars (code points, as Aegis counts), mixing odd text.
    private mutating func exactlyHundredCharacters() -> String {
        var scalars = String.UnicodeScalarView()
        while scalars.count < 100 {
            scalars.append(contentsOf: text().unicodeScalars)
            scalars.append(" ")
        }
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: scalars.prefix(100))
        return String(cut)
    }

    private mutating func uuid() -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for position in 0..<32 {
            if [8, 12, 16, 20].contains(position) { text.append("-") }
            text.append(digits[below(16)])
        }
        return text
    }

    private mutating func timestamp() -> String { pick(Self.timestamps) }
    private mutating func email() -> String { pick(Self.emails) }

    /// A user-data object with `mainKey` most of the time, and a few random members.
    private mutating func dataObject(mainKey: String) -> JSONValue {
        var object = percent(85) ? JSONObject([JSONObject.Member(key: mainKey, value: .string(text()))]) : JSONObject()
        for member in userObject(depth: 1) where !object.keys.contains(where: { $0.utf8.elementsEqual(member.key.utf8) }) {
            object.append(key: member.key, value: member.value)
        }
        return .object(object)
    }

    /// A user-data object: 0–3 members with distinct keys and random values.
    private mutating func userObject(depth: Int) -> JSONObject {
        var object = JSONObject()
        for _ in 0..<below(4) {
            let key = pick(Self.dataKeys)
            if object.keys.contains(where: { $0.utf8.elementsEqual(key.utf8) }) { continue }
            object.append(key: key, value: json(depth: depth))
        }
        return object
    }

    /// Any JSON value, nested at most three levels below `depth` 0.
    private mutating func json(depth: Int = 0) -> JSONValue {
        switch below(depth >= 2 ? 5 : 7) {
        case 0: .null
        case 1: .bool(coin())
        case 2: number(pick(Self.costLexemes + Self.percentLexemes))
        case 3, 4: .string(text())
        case 5: .array((0..<below(4)).map { _ in json(depth: depth + 1) })
        default: .object(userObject(depth: depth + 1))
        }
    }

    /// `object` with, some of the time, 1–3 unknown members (random nested values, at the end or
    /// anywhere), and its members now and then shuffled.
    private mutating func finish(_ object: JSONObject, extrasPercent: Int = 35, shufflePercent: Int = 12) -> JSONValue {
        var members = object.members
        if percent(extrasPercent) {
            for _ in 0..<(1 + below(3)) {
                let key = pick(Self.extraKeys)
                if members.contains(where: { $0.key.utf8.elementsEqual(key.utf8) }) { continue }
                let member = JSONObject.Member(key: key, value: json())
                if coin() { members.append(member) } else { members.insert(member, at: below(members.count + 1)) }
            }
        }
        if percent(shufflePercent) { members = shuffled(members) }
        return .object(JSONObject(members))
    }

    private func number(_ lexeme: String) -> JSONValue {
        guard let number = JSONNumber(lexeme: lexeme) else { preconditionFailure("not a JSON number: \(lexeme)") }
        return .number(number)
    }

    // MARK: - Randomness

    private mutating func below(_ bound: Int) -> Int { Int(source.next() % UInt64(bound)) }
    private mutating func percent(_ chance: Int) -> Bool { below(100) < chance }
    private mutating func coin() -> Bool { below(2) == 0 }
    private mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    /// Fisher–Yates, driven by the seeded source (the standard library's shuffle promises no stable order).
    private mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var elements = elements
        for index in elements.indices.dropLast().reversed() {
            elements.swapAt(index, index + below(elements.count - index))
        }
        return elements
    }
}
