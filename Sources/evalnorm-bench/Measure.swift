import Foundation

/// The median of `iterations` timed runs of `body`, in seconds, after one untimed warm-up run.
func measure(_ iterations: Int, _ body: () -> Void) -> Double {
    body()
    var times: [Double] = []
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    let middle = times.count / 2
    return times.count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2
}

/// One side of a task, timed: the median seconds per run, what a run reads or writes, and the
/// memory of the process that timed it.
struct SideResult {
    var seconds: Double
    var bytes: Int
    var documents: Int?
    /// The process's peak resident memory while timing, in MB, its inputs included.
    var peakMB: Double
    /// The memory resident when the timing started, in MB: the inputs (all the forms a task's two
    /// sides start from); `nil` where the peak could not be started afresh.
    var baseMB: Double?

    var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
    var documentsPerSecond: Double? { documents.map { Double($0) / seconds } }
    /// What the task itself took above its inputs, in MB.
    var addedMB: Double? { baseMB.map { max(0, peakMB - $0) } }

    /// The line a child process prints: `seconds bytes documents peakMB baseMB`, `-1` for none.
    var line: String { "\(seconds) \(bytes) \(documents ?? -1) \(peakMB) \(baseMB ?? -1)" }

    init(seconds: Double, bytes: Int, documents: Int?, peakMB: Double, baseMB: Double?) {
        self.seconds = seconds
        self.bytes = bytes
        self.documents = documents
        self.peakMB = peakMB
        self.baseMB = baseMB
    }

    /// Reads ``line``.
    init?(line: String) {
        let fields = line.split(separator: " ")
        guard fields.count == 5, let seconds = Double(fields[0]), seconds > 0, let bytes = Int(fields[1]),
              let documents = Int(fields[2]), let peakMB = Double(fields[3]), let baseMB = Double(fields[4])
        else { return nil }
        self.init(seconds: seconds, bytes: bytes, documents: documents < 0 ? nil : documents, peakMB: peakMB,
                  baseMB: baseMB < 0 ? nil : baseMB)
    }
}

/// One task done by EvalNorm and by Foundation on the same data.
struct Comparison {
    var task: BenchTask
    var evalNorm: SideResult
    var foundation: SideResult

    /// How many times faster EvalNorm is, in time per run on the same input; `nil` where Foundation
    /// has no equivalent and its row is only a point of reference.
    var ratio: Double? { task.hasEquivalent ? foundation.seconds / evalNorm.seconds : nil }
}

func report(_ comparisons: [Comparison], options: Options) {
    if options.json {
        print(#"{"sizeMB":\#(options.sizeMB),"iterations":\#(options.iterations),"seed":\#(options.seed),"results":[\#(comparisons.map(jsonRow).joined(separator: ","))]}"#)
        return
    }
    print(String(format: "evalnorm-bench: %d MB of generated data per task (seed %llu), median of %d runs", options.sizeMB, options.seed, options.iterations))
    print("each side timed in a process of its own, kept on one core unless the row says 2 cores;")
    print("memory: the process's peak resident MB while timing, and (+) what the task took above its inputs")
    print("")
    print(pad("task", 26) + "cores  EvalNorm MB/s    memory   Foundation MB/s    memory    ratio   EvalNorm docs/s   (Foundation)")
    for comparison in comparisons {
        let evalNorm = comparison.evalNorm
        let foundation = comparison.foundation
        print(pad(comparison.task.name, 26) + String(format: "%5d", comparison.task.cores)
            + String(format: "  %13.1f  ", evalNorm.megabytesPerSecond) + memory(evalNorm)
            + String(format: "   %15.1f  ", foundation.megabytesPerSecond) + memory(foundation)
            + (comparison.ratio.map { String(format: "   %6.2fx", $0) } ?? "        —")
            + (evalNorm.documentsPerSecond.map { String(format: "   %15.0f", $0) } ?? String(repeating: " ", count: 18))
            + "   (\(comparison.task.foundationName))")
    }
}

private func jsonRow(_ comparison: Comparison) -> String {
    let evalNorm = comparison.evalNorm
    let foundation = comparison.foundation
    func number(_ value: Double?, _ format: String) -> String { value.map { String(format: format, $0) } ?? "null" }
    var fields = [
        #""task":"\#(comparison.task.id)""#, #""name":"\#(comparison.task.name)""#, #""cores":\#(comparison.task.cores)"#,
        #""bytes":\#(evalNorm.bytes)"#, #""evalnormSeconds":\#(number(evalNorm.seconds, "%.6f"))"#,
        #""evalnormMBps":\#(number(evalNorm.megabytesPerSecond, "%.1f"))"#,
        #""evalnormPeakRSSMB":\#(number(evalNorm.peakMB, "%.1f"))"#, #""evalnormInputRSSMB":\#(number(evalNorm.baseMB, "%.1f"))"#,
        #""foundation":"\#(comparison.task.foundationName)""#, #""foundationBytes":\#(foundation.bytes)"#,
        #""foundationSeconds":\#(number(foundation.seconds, "%.6f"))"#, #""foundationMBps":\#(number(foundation.megabytesPerSecond, "%.1f"))"#,
        #""foundationPeakRSSMB":\#(number(foundation.peakMB, "%.1f"))"#, #""foundationInputRSSMB":\#(number(foundation.baseMB, "%.1f"))"#,
        #""ratio":\#(number(comparison.ratio, "%.2f"))"#,
    ]
    if let documents = evalNorm.documents, let perSecond = evalNorm.documentsPerSecond {
        fields += [#""documents":\#(documents)"#, #""documentsPerSecond":\#(Int(perSecond))"#]
    }
    return "{" + fields.joined(separator: ",") + "}"
}

/// `peak (+added)`, in MB.
private func memory(_ side: SideResult) -> String {
    let added = side.addedMB.map { String(format: "(+%.0f)", $0) } ?? ""
    return String(format: "%4.0f", side.peakMB) + " " + added.padding(toLength: 6, withPad: " ", startingAt: 0)
}

private func pad(_ text: String, _ width: Int) -> String {
    text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
}
