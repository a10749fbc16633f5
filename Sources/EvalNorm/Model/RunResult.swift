/// A run's overall outcome, where the vendor reports one.
public struct RunResult: Sendable, Hashable {
    /// Aegis `result`.
    public var score: JSONNumber?
    /// Aegis `threshold`.
    public var threshold: JSONNumber?
    /// Aegis `is_gte_threshold`.
    public var passed: Bool?
    /// Aegis `aggregate_results`: metric name → score, in vendor order.
    public var byMetric: [MetricScore]?

    /// One entry of ``byMetric``.
    public struct MetricScore: Sendable, Hashable {
        public var metric: String
        public var score: JSONNumber
        public init(metric: String, score: JSONNumber) {
            self.metric = metric
            self.score = score
        }
    }

    public init(score: JSONNumber? = nil, threshold: JSONNumber? = nil, passed: Bool? = nil, byMetric: [MetricScore]? = nil) {
        self.score = score
        self.threshold = threshold
        self.passed = passed
        self.byMetric = byMetric
    }
}
