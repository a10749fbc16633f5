import EvalNorm
import Foundation
import Testing

/// Random runs round-trip through the canonical codec: equal values, identical bytes on a second pass.
struct CanonicalRoundTripTests {
    static let seeds: [UInt64] = Array(1...400)

    @Test(arguments: seeds)
    func randomRunRoundTrips(seed: UInt64) throws {
        var generator = RandomRunGenerator(seed: seed)
        let run = generator.run()
        let codec = CanonicalCodec()

        let compact = codec.encode(run, style: .compact)
        let decoded = try codec.decode(compact)
        #expect(decoded == run)
        // Model equality compares Swift strings by canonical equivalence; JSONValue's is byte-exact.
        #expect(codec.encode(decoded) == codec.encode(run))
        #expect(codec.encode(decoded, style: .compact) == compact, "canonical bytes changed on the second pass")

        let pretty = codec.encode(run, style: .pretty)
        #expect(try codec.decode(pretty) == run)

        try CanonicalDump.writeIfRequested(compact, name: "random-\(seed)")
    }

    @Test func generatorCoversEveryScoreTypeAndAbsence() {
        var types = Set<String>()
        var runsWithoutName = 0
        for seed in Self.seeds {
            var generator = RandomRunGenerator(seed: seed)
            let run = generator.run()
            if run.name == nil { runsWithoutName += 1 }
            for (_, score) in run.allScores { types.insert(score.value.map { $0.type.rawValue } ?? "none") }
        }
        #expect(types == ["boolean", "integer", "number", "categorical", "json", "none"])
        #expect(runsWithoutName > 50 && runsWithoutName < 350)
    }

    @Test func keysComeInTheDocumentedOrder() throws {
        let run = EvalRun(id: "991", source: RunSource(vendor: .aegis), name: "n", status: .succeeded,
                          cost: Cost(total: JSONNumber(lexeme: "0.001200000000000") ?? 0),
                          records: [EvalRecord(id: "r1", scores: [Score(metric: MetricReference(name: "faith"), value: .number(100))])])
        let text = String(decoding: CanonicalCodec().encode(run, style: .compact), as: UTF8.self)
        #expect(text == #"{"formatVersion":1,"id":"991","source":{"vendor":"aegis","documents":["run"]},"name":"n","status":"succeeded","cost":{"total":0.001200000000000,"currency":"USD"},"records":[{"id":"r1","scores":[{"metric":{"name":"faith"},"type":"number","value":100}]}]}"#)
    }

    @Test func codableGivesTheSameShape() throws {
        let run = EvalRun(
            id: "r-1", source: RunSource(vendor: .lunary), name: "chat", status: .failed, createdAt: "2026-04-01T09:12:00Z",
            cost: Cost(total: JSONNumber(lexeme: "0.25") ?? 0), parameters: ["temperature": 0.5, "tools": ["search"]],
            tags: ["a", "b"],
            records: [EvalRecord(id: "x", index: 0, inputs: ["empty": nil, "prompt": "hi"],
                                 scores: [Score(metric: MetricReference(name: "feedback"), value: .categorical("up"), reasoning: "nice")])])
        // Verbatim objects above have sorted keys: the Codable path keeps no member order, and sorts.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = try encoder.encode(run)
        // JSONEncoder writes the canonical shape: the canonical codec reads its output back to the same run.
        #expect(try CanonicalCodec().decode(Array(encoded)) == run)
        #expect(try JSONDecoder().decode(EvalRun.self, from: encoded) == run)
        #expect(try JSONDecoder().decode(EvalRun.self, from: Data(CanonicalCodec().encode(run, style: .compact))) == run)
    }

    @Test func codableCannotCarryNumbersBeyondDouble() {
        let run = EvalRun(id: "r", source: RunSource(vendor: .aegis), cost: Cost(total: JSONNumber(lexeme: "1e400") ?? 0))
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(run) }
        // The canonical codec has no such limit.
        #expect(String(decoding: CanonicalCodec().encode(run, style: .compact), as: UTF8.self).contains(#""total":1e400"#))
    }
}

/// Writes canonical documents the tests produce to `$EVALNORM_CANONICAL_DUMP`, when set, so that an
/// independent validator can check them against `Schemas/eval-run.schema.json`.
enum CanonicalDump {
    static func writeIfRequested(_ bytes: [UInt8], name: String) throws {
        guard let folder = ProcessInfo.processInfo.environment["EVALNORM_CANONICAL_DUMP"] else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(name).json"))
    }
}
