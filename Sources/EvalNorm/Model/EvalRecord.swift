/// One evaluated item of a run: its inputs, the output it got, and the scores it earned.
///
/// - Scorecard: `records-page` `data[]` (`id`, `testcaseId`, `inputs`, `expected`, `outputs`, `scores`).
/// - Aegis: the `evaluations[]` that share a `record_index`, with their `record`
///   (`prompt`, `input` → ``inputs``; `context`; `output` → ``outputs``; `golden_answer` → ``expected``).
/// - Lunary: the run itself (`input`, `output`, `error`, feedback and scores).
public struct EvalRecord: Sendable, Hashable {
    /// The vendor's record id, as a string.
    public var id: String?
    /// The record's position (Aegis `record_index`).
    public var index: JSONNumber?
    /// Scorecard `testcaseId`.
    public var testcaseId: String?
    /// What the system was given, verbatim.
    public var inputs: JSONValue?
    /// The expected answer, verbatim.
    public var expected: JSONValue?
    /// What the system produced, verbatim.
    public var outputs: JSONValue?
    /// Retrieved or supplied context, verbatim (Aegis `record.context`).
    public var context: JSONValue?
    /// The error the system raised, verbatim (Lunary `error`).
    public var error: JSONValue?
    public var createdAt: Timestamp?
    public var finishedAt: Timestamp?
    /// How long the record took, in milliseconds.
    public var durationMs: JSONNumber?
    public var cost: Cost?
    public var usage: TokenUsage?
    /// JSON Pointers, into this record's canonical form, of strings the vendor may have cut short
    /// (Aegis strings of exactly 100 characters).
    public var possiblyTruncated: [JSONPointer]?
    /// The record's scores, in vendor order.
    public var scores: [Score]
    /// What the vendor codec needs to re-create the vendor's record exactly.
    public var extensions: JSONObject

    public init(id: String? = nil, index: JSONNumber? = nil, testcaseId: String? = nil, inputs: JSONValue? = nil,
                expected: JSONValue? = nil, outputs: JSONValue? = nil, context: JSONValue? = nil, error: JSONValue? = nil,
                createdAt: Timestamp? = nil, finishedAt: Timestamp? = nil, durationMs: JSONNumber? = nil, cost: Cost? = nil,
                usage: TokenUsage? = nil, possiblyTruncated: [JSONPointer]? = nil, scores: [Score] = [],
                extensions: JSONObject = JSONObject()) {
        self.id = id
        self.index = index
        self.testcaseId = testcaseId
        self.inputs = inputs
        self.expected = expected
        self.outputs = outputs
        self.context = context
        self.error = error
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.durationMs = durationMs
        self.cost = cost
        self.usage = usage
        self.possiblyTruncated = possiblyTruncated
        self.scores = scores
        self.extensions = extensions
    }
}
