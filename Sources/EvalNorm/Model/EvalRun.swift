/// One evaluation (or generation) run, whichever vendor it came from: the canonical model.
///
/// Build one from a vendor payload with its codec, or from canonical JSON with ``CanonicalCodec``.
/// Every field is optional except those every vendor has; a field is `nil` when the vendor did not
/// provide the fact. What the canonical fields cannot hold lives in ``extensions``, keyed by vendor,
/// so that the vendor payload can be re-created exactly.
///
/// ```swift
/// let run = try CanonicalCodec().decode(bytes)
/// for (record, score) in run.allScores where score.metric.name == "faith" {
///     print(record.id ?? "-", score.numericValue ?? .nan)
/// }
/// run.passRate(metricName: "ans_corr")   // 0.5
/// ```
public struct EvalRun: Sendable, Hashable {
    /// The version of the canonical format this model writes and reads.
    public static let formatVersion = 1

    /// The vendor's run id as a string (Aegis `991` → `"991"`).
    public var id: String
    /// The vendor and the kinds of documents decoded.
    public var source: RunSource
    /// Aegis `alias`; Lunary `name`.
    public var name: String?
    /// The run's status in EvalNorm's vocabulary.
    public var status: RunStatus
    /// The vendor's own status string, verbatim.
    public var vendorStatus: String?
    /// Creation time (Scorecard, DataFramer `created_at`, Lunary `createdAt`).
    public var createdAt: Timestamp?
    /// Start time (Aegis `started_at`; older DataFramer `started_at`).
    public var startedAt: Timestamp?
    /// End time (Aegis `finished_at`; DataFramer `completed_at`; Lunary `endedAt`).
    public var finishedAt: Timestamp?
    /// E-mail or user id of the creator (Aegis `author_email`; DataFramer `created_by_email`).
    public var createdBy: String?
    public var dataset: Dataset?
    public var system: EvaluatedSystem?
    /// The metrics the run applies, in vendor order.
    public var metrics: [MetricReference]?
    public var counts: RunCounts?
    public var cost: Cost?
    public var usage: TokenUsage?
    public var result: RunResult?
    /// Run parameters, verbatim (DataFramer `runtime_params`; Lunary `params`).
    public var parameters: JSONObject?
    /// User metadata, verbatim (Lunary `metadata`).
    public var metadata: JSONObject?
    /// Lunary `tags`.
    public var tags: [String]?
    /// DataFramer `generated_files`.
    public var artifacts: [Artifact]?
    /// The records, in vendor order.
    public var records: [EvalRecord]
    /// `{ "<vendor>": { … } }`: everything else needed to re-create the vendor payload exactly.
    public var extensions: JSONObject

    public init(id: String, source: RunSource, name: String? = nil, status: RunStatus = .unknown, vendorStatus: String? = nil,
                createdAt: Timestamp? = nil, startedAt: Timestamp? = nil, finishedAt: Timestamp? = nil, createdBy: String? = nil,
                dataset: Dataset? = nil, system: EvaluatedSystem? = nil, metrics: [MetricReference]? = nil, counts: RunCounts? = nil,
                cost: Cost? = nil, usage: TokenUsage? = nil, result: RunResult? = nil, parameters: JSONObject? = nil,
                metadata: JSONObject? = nil, tags: [String]? = nil, artifacts: [Artifact]? = nil, records: [EvalRecord] = [],
                extensions: JSONObject = JSONObject()) {
        self.id = id
        self.source = source
        self.name = name
        self.status = status
        self.vendorStatus = vendorStatus
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.createdBy = createdBy
        self.dataset = dataset
        self.system = system
        self.metrics = metrics
        self.counts = counts
        self.cost = cost
        self.usage = usage
        self.result = result
        self.parameters = parameters
        self.metadata = metadata
        self.tags = tags
        self.artifacts = artifacts
        self.records = records
        self.extensions = extensions
    }
}
