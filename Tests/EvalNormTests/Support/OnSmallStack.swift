import Foundation

/// Runs work on a thread with a small stack (512 KiB, the size of secondary threads on Apple
/// platforms), and waits for its result: a crash here is a stack overflow the library must not have.
enum OnSmallStack {
    static func run(stackSize: Int = 512 << 10, _ work: @escaping @Sendable () -> String) -> String {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.set(work())
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.get()
    }

    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value = ""
        func set(_ newValue: String) { lock.withLock { value = newValue } }
        func get() -> String { lock.withLock { value } }
    }
}
