import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which of a task's two sides a process times.
enum Side: String {
    case evalNorm = "evalnorm"
    case foundation = "foundation"
}

/// Times one side of one task in a child process, this executable run with `--measure SIDE TASK`:
/// each side gets a fresh heap, so that no task runs in what another left behind, and a peak
/// memory of its own. `nil`, with the reason on stderr, when the child fails.
func measureInChild(_ side: Side, of task: BenchTask, options: Options) -> SideResult? {
    let process = Process()
    process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--measure", side.rawValue, task.id, "--size", String(options.sizeMB),
                         "--iterations", String(options.iterations), "--seed", String(options.seed)]
    let output = Pipe()
    process.standardOutput = output
    do {
        try process.run()
    } catch {
        FileHandle.standardError.write(Data("evalnorm-bench: cannot start a child process: \(error)\n".utf8))
        return nil
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard process.terminationReason == .exit, process.terminationStatus == 0, let result = SideResult(line: line) else {
        let how = process.terminationReason == .exit ? "exit \(process.terminationStatus)" : "signal \(process.terminationStatus)"
        FileHandle.standardError.write(Data("evalnorm-bench: timing \(side.rawValue)'s side of \(task.id) failed (\(how))\n".utf8))
        return nil
    }
    return result
}

/// In the child: keeps the process on one core unless the task is timed on two, makes the side's
/// input, then times it and prints the result line; `false` when the input cannot be made.
func measureHere(_ side: Side, of task: BenchTask, options: Options) -> Bool {
    if task.cores == 1 { keepToOneCore() }
    let inputs = BenchInputs(options: options)
    defer { inputs.removeTemporaryFiles() }
    guard let workload = side == .evalNorm ? task.evalNorm(inputs) : task.foundation(inputs) else { return false }
    let baseMB = PeakMemory.reset()
    let seconds = measure(options.iterations, workload.run)
    print(SideResult(seconds: seconds, bytes: workload.bytes, documents: workload.documents, peakMB: PeakMemory.peakMB(), baseMB: baseMB).line)
    return true
}

/// Keeps this process, and the threads it starts from now on, on the first core it may use, so that
/// a one-core row is one core even where the library shares work between threads (`Shares`, the
/// reformatter's UTF-8 check). Linux's `sched_setaffinity`, looked up as `MallocOptions` looks up
/// `mallopt` (Swift's Glibc module does not import it); elsewhere nothing happens.
private func keepToOneCore() {
    #if canImport(Glibc)
    typealias SetAffinity = @convention(c) (pid_t, Int, UnsafeRawPointer) -> Int32
    typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
    guard let set = dlsym(nil, "sched_setaffinity").map({ unsafeBitCast($0, to: SetAffinity.self) }),
          let get = dlsym(nil, "sched_getaffinity").map({ unsafeBitCast($0, to: GetAffinity.self) })
    else { return }
    var mask = [UInt64](repeating: 0, count: 16)  // 1,024 CPUs, as glibc's cpu_set_t
    guard mask.withUnsafeMutableBytes({ bytes in bytes.baseAddress.map { get(0, bytes.count, $0) } ?? -1 }) == 0,
          let word = mask.firstIndex(where: { $0 != 0 })
    else { return }
    let first = mask[word] & (~mask[word] &+ 1)  // the lowest CPU allowed
    mask = [UInt64](repeating: 0, count: 16)
    mask[word] = first
    _ = mask.withUnsafeBytes { bytes in bytes.baseAddress.map { set(0, bytes.count, $0) } }
    #endif
}
