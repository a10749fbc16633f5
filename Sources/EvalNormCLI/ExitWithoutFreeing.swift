import Foundation

/// Values a command is done with, kept until the process exits instead of being freed.
///
/// Freeing a document parsed from a 50 MB file means visiting its million values one by one, which
/// takes several percent of a whole `normalize`; the process is about to exit, and exiting frees
/// everything at once. Only a command that owns its process (``CommandContext/ownsProcess``) keeps
/// values; in tests, they are freed as usual.
enum ExitWithoutFreeing {
    private static let kept = Kept()

    /// Keeps `value` alive until the process exits, when `context` owns the process.
    static func keep(_ value: some Sendable, context: CommandContext) {
        guard context.ownsProcess else { return }
        kept.append(value)
    }

    private final class Kept: @unchecked Sendable {
        // Guarded by `lock`; only ever appended to.
        private var values: [any Sendable] = []
        private let lock = NSLock()

        func append(_ value: any Sendable) {
            lock.lock()
            values.append(value)
            lock.unlock()
        }
    }
}
