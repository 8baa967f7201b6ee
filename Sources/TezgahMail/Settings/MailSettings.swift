import Foundation
import Tezgah

/// Everything the outbox needs to send (`[mail]` in config.toml).
public struct MailSettings: Sendable {
    public enum Transport: Sendable {
        case smtp(SMTPSettings)
        case sendmail(command: [String])
    }

    /// The shop's sender, e.g. `Ayşe'nin Dükkanı <destek@example.com>`; also the envelope sender.
    public var from: MailAddress
    public var transport: Transport
    /// How long a claimed mail stays the worker's before another worker may take it back.
    public var lease: TimeInterval
    /// How often the long-running worker looks for due mail.
    public var pollInterval: TimeInterval
    public var marketing: MarketingLimits

    public static let defaultSendmailCommand = ["/usr/sbin/sendmail", "-t", "-oi"]

    public init(from: MailAddress, transport: Transport, lease: TimeInterval = 600, pollInterval: TimeInterval = 5,
                marketing: MarketingLimits = MarketingLimits()) {
        self.from = from
        self.transport = transport
        self.lease = lease
        self.pollInterval = pollInterval
        self.marketing = marketing
    }

    /// The domain Message-IDs are made at: the sender's.
    public var messageIDDomain: String {
        String(from.address.split(separator: "@").last ?? "localhost")
    }

    /// How many transports the worker runs side by side: the relay's sessions for SMTP; one for
    /// sendmail, which hands each mail to the local MTA and returns at once.
    public var lanes: Int {
        switch transport {
        case .smtp(let smtp): smtp.connections
        case .sendmail: 1
        }
    }

    public func makeTransport() -> MailTransport {
        switch transport {
        case .smtp(let smtp): SMTPTransport(settings: smtp)
        case .sendmail(let command): SendmailTransport(command: command)
        }
    }
}
