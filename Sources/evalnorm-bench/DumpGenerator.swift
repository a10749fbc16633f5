/// Generates a realistic evaluation dump as JSON text, deterministically from a seed.
///
/// The shape is a run with records, each with long prompts and outputs (escapes, non-ASCII, emoji),
/// nested inputs and metadata, several scores with numbers of many forms, and timestamps: the mix of
/// strings, numbers and small objects that vendor exports hold. The text is written directly, not
/// through EvalNorm's writer, so the benchmark does not grade its own homework.
struct DumpGenerator {
    var random: SplitMix64
    var output: [UInt8] = []

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// A dump of at least `targetBytes` bytes.
    mutating func makeDump(targetBytes: Int) -> [UInt8] {
        output = []
        output.reserveCapacity(targetBytes + 64 << 10)
        append(#"{"id":"run-7f3a9c","name":"support-bot nightly","status":"completed","createdAt":"2026-11-20T02:00:04.123Z","#)
        append(#""metadata":{"team":"support","gitSha":"9f8e7d6c5b4a","tags":["nightly","gpt-4o","région-eu"],"budgetUsd":125.50},"records":["#)
        var index = 0
        while output.count < targetBytes {
            if index > 0 { append(",") }
            appendRecord(index)
            index += 1
        }
        append("]}")
        return output
    }

    private mutating func appendRecord(_ index: Int) {
        append(#"{"id":"rec-"#)
        append(String(index))
        append(#"","index":"#)
        append(String(index))
        append(#","testcaseId":"#)
        append(String(900_000_000_000 + random.next(below: 1_000_000_000)))
        append(#","inputs":{"prompt":"#)
        appendText(words: 40 + random.next(below: 200))
        append(#","context":["#)
        for position in 0..<(1 + random.next(below: 3)) {
            if position > 0 { append(",") }
            appendText(words: 30 + random.next(below: 120))
        }
        append(#"],"temperature":0."#)
        append(String(random.next(below: 10)))
        append(#"},"expected":"#)
        appendText(words: 10 + random.next(below: 60))
        append(#","outputs":{"text":"#)
        appendText(words: 50 + random.next(below: 250))
        append(#","tokens":"#)
        append(String(random.next(below: 4096)))
        append(#","latencyMs":"#)
        append(String(random.next(below: 20_000)))
        append(".")
        append(String(random.next(below: 1000)))
        append(#"},"scores":["#)
        let metrics = ["faithfulness", "answer_relevance", "toxicity", "exact_match"]
        for (position, metric) in metrics.prefix(1 + random.next(below: metrics.count)).enumerated() {
            if position > 0 { append(",") }
            append(#"{"metric":""#)
            append(metric)
            append(#"","value":"#)
            appendNumber()
            append(#","threshold":0.7,"passed":"#)
            append(random.next(below: 4) == 0 ? "false" : "true")
            append(#","reasoning":"#)
            appendText(words: 15 + random.next(below: 60))
            append(#","cost":"#)
            append("0.000")
            append(String(100 + random.next(below: 900)))
            append(#","validationErrors":[]}"#)
        }
        append(#"],"createdAt":"2026-11-20T02:"#)
        append(String(10 + random.next(below: 50)))
        append(#":00Z","error":null}"#)
    }

    /// Aegis run documents (GET /runs/{id}) of `evaluationsPerRun` evaluations each, adding up to at
    /// least `targetBytes`: valid against `aegis-run.schema.json`, string-heavy as real runs are.
    mutating func makeAegisRuns(targetBytes: Int, evaluationsPerRun: Int) -> [[UInt8]] {
        var runs: [[UInt8]] = []
        var total = 0
        while total < targetBytes {
            output = []
            appendAegisRun(id: 48_213 + runs.count, evaluations: evaluationsPerRun)
            total += output.count
            runs.append(output)
        }
        return runs
    }

    /// One Aegis run document of at least `targetBytes`: as `makeAegisRuns` writes them, with as many
    /// evaluations as it takes (about 2.2 KB each).
    mutating func makeAegisRun(targetBytes: Int) -> [UInt8] {
        output = []
        output.reserveCapacity(targetBytes + 64 << 10)
        appendAegisRun(id: 48_213, evaluations: Int.max, targetBytes: targetBytes)
        return output
    }

    private mutating func appendAegisRun(id: Int, evaluations: Int, targetBytes: Int = .max) {
        append(#"{"id":"#)
        append(String(id))
        append(#","user":"maria.lopez@northwind-support.example","author_email":"maria.lopez@northwind-support.example","run_type":"Dataset","run_source":"API Call","dataset":"Refund policy QA — v3","data_collection":"Customer Support","org_id":null,"number_of_metrics":2,"result":75.0,"threshold":70,"model_slug":"gpt-4o-mini","alias":"refunds-nightly","aggregate_results":{"ans_corr":83.3,"faith":66.7},"total_cost":"0.003150000000000","started_at":"2026-11-20T02:00:04Z","finished_at":"2026-11-20T02:01:37Z","is_gte_threshold":true,"evaluations":["#)
        for index in 0..<evaluations {
            if output.count >= targetBytes { break }
            if index > 0 { append(",") }
            append(#"{"id":"#)
            append(String(905_311 + index))
            append(#","run_id":"#)
            append(String(id))
            append(#","record_index":"#)
            append(String(index / 2))
            append(index % 2 == 0 ? #","metric":"ans_corr","record":{"id":"# : #","metric":"faith","record":{"id":"#)
            append(String(771_002 + index / 2))
            append(#","prompt":"#)
            appendText(words: 10 + random.next(below: 30))
            append(#","input":null,"context":"#)
            appendText(words: 40 + random.next(below: 120))
            append(#","output":"#)
            appendText(words: 30 + random.next(below: 90))
            append(#","golden_answer":"#)
            appendText(words: 5 + random.next(below: 20))
            append(#"},"result":"#)
            append(String(random.next(below: 101)))
            append(#","threshold":70,"explanation":"#)
            appendText(words: 15 + random.next(below: 50))
            append(#","model_slug":"gpt-4o-mini","metric_args":null,"started_at":"2026-11-20T02:00:05Z","finished_at":"2026-11-20T02:00:07Z","evaluation_cost":"0.000"#)
            append(String(100 + random.next(below: 900)))
            append(#"","is_success":true,"is_gte_threshold":"#)
            append(random.next(below: 4) == 0 ? "false" : "true")
            append(#","eval_metadata":{"latency_ms":"#)
            append(String(random.next(below: 5000)))
            append("}}")
        }
        append("]}")
    }

    /// Lunary runs (GET /v1/runs/{id}), one per line, adding up to at least `targetBytes`: NDJSON as a
    /// Lunary export holds it, valid against `lunary-run.schema.json`, each line a few KB of chat.
    mutating func makeLunaryNDJSON(targetBytes: Int, into write: ([UInt8]) -> Void) {
        var total = 0
        var index = 0
        while total < targetBytes {
            output = []
            appendLunaryRun(index)
            output.append(UInt8(ascii: "\n"))
            total += output.count
            write(output)
            index += 1
        }
    }

    private mutating func appendLunaryRun(_ index: Int) {
        let id = "e4b7c1a2-9d3f-4e58-8b6a-" + String(100_000_000_000 + index)
        append(#"{"id":""#)
        append(id)
        append(#"","projectId":"0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a","isPublic":false,"feedback":"#)
        append(random.next(below: 3) == 0 ? "null" : (random.next(below: 2) == 0 ? #"{"thumb":"up","comment":"# : #"{"thumb":"down","comment":"#))
        if output.last != UInt8(ascii: "l") {
            appendText(words: 3 + random.next(below: 15))
            append("}")
        }
        append(#","parentFeedback":null,"type":"llm","name":"gpt-4o-mini","createdAt":"2026-10-02T16:41:07.215Z","endedAt":"2026-10-02T16:41:09.698Z","duration":"#)
        append(String(random.next(below: 9)) + "." + String(100 + random.next(below: 900)))
        append(#","templateVersionId":3127,"templateSlug":"trip-change-assistant","cost":0.000"#)
        append(String(100 + random.next(below: 900)))
        append(#","tokens":{"completion":"#)
        append(String(random.next(below: 800)))
        append(#","prompt":"#)
        append(String(random.next(below: 4000)))
        append(#","total":"#)
        append(String(random.next(below: 4800)))
        append(#"},"tags":["production","bookings"],"input":[{"role":"system","content":"#)
        appendText(words: 20 + random.next(below: 60))
        append(#"},{"role":"user","content":"#)
        appendText(words: 10 + random.next(below: 80))
        append(#"}],"output":[{"role":"assistant","content":"#)
        appendText(words: 30 + random.next(below: 200))
        append(#"}],"error":null,"status":"success","params":{"temperature":0.3,"max_tokens":400},"metadata":{"bookingChannel":"web","fareClass":"Flex"},"scores":[{"label":"groundedness","value":0."#)
        append(String(random.next(below: 100)))
        append(#","comment":"#)
        appendText(words: 3 + random.next(below: 12))
        append(#"}],"user":{"id":"#)
        append(String(20_000 + random.next(below: 10_000)))
        append(#","externalId":"cust-58831","createdAt":"2025-04-19T08:12:44.000Z","lastSeen":"2026-10-02T16:41:07.000Z","props":{"name":"Ana Ribeiro","tier":"gold"}},"traceId":""#)
        append(id)
        append(#""}"#)
    }

    /// Numbers in the forms vendors write them: integers, fractions, exponents, long decimals.
    mutating func appendNumber() {
        switch random.next(below: 5) {
        case 0: append(String(random.next(below: 6)))
        case 1: append("0." + String(random.next(below: 1_000_000)))
        case 2: append(String(random.next(below: 9) + 1) + "." + String(random.next(below: 100)) + "e-" + String(random.next(below: 5) + 1))
        case 3: append("0.00120000000000" + String(random.next(below: 10)))
        default: append("-" + String(random.next(below: 100)) + ".5")
        }
    }

    private static let words: [String] = [
        "the", "customer", "asked", "whether", "refund", "policy", "applies", "to", "items", "bought",
        "during", "a", "sale", "and", "agent", "answered", "that", "within", "sixty", "days", "receipt",
        "naïve", "Größe", "café", "déjà", "vu", "señor", "Zürich", "日本語", "テスト", "中文", "😀", "🚀",
        #"\"quoted\""#, #"C:\\path\\to\\file"#, #"line\nbreak"#, #"tab\tstop"#, #"caf\u00e9"#, "</tag>",
        "model", "output", "score", "context", "retrieved", "passage", "says", "shipping", "is", "free",
    ]

    mutating func appendText(words count: Int) {
        append("\"")
        for position in 0..<count {
            if position > 0 { append(" ") }
            append(DumpGenerator.words[random.next(below: DumpGenerator.words.count)])
        }
        append("\"")
    }

    mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }
}

/// A small, fast, deterministic pseudo-random generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
