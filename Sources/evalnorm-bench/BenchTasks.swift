import EvalNorm
import EvalNormCLI
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one side of a task does per timed run: the work, the bytes it reads or writes, and the
/// documents among them. Everything it starts from is made before, outside the timings.
struct Workload {
    var bytes: Int
    var documents: Int?
    var run: () -> Void
}

/// One task, done by EvalNorm and by Foundation's nearest equivalent on the same data.
struct BenchTask {
    /// A short name without spaces, for `--profile` and `--json`.
    var id: String
    /// The row's name in the table.
    var name: String
    var foundationName: String
    /// Tasks with the same key share one timing of Foundation's side (a split parse and a one-thread
    /// parse have the same baseline).
    var foundationKey: String
    /// 2 for the rows timed on two cores (a split parse or reformat, two NDJSON jobs); the others are
    /// kept on one core, Foundation's side too.
    var cores = 1
    /// Whether Foundation's side does the same work; when not (validating parsed documents against
    /// Foundation merely parsing them), the row has no ratio.
    var hasEquivalent = true
    var evalNorm: (BenchInputs) -> Workload?
    var foundation: (BenchInputs) -> Workload?
}

/// Every task, in the order of the table.
var benchTasks: [BenchTask] {
    dumpTasks + aegisTasks
        + vendorTasks("Lunary", id: "lunary", input: { $0.lunary() })
        + vendorTasks("Scorecard", id: "scorecard", input: { $0.scorecard() })
        + vendorTasks("DataFramer", id: "dataframer", input: { $0.dataFramer() })
        + ndjsonTasks
}

// MARK: The string-heavy dump

private var dumpTasks: [BenchTask] { [
    BenchTask(
        id: "parse", name: "parse", foundationName: "JSONSerialization.jsonObject", foundationKey: "parse",
        evalNorm: { inputs in
            let dump = inputs.dump
            return Workload(bytes: dump.count) { _ = try? JSONParser(splitsLargeDocuments: false).parse(dump) }
        },
        foundation: foundationParseDump
    ),
    // The same parse as the CLI's, which reads a document of 2 MiB or more on two threads (ParseSplit).
    BenchTask(
        id: "parse-split", name: "parse, split", foundationName: "JSONSerialization.jsonObject", foundationKey: "parse", cores: 2,
        evalNorm: { inputs in
            let dump = inputs.dump
            return Workload(bytes: dump.count) { _ = try? JSONParser().parse(dump) }
        },
        foundation: foundationParseDump
    ),
    BenchTask(
        id: "write", name: "write (compact)", foundationName: "JSONSerialization.data", foundationKey: "write",
        evalNorm: { inputs in
            guard let value = inputs.dumpValue else { return nil }
            return Workload(bytes: JSONWriter().write(value).count) { _ = JSONWriter().write(value) }
        },
        foundation: { inputs in
            guard let object = inputs.dumpObject, let written = try? JSONSerialization.data(withJSONObject: object) else { return nil }
            return Workload(bytes: written.count) { _ = try? JSONSerialization.data(withJSONObject: object) }
        }
    ),
    // What `evalnorm fmt` runs, against Foundation's parse + write.
    BenchTask(
        id: "reformat", name: "reformat (fmt)", foundationName: "JSONSerialization.jsonObject + data", foundationKey: "reformat",
        evalNorm: { inputs in
            let dump = inputs.dump
            return Workload(bytes: dump.count) { _ = try? JSONWriter().reformat(dump, parser: JSONParser(splitsLargeDocuments: false)) }
        },
        foundation: foundationReformatDump
    ),
    // The same reformat as `evalnorm fmt --compact`, which splits a document of 2 MiB or more between two threads.
    BenchTask(
        id: "reformat-split", name: "reformat, split", foundationName: "JSONSerialization.jsonObject + data", foundationKey: "reformat",
        cores: 2,
        evalNorm: { inputs in
            let dump = inputs.dump
            return Workload(bytes: dump.count) { _ = try? JSONWriter().reformat(dump) }
        },
        foundation: foundationReformatDump
    ),
] }

private func foundationParseDump(_ inputs: BenchInputs) -> Workload? {
    let data = inputs.dumpData
    return Workload(bytes: data.count) { _ = try? JSONSerialization.jsonObject(with: data) }
}

