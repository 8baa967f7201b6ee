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
    /// The message as a reader sees it (decoded headers and text part); filled in by whoever can
    /// read MIME, nil until then.
    public var preview: MailPreview?
    /// Other mail to the same address, newest first: the customer's mail history.
    public var history: [OutboxSummary]

    public init(summary: OutboxSummary, dedupeKey: String, messageID: String, message: String,
                preview: MailPreview? = nil, history: [OutboxSummary] = []) {
        self.summary = summary
        self.dedupeKey = dedupeKey
        self.messageID = messageID
        self.message = message
        self.preview = preview
        self.history = history
    }
}

/// A queued message as its reader would see it: the headers that matter, decoded, and the plain
/// text part.
public struct MailPreview: Hashable, Sendable {
    public struct Header: Hashable, Sendable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var headers: [Header]
    public var text: String
    /// True when the message also has an HTML part (not shown in the terminal).
    public var hasHTML: Bool

    public init(headers: [Header], text: String, hasHTML: Bool) {
        self.headers = headers
        self.text = text
        self.hasHTML = hasHTML
    }
}
