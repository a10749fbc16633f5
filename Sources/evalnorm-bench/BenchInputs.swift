import EvalNorm
import Foundation

/// The benchmark's generated inputs, each made when a task asks for it: a child process that times
/// one side of one task makes only that side's input, and holds only the forms the side starts from.
///
/// Each input has a generator of its own, seeded from `--seed` and the input's place in this list,
/// so that it is the same whichever side asks for it.
final class BenchInputs {
    let options: Options
    private var targetBytes: Int { options.sizeMB * 1_000_000 }

    init(options: Options) {
        self.options = options
    }

    private func generator(_ offset: UInt64) -> DumpGenerator {
        DumpGenerator(seed: options.seed &+ offset)
    }

    /// A string-heavy dump: one run with records, as one document.
    lazy var dump: [UInt8] = makeDump()

    /// The same dump for Foundation, made again rather than copied, so that a side holds one copy.
    lazy var dumpData = Data(makeDump())

    private func makeDump() -> [UInt8] {
        var generator = generator(0)
        return generator.makeDump(targetBytes: targetBytes)
    }

    /// The dump, parsed by EvalNorm (`nil` when it does not parse: the side that needs it then fails).
    lazy var dumpValue: JSONValue? = try? JSONParser().parse(dump)

    /// The dump, parsed by Foundation.
    lazy var dumpObject: Any? = try? JSONSerialization.jsonObject(with: dumpData)

    /// Aegis runs (GET /runs/{id}) of 50 evaluations each: string-heavy.
    func aegis() -> VendorInput {
        var generator = generator(1)
        let runs = generator.makeAegisRuns(targetBytes: targetBytes, evaluationsPerRun: 50)
        return VendorInput(codec: AegisCodec(), runs: runs.map { [VendorInput.Document(kind: .run, bytes: $0)] })
    }

    /// Lunary runs (GET /v1/runs/{id}), each a few KB of chat: string-heavy.
    func lunary() -> VendorInput {
        var generator = generator(2)
        var runs: [[VendorInput.Document]] = []
        generator.makeLunaryNDJSON(targetBytes: targetBytes) { line in
            runs.append([VendorInput.Document(kind: .run, bytes: Array(line.dropLast()))])  // without its newline
        }
        return VendorInput(codec: LunaryCodec(), runs: runs)
    }

    /// Scorecard runs, each a run document and its records pages of 50 records: string-heavy.
    func scorecard() -> VendorInput {
        var generator = generator(3)
        let runs = generator.makeScorecardRuns(targetBytes: targetBytes, recordsPerPage: 50)
        return VendorInput(codec: ScorecardCodec(), runs: runs.map { documents in
            documents.enumerated().map { VendorInput.Document(kind: $0.offset == 0 ? .run : .recordsPage, bytes: $0.element) }
        })
    }

    /// DataFramer generation runs: key-heavy (many small objects of short values).
    func dataFramer() -> VendorInput {
        var generator = generator(4)
        let runs = generator.makeDataFramerRuns(targetBytes: targetBytes)
        return VendorInput(codec: DataFramerCodec(), runs: runs.map { [VendorInput.Document(kind: .run, bytes: $0)] })
    }

    /// A file of Lunary runs, one per line, for the NDJSON tasks (see ``removeTemporaryFiles()``).
    lazy var lunaryNDJSONPath: String? = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("evalnorm-bench-lunary-\(ProcessInfo.processInfo.processIdentifier).ndjson").path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            FileHandle.standardError.write(Data("evalnorm-bench: cannot write \(path)\n".utf8))
            return nil
        }
        temporaryFiles.append(path)
        guard let file = FileHandle(forWritingAtPath: path) else { return nil }
        defer { try? file.close() }
        var generator = generator(2)
        var lines = 0
        generator.makeLunaryNDJSON(targetBytes: targetBytes) { line in
            file.write(Data(line))
            lines += 1
        }
        lunaryNDJSONLines = lines
        return path
    }()

    /// The number of lines in the file at ``lunaryNDJSONPath``, once written.
    private(set) var lunaryNDJSONLines: Int?

    private var temporaryFiles: [String] = []

    /// Removes the files written for the tasks (a process's globals are never deinitialized).
    func removeTemporaryFiles() {
        for path in temporaryFiles { try? FileManager.default.removeItem(atPath: path) }
        temporaryFiles = []
    }
}
