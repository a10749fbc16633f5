/// Aegis runs (`GET /runs/{run_id}`): a run with one `evaluations[]` element per metric and record.
///
/// | Aegis | canonical |
/// |---|---|
/// | `id` (integer) | ``EvalRun/id`` (`991` → `"991"`) |
/// | `alias` | ``EvalRun/name`` |
/// | `author_email` | ``EvalRun/createdBy`` |
/// | `dataset`, `data_collection` | ``Dataset/name``, ``Dataset/collection`` |
/// | `model_slug` | ``EvaluatedSystem/model`` |
/// | `result`, `threshold`, `is_gte_threshold`, `aggregate_results` | ``RunResult/score``, ``RunResult/threshold``, ``RunResult/passed``, ``RunResult/byMetric`` |
/// | `total_cost` (decimal string or number) | ``Cost/total``, same digits |
/// | `started_at`, `finished_at` | ``EvalRun/startedAt``, ``EvalRun/finishedAt``; ``EvalRun/status`` is `running` while `finished_at` is null, else `succeeded` |
/// | `user`, `run_type`, `run_source`, `org_id`, `number_of_metrics` | `extensions.aegis.fields` |
/// | `evaluations[]` | grouped by `record_index` into ``EvalRun/records`` (see ``AegisCodec/decodeEvaluations(_:into:)``) |
///
/// ``EvalRun/metrics`` lists the distinct evaluation `metric` names in first-seen order.
public struct AegisCodec: VendorCodec {
    public init() {}

    public var vendor: Vendor { .aegis }
    public var documentKinds: [DocumentKind] { [.run] }

    /// The run's keys in the order the API documents them.
    static let runKeys = [
        "id", "user", "author_email", "run_type", "run_source", "dataset", "data_collection", "org_id",
        "number_of_metrics", "result", "threshold", "model_slug", "alias", "aggregate_results", "total_cost",
        "started_at", "finished_at", "is_gte_threshold", "evaluations",
    ]

    public func decode(_ documents: [VendorDocument]) throws(EvalNormError) -> EvalRun {
        let document = try singleDocument(documents, name: "an Aegis")
        var run = try decodeRun(document.value)
        VerbatimCopy.secure(&run, documents: documents, vendor: vendor, encode: encode)
        return run
    }

    public func encode(_ run: EvalRun) throws(EvalNormError) -> [VendorDocument] {
        let bag = try VendorBag(in: run.extensions, vendor: vendor, at: JSONPointer(tokens: ["extensions"]))
        if let documents = VerbatimCopy.documents(in: bag, vendor: vendor) { return documents }
        return [VendorDocument(vendor: vendor, kind: .run, value: .object(try encodeRun(run, bag: bag)))]
    }

    private func decodeRun(_ value: JSONValue) throws(EvalNormError) -> EvalRun {
        var reader = try MemberReader(value, at: JSONPointer(), documentedKeys: AegisCodec.runKeys)
        var run = EvalRun(id: try reader.requiredID("id", .numericID), source: RunSource(vendor: .aegis))
        for key in ["user", "run_type", "run_source", "org_id", "number_of_metrics"] { reader.keep(key) }
        run.createdBy = reader.read("author_email", .string)
        let dataset = Dataset(name: reader.read("dataset", .string), collection: reader.read("data_collection", .string))
        if dataset != Dataset() { run.dataset = dataset }
        let result = RunResult(score: reader.read("result", .number), threshold: reader.read("threshold", .number),
                               passed: reader.read("is_gte_threshold", .bool), byMetric: reader.read("aggregate_results", .metricScores))
        if result != RunResult() { run.result = result }
        if let model = reader.read("model_slug", .string) { run.system = EvaluatedSystem(model: model) }
        run.name = reader.read("alias", .string)
        run.cost = reader.read("total_cost", .decimalString).map { Cost(total: $0) }
        run.startedAt = reader.read("started_at", .timestamp)
        run.finishedAt = reader.read("finished_at", .timestamp)
        run.status = run.finishedAt == nil ? .running : .succeeded

        var bag = VendorBag()
        if let evaluations = reader.take("evaluations") {
            if let positions = decodeEvaluations(evaluations, into: &run) {
                // Kept only when the evaluations were not already grouped by record.
                if positions != positions.sorted() {
                    bag.extra["evaluationOrder"] = .array(positions.map { .number(JSONNumber($0)) })
                }
            } else {
                reader.keep("evaluations")
            }
        }
        var names: [String] = []
        for record in run.records {
            for score in record.scores {
                if let name = score.metric.name, !names.contains(where: { $0.isExactly(name) }) { names.append(name) }
            }
        }
        if !names.isEmpty { run.metrics = names.map { MetricReference(name: $0) } }

        let kept = reader.finish()
        bag.fields = kept.fields
        bag.keyOrder = kept.keyOrder
        bag.store(in: &run.extensions, vendor: .aegis)
        return run
    }

    private func encodeRun(_ run: EvalRun, bag: VendorBag) throws(EvalNormError) -> JSONObject {
        var writer = MemberWriter(bag: bag, documentedKeys: AegisCodec.runKeys)
        writer.write("id", run.id, .numericID)
        writer.write("author_email", run.createdBy, .string)
        writer.write("dataset", run.dataset?.name, .string)
        writer.write("data_collection", run.dataset?.collection, .string)
        writer.write("result", run.result?.score, .number)
        writer.write("threshold", run.result?.threshold, .number)
        writer.write("model_slug", run.system?.model, .string)
        writer.write("alias", run.name, .string)
        writer.write("aggregate_results", run.result?.byMetric, .metricScores)
        writer.write("total_cost", run.cost?.total, .decimalString)
        writer.write("started_at", run.startedAt, .timestamp)
        writer.write("finished_at", run.finishedAt, .timestamp)
        writer.write("is_gte_threshold", run.result?.passed, .bool)
        if run.records.isEmpty && bag.fields.contains(key: "evaluations") {
            writer.write("evaluations", raw: nil)
        } else {
            writer.write("evaluations", raw: .array(try encodeEvaluations(of: run, order: bag.extra["evaluationOrder"])))
        }
        return writer.finish()
    }
}

extension FieldCoding where Value == [RunResult.MetricScore] {
    /// Aegis `aggregate_results`: an object of metric name → number, in order.
    static let metricScores = FieldCoding(
        decode: { value in
            guard case .object(let object) = value else { return nil }
            var scores: [RunResult.MetricScore] = []
            for member in object {
                guard case .number(let number) = member.value else { return nil }
                scores.append(RunResult.MetricScore(metric: member.key, score: number))
            }
            return scores
        },
        encode: { scores in .object(JSONObject(scores.map { JSONObject.Member(key: $0.metric, value: .number($0.score)) })) })
}
