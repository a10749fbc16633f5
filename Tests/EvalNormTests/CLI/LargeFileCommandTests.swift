import EvalNorm
import Foundation
import Testing

/// A file of more than 8 MiB, read whole by the built tool: the heap is backed by huge pages first
/// (`HugePageHeap`, only in a process of the tool's own), and its thousands of records are written and
/// checked on several threads. The output must be what the tool gives in-process, where neither the
/// heap nor the thread count is touched by the test.
struct LargeFileCommandTests {
    @Test func theBuiltToolNormalizesALargeFileAsInProcess() throws {
        let binary = TestPaths.repositoryRoot.appendingPathComponent(".build/debug/evalnorm")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the package first: \(binary.path)")
        var payloads = RandomVendorPayloads(seed: 81)
        var value = payloads.aegisRun(records: 3_000)
        while value["evaluations"]?.arrayValue == nil { value = payloads.aegisRun(records: 3_000) }
        let text = JSONWriter(style: .pretty).write(value)
        try #require(text.count > 8 << 20, "the generated run is only \(text.count) bytes")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("evalnorm-large-\(UUID().uuidString).json")
        try Data(text).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = binary
        process.arguments = ["normalize", file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        let inProcess = ToolRun(["normalize", file.path])
        #expect(inProcess.status == 0)
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: stderr, as: UTF8.self) == "")
        #expect(String(decoding: stdout, as: UTF8.self) == inProcess.standardOutput)
        let run = try CanonicalCodec().decode(Array(stdout.dropLast()))
        #expect(run.records.count == 3_000)
    }
}
