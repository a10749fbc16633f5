/// DataFramer generation runs (`GET /api/dataframer/runs/{run_id}/`). A generation run has no records.
///
/// | DataFramer | canonical |
/// |---|---|
/// | `id` | ``EvalRun/id`` |
/// | `status` | ``EvalRun/status`` (see ``RunStatus``), verbatim in ``EvalRun/vendorStatus`` |
/// | `spec_id`, `spec_name`, `spec_version` | ``EvaluatedSystem/id``, ``EvaluatedSystem/name``, ``EvaluatedSystem/version`` (`3` → `"3"`) |
/// | `runtime_params.generation_model` | ``EvaluatedSystem/model`` (read-only: `runtime_params` is kept whole) |
/// | `dataset_id`, `dataset_name`, `dataset_type` | ``Dataset/id``, ``Dataset/name``, ``Dataset/kind`` |
/// | `samples_completed`, `samples_failed` | ``RunCounts/succeeded``, ``RunCounts/failed`` |
/// | `total_cost` | ``Cost/total`` (USD) |
/// | `created_at`, `started_at` (older runs), `completed_at`, `created_by_email` | ``EvalRun/createdAt``, ``EvalRun/startedAt``, ``EvalRun/finishedAt``, ``EvalRun/createdBy`` |
/// | `runtime_params` | ``EvalRun/parameters``, verbatim |
/// | `generated_files[]` | ``EvalRun/artifacts``: `id`, `path`, `file_type` → ``Artifact/mediaType``, `size_bytes` → ``Artifact/sizeBytes`` |
///
/// Older runs' `spec_version_id`, `created_by`, `created_by_name`, `duration_seconds`,
/// `number_of_samples`, `status_display`, `metrics_json` and `trace` are kept in `extensions.dataframer.fields`.
public struct DataFramerCodec: VendorCodec {
    public init() {}

    public var vendor: Vendor { .dataframer }
    public var documentKinds: [DocumentKind] { [.run] }

    /// The run's keys in the documented order, and `started_at` of older runs.
    static let runKeys = [
        "id", "status", "spec_id", "spec_name", "spec_version", "dataset_id", "dataset_name", "dataset_type",
        "samples_completed", "samples_failed", "total_cost", "created_at", "started_at", "created_by_email", "completed_at",
        "runtime_params", "generated_files",
    ]

    /// DataFramer `status` → canonical; the enum has drifted, so older words are read too.
    static func status(_ text: String) -> RunStatus {
        switch text {
        case "PENDING": .queued
        case "PROCESSING", "RUNNING", "IN_PROGRESS": .running
        case "SUCCEEDED", "COMPLETED": .succeeded
        case "FAILED": .failed
        case "CANCELED": .canceled
        default: .unknown
        }
    }

    /// The DataFramer status for a canonical one, for runs from elsewhere.
    static func vendorStatus(for status: RunStatus) -> String? {
        switch status {
        case .queued: "PENDING"
        case .running: "PROCESSING"
        case .succeeded: "SUCCEEDED"
        case .failed: "FAILED"
        case .canceled: "CANCELED"
        case .needsReview, .unknown: nil
        }
    }

    public func decode(_ documents: [VendorDocument]) throws(EvalNormError) -> EvalRun {
        let document = try singleDocument(documents, name: "a DataFramer")
        var reader = try MemberReader(document.value, at: JSONPointer(), documentedKeys: DataFramerCodec.runKeys)
        var run = EvalRun(id: try reader.requiredID("id", .stringID), source: RunSource(vendor: .dataframer))
        if let status = reader.read("status", .string) {
            run.vendorStatus = status
            run.status = DataFramerCodec.status(status)
        }
        var system = EvaluatedSystem(id: reader.read("spec_id", .string), name: reader.read("spec_name", .string),
                                     version: reader.read("spec_version", .numericID))
        let dataset = Dataset(id: reader.read("dataset_id", .string), name: reader.read("dataset_name", .string),
                              kind: reader.read("dataset_type", .string))
        if dataset != Dataset() { run.dataset = dataset }
        let counts = RunCounts(succeeded: reader.read("samples_completed", .number), failed: reader.read("samples_failed", .number))
        if counts != RunCounts() { run.counts = counts }
        run.cost = reader.read("total_cost", .number).map { Cost(total: $0) }
        run.createdAt = reader.read("created_at", .timestamp)
        run.startedAt = reader.read("started_at", .timestamp)
        run.createdBy = reader.read("created_by_email", .string)
        run.finishedAt = reader.read("completed_at", .timestamp)
        run.parameters = reader.read("runtime_params", .object)
        system.model = run.parameters?["generation_model"]?.stringValue
        if system != EvaluatedSystem() { run.system = system }
        run.artifacts = reader.read("generated_files", .artifacts)
        reader.finish().store(in: &run.extensions, vendor: .dataframer)
        VerbatimCopy.secure(&run, documents: documents, vendor: vendor, encode: encode)
        return run
    }

    public func encode(_ run: EvalRun) throws(EvalNormError) -> [VendorDocument] {
        let bag = try VendorBag(in: run.extensions, vendor: vendor, at: JSONPointer(tokens: ["extensions"]))
        if let documents = VerbatimCopy.documents(in: bag, vendor: vendor) { return documents }
        var writer = MemberWriter(bag: bag, documentedKeys: DataFramerCodec.runKeys)
        writer.write("id", run.id, .stringID)
        writer.write("status", statusToWrite(for: run, vendorWord: DataFramerCodec.vendorStatus(for:)), .string)
        writer.write("spec_id", run.system?.id, .string)
        writer.write("spec_name", run.system?.name, .string)
        writer.write("spec_version", run.system?.version, .numericID)
        writer.write("dataset_id", run.dataset?.id, .string)
        writer.write("dataset_name", run.dataset?.name, .string)
        writer.write("dataset_type", run.dataset?.kind, .string)
        writer.write("samples_completed", run.counts?.succeeded, .number)
        writer.write("samples_failed", run.counts?.failed, .number)
        writer.write("total_cost", run.cost?.total, .number)
        writer.write("created_at", run.createdAt, .timestamp)
        writer.write("started_at", run.startedAt, .timestamp)
        writer.write("created_by_email", run.createdBy, .string)
        writer.write("completed_at", run.finishedAt, .timestamp)
        writer.write("runtime_params", run.parameters, .object)
        writer.write("generated_files", run.artifacts, .artifacts)
        return [VendorDocument(vendor: vendor, kind: .run, value: .object(writer.finish()))]
    }
}

extension FieldCoding where Value == [Artifact] {
    /// DataFramer `generated_files`: `[{id, path, file_type, size_bytes}]`.
    static let artifacts = FieldCoding(
        decode: { value in
            guard case .array(let elements) = value else { return nil }
            var artifacts: [Artifact] = []
            for element in elements {
                guard case .object(let file) = element else { return nil }
                artifacts.append(Artifact(id: file["id"]?.stringValue, path: file["path"]?.stringValue,
                                          mediaType: file["file_type"]?.stringValue, sizeBytes: file["size_bytes"]?.numberValue))
            }
            return artifacts
        },
        encode: { artifacts in
            .array(artifacts.map { artifact in
                var builder = ObjectBuilder()
                builder.add("id", artifact.id)
                builder.add("path", artifact.path)
                builder.add("file_type", artifact.mediaType)
                builder.add("size_bytes", artifact.sizeBytes)
                return builder.value
            })
        })
}
