import ArgumentParser
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
