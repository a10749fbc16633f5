import EvalNorm
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole inputs named on the command line: a path, or `-` for standard input.
enum FileInput {
    /// How a path is shown in diagnostics: `<stdin>` for `-`.
    static func displayName(_ path: String) -> String {
        path == "-" ? "<stdin>" : path
    }

    /// The longest file read whole: a parser's document limit. Longer dumps are read with
    /// `--ndjson`, a line at a time.
    static let maxFileSize = JSONParser.defaultMaxDocumentSize

    /// All bytes of `path`, or of standard input for `-`.
    ///
    /// - Throws: ``EvalNormError`` with code `cannotOpenFile` (missing, unreadable, a directory),
    ///   `readFailed`, or `documentTooLarge` (longer than ``maxFileSize``; nothing is read then).
    static func readAll(_ path: String, context: CommandContext) throws(EvalNormError) -> [UInt8] {
        if path == "-" {
            switch context.standardInput {
            case .bytes(let bytes): return bytes
            case .fileDescriptor(let descriptor): return try readToEnd(descriptor)
            }
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw EvalNormError(.cannotOpenFile, "cannot open file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw EvalNormError(.cannotOpenFile, "cannot open file: it is a directory")
        }
        if Int(status.st_size) > maxFileSize {
            throw tooLarge(Int(status.st_size))
        }
        if context.ownsProcess {
            HugePageHeap.prepare(forInputOf: Int(status.st_size))
        }
        return try readToEnd(descriptor, sizeHint: Int(status.st_size))
    }

    /// Calls `body` with all bytes of `path`, or of standard input for `-`, as ``readAll(_:context:)``
    /// reads them, but without a copy for a regular file: it is mapped into memory, read-only.
    ///
    /// Reading 50 MB into fresh memory costs more here than reformatting it: the kernel clears every
    /// page first, and this machine's host backs each on first touch. A mapping shares the pages
    /// the file already has in the page cache. As with any mapped file (Foundation's
    /// `.alwaysMapped`, ripgrep), a file cut short by another process while it is read ends the
    /// process with SIGBUS; only files of at least ``smallestMappedFile`` bytes are mapped.
    static func withContents<Value>(of path: String, context: CommandContext,
                                     _ body: (UnsafeRawBufferPointer) throws(EvalNormError) -> Value) throws(EvalNormError) -> Value {
        if path != "-" {
            let descriptor = open(path, O_RDONLY)
            if descriptor >= 0 {
                defer { close(descriptor) }
                var status = stat()
                if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
                   Int(status.st_size) >= smallestMappedFile, Int(status.st_size) <= maxFileSize {
                    let size = Int(status.st_size)
                    // Without MAP_POPULATE: the pages are then mapped as they are first read, by the
                    // threads that read them (fmt's two), instead of all up front by this one, which
                    // measured some 4% slower for a 50 MB file.
                    let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
                    if let mapped, mapped != MAP_FAILED {
                        defer { munmap(mapped, size) }
                        return try body(UnsafeRawBufferPointer(start: mapped, count: size))
                    }
                }
            }
            // Not mapped (missing, not a regular file, small, too large, or mmap failed): read,
            // which also throws the errors.
        }
        let bytes = try readAll(path, context: context)
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(EvalNormError) in try body(buffer) }
        }
        return try result.get()
    }

    /// Smaller files are read: mapping costs a few system calls and a page-table walk of its own.
    static let smallestMappedFile = 1 << 20

    private static func readToEnd(_ descriptor: Int32, sizeHint: Int = 0) throws(EvalNormError) -> [UInt8] {
        var bytes: [UInt8] = []
        if sizeHint > 0 {
            // A file of known size is read straight into the array, one byte more than its size to
            // see the end without another call; one that has grown since goes on in chunks below.
            var failure: EvalNormError?
            var atEnd = false
            bytes = [UInt8](unsafeUninitializedCapacity: sizeHint + 1) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                HugePages.advise(base, count: buffer.count)
                while initialized < buffer.count {
                    let got = read(descriptor, base + initialized, buffer.count - initialized)
                    if got > 0 {
                        initialized += got
                    } else if got == 0 {
                        atEnd = true
                        return
                    } else if errno != EINTR {
                        failure = readFailed()
                        return
                    }
                }
            }
            if let failure { throw failure }
            if atEnd { return bytes }
            if bytes.count > maxFileSize { throw tooLarge(nil) }
        }
        let chunkSize = 1 << 20
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
            if got > 0 {
                bytes.append(contentsOf: chunk[0..<got])
                if bytes.count > maxFileSize { throw tooLarge(nil) }
            } else if got == 0 {
                return bytes
            } else if errno != EINTR {
                throw readFailed()
            }
        }
    }

    private static func readFailed() -> EvalNormError {
        EvalNormError(.readFailed, "cannot read: \(String(cString: strerror(errno)))")
    }

    private static func tooLarge(_ size: Int?) -> EvalNormError {
        let what = size.map { "the file is \($0) bytes" } ?? "the input is longer than \(maxFileSize) bytes"
        return EvalNormError(.documentTooLarge,
                             "\(what), more than one document may be (\(maxFileSize) bytes); read dumps this large with --ndjson, one document per line")
    }
}
