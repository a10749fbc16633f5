import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This process's peak resident memory, which a task's timing starts afresh.
enum PeakMemory {
    /// Starts a new peak from the memory resident now, so that what was freed before (generating
    /// the input, say) does not count; `false` where that cannot be done (Linux's
    /// `/proc/self/clear_refs` only), and the peak then covers the whole process.
    @discardableResult
    static func reset() -> Bool {
        guard let file = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? file.close() }
        return (try? file.write(contentsOf: Data("5".utf8))) != nil
    }

    /// The peak resident memory in MB: `VmHWM` in `/proc/self/status`, else `getrusage`'s `ru_maxrss`.
    static func peakMB() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) {
            return kilobytes / 1024
        }
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576  // bytes on Darwin
        #endif
    }
}
