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
    var evalNorm: (BenchInputs) -> Workload?
    var foundation: (BenchInputs) -> Workload?
}

/// Every task, in the order of the table.
var benchTasks: [BenchTask] {
    dumpTasks + aegisTasks
        + vendorTasks("Lunary", id: "lunary", input: { $0.lunary })
        + vendorTasks("Scorecard", id: "scorecard", input: { $0.scorecard })
        + vendorTasks("DataFramer", id: "dataframer", input: { $0.dataFramer })
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
        id: "parse-split", name: "parse, split", foundationName: "JSONSerialization.jsonObject", foundationKey: "parse",
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
            guard let aegis = inputs.aegis else { return nil }
            let documents = aegis.documents.map(\.bytes)
            return Workload(bytes: aegis.byteCount, documents: documents.count) {
                for document in documents { _ = try? JSONParser().parse(document) }
            }
        },
        foundation: { foundationParse($0.aegis) }
    ),
    BenchTask(
        id: "aegis-validate", name: "Aegis validate", foundationName: "JSONSerialization.jsonObject, no validation", foundationKey: "aegis-parse",
        evalNorm: { inputs in
            guard let aegis = inputs.aegis else { return nil }
            return Workload(bytes: aegis.byteCount, documents: aegis.runs.count) {
                for document in aegis.documents { _ = aegis.schemas[document.kind]?.validate(document.value) }
            }
        },
        foundation: { foundationParse($0.aegis) }
    ),
] + vendorTasks("Aegis", id: "aegis", input: { $0.aegis }) + [
    BenchTask(
        id: "canonical-encode", name: "canonical encode", foundationName: "JSONEncoder EvalRun", foundationKey: "canonical-encode",
        evalNorm: { inputs in
            guard let aegis = inputs.aegis else { return nil }
            let bytes = aegis.canonicalJSON().reduce(0) { $0 + $1.count }
            return Workload(bytes: bytes, documents: aegis.decoded.count) {
                for run in aegis.decoded { _ = CanonicalCodec().encode(run, style: .compact) }
            }
        },
        foundation: { inputs in
            guard let aegis = inputs.aegis else { return nil }
            let bytes = aegis.decoded.reduce(0) { $0 + ((try? JSONEncoder().encode($1))?.count ?? 0) }
            return Workload(bytes: bytes, documents: aegis.decoded.count) {
                for run in aegis.decoded { _ = try? JSONEncoder().encode(run) }
            }
        }
    ),
] }

/// A vendor's documents from bytes to `EvalRun` and back: parse + validate (as `evalnorm validate`),
/// decode the parsed documents, encode the runs back to vendor JSON text.
func vendorTasks(_ vendor: String, id: String, input: @escaping (BenchInputs) -> VendorInput?) -> [BenchTask] {
    [
        BenchTask(
            id: "\(id)-parse-validate", name: "\(vendor) parse+validate", foundationName: "JSONSerialization.jsonObject, no validation",
            foundationKey: "\(id)-parse",
            evalNorm: { inputs in
                guard let vendorInput = input(inputs) else { return nil }
                return Workload(bytes: vendorInput.byteCount, documents: vendorInput.documents.count) { vendorInput.parseAndValidate() }
            },
            foundation: { foundationParse(input($0)) }
        ),
        BenchTask(
            id: "\(id)-decode", name: "\(vendor) decode", foundationName: "JSONDecoder EvalRun from canonical JSON",
            foundationKey: "\(id)-decode",
            evalNorm: { inputs in
                guard let vendorInput = input(inputs) else { return nil }
                return Workload(bytes: vendorInput.byteCount, documents: vendorInput.documents.count) { vendorInput.decodeAll() }
            },
            foundation: { inputs in
                guard let vendorInput = input(inputs) else { return nil }
                let canonical = vendorInput.canonicalJSON()
                return Workload(bytes: vendorInput.byteCount, documents: vendorInput.documents.count) {
                    for data in canonical { _ = try? JSONDecoder().decode(EvalRun.self, from: data) }
                }
            }
        ),
        BenchTask(
            id: "\(id)-encode", name: "\(vendor) encode", foundationName: "JSONSerialization.data of the parsed documents",
            foundationKey: "\(id)-encode",
            evalNorm: { inputs in
                guard let vendorInput = input(inputs) else { return nil }
                return Workload(bytes: vendorInput.byteCount, documents: vendorInput.documents.count) { vendorInput.encodeAll() }
            },
            foundation: { inputs in
                guard let vendorInput = input(inputs) else { return nil }
                let objects = vendorInput.foundationObjects()
                return Workload(bytes: vendorInput.byteCount, documents: objects.count) {
                    for object in objects { _ = try? JSONSerialization.data(withJSONObject: object) }
                }
            }
        ),
    ]
}

/// Foundation parsing each of a vendor's documents.
private func foundationParse(_ vendorInput: VendorInput?) -> Workload? {
    guard let vendorInput else { return nil }
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
        foundationName: "JSONSerialization per line, parse + data", foundationKey: "ndjson",
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
    return Workload(bytes: size, documents: lineCount(path)) { _ = EvalNormTool.run(arguments, context: context) }
}

/// Reads the Lunary file 4 MiB at a time and parses and writes each line with Foundation.
private func foundationNDJSON(_ inputs: BenchInputs) -> Workload? {
    guard let path = inputs.lunaryNDJSONPath, let size = fileSize(path) else { return nil }
    return Workload(bytes: size, documents: lineCount(path)) {
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

private func lineCount(_ path: String) -> Int? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
}
