import Foundation

/// SIGTERM and SIGHUP (a dropped SSH link) end the loop so the terminal is restored on the way out.
enum TerminationSignals {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0

    static var received: Bool { flag != 0 }

    static func install(including extra: [Int32] = []) {
        // A launcher (a test harness, some supervisors) may start us with these blocked, which
        // would leave the handler waiting for ever: the worker then never stopped on SIGTERM.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signalNumber in [SIGTERM, SIGHUP] + extra {
            signal(signalNumber) { _ in TerminationSignals.flag = 1 }
            sigaddset(&signals, signalNumber)
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
