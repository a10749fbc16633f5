import Dispatch
import EvalNorm
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one NDJSON line came to: bytes for stdout (whole lines), diagnostics for stderr, and
/// whether the line was bad (reported, copied to the rejects file, counted for the exit code).
struct LineOutcome: Sendable {
    var output: [UInt8] = []
    var diagnostics: [String] = []
    var isBad = false

    /// A bad line, with one diagnostic per entry.
    static func bad(_ diagnostics: [String]) -> LineOutcome {
        LineOutcome(diagnostics: diagnostics, isBad: true)
    }
}

/// Streams an NDJSON input through a per-line function on several threads, keeping the order.
///
/// Lines are read in chunks (up to 4 MiB or 4,096 lines); each chunk's lines are processed by
/// `jobs` threads at once, each taking blocks of consecutive lines as it gets free, then their
/// outputs are written in input order before the next chunk is read. Memory is therefore bounded by
/// one chunk, its outputs, and the documents the threads hold, whatever the input's length. Blank lines are skipped. A bad line is reported as
/// `evalnorm: FILE: line N…: message`, copied verbatim to the rejects file when there is one, and
/// skipped; the others still come out.
struct NDJSONPipeline {
    /// The input's name in diagnostics.
    var name: String
    var jobs: Int
    /// Where bad lines are copied, if anywhere.
    var rejects: OutputChannel?

    static let chunkBytes = 4 << 20
    static let chunkLines = 4_096
    /// How many consecutive lines a thread takes at a time (see ``BlockDispenser``): enough that
    /// taking them costs nothing next to processing them, few enough that the threads finish a
    /// chunk together.
    static let blockLines = 8

    /// Counts of what went through.
    struct Totals {
        var lines = 0
        var bad = 0
        var bytes = 0
    }

    /// Runs `process` over every non-blank line of `source`.
    func run(_ source: any LineSource, context: CommandContext,
             process: @escaping @Sendable (NDJSONLine) -> LineOutcome) throws(EvalNormError) -> Totals {
        var totals = Totals()
        var progress = Progress(context: context)
        while true {
            var chunk: [NDJSONLine] = []
            var chunkSize = 0
            while chunk.count < NDJSONPipeline.chunkLines, chunkSize < NDJSONPipeline.chunkBytes, let line = try source.next() {
                totals.bytes += line.length + 1
                if line.isBlank { continue }
                chunkSize += line.bytes.count
                chunk.append(line)
            }
            if chunk.isEmpty { break }
            let outcomes = NDJSONPipeline.map(chunk, jobs: jobs, process)
            for (line, outcome) in zip(chunk, outcomes) {
                totals.lines += 1
                context.standardOutput.write(outcome.output)
                for diagnostic in outcome.diagnostics {
                    context.standardError.write("evalnorm: \(name): " + EvalNormError.escapingControlCharacters(diagnostic) + "\n")
                }
                guard outcome.isBad else { continue }
                totals.bad += 1
                if let rejects {
                    rejects.write(line.bytes)
                    rejects.write([UInt8(ascii: "\n")])
                }
            }
            progress.update(totals, final: false)
        }
        progress.update(totals, final: true)
        return totals
    }

    /// `process` applied to every line, on up to `jobs` threads, results in order.
    private static func map(_ lines: [NDJSONLine], jobs: Int, _ process: @Sendable (NDJSONLine) -> LineOutcome) -> [LineOutcome] {
        guard jobs > 1, lines.count > 1 else { return lines.map(process) }
        let results = ResultSlots(count: lines.count)
        let blocks = BlockDispenser(count: lines.count, blockSize: NDJSONPipeline.blockLines)
        DispatchQueue.concurrentPerform(iterations: min(jobs, lines.count)) { _ in
            while let block = blocks.nextBlock() {
                for index in block { results.set(index, process(lines[index])) }
            }
        }
        return results.values
    }

    /// The describable location of `error` on `line`: `line N, column C (byte B): message (at /pointer)`
    /// for syntax errors (B counts from the start of the input), `line N: /pointer: message` otherwise.
    static func describe(_ error: EvalNormError, on line: NDJSONLine) -> String {
        if let location = error.location {
            var moved = error
            moved.location = SourceLocation(byteOffset: line.byteOffset + location.byteOffset, line: line.number, column: location.column)
            return moved.description
        }
        return "line \(line.number): \(error)"
    }
}

/// One slot per line, written by the worker that owns that index and read after all have finished.
///
/// The slots are raw memory, allocated and initialized up front: each index is written by exactly
/// one worker and nothing is read until `concurrentPerform` returns, so the writes need no lock (an
/// array would check exclusive access to itself at run time, and fail).
private final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<LineOutcome>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: LineOutcome(), count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ outcome: LineOutcome) {
        slots[index] = outcome
    }

    var values: [LineOutcome] { Array(UnsafeBufferPointer(start: slots, count: count)) }
}

/// Progress on stderr (`lines, MB, MB/s`), at most once a second, only when stderr is a terminal
/// and the input has run for more than a second.
private struct Progress {
    private let enabled: Bool
    private let channel: OutputChannel
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastShown: UInt64 = 0
    private var shown = false

    init(context: CommandContext) {
        channel = context.standardError
        enabled = context.standardErrorIsTerminal
    }

    mutating func update(_ totals: NDJSONPipeline.Totals, final: Bool) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if final {
            if shown { channel.write("\n") }
            return
        }
        guard now - start > 1_000_000_000, now - lastShown > 1_000_000_000 else { return }
        lastShown = now
        shown = true
        let seconds = Double(now - start) / 1e9
        let megabytes = Double(totals.bytes) / 1e6
        channel.write(String(format: "\r%d documents, %.1f MB, %.1f MB/s", totals.lines, megabytes, megabytes / seconds))
        channel.flush()
    }
}
