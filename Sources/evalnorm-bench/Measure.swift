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
    return times[times.count / 2]
}

/// One side of a task, timed: the median seconds per run, what a run reads or writes, and the peak
/// memory of the process that timed it.
struct SideResult {
    var seconds: Double
    var bytes: Int
    var documents: Int?
    /// The process's peak resident memory while timing, in MB (its inputs included).
    var peakMB: Double

    var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
    var documentsPerSecond: Double? { documents.map { Double($0) / seconds } }

    /// The line a child process prints: `seconds bytes documents peakMB`, `-1` for no documents.
    var line: String { "\(seconds) \(bytes) \(documents ?? -1) \(peakMB)" }

    init(seconds: Double, bytes: Int, documents: Int?, peakMB: Double) {
        self.seconds = seconds
        self.bytes = bytes
        self.documents = documents
        self.peakMB = peakMB
    }

    /// Reads ``line``.
    init?(line: String) {
        let fields = line.split(separator: " ")
        guard fields.count == 4, let seconds = Double(fields[0]), seconds > 0, let bytes = Int(fields[1]),
              let documents = Int(fields[2]), let peakMB = Double(fields[3])
        else { return nil }
        self.init(seconds: seconds, bytes: bytes, documents: documents < 0 ? nil : documents, peakMB: peakMB)
    }
}

/// One task done by EvalNorm and by Foundation on the same data.
struct Comparison {
    var task: BenchTask
    var evalNorm: SideResult
    var foundation: SideResult

    /// How many times faster EvalNorm is, in time per run on the same input.
    var ratio: Double { foundation.seconds / evalNorm.seconds }
}

func report(_ comparisons: [Comparison], options: Options) {
    if options.json {
        var lines: [String] = []
        for comparison in comparisons {
            let evalNorm = comparison.evalNorm
            let foundation = comparison.foundation
            let documents = evalNorm.documents.map { #","documents":\#($0),"documentsPerSecond":\#(Int(evalNorm.documentsPerSecond ?? 0))"# } ?? ""
            lines.append(String(
                format: #"{"task":"%@","name":"%@","bytes":%d,"evalnormSeconds":%.6f,"evalnormMBps":%.1f,"evalnormPeakRSSMB":%.1f,"foundation":"%@","foundationSeconds":%.6f,"foundationMBps":%.1f,"foundationPeakRSSMB":%.1f,"ratio":%.2f"#,
                comparison.task.id, comparison.task.name, evalNorm.bytes, evalNorm.seconds, evalNorm.megabytesPerSecond, evalNorm.peakMB,
                comparison.task.foundationName, foundation.seconds, foundation.megabytesPerSecond, foundation.peakMB, comparison.ratio) + documents + "}")
        }
        print(#"{"sizeMB":\#(options.sizeMB),"iterations":\#(options.iterations),"seed":\#(options.seed),"results":[\#(lines.joined(separator: ","))]}"#)
        return
    }
    print(String(format: "evalnorm-bench: %d MB of generated data per task (seed %llu), median of %d runs, one core but for \"split\" and \"2 jobs\"",
                 options.sizeMB, options.seed, options.iterations))
    print("each side timed in a process of its own; peak: its resident memory, MB, the input in memory included")
    print("")
    print(pad("task", 26) + "EvalNorm MB/s  peak   Foundation MB/s  peak    ratio   EvalNorm docs/s   (Foundation API)")
    for comparison in comparisons {
        let evalNorm = comparison.evalNorm
        let foundation = comparison.foundation
        print(pad(comparison.task.name, 26)
            + String(format: "%13.1f %5.0f   %15.1f %5.0f   %6.2fx", evalNorm.megabytesPerSecond, evalNorm.peakMB,
                     foundation.megabytesPerSecond, foundation.peakMB, comparison.ratio)
            + (evalNorm.documentsPerSecond.map { String(format: "   %15.0f", $0) } ?? String(repeating: " ", count: 18))
            + "   (\(comparison.task.foundationName))")
    }
}

private func pad(_ text: String, _ width: Int) -> String {
    text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
}
