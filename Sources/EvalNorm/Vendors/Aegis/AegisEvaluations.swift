// Aegis `evaluations[]` ↔ canonical records and scores.
//
// Each evaluation is one metric applied to one record, and repeats that record (strings cut to 100
// characters). Decoding groups evaluations by `record_index` into records, in the order each index
// first appears, with each record's scores in evaluation order; `extensions.aegis.evaluationOrder`
// (the record position of each evaluation) restores an interleaved order on encoding. The first
// evaluation of a group supplies the record; a later evaluation whose `record` differs from it keeps
// its own copy in its score's `extensions.aegis.fields`.

extension AegisCodec {
    /// The keys of an evaluation, in the documented order.
    static let evaluationKeys = [
        "id", "run_id", "record_index", "metric", "record", "result", "threshold", "explanation", "model_slug",
        "metric_args", "started_at", "finished_at", "evaluation_cost", "is_success", "is_gte_threshold", "eval_metadata",
    ]

    /// The keys of an evaluation's `record`, in the documented order.
    static let recordKeys = ["id", "prompt", "input", "context", "output", "golden_answer"]

    /// Aegis scores are percentages.
    static let scale = ScoreScale(min: 0, max: 100)

    /// Fills `run.records` from `evaluations` and returns the record position of each evaluation, or
    /// `nil` (and leaves `run` alone) when `evaluations` is not an array of objects each with a `record`
    /// object.
    ///
    /// Grouping is one quick pass; the records and scores are then read on several threads for a run
    /// of a thousand evaluations or more (``Shares``), and put together in evaluation order.
    func decodeEvaluations(_ evaluations: JSONValue, into run: inout EvalRun) -> [Int]? {
        guard case .array(let elements) = evaluations else { return nil }
        var groups = EvaluationGroups()
        groups.objects.reserveCapacity(elements.count)
        groups.records.reserveCapacity(elements.count)
        groups.positions.reserveCapacity(elements.count)
        var positionByIndex: [JSONValue: Int] = [:]
        for element in elements {
            guard case .object(let object) = element, case .object(let record)? = object["record"] else { return nil }
            let indexValue = object["record_index"] ?? .null
            if let known = positionByIndex[indexValue] {
                groups.positions.append(known)
            } else {
                positionByIndex[indexValue] = groups.firstEvaluations.count
                groups.positions.append(groups.firstEvaluations.count)
                groups.firstEvaluations.append(groups.objects.count)
            }
            groups.objects.append(object)
            groups.records.append(record)
        }
        let runID = FieldCoding.numericID.encode(run.id)
        let count = groups.objects.count
        let shares = Shares.map(count, jobs: Shares.jobs(for: count)) { [groups] range in
            range.map { offset in decodeEvaluation(offset, of: groups, runID: runID) }
        }
        // A record comes with the first evaluation of its group, so it is in place before its scores.
        var records: [EvalRecord] = []
        records.reserveCapacity(groups.firstEvaluations.count)
        for (offset, evaluation) in shares.joined().enumerated() {
            if let record = evaluation.record { records.append(record) }
            records[groups.positions[offset]].scores.append(evaluation.score)
        }
        run.records = records
        return groups.positions
    }

    /// The evaluations grouped by record: each evaluation's object, `record` object and record
    /// position, and the evaluation each record position is first seen in.
    private struct EvaluationGroups: Sendable {
        var objects: [JSONObject] = []
        var records: [JSONObject] = []
        var positions: [Int] = []
        var firstEvaluations: [Int] = []
    }

    /// The score of evaluation `offset`, and its record when it is the first of its group.
    private func decodeEvaluation(_ offset: Int, of groups: EvaluationGroups, runID: JSONValue) -> (record: EvalRecord?, score: Score) {
        let pointer = JSONPointer(tokens: ["evaluations"]).appending(index: offset)
        let object = groups.objects[offset]
        let first = groups.firstEvaluations[groups.positions[offset]]
        // Only a whole number is a canonical record index; any other value stays verbatim.
        let index = object["record_index"]?.numberValue.flatMap { $0.isIntegral ? $0 : nil }
        let record = first == offset ? decodeRecord(groups.records[offset], index: index, at: pointer.appending("record")) : nil
        var reader = MemberReader(object, at: pointer, documentedKeys: AegisCodec.evaluationKeys)
        reader.keep("id")
        if reader.take("run_id") != runID { reader.keep("run_id") }
        if reader.take("record_index") != index.map(JSONValue.number) { reader.keep("record_index") }
        if reader.take("record") != .object(groups.records[first]) { reader.keep("record") }
        return (record, decodeScore(&reader))
    }

    private func decodeRecord(_ object: JSONObject, index: JSONNumber?, at pointer: JSONPointer) -> EvalRecord {
        var reader = MemberReader(object, at: pointer, documentedKeys: AegisCodec.recordKeys)
        var record = EvalRecord(id: reader.read("id", .numericID), index: index)
        var truncated: [JSONPointer] = []
        func text(_ key: String, at canonicalPointer: JSONPointer) -> JSONValue? {
            let value = reader.read(key, .any)
            // 100 characters take 100 to 400 UTF-8 bytes; the byte count rules most strings out at once.
            if case .string(let string)? = value, (100...400).contains(string.utf8.count), string.unicodeScalarCount == 100 {
                truncated.append(canonicalPointer)
            }
            return value
        }
        var inputs = JSONObject()
        if let prompt = text("prompt", at: ["inputs", "prompt"]) { inputs["prompt"] = prompt }
        if let input = text("input", at: ["inputs", "input"]) { inputs["input"] = input }
        if !inputs.isEmpty { record.inputs = .object(inputs) }
        record.context = text("context", at: ["context"])
        if let output = text("output", at: ["outputs", "output"]) { record.outputs = ["output": output] }
        if let golden = text("golden_answer", at: ["expected", "golden_answer"]) { record.expected = ["golden_answer": golden] }
        if !truncated.isEmpty { record.possiblyTruncated = truncated }
        reader.finish().store(in: &record.extensions, vendor: .aegis)
        return record
    }

