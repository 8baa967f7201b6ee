import Foundation
import Tezgah

/// A job the long-running worker repeats beside its deliveries (reading the inbox, the automation
/// pass), on its own thread, once a minute until asked to stop. A failure is logged and the next
/// minute tries again: a mailbox that is briefly unreachable must not stop the worker.
enum EveryMinute {
    static func start(_ name: String, log: @escaping @Sendable (String) -> Void, stopRequested: @escaping @Sendable () -> Bool,
                      _ body: @escaping @Sendable () throws -> String?) {
        let thread = Thread {
            while !stopRequested() {
                do {
                    if let line = try body() { log("\(name): \(line)") }
                } catch {
                    log("\(name): \((error as? any UserFacingError)?.description ?? "\(error)")")
                }
                for _ in 0..<60 where !stopRequested() { Thread.sleep(forTimeInterval: 1) }
            }
        }
        thread.start()
    }
}
