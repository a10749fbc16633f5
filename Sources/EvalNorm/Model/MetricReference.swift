/// A metric, named as the vendor names it: by id, version id, name, or any of them.
public struct MetricReference: Sendable, Hashable {
    /// Scorecard `metricIds[i]` and score `metricConfigId`.
    public var id: String?
    /// Scorecard `metricVersionIds[i]`.
    public var versionId: String?
    /// Aegis `metric` (`ans_corr`); Lunary feedback (`feedback`) and score `label`.
    public var name: String?

    public init(id: String? = nil, versionId: String? = nil, name: String? = nil) {
        self.id = id
        self.versionId = versionId
        self.name = name
    }
}
