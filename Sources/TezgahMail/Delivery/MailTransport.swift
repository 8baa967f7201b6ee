import Foundation
import Tezgah

/// A way out for queued mail. The worker hands it one claimed mail at a time; a transport may keep
/// a session open between mails and ends it in `finish()` when the queue has nothing due.
public protocol MailTransport: AnyObject {
    /// Delivers `message` from `sender` to `recipient` and says how it went. Never throws: every
    /// failure is an outcome the worker records.
    func deliver(message: Data, sender: String, recipient: String) -> MailDeliveryOutcome
    func finish()
    /// Whether the last `deliver` found no session to carry the mail (the server could not be
    /// reached, or refused the connection before any command): nothing of the mail left, so the
    /// worker may hand it to another lane instead of deferring it.
    var foundNoSession: Bool { get }
}

extension MailTransport {
    public var foundNoSession: Bool { false }
}

/// Reading a rejection: does it say the mailbox does not exist (so the address goes on the
/// suppression list), or only that this message was refused?
enum RejectionReading {
    /// RFC 3463 address-status codes that mean the mailbox is gone or never was, and the phrases
    /// servers use when they give no enhanced code.
    private static let unknownMailboxCodes: Set<String> = ["5.1.0", "5.1.1", "5.1.2", "5.1.3", "5.1.6", "5.1.10", "5.2.1"]
    private static let unknownMailboxPhrases = ["user unknown", "unknown user", "no such user", "does not exist",
                                                "recipient not found", "mailbox unavailable", "unknown recipient",
                                                "address rejected", "invalid recipient", "mailbox not found"]

    static func saysMailboxUnknown(_ reply: String) -> Bool {
        let words = reply.split(separator: " ")
        if let status = words.first(where: { MailReplyCode.isEnhancedStatus($0.trimmingCharacters(in: .punctuationCharacters)[...]) }) {
            return unknownMailboxCodes.contains(status.trimmingCharacters(in: .punctuationCharacters))
        }
        let lower = reply.lowercased()
        return unknownMailboxPhrases.contains { lower.contains($0) }
    }
}
