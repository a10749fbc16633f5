/// Lunary runs (`GET /v1/runs/{id}`): an observed LLM call, chain, agent, tool or thread, with user
/// feedback. One Lunary run is one canonical run holding one record.
///
/// | Lunary | canonical |
/// |---|---|
/// | `id`, `name` | ``EvalRun/id``, ``EvalRun/name``; the record's ``EvalRecord/id`` is the run id too |
/// | `status` | ``EvalRun/status``: `success` → `succeeded`, `error` → `failed`, `started` → `running`, else `unknown`; verbatim in ``EvalRun/vendorStatus`` |
/// | `createdAt`, `endedAt` | ``EvalRun/createdAt``, ``EvalRun/finishedAt`` |
/// | `duration` (seconds, or an interval string such as `"00:00:03.123"`) | kept verbatim; ``EvalRecord/durationMs`` when it parses |
/// | `cost`, `tokens` | ``Cost/total``; ``TokenUsage/promptTokens``, ``TokenUsage/completionTokens``, ``TokenUsage/totalTokens`` |
/// | `tags`, `metadata`, `params` | ``EvalRun/tags``, ``EvalRun/metadata``, ``EvalRun/parameters`` |
/// | `input`, `output`, `error` | the record's ``EvalRecord/inputs``, ``EvalRecord/outputs``, ``EvalRecord/error`` |
/// | `feedback`, `parentFeedback`, `feedbacks[]`, `scores[]` | the record's ``EvalRecord/scores`` (see ``LunaryCodec/decodeFeedback(_:from:at:)``) |
/// | `type`, `projectId`, `isPublic`, `templateVersionId`, `templateSlug`, `siblingRunId`, `firstMessage`, `messagesCount`, `user`, `traceId` | `extensions.lunary.fields` (read them with ``EvalRun/vendorField(_:)``) |
public struct LunaryCodec: VendorCodec {
    public init() {}

    public var vendor: Vendor { .lunary }
    public var documentKinds: [DocumentKind] { [.run] }

    /// The run's keys in the documented order, then `feedbacks` and `scores`, which the server sends
    /// beyond its docs.
    static let runKeys = [
        "id", "projectId", "isPublic", "feedback", "parentFeedback", "type", "name", "createdAt", "endedAt", "duration",
        "templateVersionId", "templateSlug", "cost", "tokens", "tags", "input", "output", "error", "status", "siblingRunId",
        "params", "metadata", "firstMessage", "messagesCount", "user", "traceId", "feedbacks", "scores",
    ]

    /// Lunary `status` → canonical.
    static func status(_ text: String) -> RunStatus {
        switch text {
        case "success": .succeeded
        case "error": .failed
        case "started": .running
        default: .unknown
        }
    }

    /// The Lunary status for a canonical one, for runs from elsewhere.
    static func vendorStatus(for status: RunStatus) -> String? {
        switch status {
        case .succeeded: "success"
        case .failed: "error"
        case .running: "started"
        case .queued, .needsReview, .canceled, .unknown: nil
        }
    }

    public func decode(_ documents: [VendorDocument]) throws(EvalNormError) -> EvalRun {
        let document = try singleDocument(documents, name: "a Lunary")
        var reader = try MemberReader(document.value, at: JSONPointer(), documentedKeys: LunaryCodec.runKeys)
        var run = EvalRun(id: try reader.requiredID("id", .stringID), source: RunSource(vendor: .lunary))
        var record = EvalRecord(id: run.id)
        for key in ["projectId", "isPublic", "type", "duration", "templateVersionId", "templateSlug", "siblingRunId",
                    "firstMessage", "messagesCount", "user", "traceId"] {
            reader.keep(key)
        }
        record.durationMs = reader.object["duration"].flatMap(LunaryDuration.milliseconds)
        run.name = reader.read("name", .string)
        run.createdAt = reader.read("createdAt", .timestamp)
        run.finishedAt = reader.read("endedAt", .timestamp)
        run.cost = reader.read("cost", .number).map { Cost(total: $0) }
        run.usage = reader.read("tokens", .tokenUsage)
        run.tags = reader.read("tags", .strings)
        record.inputs = reader.read("input", .any)
        record.outputs = reader.read("output", .any)
        record.error = reader.read("error", .any)
        if let status = reader.read("status", .string) {
            run.vendorStatus = status
            run.status = LunaryCodec.status(status)
        }
        run.parameters = reader.read("params", .object)
        run.metadata = reader.read("metadata", .object)

        for key in ["feedback", "parentFeedback"] {
            guard let value = reader.take(key) else { continue }
            if let score = decodeFeedback(value, from: key, at: [key]) {
                record.scores.append(score)
            } else {
                reader.keep(key)
            }
        }
        for key in ["feedbacks", "scores"] {
            guard let value = reader.take(key) else { continue }
            // An empty list has no score to hold it, so it is kept as it is.
            guard case .array(let elements) = value, !elements.isEmpty, elements.allSatisfy({ $0.objectValue != nil }) else {
                reader.keep(key)
                continue
            }
            for (offset, element) in elements.enumerated() {
                let pointer = JSONPointer(tokens: [key]).appending(index: offset)
                if let score = key == "scores" ? decodeLabelledScore(element, at: pointer) : decodeFeedback(element, from: key, at: pointer) {
                    record.scores.append(score)
                }
            }
        }
        run.records = [record]
        reader.finish().store(in: &run.extensions, vendor: .lunary)
        VerbatimCopy.secure(&run, documents: documents, vendor: vendor, encode: encode)
        return run
    }

