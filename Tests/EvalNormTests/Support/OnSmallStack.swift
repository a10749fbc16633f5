import Foundation

/// Runs work on a thread with a small stack (512 KiB, the size of secondary threads on Apple
/// platforms), and waits for its result: a crash here is a stack overflow the library must not have.
enum OnSmallStack {
    static func run<Result: Sendable>(stackSize: Int = 512 << 10, _ work: @escaping @Sendable () -> Result) -> Result {
        let stackSize = stackSize * sanitizerStackFactor
        let box = ResultBox<Result>()
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

    /// 8 under the address sanitizer, whose instrumentation takes several times the stack of a plain
    /// build (`.ci/run` runs the tests under it), else 1: the tests then still measure the library's
    /// own stack use, not the sanitizer's.
    static let sanitizerStackFactor: Int = {
        guard let program = dlopen(nil, RTLD_NOW) else { return 1 }
        defer { dlclose(program) }
        return dlsym(program, "__asan_init") == nil ? 1 : 8
    }()

    private final class ResultBox<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Value?
        func set(_ newValue: Value) { lock.withLock { value = newValue } }
        /// The value `set` stored; `run` reads it only after the thread has signalled.
        func get() -> Value {
            lock.withLock {
                guard let value else { preconditionFailure("the thread ended without a result") }
                return value
            }
        }
    }
}

/// Runs `work` on a thread with a 32 MiB stack (more under the sanitizer) and waits for its result.
func onLargeStack<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> Result {
    OnSmallStack.run(stackSize: 32 << 20, work)
}
