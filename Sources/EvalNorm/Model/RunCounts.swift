/// How many records and scores a run has or expects. Numbers keep the vendor's lexeme (`10` or `10.0`).
public struct RunCounts: Sendable, Hashable {
    /// Scorecard `numRecords`.
    public var records: JSONNumber?
    /// Scorecard `numExpectedRecords`.
    public var expectedRecords: JSONNumber?
    /// Scorecard `numScores`.
    public var scores: JSONNumber?
    /// DataFramer `samples_completed`.
    public var succeeded: JSONNumber?
    /// DataFramer `samples_failed`.
    public var failed: JSONNumber?

    public init(records: JSONNumber? = nil, expectedRecords: JSONNumber? = nil, scores: JSONNumber? = nil, succeeded: JSONNumber? = nil, failed: JSONNumber? = nil) {
        self.records = records
        self.expectedRecords = expectedRecords
        self.scores = scores
        self.succeeded = succeeded
        self.failed = failed
    }
}
