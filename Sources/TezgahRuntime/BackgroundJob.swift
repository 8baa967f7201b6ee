import Foundation
import Synchronization
import Tezgah
import TezgahStore
import TezgahUI

/// A long job the desk runs on a thread of its own (an import), so keys keep working while it runs.
/// The desk's run loop asks `poll()` for what changed; the job's writes reach the screen as any other
/// process's do (`refreshIfChangedElsewhere`), since it writes through its own connection.
final class BackgroundJob: Sendable {
    enum Report: Equatable {
        case progressed(String)
        case finished(String)
    }

    private let stopRequested = Atomic(false)
    private let state = Mutex<(progress: String?, result: String?, reported: String?)>((nil, nil, nil))

    /// Starts `work` on a new thread. `work` reports progress through the closure it is given, which
    /// throws `JobStopped` once a stop has been asked for; it returns the sentence the job ends with.
    init(_ work: @escaping @Sendable (_ progress: @escaping @Sendable (String) throws -> Void) throws -> String) {
        let thread = Thread { [self] in
            let ending: String
            do {
                ending = try work { [self] text in
                    if stopRequested.load(ordering: .relaxed) { throw JobStopped() }
                    state.withLock { $0.progress = text }
                }
            } catch let stopped as JobStopped {
                ending = stopped.description
            } catch let error as any UserFacingError {
                ending = error.description
            } catch {
                ending = "\(error)"
            }
            state.withLock { $0.result = ending }
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    func stop() { stopRequested.store(true, ordering: .relaxed) }

    /// What happened since the last poll: new progress, or the end.
    func poll() -> Report? {
        state.withLock { value in
            if let result = value.result { return .finished(result) }
            guard let progress = value.progress, progress != value.reported else { return nil }
            value.reported = progress
            return .progressed(progress)
        }
    }
}

/// Thrown through a job's progress report once the owner has asked it to stop.
struct JobStopped: Error, CustomStringConvertible {
    var description: String { "Stopped; nothing was changed." }
}