private func foundationReformatDump(_ inputs: BenchInputs) -> Workload? {
    let data = inputs.dumpData
    return Workload(bytes: data.count) {
        if let object = try? JSONSerialization.jsonObject(with: data) { _ = try? JSONSerialization.data(withJSONObject: object) }
    }
}

// MARK: Vendor runs

/// Aegis runs: the vendor tasks, and parsing and validation apart, and canonical encoding.
private var aegisTasks: [BenchTask] { [
    BenchTask(
        id: "aegis-parse", name: "Aegis parse", foundationName: "JSONSerialization.jsonObject", foundationKey: "aegis-parse",
        evalNorm: { inputs in
            let aegis = inputs.aegis()
            let documents = aegis.documents.map(\.bytes)
            return Workload(bytes: aegis.byteCount, documents: documents.count) {
                for document in documents { _ = try? JSONParser().parse(document) }
            }
        },
        foundation: { foundationParse($0.aegis()) }
    ),
    BenchTask(
        id: "aegis-validate", name: "Aegis validate", foundationName: "JSONSerialization.jsonObject, no validation", foundationKey: "aegis-parse",
        hasEquivalent: false,
        evalNorm: { inputs in
            let aegis = inputs.aegis()
            let schemas = aegis.schemas
            let documents = aegis.parsedRuns().flatMap { $0 }
            return Workload(bytes: aegis.byteCount, documents: documents.count) {
                for document in documents { _ = schemas[document.kind]?.validate(document.value) }
            }
        },
        foundation: { foundationParse($0.aegis()) }
    ),
] + vendorTasks("Aegis", id: "aegis", input: { $0.aegis() }) + [
    BenchTask(
        id: "canonical-encode", name: "canonical encode", foundationName: "JSONEncoder EvalRun", foundationKey: "canonical-encode",
        evalNorm: { inputs in
            let runs = inputs.aegis().decodedRuns()
            let bytes = runs.reduce(0) { $0 + CanonicalCodec().encode($1, style: .compact).count }
            return Workload(bytes: bytes, documents: runs.count) {
                for run in runs { _ = CanonicalCodec().encode(run, style: .compact) }
            }
        },
        foundation: { inputs in
            let runs = inputs.aegis().decodedRuns()
            let bytes = runs.reduce(0) { $0 + ((try? JSONEncoder().encode($1))?.count ?? 0) }
            return Workload(bytes: bytes, documents: runs.count) {
                for run in runs { _ = try? JSONEncoder().encode(run) }
            }
        }
    ),
] }

/// A vendor's documents from bytes to `EvalRun` and back: parse + validate (as `evalnorm validate`),
/// decode from bytes, and encode the runs back to vendor JSON text (MB/s of the vendor's documents).
func vendorTasks(_ vendor: String, id: String, input: @escaping (BenchInputs) -> VendorInput) -> [BenchTask] {
    [
        BenchTask(
            id: "\(id)-parse-validate", name: "\(vendor) parse+validate", foundationName: "JSONSerialization.jsonObject, no validation",
            foundationKey: "\(id)-parse",
            evalNorm: { inputs in
                let vendorInput = input(inputs)
                _ = vendorInput.schemas  // compiled before the timing, as a long-running process would
                return Workload(bytes: vendorInput.byteCount, documents: vendorInput.documents.count) { vendorInput.parseAndValidate() }
            },
            foundation: { foundationParse(input($0)) }
        ),
        // From bytes to `EvalRun` on both sides: EvalNorm parses the vendor's documents and decodes
        // them; JSONDecoder reads the canonical JSON of the same runs (its MB/s is of those bytes).
        BenchTask(
            id: "\(id)-decode", name: "\(vendor) decode", foundationName: "JSONDecoder EvalRun from canonical JSON",
            foundationKey: "\(id)-decode",
            evalNorm: { inputs in
                let vendorInput = input(inputs)
                return Workload(bytes: vendorInput.byteCount, documents: vendorInput.documents.count) { vendorInput.parseAndDecode() }
            },
            foundation: { inputs in
                let vendorInput = input(inputs)
                let canonical = vendorInput.canonicalJSON()
                return Workload(bytes: canonical.reduce(0) { $0 + $1.count }, documents: vendorInput.documents.count) {
                    for data in canonical { _ = try? JSONDecoder().decode(EvalRun.self, from: data) }
                }
            }
        ),
        BenchTask(
            id: "\(id)-encode", name: "\(vendor) encode", foundationName: "JSONSerialization.data of the parsed documents",
            foundationKey: "\(id)-encode",
            evalNorm: { inputs in
                let vendorInput = input(inputs)
                let codec = vendorInput.codec
                let runs = vendorInput.decodedRuns()
                return Workload(bytes: vendorInput.byteCount, documents: vendorInput.documents.count) {
                    for run in runs {
                        for document in (try? codec.encode(run)) ?? [] { _ = JSONWriter().write(document.value) }
                    }
                }
            },
            foundation: { inputs in
                let vendorInput = input(inputs)
                let objects = vendorInput.foundationObjects()
                return Workload(bytes: vendorInput.byteCount, documents: objects.count) {
                    for object in objects { _ = try? JSONSerialization.data(withJSONObject: object) }
                }
            }
        ),
    ]
}

