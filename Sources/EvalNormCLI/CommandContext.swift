import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command reads its standard input and writes its output and diagnostics.
///
/// ``standard`` uses the process's streams; tests build one with ``captured(standardInput:)`` and
/// read what was written from ``OutputChannel/capturedText``.
public struct CommandContext: Sendable {
    /// Where `-` reads from.
    public enum Input: Sendable {
        /// Read a file descriptor to its end (`STDIN_FILENO` for the process's standard input).
        case fileDescriptor(Int32)
        /// Bytes given up front, as tests do.
        case bytes([UInt8])
    }

    /// What `-` reads.
    public var standardInput: Input
    /// Data, and help text.
    public var standardOutput: OutputChannel
    /// Diagnostics: errors, warnings, usage messages.
    public var standardError: OutputChannel
    /// Whether diagnostics go to a terminal, where progress may be shown.
    public var standardErrorIsTerminal: Bool
    /// Whether the command has the process to itself, and may tune process-wide settings such as
    /// the allocator's (see `HugePageHeap`). Only ``standard()`` does.
    public var ownsProcess = false

    /// Creates a context from its three streams.
    public init(standardInput: Input, standardOutput: OutputChannel, standardError: OutputChannel,
                standardErrorIsTerminal: Bool = false) {
        self.standardInput = standardInput
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardErrorIsTerminal = standardErrorIsTerminal
    }

    /// The process's own standard input, output and error.
    public static func standard() -> CommandContext {
        var context = CommandContext(
            standardInput: .fileDescriptor(STDIN_FILENO),
            standardOutput: OutputChannel(fileDescriptor: STDOUT_FILENO),
            standardError: OutputChannel(fileDescriptor: STDERR_FILENO),
            standardErrorIsTerminal: isatty(STDERR_FILENO) == 1
        )
        context.ownsProcess = true
        return context
    }

    /// A context that reads `standardInput` and keeps everything written in memory.
    public static func captured(standardInput: [UInt8] = []) -> CommandContext {
        CommandContext(standardInput: .bytes(standardInput), standardOutput: OutputChannel(), standardError: OutputChannel())
    }
}

/// A buffered byte stream to a file descriptor, or into memory.
///
/// Writes are buffered (64 KiB) and serialized by a lock, so one channel may be shared between
/// threads; call ``flush()`` before the process exits.
public final class OutputChannel: @unchecked Sendable {
    private let lock = NSLock()
    private let fileDescriptor: Int32?
    private var buffer: [UInt8] = []
    private var firstWriteError: String?
    private static let flushThreshold = 64 << 10

    /// A channel that writes to `fileDescriptor`.
    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        buffer.reserveCapacity(OutputChannel.flushThreshold * 2)
    }

    /// A channel that keeps what is written in memory.
    public init() {
        self.fileDescriptor = nil
    }

    /// Appends bytes. To a file descriptor, bytes as long as the buffer's threshold or longer are
    /// written at once after what is buffered, without being copied into the buffer.
    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    /// Appends bytes, as ``write(_:)-([UInt8])`` does, from memory the caller keeps.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        lock.withLock {
            if fileDescriptor != nil, bytes.count >= OutputChannel.flushThreshold {
                flushLocked()
                writeLocked(bytes)
                return
            }
            buffer.append(contentsOf: bytes)
            if fileDescriptor != nil, buffer.count >= OutputChannel.flushThreshold { flushLocked() }
        }
    }

    /// Appends the UTF-8 of `text`.
    public func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// Writes everything buffered to the file descriptor (a no-op for a memory channel).
    public func flush() {
        lock.withLock { flushLocked() }
    }

    /// Why writing to the file descriptor failed, if it ever did (`No space left on device`). Once
    /// writing has failed, what is written after is dropped.
    public var writeError: String? {
        lock.withLock { firstWriteError }
    }

    /// Everything written to a memory channel, as bytes.
    public var capturedBytes: [UInt8] {
        lock.withLock { buffer }
    }

    /// Everything written to a memory channel, as text.
    public var capturedText: String {
        String(decoding: capturedBytes, as: UTF8.self)
    }

    private func flushLocked() {
        guard fileDescriptor != nil else { return }  // a memory channel keeps everything
        buffer.withUnsafeBytes { writeLocked($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` to the file descriptor, all of them, unless writing has failed (then nothing).
    private func writeLocked(_ bytes: UnsafeRawBufferPointer) {
        guard let fileDescriptor, firstWriteError == nil, let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let result = Foundation.write(fileDescriptor, base + written, bytes.count - written)
            if result > 0 {
                written += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                firstWriteError = String(cString: strerror(result < 0 ? errno : EIO))
                return
            }
        }
    }
}
