import Foundation

/// What the owner does to a conversation from the Support pane; each is logged under their Unix user.
public enum ConversationAction: Equatable, Sendable {
    case close
    /// Waiting on the customer: the first-response clock stops.
    case markPending
    case reopen
    /// Out of the way until a time, or (nil) until the customer writes.
    case snooze(until: Date?)
    /// A private note in the thread; the customer never sees it.
    case note(String)

    public var pastTense: String {
        switch self {
        case .close: "closed"
        case .markPending: "marked pending"
        case .reopen: "reopened"
        case .snooze(let until): until == nil ? "snoozed until the customer writes" : "snoozed"
        case .note: "noted"
        }
    }
}

/// A reply the owner wrote, with what threading needs, for the composer to turn into a mail.
public struct SupportReplyRequest: Sendable {
    public var conversationID: Int64
    public var customer: Customer
    public var subject: String
    public var text: String
    /// The customer's message being answered, and the chain of ids before it.
    public var inReplyTo: String?
    public var references: [String]
    /// Names the reply, so queueing it twice sends it once (`support-reply:conversation:88:3`).
    public var dedupeKey: String

    public init(conversationID: Int64, customer: Customer, subject: String, text: String, inReplyTo: String?,
                references: [String], dedupeKey: String) {
        self.conversationID = conversationID
        self.customer = customer
        self.subject = subject
        self.text = text
        self.inReplyTo = inReplyTo
        self.references = references
        self.dedupeKey = dedupeKey
    }
}

public typealias SupportReplyComposer = @Sendable (SupportReplyRequest, Date) throws -> ComposedMail

/// What a reply's draft starts from: who it goes to, the subject, and the message it answers.
public struct ReplyContext: Equatable, Sendable {
    public var conversationID: Int64
    public var to: String
    public var subject: String
    /// The customer's last message, quoted in the draft.
    public var lastMessage: String
    public var lastMessageFrom: String
    public var lastMessageAt: Date?

    public init(conversationID: Int64, to: String, subject: String, lastMessage: String, lastMessageFrom: String, lastMessageAt: Date?) {
        self.conversationID = conversationID
        self.to = to
        self.subject = subject
        self.lastMessage = lastMessage
        self.lastMessageFrom = lastMessageFrom
        self.lastMessageAt = lastMessageAt
    }
}
