/// Reads and writes ``EvalRun`` in EvalNorm's canonical JSON format (`Schemas/eval-run.schema.json`,
/// `formatVersion` 1), exactly: numbers keep their lexemes, timestamps their text, and
/// `decode(encode(run)) == run` for every run.
///
/// ```swift
/// let codec = CanonicalCodec()
/// let bytes = codec.encode(run, style: .pretty)
/// let again = try codec.decode(bytes)       // == run
/// ```
///
/// Decoding is strict: unknown keys outside `extensions`, `parameters`, `metadata` and user data,
/// `null` where the format has a value, a missing required key or a wrong type is an
/// ``EvalNormError`` with the JSON Pointer of the offending value and what was expected.
public struct CanonicalCodec: Sendable {
    /// The parser used by ``decode(_:)-(Array<UInt8>)``.
    public var parser: JSONParser

    public init(parser: JSONParser = JSONParser()) {
        self.parser = parser
    }

    /// The run as a canonical JSON value, keys in the documented order.
    public func encode(_ run: EvalRun) -> JSONValue {
        run.canonicalValue
    }

    /// The run as canonical JSON text (UTF-8, no trailing newline).
    public func encode(_ run: EvalRun, style: JSONWriter.Style) -> [UInt8] {
        var text: [UInt8] = []
        encode(run, style: style) { text += $0 }
        return text
    }

    /// The run as canonical JSON text (UTF-8, no trailing newline), handed to `write` in pieces of at
    /// most `chunkSize` bytes, in order: a large run is never held as one array.
    ///
    /// Records are made into JSON values and written one at a time; a run of a thousand records or
    /// more is written on as many threads as there are processors, each writing a contiguous share of
    /// the records.
    public func encode(_ run: EvalRun, style: JSONWriter.Style, chunkSize: Int = 64 << 10, write: ([UInt8]) -> Void) {
        var shell = run
        shell.records = []
        guard case .object(let object) = shell.canonicalValue else { return write(JSONWriter(style: style).write(run.canonicalValue)) }
        let records = run.records
        JSONWriter(style: style).write(object, elementsOf: "records", count: records.count, jobs: Shares.jobs(for: records.count),
                                       chunkSize: max(1, chunkSize), element: { records[$0].canonicalValue }, to: write)
    }

    /// Reads a run from a canonical JSON value.
    public func decode(_ value: JSONValue) throws(EvalNormError) -> EvalRun {
        try EvalRun(canonical: value, at: JSONPointer())
    }

    /// Parses and reads a run from canonical JSON text.
    public func decode(_ bytes: [UInt8]) throws(EvalNormError) -> EvalRun {
        try decode(parser.parse(bytes))
    }
}

extension EvalRun {
    static let canonicalKeys: Set<String> = [
        "formatVersion", "id", "source", "name", "status", "vendorStatus", "createdAt", "startedAt", "finishedAt",
        "createdBy", "dataset", "system", "metrics", "counts", "cost", "usage", "result", "parameters", "metadata",
        "tags", "artifacts", "records", "extensions",
    ]

    init(canonical value: JSONValue, at pointer: JSONPointer) throws(EvalNormError) {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: EvalRun.canonicalKeys)
        let version = try ObjectReader.integer(reader.required("formatVersion"), at: pointer.appending("formatVersion"))
        guard version.int64Value == Int64(EvalRun.formatVersion) else {
            throw EvalNormError(.invalidValue, "unsupported formatVersion \(version); this version of EvalNorm reads \(EvalRun.formatVersion)",
                                pointer: pointer.appending("formatVersion"))
        }
        let statusText = try ObjectReader.string(reader.required("status"), at: pointer.appending("status"))
        guard let status = RunStatus(rawValue: statusText) else {
            throw EvalNormError(.invalidValue, "unknown status '\(statusText)'; expected one of: \(RunStatus.allCases.map(\.rawValue).joined(separator: ", "))",
                                pointer: pointer.appending("status"))
        }
        self.init(
            id: try ObjectReader.string(reader.required("id"), at: pointer.appending("id")),
            source: try RunSource(canonical: reader.required("source"), at: pointer.appending("source")),
            status: status
        )
        name = try reader.string("name")
        vendorStatus = try reader.string("vendorStatus")
        createdAt = try reader.timestamp("createdAt")
        startedAt = try reader.timestamp("startedAt")
        finishedAt = try reader.timestamp("finishedAt")
        createdBy = try reader.string("createdBy")
        dataset = try reader.decode("dataset", Dataset.init(canonical:at:))
        system = try reader.decode("system", EvaluatedSystem.init(canonical:at:))
        metrics = try reader.array("metrics", MetricReference.init(canonical:at:))
        counts = try reader.decode("counts", RunCounts.init(canonical:at:))
        cost = try reader.decode("cost", Cost.init(canonical:at:))
        usage = try reader.decode("usage", TokenUsage.init(canonical:at:))
        result = try reader.decode("result", RunResult.init(canonical:at:))
        parameters = try reader.object("parameters")
        metadata = try reader.object("metadata")
        tags = try reader.array("tags", ObjectReader.string)
        artifacts = try reader.array("artifacts", Artifact.init(canonical:at:))
        records = try reader.array("records", EvalRecord.init(canonical:at:)) ?? []
        extensions = try reader.object("extensions") ?? JSONObject()
    }

    var canonicalValue: JSONValue {
        var builder = ObjectBuilder()
        builder.add("formatVersion", JSONNumber(EvalRun.formatVersion))
        builder.add("id", id)
        builder.add("source", source.canonicalValue)
        builder.add("name", name)
        builder.add("status", status.rawValue)
        builder.add("vendorStatus", vendorStatus)
        builder.add("createdAt", createdAt)
        builder.add("startedAt", startedAt)
        builder.add("finishedAt", finishedAt)
        builder.add("createdBy", createdBy)
        builder.add("dataset", dataset?.canonicalValue)
        builder.add("system", system?.canonicalValue)
        builder.add("metrics", metrics.map { .array($0.map(\.canonicalValue)) })
        builder.add("counts", counts?.canonicalValue)
        builder.add("cost", cost?.canonicalValue)
        builder.add("usage", usage?.canonicalValue)
        builder.add("result", result?.canonicalValue)
        builder.add("parameters", parameters.map(JSONValue.object))
        builder.add("metadata", metadata.map(JSONValue.object))
        builder.add("tags", tags.map { .array($0.map(JSONValue.string)) })
        builder.add("artifacts", artifacts.map { .array($0.map(\.canonicalValue)) })
        builder.add("records", .array(records.map { $0.canonicalValue }))
        if !extensions.isEmpty { builder.add("extensions", .object(extensions)) }
        return builder.value
    }
}
