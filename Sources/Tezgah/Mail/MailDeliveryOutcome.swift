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

    /// The last 4xx/5xx SMTP reply quoted in free text such as a sendmail program's error output:
    /// a three-digit code followed by an enhanced status of the same class (`451 4.3.0 …`), up to
    /// the end of that line of text. Nil when the text quotes none.
    public static func quotedSMTPReply(in text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline).reversed() {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 2 else { continue }
            for index in stride(from: words.count - 2, through: 0, by: -1) {
                let code = words[index], status = words[index + 1]
                guard code.count == 3, let first = code.first, first == "4" || first == "5",
                      code.allSatisfy({ $0.isASCII && $0.isNumber }),
                      isEnhancedStatus(status), status.first == first else { continue }
                return String(words[index...].joined(separator: " ").prefix(300))
            }
        }
        return nil
    }

    /// `class.subject.detail`, such as 5.1.1 (RFC 3463).
    public static func isEnhancedStatus(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && ["2", "4", "5"].contains(parts[0]) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
