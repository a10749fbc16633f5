// Scorecard runs (GET /runs/{runId}) with their records pages (GET /runs/{runId}/records).

/// What a Scorecard metric's `score` objects look like: the documented `{binaryScore}`, `{intScore}`
/// and `{floatScore}` shapes, and the `{value}`, several-numbers and `{}` shapes seen in the wild.
private enum ScorecardScoreShape: CaseIterable {
    case binary, integer, float, label, numericValue, booleanValue, severalNumbers
}

extension DumpGenerator {
    /// Scorecard runs adding up to at least `targetBytes`, each as `[run, page 1, page 2, …]`: the run
    /// document (GET /runs/{runId}), then 2–4 records pages (GET /runs/{runId}/records) of
    /// `recordsPerPage` records (the last one fewer), chained by `nextCursor` and `hasMore` as the API
    /// pages them, so that ``ScorecardCodec`` reads each run's documents in order as one run.
    ///
    /// Valid against `scorecard-run.schema.json` and `scorecard-records-page.schema.json`, and
    /// string-heavy as real runs are: long questions, contexts and responses (about 4 KB a record)
    /// with every metric's score and its reasoning. One run in five is a legacy run (no counts, no
    /// `metricVersionIds`, sometimes `systemConfigId`); runs still scoring or awaiting human review
    /// have records with fewer scores.
    mutating func makeScorecardRuns(targetBytes: Int, recordsPerPage: Int) -> [[[UInt8]]] {
        var runs: [[[UInt8]]] = []
        var total = 0
        var nextRecordID = 55_101
        while total < targetBytes {
            let run = makeScorecardRun(id: 1374 + runs.count, nextRecordID: &nextRecordID, recordsPerPage: max(1, recordsPerPage))
            total += run.reduce(0) { $0 + $1.count }
            runs.append(run)
        }
        return runs
    }

