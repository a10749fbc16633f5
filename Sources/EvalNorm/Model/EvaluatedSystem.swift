/// What ran, or was evaluated: an LLM system, a generation spec, a model.
public struct EvaluatedSystem: Sendable, Hashable {
    /// Scorecard `systemId`; DataFramer `spec_id`.
    public var id: String?
    /// DataFramer `spec_name`.
    public var name: String?
    /// DataFramer `spec_version`.
    public var version: String?
    /// Scorecard `systemVersionId` (older runs: `systemConfigId`).
    public var versionId: String?
    /// Aegis `model_slug`; DataFramer `runtime_params.generation_model`.
    public var model: String?

    public init(id: String? = nil, name: String? = nil, version: String? = nil, versionId: String? = nil, model: String? = nil) {
        self.id = id
        self.name = name
        self.version = version
        self.versionId = versionId
        self.model = model
    }
}
