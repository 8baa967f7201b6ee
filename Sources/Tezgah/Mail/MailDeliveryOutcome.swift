/// What one delivery attempt came to, as the worker records it on the outbox row.
public enum MailDeliveryOutcome: Equatable, Sendable {
    /// The server (or sendmail) took responsibility for the mail.
    case sent(reply: String)
    /// Worth trying again later: a 4xx reply, a dropped connection, a timeout, a temporary exit status.
    case deferred(reply: String)
    /// Never worth trying again: a 5xx reply or a permanent exit status. `suppressAddress` is set
    /// when the reply says the mailbox does not exist, so no later mail goes to it either.
    case failed(reply: String, suppressAddress: Bool)

    public var reply: String {
        switch self {
        case .sent(let reply), .deferred(let reply), .failed(let reply, _): reply
        }
    }
}

/// The part of a reply that failures are grouped by: the SMTP code with its enhanced status
/// (`550 5.1.1`), or for replies that are not SMTP ("connection lost: …") the words before the colon.
public enum MailReplyCode {
    public static func of(_ reply: String) -> String {
        let words = reply.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        if let first = words.first, first.count == 3, first.allSatisfy(\.isASCII), Int(first) != nil {
            if words.count > 1, isEnhancedStatus(words[1]) { return "\(first) \(words[1])" }
            return String(first)
        }
        let head = reply.prefix { $0 != ":" }
        return String(head.prefix(40))
    }

    /// `class.subject.detail`, such as 5.1.1 (RFC 3463).
    public static func isEnhancedStatus(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && ["2", "4", "5"].contains(parts[0]) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
