import Dispatch
import Foundation
import Tezgah
import TezgahStore

/// Runs transport deliveries one after another, in the order handed over, on its own thread, so
/// the next mail goes out the moment the server answers the last while the worker does the store's
/// work meanwhile. The transport is not thread-safe and need not be: deliveries never overlap, and
/// the worker touches the transport again only after every delivery has come back.
final class Courier: @unchecked Sendable {
    private let transport: MailTransport
    private let queue = DispatchQueue(label: "tezgah.mail.courier")

    init(transport: MailTransport) { self.transport = transport }

    /// A delivery under way; `wait()` returns its outcome.
    final class Delivery: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var outcome: MailDeliveryOutcome?

        fileprivate func finish(_ outcome: MailDeliveryOutcome) {
            self.outcome = outcome
            done.signal()
        }

        /// Blocks until the transport has answered. Call once.
        func wait() -> MailDeliveryOutcome {
            done.wait()
            return outcome!
        }
    }

    func start(_ mail: ClaimedMail, sender: String) -> Delivery {
        let delivery = Delivery()
        queue.async { [self] in
            delivery.finish(transport.deliver(message: mail.message, sender: sender, recipient: mail.toAddress))
        }
        return delivery
    }
}
