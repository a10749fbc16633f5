import EvalNorm
import Foundation
import Testing

/// Every vendor document cut short, at every byte: a parse error with the position of the cut, never
/// a crash and never a document. The cut is where a download or a pipe breaks off.
struct HostileTruncationTests {
    /// The offset just past the top-level value: the length without trailing white space.
    static func valueEnd(of bytes: [UInt8]) -> Int {
        var end = bytes.count
        while end > 0, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[end - 1]) {
            end -= 1
        }
        return end
    }

    @Test func everyDocumentIsCovered() {
        // Fixtures and examples of every vendor, and the pages of the merged Scorecard runs.
        #expect(VendorDocumentFile.all.count >= 40)
        for vendor in Vendor.known {
            #expect(VendorDocumentFile.all.contains { $0.name.hasPrefix(vendor.rawValue + "-") }, "no document of \(vendor)")
        }
    }

    /// Through the parser, every offset from 0 to just before the end of the value: the error is
    /// `unexpectedEndOfInput` (`emptyInput` for nothing at all) exactly at the cut, with the line and
    /// column of the cut, and a pointer to a place in the whole document (or to the first element of
    /// an array that is empty in it).
    @Test(arguments: VendorDocumentFile.all)
    func everyTruncationIsAnErrorAtTheCut(file: VendorDocumentFile) throws {
        let bytes = try TestPaths.bytes(of: file.url)
        let whole = try JSONParser().parse(bytes)
        let end = Self.valueEnd(of: bytes)
        try #require(end > 0)

        var line = 1
        var column = 1
        var failures = 0
        bytes.withUnsafeBytes { buffer in
            for offset in 0..<end {
                if offset > 0 {
                    // The line and column of the byte at `offset`, counted here independently of the parser.
                    let previous = buffer[offset - 1]
                    if previous == UInt8(ascii: "\n") {
                        line += 1
                        column = 1
                    } else if previous & 0xC0 != 0x80 {
                        column += 1
                    }
                }
                guard failures < 5 else { continue }  // enough to see what is wrong
                let prefix = UnsafeRawBufferPointer(rebasing: buffer[0..<offset])
                do throws(EvalNormError) {
                    let value = try JSONParser().parse(bytes: prefix)
                    failures += 1
                    Issue.record("\(file.name) cut at byte \(offset) parsed as \(value.typeName)")
                } catch {
                    let expectedCode: EvalNormError.Code = offset == 0 ? .emptyInput : .unexpectedEndOfInput
                    let expectedLocation = EvalNorm.SourceLocation(byteOffset: offset, line: line, column: column)
                    let pointerExists = error.pointer.resolve(in: whole) != nil
                        || error.pointer.parent.flatMap { $0.resolve(in: whole) } == JSONValue.array([])
                    if error.code != expectedCode || error.location != expectedLocation || !pointerExists {
                        failures += 1
                        Issue.record("\(file.name) cut at byte \(offset): \(error.code) \(error); expected \(expectedCode) at \(expectedLocation)")
                    }
                }
            }
        }
        // The whole value, without its trailing white space, parses.
        #expect(try JSONParser().parse(Array(bytes[0..<end])) == whole)
    }

    /// The offsets the tool is run on: the first 64, the last 64 before the end of the value, and
    /// every 97th in between.
    static func sampleOffsets(end: Int) -> [Int] {
        var offsets = Set(0..<min(64, end))
        offsets.formUnion(max(0, end - 64)..<end)
        offsets.formUnion(stride(from: 0, to: end, by: 97))
        return offsets.sorted()
    }

    /// Through `evalnorm normalize -`, for a sample of the cuts: exit 65, nothing on stdout, and one
    /// line on stderr with the position of the cut, the one the parser reports.
    @Test(arguments: VendorDocumentFile.all)
    func toolReportsTruncationWithPosition(file: VendorDocumentFile) throws {
        let bytes = try TestPaths.bytes(of: file.url)
        let end = Self.valueEnd(of: bytes)
        var failures = 0
        for offset in Self.sampleOffsets(end: end) where failures < 5 {
            let prefix = Array(bytes[0..<offset])
            let run = ToolRun(["normalize", "-"], standardInputBytes: prefix)
            let parserError: EvalNormError? = {
                do throws(EvalNormError) { _ = try JSONParser().parse(prefix); return nil } catch { return error }
            }()
            let ok = run.status == 65
                && run.standardOutput.isEmpty
                && run.standardError.hasPrefix("evalnorm: <stdin>: line ")
                && parserError.map { run.standardError == "evalnorm: <stdin>: \($0)\n" } == true
            if !ok {
                failures += 1
                Issue.record("\(file.name) cut at byte \(offset): exit \(run.status), stderr \(run.standardError.debugDescription)")
            }
        }
        #expect(failures == 0)
        // Uncut, the same document goes through.
        let whole = ToolRun(["normalize", "-"], standardInputBytes: bytes)
        #expect(whole.status == 0, "\(whole.standardError)")
    }
}