/// Foundation parsing each of a vendor's documents.
private func foundationParse(_ vendorInput: VendorInput) -> Workload? {
    let documents = vendorInput.documents.map { Data($0.bytes) }
    return Workload(bytes: vendorInput.byteCount, documents: documents.count) {
        for data in documents { _ = try? JSONSerialization.jsonObject(with: data) }
    }
}

// MARK: NDJSON streaming

/// `evalnorm normalize --ndjson` in this process, with 1 and 2 jobs, on a file of Lunary runs, against
/// Foundation parsing and writing each line on one thread (it has no streaming reader, and knows no vendor).
private var ndjsonTasks: [BenchTask] { [1, 2].map { jobs in
    BenchTask(
        id: "ndjson-\(jobs)", name: "NDJSON, \(jobs) job\(jobs == 1 ? "" : "s")",
        foundationName: "JSONSerialization per line, parse + data", foundationKey: "ndjson", cores: jobs,
        evalNorm: { inputs in normalizeNDJSON(inputs, jobs: jobs) },
        foundation: foundationNDJSON
    )
} }

/// Runs `normalize --ndjson --jobs JOBS` on the Lunary file as the `evalnorm` tool would, its output
/// going to /dev/null; `nil` when it fails.
private func normalizeNDJSON(_ inputs: BenchInputs, jobs: Int) -> Workload? {
    guard let path = inputs.lunaryNDJSONPath, let size = fileSize(path) else { return nil }
    let devNull = open("/dev/null", O_WRONLY)
    guard devNull >= 0 else { return nil }
    var context = CommandContext(standardInput: .bytes([]), standardOutput: OutputChannel(fileDescriptor: devNull),
                                 standardError: OutputChannel(fileDescriptor: STDERR_FILENO))
    context.ownsProcess = true  // the child process is the tool's, as `evalnorm` is
    let arguments = ["normalize", "--ndjson", "--jobs", String(jobs), path]
    guard EvalNormTool.run(arguments, context: context) == 0 else {
        FileHandle.standardError.write(Data("evalnorm-bench: evalnorm \(arguments.joined(separator: " ")) failed\n".utf8))
        return nil
    }
    return Workload(bytes: size, documents: inputs.lunaryNDJSONLines) { _ = EvalNormTool.run(arguments, context: context) }
}

/// Reads the Lunary file 4 MiB at a time and parses and writes each line with Foundation.
private func foundationNDJSON(_ inputs: BenchInputs) -> Workload? {
    guard let path = inputs.lunaryNDJSONPath, let size = fileSize(path) else { return nil }
    return Workload(bytes: size, documents: inputs.lunaryNDJSONLines) {
        guard let file = FileHandle(forReadingAtPath: path) else { return }
        defer { try? file.close() }
        var pending = Data()
        while let chunk = try? file.read(upToCount: 4 << 20), !chunk.isEmpty {
            pending.append(chunk)
            var lineStart = pending.startIndex
            while let newline = pending[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
                if let object = try? JSONSerialization.jsonObject(with: pending[lineStart..<newline]) {
                    _ = try? JSONSerialization.data(withJSONObject: object)
                }
                lineStart = newline + 1
            }
            pending = Data(pending[lineStart...])
        }
    }
}

private func fileSize(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
}
