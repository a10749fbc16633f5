import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

/// One task done by EvalNorm and by Foundation on the same data.
struct Comparison {
    var name: String
    /// Bytes EvalNorm reads or writes per run.
    var bytes: Int
    var evalNorm: Double
    var foundation: Double
    var foundationName: String
    /// Bytes Foundation reads or writes per run (writers may differ in escaping).
    var foundationBytes: Int?
    /// The number of documents per run, for tasks over many documents.
    var documents: Int?

    init(name: String, bytes: Int, evalNorm: Double, foundation: Double, foundationName: String,
         foundationBytes: Int? = nil, documents: Int? = nil) {
        self.name = name
        self.bytes = bytes
        self.evalNorm = evalNorm
        self.foundation = foundation
        self.foundationName = foundationName
        self.foundationBytes = foundationBytes
        self.documents = documents
    }

    var evalNormMBps: Double { Double(bytes) / 1e6 / evalNorm }
    var foundationMBps: Double { Double(foundationBytes ?? bytes) / 1e6 / foundation }
    /// How many times faster EvalNorm is, in time per run on the same input.
    var ratio: Double { foundation / evalNorm }
    /// EvalNorm's documents per second, for tasks over many documents.
    var evalNormDocumentsPerSecond: Double? { documents.map { Double($0) / evalNorm } }
}

#if canImport(Glibc)
let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif

/// Peak resident memory of this process so far, in MB.
func peakResidentMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF_WHO, &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
}

func report(_ comparisons: [Comparison], inputBytes: Int, options: Options) {
    if options.json {
        var lines: [String] = []
        for comparison in comparisons {
            let documents = comparison.documents.map { #","documents":\#($0),"documentsPerSecond":\#(Int(comparison.evalNormDocumentsPerSecond ?? 0))"# } ?? ""
            lines.append(String(
                format: #"{"task":"%@","bytes":%d,"evalnormSeconds":%.6f,"evalnormMBps":%.1f,"foundation":"%@","foundationSeconds":%.6f,"foundationMBps":%.1f,"ratio":%.2f"#,
                comparison.name, comparison.bytes, comparison.evalNorm, comparison.evalNormMBps,
                comparison.foundationName, comparison.foundation, comparison.foundationMBps, comparison.ratio) + documents + "}")
        }
        print(#"{"inputBytes":\#(inputBytes),"iterations":\#(options.iterations),"seed":\#(options.seed),"peakRSSMB":\#(String(format: "%.1f", peakResidentMB())),"results":[\#(lines.joined(separator: ","))]}"#)
        return
    }
    print(String(format: "evalnorm-bench: %.1f MB generated dump (seed %llu), median of %d runs, one core (\"split\": two)", Double(inputBytes) / 1e6, options.seed, options.iterations))
    print("")
    print("task".padding(toLength: 18, withPad: " ", startingAt: 0) + "EvalNorm MB/s   Foundation MB/s   ratio   (Foundation API)")
    for comparison in comparisons {
        print(comparison.name.padding(toLength: 18, withPad: " ", startingAt: 0)
            + String(format: "%13.1f   %15.1f   %5.2fx", comparison.evalNormMBps, comparison.foundationMBps, comparison.ratio)
            + "   (\(comparison.foundationName))"
            + (comparison.evalNormDocumentsPerSecond.map { String(format: "; %.0f documents/s", $0) } ?? ""))
    }
    print("")
    print(String(format: "peak RSS %.0f MB", peakResidentMB()))
}
