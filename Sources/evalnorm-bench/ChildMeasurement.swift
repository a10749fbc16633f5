import Foundation

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
    guard process.terminationStatus == 0, let result = SideResult(line: line) else {
        FileHandle.standardError.write(Data("evalnorm-bench: timing \(side.rawValue)'s side of \(task.id) failed (exit \(process.terminationStatus))\n".utf8))
        return nil
    }
    return result
}

/// In the child: makes the side's input, then times it and prints the result line; `false` when the
/// input cannot be made.
func measureHere(_ side: Side, of task: BenchTask, options: Options) -> Bool {
    let inputs = BenchInputs(options: options)
    defer { inputs.removeTemporaryFiles() }
    guard let workload = side == .evalNorm ? task.evalNorm(inputs) : task.foundation(inputs) else { return false }
    PeakMemory.reset()
    let seconds = measure(options.iterations, workload.run)
    print(SideResult(seconds: seconds, bytes: workload.bytes, documents: workload.documents, peakMB: PeakMemory.peakMB()).line)
    return true
}