    private func decodeScore(_ reader: inout MemberReader) -> Score {
        var score = Score(metric: MetricReference(name: reader.read("metric", .string)))
        score.value = reader.read("result", .number).map(ScoreValue.number)
        score.scale = AegisCodec.scale
        score.threshold = reader.read("threshold", .number)
        score.reasoning = reader.read("explanation", .string)
        score.model = reader.read("model_slug", .string)
        score.arguments = reader.read("metric_args", .any)
        score.startedAt = reader.read("started_at", .timestamp)
        score.finishedAt = reader.read("finished_at", .timestamp)
        score.cost = reader.read("evaluation_cost", .decimalString).map { Cost(total: $0) }
        score.succeeded = reader.read("is_success", .bool)
        score.passed = reader.read("is_gte_threshold", .bool)
        score.metadata = reader.read("eval_metadata", .any)
        reader.finish().store(in: &score.extensions, vendor: .aegis)
        return score
    }

    /// The `evaluations` array of `run`: grouped by record, or interleaved as `order` says when it
    /// lists a record position for every score.
    ///
    /// A run of a thousand records or more is encoded on several threads (``Shares``).
    func encodeEvaluations(of run: EvalRun, order: JSONValue?) throws(EvalNormError) -> [JSONValue] {
        let runID = FieldCoding.numericID.encode(run.id)
        let records = run.records
        let shares = Shares.map(records.count, jobs: Shares.jobs(for: records.count)) { range in
            Result { () throws(EvalNormError) -> [[JSONValue]] in
                try range.map { offset throws(EvalNormError) in try encodeEvaluations(of: records[offset], at: offset, runID: runID) }
            }
        }
        var perRecord: [[JSONValue]] = []
        perRecord.reserveCapacity(records.count)
        for share in shares { perRecord += try share.get() }
        if let positions = AegisCodec.positions(order, fitting: perRecord.map(\.count)) {
            var next = Array(repeating: 0, count: perRecord.count)
            return positions.map { position in
                defer { next[position] += 1 }
                return perRecord[position][next[position]]
            }
        }
        return perRecord.flatMap { $0 }
    }

    /// The evaluations of the record at `recordOffset`, one per score.
    private func encodeEvaluations(of record: EvalRecord, at recordOffset: Int, runID: JSONValue) throws(EvalNormError) -> [JSONValue] {
        let recordPointer = JSONPointer(tokens: ["records"]).appending(index: recordOffset)
        let recordValue = JSONValue.object(try encodeRecord(record, at: recordPointer))
        var evaluations: [JSONValue] = []
        evaluations.reserveCapacity(record.scores.count)
        for (scoreOffset, score) in record.scores.enumerated() {
            let bag = try VendorBag(in: score.extensions, vendor: .aegis,
                                    at: recordPointer.appending("scores").appending(index: scoreOffset).appending("extensions"))
            var writer = MemberWriter(bag: bag, documentedKeys: AegisCodec.evaluationKeys)
            writer.write("run_id", derived: runID)
            writer.write("record_index", derived: record.index.map(JSONValue.number))
            writer.write("metric", score.metric.name, .string)
            writer.write("record", derived: recordValue)
            writer.write("result", score.value?.number, .number)
            writer.write("threshold", score.threshold, .number)
            writer.write("explanation", score.reasoning, .string)
            writer.write("model_slug", score.model, .string)
            writer.write("metric_args", score.arguments, .any)
            writer.write("started_at", score.startedAt, .timestamp)
            writer.write("finished_at", score.finishedAt, .timestamp)
            writer.write("evaluation_cost", score.cost?.total, .decimalString)
            writer.write("is_success", score.succeeded, .bool)
            writer.write("is_gte_threshold", score.passed, .bool)
            writer.write("eval_metadata", score.metadata, .any)
            evaluations.append(.object(writer.finish()))
        }
        return evaluations
    }

    /// `order` as record positions, if it has exactly `counts[p]` entries naming each position `p`.
    private static func positions(_ order: JSONValue?, fitting counts: [Int]) -> [Int]? {
        guard case .array(let elements)? = order else { return nil }
        var remaining = counts
        var positions: [Int] = []
        positions.reserveCapacity(elements.count)
        for element in elements {
            guard let position = element.numberValue?.int64Value.map(Int.init), remaining.indices.contains(position),
                  remaining[position] > 0 else { return nil }
            remaining[position] -= 1
            positions.append(position)
        }
        return remaining.allSatisfy { $0 == 0 } ? positions : nil
    }

    private func encodeRecord(_ record: EvalRecord, at pointer: JSONPointer) throws(EvalNormError) -> JSONObject {
        let bag = try VendorBag(in: record.extensions, vendor: .aegis, at: pointer.appending("extensions"))
        var writer = MemberWriter(bag: bag, documentedKeys: AegisCodec.recordKeys)
        writer.write("id", record.id, .numericID)
        writer.write("prompt", record.inputs?["prompt"], .any)
        writer.write("input", record.inputs?["input"], .any)
        writer.write("context", record.context, .any)
        writer.write("output", record.outputs?["output"], .any)
        writer.write("golden_answer", record.expected?["golden_answer"], .any)
        return writer.finish()
    }
}

extension ScoreValue {
    /// The number of an `integer` or `number` value.
    var number: JSONNumber? {
        switch self {
        case .integer(let number), .number(let number): number
        default: nil
        }
    }
}
