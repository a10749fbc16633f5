#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work done on a thread of its own, started at once, whose result the starting thread waits for:
/// a share of one document's work (``ParseSplit``, the reformatter's helper, its UTF-8 check).
///
/// ```swift
/// let check = HelperThread { StringBytes.isWellFormedUTF8(input) }
/// let parsed = parseDocument()          // meanwhile, on this thread
/// guard check.wait(), parsed else { … }
/// ```
///
/// It is a thread, not a task of a pool that may be busy with other work, so ``wait()`` always
/// ends. When no thread can be started, the work is done in `wait`, on the caller's thread.
///
/// The work may read memory that the caller owns (a document's bytes): the caller must call `wait`
/// before that memory goes away, whether or not it wants the result. Only the thread that started
/// the work may call `wait` (nothing guards two callers against each other).
///
/// `@unchecked Sendable`: the work runs once, either on the helper thread or in `wait`; the helper
/// writes `state` before it ends, and `wait` reads it only after joining the helper.
final class HelperThread<Value>: @unchecked Sendable {
    private enum State {
        case pending(() -> Value)
        case done(Value)
    }

    private var state: State
    private var thread: pthread_t?

    /// Starts `work` on a new thread.
    init(_ work: @escaping () -> Value) {
        state = .pending(work)
        // A C function cannot capture a generic type's context: the thread is handed a closure, boxed.
        let start = ThreadStart { [self] in
            if case .pending(let work) = state { state = .done(work()) }
        }
        let context = Unmanaged.passRetained(start).toOpaque()  // released by the thread
        #if canImport(Glibc)
        var started = pthread_t()
        #else
        var started: pthread_t?
        #endif
        if pthread_create(&started, nil, { argument in
            let context: UnsafeMutableRawPointer? = argument  // optional on Linux, not on Darwin
            guard let context else { return nil }
            Unmanaged<ThreadStart>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }, context) == 0 {
            thread = started
        } else {
            Unmanaged<ThreadStart>.fromOpaque(context).release()
        }
    }

    /// A helper never waited for is detached, so that its thread's resources are freed when it ends.
    deinit {
        if let thread { pthread_detach(thread) }
    }

    /// The work's result, once it is done; called again, the same result.
    func wait() -> Value {
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
        switch state {
        case .done(let value):
            return value
        case .pending(let work):  // no thread could be started
            let value = work()
            state = .done(value)
            return value
        }
    }
}

/// What a ``HelperThread``'s thread runs.
private final class ThreadStart {
    let body: () -> Void

    init(_ body: @escaping () -> Void) {
        self.body = body
    }
}
