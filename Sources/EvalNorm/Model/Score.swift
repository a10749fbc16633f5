/// One metric's verdict on one record.
///
/// - Scorecard: `records[].scores[]`; `metricConfigId` → ``metric``, the `score` object → ``value``,
///   `reasoning`, `validationErrors`.
/// - Aegis: one `evaluations[]` element; `metric` → ``metric``, `result` → ``value`` (``ScoreValue/number(_:)``),
///   `threshold`, `is_gte_threshold` → ``passed``, `explanation` → ``reasoning``, `model_slug` → ``model``,
///   `metric_args` → ``arguments``, `evaluation_cost` → ``cost``, `is_success` → ``succeeded``,
///   `eval_metadata` → ``metadata``, ``scale`` 0–100.
/// - Lunary: `feedback`, `parentFeedback`, `feedbacks[]` and `scores[]` of a run.
public struct Score: Sendable, Hashable {
    /// The metric that produced the score.
    public var metric: MetricReference
    /// The result, or `nil` when the scorer produced none.
    public var value: ScoreValue?
    /// `false` when the scorer itself failed (Aegis `is_success`).
    public var succeeded: Bool?
    /// The range of the metric's values, where the vendor defines one.
    public var scale: ScoreScale?
    /// The pass mark.
    public var threshold: JSONNumber?
    /// Whether the score met the threshold.
    public var passed: Bool?
    /// The scorer's explanation.
    public var reasoning: String?
    /// The model that scored.
    public var model: String?
    /// What scoring cost.
    public var cost: Cost?
    public var startedAt: Timestamp?
    public var finishedAt: Timestamp?
    /// The metric's arguments, verbatim (Aegis `metric_args`).
    public var arguments: JSONValue?
    /// Scorer metadata, verbatim (Aegis `eval_metadata`).
    public var metadata: JSONValue?
    /// Problems the vendor found with the score (Scorecard `validationErrors`).
    public var validationErrors: [ValidationIssue]?
    /// What the vendor codec needs to re-create the vendor's score exactly.
    public var extensions: JSONObject

    public init(metric: MetricReference, value: ScoreValue? = nil, succeeded: Bool? = nil, scale: ScoreScale? = nil,
                threshold: JSONNumber? = nil, passed: Bool? = nil, reasoning: String? = nil, model: String? = nil,
                cost: Cost? = nil, startedAt: Timestamp? = nil, finishedAt: Timestamp? = nil, arguments: JSONValue? = nil,
                metadata: JSONValue? = nil, validationErrors: [ValidationIssue]? = nil, extensions: JSONObject = JSONObject()) {
        self.metric = metric
        self.value = value
        self.succeeded = succeeded
        self.scale = scale
        self.threshold = threshold
        self.passed = passed
        self.reasoning = reasoning
        self.model = model
        self.cost = cost
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.arguments = arguments
        self.metadata = metadata
        self.validationErrors = validationErrors
        self.extensions = extensions
    }

    /// The value as a `Double`: booleans as 0 and 1, integers and numbers by their nearest `Double`;
    /// `nil` for categorical and JSON values and for a missing value.
    public var numericValue: Double? {
        switch value {
        case .boolean(let flag): flag ? 1 : 0
        case .integer(let number), .number(let number): number.doubleValue
        case .categorical, .json, nil: nil
        }
    }
}

/// The kind of a score's value; the canonical `type` key.
public enum ScoreType: String, Sendable, Hashable, CaseIterable, Codable {
    case boolean
    case integer
    case number
    case categorical
    case json
}

/// A score's value, typed.
public enum ScoreValue: Sendable, Hashable {
    /// Pass or fail (Scorecard `binaryScore`).
    case boolean(Bool)
    /// A whole number (Scorecard `intScore`), written without fraction or exponent.
    case integer(JSONNumber)
    /// Any number, exact digits kept (Scorecard `floatScore`, Aegis `result`).
    case number(JSONNumber)
    /// A label (Lunary thumbs `up`/`down`).
    case categorical(String)
    /// Anything else, verbatim (a Scorecard score object with other keys).
    case json(JSONValue)

    /// The type this value has.
    public var type: ScoreType {
        switch self {
        case .boolean: .boolean
        case .integer: .integer
        case .number: .number
        case .categorical: .categorical
        case .json: .json
        }
    }
}

/// The range of a metric's values (`{min, max}`).
public struct ScoreScale: Sendable, Hashable {
    public var min: JSONNumber
    public var max: JSONNumber

    public init(min: JSONNumber, max: JSONNumber) {
        self.min = min
        self.max = max
    }
}

/// A problem a vendor reported with a score: where (a JSON Pointer into the score) and what.
public struct ValidationIssue: Sendable, Hashable {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}
