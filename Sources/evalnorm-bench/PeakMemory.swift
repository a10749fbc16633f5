import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This process's peak resident memory, which a task's timing starts afresh.
enum PeakMemory {
    /// Starts a new peak from the memory resident now, so that what was freed before (generating
    /// the input, say) does not count, and returns that memory in MB: the inputs the timing starts
    /// from. `nil` where that cannot be done (Linux's `/proc/self/clear_refs` only); the peak then
    /// covers the whole process.
    static func reset() -> Double? {
        guard let file = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return nil }
        defer { try? file.close() }
        guard (try? file.write(contentsOf: Data("5".utf8))) != nil else { return nil }
        return statusMB("VmRSS:")
    }

    /// The peak resident memory in MB: `VmHWM` in `/proc/self/status`, else `getrusage`'s `ru_maxrss`.
    static func peakMB() -> Double {
        if let peak = statusMB("VmHWM:") { return peak }
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576  // bytes on Darwin
        #endif
    }

    /// A line of `/proc/self/status` such as `VmHWM:    123456 kB`, in MB.
    private static func statusMB(_ field: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kilobytes = line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap({ Double($0) })
        else { return nil }
        return kilobytes / 1024
    }
}
