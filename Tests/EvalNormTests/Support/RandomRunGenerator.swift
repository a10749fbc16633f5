import EvalNorm

/// A seeded generator of random ``EvalRun``s for round-trip tests: every optional field present or
/// absent, every score type, odd numbers (`-0`, `1E+2`, 20-digit integers, `1e400`) and odd strings
/// (escapes, control characters, non-ASCII, emoji, U+FFFD, empty).
struct RandomRunGenerator {
    private var source: SplitMix64

    init(seed: UInt64) {
        source = SplitMix64(seed: seed)
    }

    private mutating func next() -> UInt64 { source.next() }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    private mutating func coin() -> Bool { below(2) == 0 }
    private mutating func maybe<T>(_ make: (inout RandomRunGenerator) -> T) -> T? { coin() ? make(&self) : nil }
    private mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    static let oddStrings = ["", "plain", "tab\there", "quote \" and \\ backslash", "line\nbreak\r\n", "nul \u{00} bell \u{07}",
                             "naïve Größe", "日本語のテキスト", "emoji 😀🚀", "replacement \u{FFFD}", "slash / and ~tilde",
                             String(repeating: "long ", count: 60), "   ", "\u{7F}del", "é", "🏳️‍🌈"]
    static let oddNumbers = ["0", "-0", "1", "1.0", "1e2", "1E+2", "-1.5e-300", "12345678901234567890", "0.001200000000000",
                             "1e400", "123456789.123456789", "3.14", "-42", "0.1", "9007199254740993"]
    static let integralNumbers = ["0", "-0", "7", "1.0", "1e2", "1.5e1", "12345678901234567890", "-3"]
    static let timestamps = ["2026-04-01T09:12:00Z", "2026-04-01T09:12:00.123456+02:00", "2026-04-01T09:12:00", "not a date", ""]

    private mutating func string() -> String { pick(Self.oddStrings) + (coin() ? "" : String(below(1000))) }
    private mutating func number() -> JSONNumber { JSONNumber(lexeme: pick(Self.oddNumbers)) ?? 0 }
    private mutating func integral() -> JSONNumber { JSONNumber(lexeme: pick(Self.integralNumbers)) ?? 0 }
    private mutating func timestamp() -> Timestamp { Timestamp(pick(Self.timestamps)) }

    /// Any JSON value; `null` only inside containers, as canonical user data allows.
    private mutating func json(depth: Int = 0, allowNull: Bool = false) -> JSONValue {
        switch below(depth >= 3 ? 4 : 6) {
        case 0: return allowNull && coin() ? .null : .bool(coin())
        case 1: return .number(number())
        case 2: return .string(string())
        case 3: return .bool(coin())
        case 4: return .array((0..<below(4)).map { _ in json(depth: depth + 1, allowNull: true) })
        default: return .object(object(depth: depth + 1))
        }
    }

    private mutating func object(depth: Int = 0) -> JSONObject {
        var object = JSONObject()
        for _ in 0..<below(4) { object.append(key: string(), value: json(depth: depth, allowNull: true)) }
        return object
    }

    private mutating func cost() -> Cost { Cost(total: number(), currency: maybe { _ in "USD" }) }
    private mutating func usage() -> TokenUsage {
        TokenUsage(promptTokens: maybe { $0.number() }, completionTokens: maybe { $0.number() }, totalTokens: maybe { $0.number() })
    }
    private mutating func metric() -> MetricReference {
        MetricReference(id: maybe { $0.string() }, versionId: maybe { $0.string() }, name: maybe { $0.pick(["faith", "ans_corr", "feedback"]) })
    }

    private mutating func scoreValue() -> ScoreValue? {
        switch below(6) {
        case 0: return .boolean(coin())
        case 1: return .integer(integral())
        case 2: return .number(number())
        case 3: return .categorical(pick(["up", "down", string()]))
        case 4: return .json(json())
        default: return nil
        }
    }

