import Foundation

/// Work started on another thread now, whose result this thread picks up later with `value()`.
///
/// Why: the desk's start is a chain of steps that each wait on the last, and two of them do not
/// depend on each other at all: opening the shop database (its connection, the schema read and the
/// migration check) and starting the terminal (theme, config, ncurses). On a two-core VPS they can
/// run side by side.
final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
    // `outcome` is written once on the worker before `finished` is signalled and read only after
    // waiting on it, so the semaphore orders every access; hence @unchecked.
    private var outcome: Result<Value, any Error>?
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> Value) {
        // A thread of its own: a first job on a Dispatch global queue started about 1 ms later (its
        // worker threads are made on first use).
        let thread = Thread {
            self.outcome = Result { try work() }
            self.finished.signal()
        }
        thread.start()
    }

    /// Waits for the work to end and returns what it returned, or throws what it threw. Can be called
    /// again: later calls give the same result without waiting.
    func value() throws -> Value {
        finished.wait()
        finished.signal()
        return try outcome!.get()
    }

    /// Like `value()`, but nil when the work has not ended within `seconds`.
    func value(waitingAtMost seconds: Double) throws -> Value? {
        guard finished.wait(timeout: .now() + seconds) == .success else { return nil }
        finished.signal()
        return try outcome!.get()
    }
}
