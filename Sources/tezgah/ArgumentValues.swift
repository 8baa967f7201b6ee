import ArgumentParser
import Foundation
import Tezgah
import TezgahStore

// Option values ArgumentParser reads, checks and completes itself: a wrong one is refused with the
// list of right ones before anything runs.

extension ImportFormat: ExpressibleByArgument {}

extension Carrier: ExpressibleByArgument {
    /// As the desk reads them: `ups`, `UPS`, `Yurtiçi`, `yurtici`.
    public init?(argument: String) {
        self.init(named: argument)
    }
}

/// The moment a command acts as if it were (`--at`, for trying rules), else now.
func moment(_ at: String?) throws -> Date {
    guard let at else { return Date() }
    guard let date = ISO8601DateFormatter().date(from: at) else {
        throw CommandLineError(Said("\"{value}\" is not a time such as 2026-12-24T09:00:00+03:00.", ["value": at]), exitStatus: 2)
    }
    return date
}