    private mutating func score() -> Score {
        Score(metric: metric(), value: scoreValue(), succeeded: maybe { $0.coin() },
              scale: maybe { $0.coin() ? ScoreScale(min: 0, max: 100) : ScoreScale(min: $0.number(), max: $0.number()) },
              threshold: maybe { $0.number() }, passed: maybe { $0.coin() }, reasoning: maybe { $0.string() },
              model: maybe { $0.string() }, cost: maybe { $0.cost() }, startedAt: maybe { $0.timestamp() },
              finishedAt: maybe { $0.timestamp() }, arguments: maybe { $0.json() }, metadata: maybe { $0.json() },
              validationErrors: maybe { generator in (0..<generator.below(3)).map { _ in ValidationIssue(path: "/score/value", message: generator.string()) } },
              extensions: coin() ? JSONObject() : ["scorecard": .object(object())])
    }

    /// A random record.
    mutating func record() -> EvalRecord {
        EvalRecord(id: maybe { $0.string() }, index: maybe { $0.integral() }, testcaseId: maybe { $0.string() },
                   inputs: maybe { $0.json() }, expected: maybe { $0.json() }, outputs: maybe { $0.json() },
                   context: maybe { $0.json() }, error: maybe { $0.json() }, createdAt: maybe { $0.timestamp() },
                   finishedAt: maybe { $0.timestamp() }, durationMs: maybe { $0.number() }, cost: maybe { $0.cost() },
                   usage: maybe { $0.usage() },
                   possiblyTruncated: maybe { _ in [["inputs", "prompt"], ["outputs", "a/b~c"], JSONPointer()] },
                   scores: (0..<below(4)).map { _ in score() },
                   extensions: coin() ? JSONObject() : ["aegis": .object(object())])
    }

    /// A random run.
    mutating func run() -> EvalRun {
        EvalRun(
            id: string(),
            source: RunSource(vendor: pick(Vendor.known + [Vendor(rawValue: "future-vendor")]), documents: pick([["run"], ["run", "records-page", "records-page"], []])),
            name: maybe { $0.string() },
            status: pick(RunStatus.allCases),
            vendorStatus: maybe { $0.pick(["completed", "RUNNING", "awaiting_human_scoring", $0.string()]) },
            createdAt: maybe { $0.timestamp() }, startedAt: maybe { $0.timestamp() }, finishedAt: maybe { $0.timestamp() },
            createdBy: maybe { $0.string() },
            dataset: maybe { Dataset(id: $0.maybe { $0.string() }, name: $0.maybe { $0.string() }, version: $0.maybe { $0.string() },
                                     kind: $0.maybe { $0.string() }, collection: $0.maybe { $0.string() }) },
            system: maybe { EvaluatedSystem(id: $0.maybe { $0.string() }, name: $0.maybe { $0.string() }, version: $0.maybe { $0.string() },
                                            versionId: $0.maybe { $0.string() }, model: $0.maybe { $0.string() }) },
            metrics: maybe { generator in (0..<generator.below(4)).map { _ in generator.metric() } },
            counts: maybe { RunCounts(records: $0.maybe { $0.number() }, expectedRecords: $0.maybe { $0.number() },
                                      scores: $0.maybe { $0.number() }, succeeded: $0.maybe { $0.number() }, failed: $0.maybe { $0.number() }) },
            cost: maybe { $0.cost() },
            usage: maybe { $0.usage() },
            result: maybe { RunResult(score: $0.maybe { $0.number() }, threshold: $0.maybe { $0.number() }, passed: $0.maybe { $0.coin() },
                                      byMetric: $0.maybe { generator in [.init(metric: "faith", score: generator.number()), .init(metric: "ans_corr", score: generator.number())] }) },
            parameters: maybe { $0.object() },
            metadata: maybe { $0.object() },
            tags: maybe { generator in (0..<generator.below(3)).map { _ in generator.string() } },
            artifacts: maybe { generator in (0..<generator.below(3)).map { _ in
                Artifact(id: generator.maybe { $0.string() }, path: generator.maybe { $0.string() },
                         mediaType: generator.maybe { $0.string() }, sizeBytes: generator.maybe { $0.number() }) } },
            records: (0..<below(5)).map { _ in record() },
            extensions: coin() ? JSONObject() : ["aegis": .object(object()), "lunary": .object(object())]
        )
    }
}
