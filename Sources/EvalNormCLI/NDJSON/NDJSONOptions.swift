import EvalNorm
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--ndjson [--jobs N] [--rejects FILE]`, shared by `normalize`, `convert` and `validate`.
struct NDJSONOptions {
    static let flags: Set<String> = ["--ndjson"]
    static let valueOptions: Set<String> = ["--jobs", "--rejects"]

    /// Help lines for the three options, indented by two spaces, their descriptions starting at
    /// `column` as the command's other options' do.
    static func help(column: Int = 19) -> String {
        let options: [(name: String, lines: [String])] = [
            ("--ndjson", ["Read FILE (or '-') as NDJSON: one document per line, one result per line,",
                          "in input order, streamed with bounded memory. A bad line is reported as",
                          "'evalnorm: FILE: line N: ...' and skipped; the exit code is then 1."]),
            ("--jobs N", ["With --ndjson: read lines on N threads (default: all cores)."]),
            ("--rejects FILE", ["With --ndjson: copy each bad line, verbatim, to FILE."]),
        ]
        let indent = String(repeating: " ", count: column)
        return options.flatMap { option in
            let first = "  " + option.name
            let lead = first + String(repeating: " ", count: max(1, column - first.count))
            return [lead + option.lines[0]] + option.lines.dropFirst().map { indent + $0 }
        }.joined(separator: "\n")
    }

    var jobs: Int
    var rejectsPath: String?

    /// The options, or `nil` without `--ndjson`; `--jobs` or `--rejects` alone is a usage error.
    static func parse(_ parsed: ArgumentScanner.Parsed) throws(CommandError) -> NDJSONOptions? {
        guard parsed.has("--ndjson") else {
            if let option = ["--jobs", "--rejects"].first(where: { parsed.values[$0] != nil }) {
                throw .usage("Option '\(option)' needs '--ndjson'")
            }
            return nil
        }
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        if let text = parsed.values["--jobs"] {
            guard let value = Int(text), (1...256).contains(value) else {
                throw .usage("Option '--jobs' takes a number of threads from 1 to 256, not '\(text)'")
            }
            jobs = value
        }
        guard parsed.positionals.count == 1 else {
            throw .usage("'--ndjson' reads one FILE (or '-'), got \(parsed.positionals.count)")
        }
        return NDJSONOptions(jobs: max(1, jobs), rejectsPath: parsed.values["--rejects"])
    }

    /// Streams the one input through `process`, with `finish` called on the totals before the exit
    /// code is decided; exit 0 when every line was good, 1 when one was bad, 66 when the input or the
    /// rejects file cannot be opened, 74 when the rejects file cannot be written.
    func run(_ path: String, context: CommandContext, process: @escaping @Sendable (NDJSONLine) -> LineOutcome,
             finish: (NDJSONPipeline.Totals) -> Void = { _ in }) -> ExitCode {
        let name = FileInput.displayName(path)
        var rejects: OutputChannel?
        var rejectsDescriptor: Int32 = -1
        if let rejectsPath {
            rejectsDescriptor = open(rejectsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard rejectsDescriptor >= 0 else {
                context.standardError.write("evalnorm: \(rejectsPath): cannot open the rejects file: \(String(cString: strerror(errno)))\n")
                return .cannotOpenInput
            }
            rejects = OutputChannel(fileDescriptor: rejectsDescriptor)
        }
        defer { if rejectsDescriptor >= 0 { close(rejectsDescriptor) } }
        if context.ownsProcess { StreamingHeap.prepare() }
        let pipeline = NDJSONPipeline(name: name, jobs: jobs, rejects: rejects)
        let totals: NDJSONPipeline.Totals
        do {
            totals = try pipeline.run(try openLineSource(path, context: context), context: context, process: process)
        } catch {
            context.standardError.write("evalnorm: \(name): \(error)\n")
            rejects?.flush()
            return error.code == .cannotOpenFile ? .cannotOpenInput : .malformedInput
        }
        finish(totals)
        rejects?.flush()
        if let rejectsPath, let failure = rejects?.writeError {
            context.standardError.write("evalnorm: \(rejectsPath): cannot write the rejects file: \(failure)\n")
            return .cannotWriteOutput
        }
        return totals.bad > 0 ? .dataProblem : .success
    }
}

/// The per-line work of the NDJSON modes.
enum NDJSONLines {
    /// Reads a line as a vendor document or canonical run: parsed, detected, checked against its
    /// vendor schema when `validates` (as whole files are, by ``DocumentInputs/schemaDiagnostics(of:)``),
    /// decoded. A line that is a list of runs gives them all, or, when one of them is bad, is a bad
    /// line as a whole (so that the rejects file holds it whole). A failure is the bad line's outcome.
    static func decodeRuns(_ line: NDJSONLine, vendor: Vendor?, validates: Bool) -> Result<[EvalRun], LineFailure> {
        if line.isTruncated {
            return .failure(LineFailure(["line \(line.number): longer than the limit of \(NDJSONReader.defaultMaxLineLength) bytes; not read"]))
        }
        let reader = RunReader(validatesInput: false)
        let document: DetectedDocument
        do {
            document = try reader.document(from: line.bytes, vendor: vendor)
        } catch {
            return .failure(LineFailure([NDJSONPipeline.describe(error, on: line)]))
        }
        guard let list = RunListFormat.of(document.format) else {
            return decode(document, on: line, validates: validates).map { [$0] }
        }
        if validates {
            let diagnostics = DocumentInputs.listDiagnostics(of: document, list: list).diagnostics
            if !diagnostics.isEmpty { return .failure(LineFailure(diagnostics.map { "line \(line.number): " + $0 })) }
        }
        do {
            let decoded = try RunListCodec.decode(document.value, as: list)
            if !decoded.failures.isEmpty { return .failure(LineFailure(decoded.failures.map { NDJSONPipeline.describe($0, on: line) })) }
            return .success(decoded.runs)
        } catch {
            return .failure(LineFailure([NDJSONPipeline.describe(error, on: line)]))
        }
    }

    /// One document that is not a list, checked and decoded.
    private static func decode(_ document: DetectedDocument, on line: NDJSONLine, validates: Bool) -> Result<EvalRun, LineFailure> {
        let reader = RunReader(validatesInput: false)
        do {
            if validates {
                let diagnostics = try DocumentInputs.schemaDiagnostics(of: document)
                if !diagnostics.isEmpty {
                    return .failure(LineFailure(diagnostics.map { "line \(line.number): " + $0 }))
                }
            }
            return .success(try reader.decode([document]))
        } catch {
            return .failure(LineFailure([NDJSONPipeline.describe(error, on: line)]))
        }
    }

    /// Why a line could not be used: its diagnostics.
    struct LineFailure: Error {
        var diagnostics: [String]
        init(_ diagnostics: [String]) { self.diagnostics = diagnostics }
    }
}