    public func encode(_ run: EvalRun) throws(EvalNormError) -> [VendorDocument] {
        let bag = try VendorBag(in: run.extensions, vendor: vendor, at: JSONPointer(tokens: ["extensions"]))
        if let documents = VerbatimCopy.documents(in: bag, vendor: vendor) { return documents }
        let record = run.records.first
        var writer = MemberWriter(bag: bag, documentedKeys: LunaryCodec.runKeys)
        writer.write("id", run.id, .stringID)
        writer.write("name", run.name, .string)
        writer.write("createdAt", run.createdAt, .timestamp)
        writer.write("endedAt", run.finishedAt, .timestamp)
        writer.write("cost", run.cost?.total, .number)
        writer.write("tokens", run.usage, .tokenUsage)
        writer.write("tags", run.tags, .strings)
        writer.write("input", record?.inputs, .any)
        writer.write("output", record?.outputs, .any)
        writer.write("error", record?.error, .any)
        writer.write("status", statusToWrite(for: run, vendorWord: LunaryCodec.vendorStatus(for:)), .string)
        writer.write("params", run.parameters, .object)
        writer.write("metadata", run.metadata, .object)

        // Scores go back where they came from; scores from elsewhere become labelled `scores[]`.
        var single: [String: JSONValue] = [:]
        var lists: [String: [JSONValue]] = ["feedbacks": [], "scores": []]
        for (offset, score) in (record?.scores ?? []).enumerated() {
            let pointer = JSONPointer(tokens: ["records", "0", "scores"]).appending(index: offset)
            let scoreBag = try VendorBag(in: score.extensions, vendor: .lunary, at: pointer.appending("extensions"))
            switch scoreBag.extra["from"]?.stringValue {
            case "feedback": single["feedback"] = .object(encodeFeedback(score, bag: scoreBag))
            case "parentFeedback": single["parentFeedback"] = .object(encodeFeedback(score, bag: scoreBag))
            case "feedbacks": lists["feedbacks", default: []].append(.object(encodeFeedback(score, bag: scoreBag)))
            default: lists["scores", default: []].append(.object(encodeLabelledScore(score, bag: scoreBag)))
            }
        }
        writer.write("feedback", raw: single["feedback"])
        writer.write("parentFeedback", raw: single["parentFeedback"])
        for key in ["feedbacks", "scores"] {
            let elements = lists[key] ?? []
            writer.write(key, raw: elements.isEmpty ? .none : .array(elements))
        }
        return [VendorDocument(vendor: vendor, kind: .run, value: .object(writer.finish()))]
    }
}

extension FieldCoding where Value == TokenUsage {
    /// Lunary `tokens`: `{completion, prompt, total}`.
    static let tokenUsage = FieldCoding(
        decode: { value in
            guard case .object(let tokens) = value else { return nil }
            return TokenUsage(promptTokens: tokens["prompt"]?.numberValue, completionTokens: tokens["completion"]?.numberValue,
                              totalTokens: tokens["total"]?.numberValue)
        },
        encode: { usage in
            var builder = ObjectBuilder()
            builder.add("completion", usage.completionTokens)
            builder.add("prompt", usage.promptTokens)
            builder.add("total", usage.totalTokens)
            return builder.value
        })
}
