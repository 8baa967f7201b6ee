import Dispatch
import Foundation
import Tezgah
import TezgahStore
import TezgahMail

/// Runs one transport's deliveries one after another, in the order handed over, on its own thread,
/// so the next mail goes out the moment the server answers the last while the worker does the
/// store's work meanwhile. The transport is not thread-safe and need not be: its deliveries never
/// overlap, and the worker touches it again only after every delivery has come back.
final class Courier: @unchecked Sendable {
    private let transport: MailTransport
    private let returns: DeliveryReturns
    private let queue: DispatchQueue

    init(transport: MailTransport, lane: Int, returns: DeliveryReturns) {
        self.transport = transport
        self.returns = returns
        self.queue = DispatchQueue(label: "tezgah.mail.courier.\(lane)")
    }

    func start(_ mail: ClaimedMail, sender: String) {
        queue.async { [self] in
            let outcome = transport.deliver(message: mail.message, sender: sender, recipient: mail.toAddress)
            returns.post(DeliveryReturns.Finished(courier: self, mail: mail, outcome: outcome, foundNoSession: transport.foundNoSession))
        }
    }
}

/// Where every courier hands back its finished deliveries, in the order they finish, for the one
/// thread that records outcomes.
final class DeliveryReturns: @unchecked Sendable {
    struct Finished {
        let courier: Courier
        let mail: ClaimedMail
        let outcome: MailDeliveryOutcome
        /// Nothing of the mail left: the lane had no session (see `MailTransport.foundNoSession`).
        let foundNoSession: Bool
    }

    private let lock = NSLock()
    private var finished: [Finished] = []
    private let arrived = DispatchSemaphore(value: 0)

    fileprivate func post(_ delivery: Finished) {
        lock.withLock { finished.append(delivery) }
        arrived.signal()
    }

    /// Blocks until a delivery has finished and returns it; call once per delivery started.
    func next() -> Finished {
        arrived.wait()
        return lock.withLock { finished.removeFirst() }
    }
}