    /// One run's documents: the pages are written first, to count their scores for `numScores`.
    private mutating func makeScorecardRun(id: Int, nextRecordID: inout Int, recordsPerPage: Int) -> [[UInt8]] {
        let runID = String(id)
        let isLegacy = random.next(below: 5) == 0
        let hasTestset = isLegacy || random.next(below: 6) != 0
        let statuses = ["completed", "completed", "completed", "completed", "completed", "completed", "completed",
                        "running_scoring", "awaiting_human_scoring", "awaiting_human_scoring"]
        let status = isLegacy ? "completed" : statuses[random.next(below: statuses.count)]
        var metrics: [(id: String, shape: ScorecardScoreShape)] = [(uuid(), .binary), (uuid(), .integer)]
        for _ in 0..<random.next(below: 4) {
            let shapes = ScorecardScoreShape.allCases
            metrics.append((uuid(), shapes[random.next(below: shapes.count)]))
        }
        // Awaiting human review: the last metric, a label, is scored for some records only.
        if status == "awaiting_human_scoring" { metrics.append((uuid(), .label)) }

        let pageCount = 2 + random.next(below: 3)
        let recordCount = (pageCount - 1) * recordsPerPage + 1 + random.next(below: recordsPerPage)
        let scoredRecords = status == "running_scoring" ? recordCount * (30 + random.next(below: 60)) / 100 : recordCount
        let statesTotal = random.next(below: 4) != 0
        let writesEmptyValidationErrors = random.next(below: 2) == 0
        let testcaseBase = 9000 + random.next(below: 90_000)
        var scoreCount = 0
        var documents: [[UInt8]] = [[]]
        var recordIndex = 0
        for page in 0..<pageCount {
            output = []
            append(#"{"data":["#)
            let end = min(recordCount, recordIndex + recordsPerPage)
            while recordIndex < end {
                if output.last != UInt8(ascii: "[") { append(",") }
                var scored = recordIndex < scoredRecords ? metrics : []
                if status == "awaiting_human_scoring", !scored.isEmpty, random.next(below: 3) != 0 { scored.removeLast() }
                appendScorecardRecord(id: String(nextRecordID), runID: runID, testcaseID: hasTestset ? String(testcaseBase + recordIndex) : nil,
                                      metrics: scored, writesEmptyValidationErrors: writesEmptyValidationErrors)
                scoreCount += scored.count
                nextRecordID += 1
                recordIndex += 1
            }
            let isLast = page == pageCount - 1
            // The cursor is the id of the next page's first record, as in the API reference's example.
            append(isLast ? #"],"nextCursor":null,"hasMore":false"# : #"],"nextCursor":""# + String(nextRecordID) + #"","hasMore":true"#)
            if statesTotal { append(#","total":"# + String(recordCount)) }
            append("}")
            documents.append(output)
        }

        output = []
        append(#"{"id":""#)
        append(runID)
        if isLegacy {
            // Created before late 2025: no counts, no metric versions, `systemConfigId` at most.
            if random.next(below: 2) == 0 { append(#"","testsetId":""# + String(200 + random.next(below: 800))) }
            if random.next(below: 2) == 0 { append(#"","systemConfigId":""# + uuid()) }
            append(#"","metricIds":["#)
            appendQuotedList(metrics.map(\.id))
            append("],")
        } else {
            let hasSystem = hasTestset || random.next(below: 2) == 0
            append(hasTestset ? #"","testsetId":""# + String(200 + random.next(below: 800)) + "\"" : #"","testsetId":null"#)
            append(hasSystem ? #","systemId":""# + uuid() + #"","systemVersionId":""# + uuid() + "\"" : #","systemId":null,"systemVersionId":null"#)
            append(#","metricIds":["#)
            appendQuotedList(metrics.map(\.id))
            append(#"],"metricVersionIds":["#)
            // The two arrays may differ in length: a metric added without a pinned version.
            let versioned = metrics.count - (metrics.count > 2 && random.next(below: 8) == 0 ? 1 : 0)
            appendQuotedList((0..<versioned).map { _ in uuid() })
            // Counts are JSON numbers, written `10` or `10.0`.
            let fraction = random.next(below: 4) == 0 ? ".0" : ""
            append(#"],"numRecords":"# + String(recordCount) + fraction)
            append(#","numExpectedRecords":"# + (hasTestset ? String(recordCount) + fraction : "null"))
            append(#","numScores":"# + String(scoreCount) + fraction + ",")
        }
        append(#""status":""# + status + #""}"#)
        documents[0] = output
        return documents
    }

    /// `"a","b","c"`: strings that need no escapes.
    private mutating func appendQuotedList(_ items: [String]) {
        for (position, item) in items.enumerated() {
            append(position == 0 ? "\"" : ",\"")
            append(item)
            append("\"")
        }
    }

    /// One record with its scores, one per metric in `metrics`; `testcaseID` is `nil` for a run without a
    /// testset, whose records expect nothing.
    private mutating func appendScorecardRecord(id: String, runID: String, testcaseID: String?,
                                                metrics: [(id: String, shape: ScorecardScoreShape)], writesEmptyValidationErrors: Bool) {
        append(#"{"id":""#)
        append(id)
        append(#"","runId":""#)
        append(runID)
        if let testcaseID { append(#"","testcaseId":""# + testcaseID) }
        append(#"","inputs":{"question":"#)
        appendText(words: 10 + random.next(below: 50))
        append(#","context":"#)
        appendText(words: 40 + random.next(below: 200))
        append(#","channel":"#)
        appendChoice(["chat", "email", "voice", "web"])
        append(#","locale":"#)
        appendChoice(["en-GB", "en-US", "de-DE", "fr-FR", "ja-JP", "pt-BR"])
        append(#","askedAt":"#)
        let asked = random.next(below: 27 * 86_400)
        appendTimestamp(month: 11, seconds: asked, millis: random.next(below: 1000))
        append(#"},"expected":{"#)
        if testcaseID != nil {
            append(#""idealAnswer":"#)
            appendText(words: 5 + random.next(below: 40))
        }
        append(#"},"outputs":{"response":"#)
        appendText(words: 30 + random.next(below: 220))
        append(#","model":"#)
        appendChoice(["gpt-4o-mini", "gpt-4.1", "claude-sonnet-4-5", "gemini-2.5-flash"])
        append(#","latencyMs":"#)
        append(String(200 + random.next(below: 9000)))
        append(#","respondedAt":"#)
        appendTimestamp(month: 11, seconds: asked + 1 + random.next(below: 30), millis: random.next(below: 1000))
        append(#"},"scores":["#)
        for (position, metric) in metrics.enumerated() {
            if position > 0 { append(",") }
            append(#"{"recordId":""#)
            append(id)
            append(#"","metricConfigId":""#)
            append(metric.id)
            append(#"","score":"#)
            // One score in fifty does not conform to its metric's output schema.
            if random.next(below: 50) == 0 {
                if metric.shape == .integer {
                    append(#"{"intScore":"# + String(6 + random.next(below: 5)) + #","reasoning":"#)
                    appendText(words: 5 + random.next(below: 20))
                    append(#"},"validationErrors":[{"path":"/intScore","message":"Must be less than or equal to 5"}]}"#)
                } else {
                    append(#"{},"validationErrors":[{"path":"/","message":"Required field missing"}]}"#)
                }
                continue
            }
            appendScorecardScore(metric.shape)
            append(writesEmptyValidationErrors ? #","validationErrors":[]}"# : "}")
        }
        append("]}")
    }

    /// A `score` object of the given shape.
    private mutating func appendScorecardScore(_ shape: ScorecardScoreShape) {
        switch shape {
        case .binary:
            append(random.next(below: 4) == 0 ? #"{"binaryScore":false"# : #"{"binaryScore":true"#)
        case .integer:
            append(#"{"intScore":"# + String(1 + random.next(below: 5)))
        case .float:
            append(#"{"floatScore":"#)
            appendUnitNumber()
            if random.next(below: 3) == 0 {
                append("}")
                return
            }
        case .label:
            append(#"{"value":"#)
            appendChoice(["relevant", "partially_relevant", "irrelevant", "needs_escalation", "pertinent-ça", "関連あり"])
        case .numericValue:
            append(#"{"value":"#)
            appendNumber()
        case .booleanValue:
            append(random.next(below: 3) == 0 ? #"{"value":false"# : #"{"value":true"#)
        case .severalNumbers:
            append(#"{"f1_score":"#)
            appendUnitNumber()
            append(#","precision":"#)
            appendUnitNumber()
            append(#","recall":"#)
            appendUnitNumber()
            append("}")
            return
        }
        append(#","reasoning":"#)
        appendText(words: 8 + random.next(below: 50))
        append("}")
    }

    /// A number from 0 to 1 in one of the forms scorers write: `0.75`, `0.8333333333333334`, `1`,
    /// `1.0`, `8.5e-1`, `0.05`.
    private mutating func appendUnitNumber() {
        switch random.next(below: 6) {
        case 0:
            append("0." + String(1 + random.next(below: 99)))
        case 1:
            append("0.")
            appendPadded(random.next(below: 10_000_000_000), width: 10)
            appendPadded(1 + random.next(below: 999_999), width: 6)
        case 2:
            append(["0", "1", "1.0", "0.0", "0.5"][random.next(below: 5)])
        case 3:
            append(String(1 + random.next(below: 9)) + "." + String(random.next(below: 100)) + (random.next(below: 2) == 0 ? "e-1" : "E-1"))
        case 4:
            append("0.0")
            appendPadded(random.next(below: 100), width: 2)
        default:
            append("0.")
            appendPadded(random.next(below: 1000), width: 3)
        }
    }
}
