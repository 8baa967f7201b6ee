import Foundation

public struct OutboxSummary: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var kind: MailKind
    public var state: OutboxState
    public var toAddress: String
    public var customerName: String
    public var subject: String
    public var createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastReply: String

    public init(id: Int64, kind: MailKind, state: OutboxState, toAddress: String, customerName: String, subject: String,
                createdAt: Date, attempts: Int, nextAttemptAt: Date?, lastReply: String) {
        self.id = id
        self.kind = kind
        self.state = state
        self.toAddress = toAddress
        self.customerName = customerName
        self.subject = subject
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastReply = lastReply
    }
}

public struct OutboxDetail: Hashable, Sendable {
    public var summary: OutboxSummary
    public var dedupeKey: String
    public var messageID: String
    /// The rendered message as frozen at enqueue time.
    public var message: String

    public init(summary: OutboxSummary, dedupeKey: String, messageID: String, message: String) {
        self.summary = summary
        self.dedupeKey = dedupeKey
        self.messageID = messageID
        self.message = message
    }
}
