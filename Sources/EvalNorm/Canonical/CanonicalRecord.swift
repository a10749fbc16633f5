// The canonical JSON form of records and scores (DESIGN §3).

extension Score {
    static let canonicalKeys: Set<String> = [
        "metric", "type", "value", "succeeded", "scale", "threshold", "passed", "reasoning", "model", "cost",
        "startedAt", "finishedAt", "arguments", "metadata", "validationErrors", "extensions",
    ]

    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: Score.canonicalKeys)
        self.init(metric: try MetricReference(canonical: reader.required("metric"), at: pointer.appending("metric")))
        self.value = try Score.decodeValue(reader)
        succeeded = try reader.bool("succeeded")
        scale = try reader.decode("scale", ScoreScale.init(canonical:at:))
        threshold = try reader.number("threshold")
        passed = try reader.bool("passed")
        reasoning = try reader.string("reasoning")
        model = try reader.string("model")
        cost = try reader.decode("cost", Cost.init(canonical:at:))
        startedAt = try reader.timestamp("startedAt")
        finishedAt = try reader.timestamp("finishedAt")
        arguments = try reader.value("arguments")
        metadata = try reader.value("metadata")
        validationErrors = try reader.array("validationErrors", ValidationIssue.init(canonical:at:))
        extensions = try reader.object("extensions") ?? JSONObject()
    }

    /// `type` and `value` come together, and the value must have the type's JSON shape.
    private static func decodeValue(_ reader: ObjectReader) throws(EvalNormError) -> ScoreValue? {
        let typeName = try reader.string("type")
        let value = try reader.value("value")
        guard let typeName else {
            guard value == nil else {
                throw EvalNormError(.missingKey, "missing key 'type': a score with a 'value' must say its type", pointer: reader.pointer)
            }
            return nil
        }
        guard let type = ScoreType(rawValue: typeName) else {
            throw EvalNormError(.invalidValue, "unknown score type '\(typeName)'; expected one of: \(ScoreType.allCases.map(\.rawValue).joined(separator: ", "))",
                                pointer: reader.pointer.appending("type"))
        }
        guard let value else {
            throw EvalNormError(.missingKey, "missing key 'value': a score with a 'type' must have a value", pointer: reader.pointer)
        }
        let valuePointer = reader.pointer.appending("value")
        switch type {
        case .boolean:
            guard case .bool(let flag) = value else { throw ObjectReader.mismatch("boolean", value, at: valuePointer) }
            return .boolean(flag)
        case .integer:
            return .integer(try ObjectReader.integer(value, at: valuePointer))
        case .number:
            return .number(try ObjectReader.number(value, at: valuePointer))
        case .categorical:
            return .categorical(try ObjectReader.string(value, at: valuePointer))
        case .json:
            return .json(value)
        }
    }

    var canonicalValue: JSONValue {
        var builder = ObjectBuilder()
        builder.add("metric", metric.canonicalValue)
        if let value {
            builder.add("type", value.type.rawValue)
            switch value {
            case .boolean(let flag): builder.add("value", flag)
            case .integer(let number), .number(let number): builder.add("value", number)
            case .categorical(let label): builder.add("value", label)
            case .json(let json): builder.add("value", json)
            }
        }
        builder.add("succeeded", succeeded)
        builder.add("scale", scale?.canonicalValue)
        builder.add("threshold", threshold)
        builder.add("passed", passed)
        builder.add("reasoning", reasoning)
        builder.add("model", model)
        builder.add("cost", cost?.canonicalValue)
        builder.add("startedAt", startedAt)
        builder.add("finishedAt", finishedAt)
        builder.add("arguments", arguments)
        builder.add("metadata", metadata)
        builder.add("validationErrors", validationErrors.map { .array($0.map(\.canonicalValue)) })
        if !extensions.isEmpty { builder.add("extensions", .object(extensions)) }
        return builder.value
    }
}

extension EvalRecord {
    static let canonicalKeys: Set<String> = [
        "id", "index", "testcaseId", "inputs", "expected", "outputs", "context", "error", "createdAt", "finishedAt",
        "durationMs", "cost", "usage", "possiblyTruncated", "scores", "extensions",
    ]

    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: EvalRecord.canonicalKeys)
        self.init()
        id = try reader.string("id")
        index = try reader.integer("index")
        testcaseId = try reader.string("testcaseId")
        inputs = try reader.value("inputs")
        expected = try reader.value("expected")
        outputs = try reader.value("outputs")
        context = try reader.value("context")
        error = try reader.value("error")
        createdAt = try reader.timestamp("createdAt")
        finishedAt = try reader.timestamp("finishedAt")
        durationMs = try reader.number("durationMs")
        cost = try reader.decode("cost", Cost.init(canonical:at:))
        usage = try reader.decode("usage", TokenUsage.init(canonical:at:))
        possiblyTruncated = try reader.array("possiblyTruncated") { (value, pointer) throws(EvalNormError) in
            let text = try ObjectReader.string(value, at: pointer)
            do throws(EvalNormError) {
                return try JSONPointer(text)
            } catch {
                throw EvalNormError(.invalidValue, error.message, pointer: pointer)
            }
        }
        scores = try reader.array("scores", Score.init(canonical:at:)) ?? []
        extensions = try reader.object("extensions") ?? JSONObject()
    }

    var canonicalValue: JSONValue {
        var builder = ObjectBuilder()
        builder.add("id", id)
        builder.add("index", index)
        builder.add("testcaseId", testcaseId)
        builder.add("inputs", inputs)
        builder.add("expected", expected)
        builder.add("outputs", outputs)
        builder.add("context", context)
        builder.add("error", error)
        builder.add("createdAt", createdAt)
        builder.add("finishedAt", finishedAt)
        builder.add("durationMs", durationMs)
        builder.add("cost", cost?.canonicalValue)
        builder.add("usage", usage?.canonicalValue)
        builder.add("possiblyTruncated", possiblyTruncated.map { .array($0.map { .string($0.description) }) })
        builder.add("scores", .array(scores.map { $0.canonicalValue }))
        if !extensions.isEmpty { builder.add("extensions", .object(extensions)) }
        return builder.value
    }
}
