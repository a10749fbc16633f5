// Scorecard records pages ↔ canonical records and scores.
//
// Each page's envelope (`nextCursor`, `hasMore`, `total`, unknown keys) and how many records it held
// are kept in `extensions.scorecard.pages[i]` of the run: `{"records": n, "fields": …, "keyOrder": …}`.

extension ScorecardCodec {
    static let recordKeys = ["id", "runId", "testcaseId", "inputs", "expected", "outputs", "scores"]
    static let scoreKeys = ["recordId", "metricConfigId", "score", "validationErrors"]

    /// Appends a page's records to `run` and returns what to keep of the page.
    func decodePage(_ value: JSONValue, into run: inout EvalRun) throws(EvalNormError) -> JSONValue {
        var reader = try MemberReader(value, at: JSONPointer(), documentedKeys: ScorecardCodec.pageKeys)
        var count = 0
        if let data = reader.take("data") {
            if case .array(let elements) = data, elements.allSatisfy({ $0.objectValue != nil }) {
                for (offset, element) in elements.enumerated() {
                    run.records.append(decodeRecord(element, runID: run.id, at: JSONPointer(tokens: ["data"]).appending(index: offset)))
                }
                count = elements.count
            } else {
                reader.keep("data")
            }
        }
        // The page's own bag, with `records` first for readability.
        var page: JSONObject = ["records": .number(JSONNumber(count))]
        if let kept = reader.finish().value?.objectValue { page.members.append(contentsOf: kept.members) }
        return .object(page)
    }

    func encodePage(of run: EvalRun, from next: inout Int, bag value: JSONValue?, isLast: Bool, number: Int) throws(EvalNormError) -> JSONObject {
        let pointer = JSONPointer(tokens: ["extensions", "scorecard", "pages"]).appending(index: number)
        let bag = try VendorBag(value, at: pointer)
        var count = run.records.count - next
        if !isLast, let kept = bag.extra["records"]?.numberValue?.int64Value, kept >= 0, kept <= count { count = Int(kept) }
        var writer = MemberWriter(bag: bag, documentedKeys: ScorecardCodec.pageKeys)
        if count == 0 && bag.fields.contains(key: "data") {
            writer.write("data", raw: nil)
        } else {
            var data: [JSONValue] = []
            data.reserveCapacity(count)
            for offset in next..<(next + count) {
                data.append(.object(try encodeRecord(run.records[offset], runID: run.id, at: JSONPointer(tokens: ["records"]).appending(index: offset))))
            }
            writer.write("data", raw: .array(data))
        }
        next += count
        if bag.fields.isEmpty && bag.keyOrder == nil {
            // A page made for a run from elsewhere: one page holds everything.
            writer.write("nextCursor", raw: .null)
            writer.write("hasMore", raw: false)
        }
        return writer.finish()
    }

    private func decodeRecord(_ value: JSONValue, runID: String, at pointer: JSONPointer) -> EvalRecord {
        guard case .object(let object) = value else { return EvalRecord() }
        var reader = MemberReader(object, at: pointer, documentedKeys: ScorecardCodec.recordKeys)
        var record = EvalRecord(id: reader.read("id", .string))
        if reader.take("runId") != .string(runID) { reader.keep("runId") }
        record.testcaseId = reader.read("testcaseId", .string)
        record.inputs = reader.read("inputs", .any)
        record.expected = reader.read("expected", .any)
        record.outputs = reader.read("outputs", .any)
        if let scores = reader.take("scores") {
            if case .array(let elements) = scores, elements.allSatisfy({ $0.objectValue != nil }) {
                record.scores = elements.enumerated().map { offset, element in
                    decodeScore(element.objectValue ?? JSONObject(), recordID: record.id, at: pointer.appending("scores").appending(index: offset))
                }
            } else {
                reader.keep("scores")
            }
        }
        reader.finish().store(in: &record.extensions, vendor: .scorecard)
        return record
    }

    private func encodeRecord(_ record: EvalRecord, runID: String, at pointer: JSONPointer) throws(EvalNormError) -> JSONObject {
        let bag = try VendorBag(in: record.extensions, vendor: .scorecard, at: pointer.appending("extensions"))
        var writer = MemberWriter(bag: bag, documentedKeys: ScorecardCodec.recordKeys)
        writer.write("id", record.id, .string)
        writer.write("runId", derived: .string(runID))
        writer.write("testcaseId", record.testcaseId, .string)
        writer.write("inputs", record.inputs, .any)
        writer.write("expected", record.expected, .any)
        writer.write("outputs", record.outputs, .any)
        if record.scores.isEmpty && bag.fields.contains(key: "scores") {
            writer.write("scores", raw: nil)
        } else {
            var scores: [JSONValue] = []
            for (offset, score) in record.scores.enumerated() {
                scores.append(.object(try encodeScore(score, recordID: record.id, at: pointer.appending("scores").appending(index: offset))))
            }
            writer.write("scores", raw: .array(scores))
        }
        return writer.finish()
    }

    private func decodeScore(_ object: JSONObject, recordID: String?, at pointer: JSONPointer) -> Score {
        var reader = MemberReader(object, at: pointer, documentedKeys: ScorecardCodec.scoreKeys)
        if reader.take("recordId") != recordID.map(JSONValue.string) { reader.keep("recordId") }
        var score = Score(metric: MetricReference(id: reader.read("metricConfigId", .string)))
        var scoreKey: String?
        if let value = reader.take("score") {
            if let decoded = ScorecardCodec.scoreValue(of: value) {
                score.value = decoded.value
                score.reasoning = decoded.reasoning
                score.scale = decoded.scale
                scoreKey = decoded.key
            } else {
                reader.keep("score")
            }
        }
        score.validationErrors = reader.read("validationErrors", .validationIssues)
        var bag = reader.finish()
        // The key a `{value: …}` score was written with, where the type alone would choose another.
        if let scoreKey, let value = score.value, scoreKey != ScorecardCodec.defaultScoreKey(for: value.type) {
            bag.extra["scoreKey"] = .string(scoreKey)
        }
        bag.store(in: &score.extensions, vendor: .scorecard)
        return score
    }

    private func encodeScore(_ score: Score, recordID: String?, at pointer: JSONPointer) throws(EvalNormError) -> JSONObject {
        let bag = try VendorBag(in: score.extensions, vendor: .scorecard, at: pointer.appending("extensions"))
        var writer = MemberWriter(bag: bag, documentedKeys: ScorecardCodec.scoreKeys)
        writer.write("recordId", derived: recordID.map(JSONValue.string))
        writer.write("metricConfigId", score.metric.id, .string)
        let key = bag.extra["scoreKey"]?.stringValue
        writer.write("score", raw: score.value.map { ScorecardCodec.scoreObject($0, reasoning: score.reasoning, key: key) })
        writer.write("validationErrors", score.validationErrors, .validationIssues)
        return writer.finish()
    }
}
