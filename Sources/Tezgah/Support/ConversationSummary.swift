import Foundation

public struct ConversationSummary: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var subject: String
    public var customerName: String
    public var status: ConversationStatus
    public var lastMessageAt: Date
    public var messageCount: Int
    /// When the shop first answered; nil while the customer is still waiting for a first reply.
    public var firstResponseAt: Date?
    public var openedAt: Date
    /// The order the conversation is about, when it is linked to one ("#1042").
    public var orderNumber: String?
    /// Since when the customer waits for an answer; nil when nobody waits on the shop.
    public var waitingSince: Date?

    public init(id: Int64, subject: String, customerName: String, status: ConversationStatus, lastMessageAt: Date,
                messageCount: Int, firstResponseAt: Date?, openedAt: Date, orderNumber: String? = nil) {
        self.orderNumber = orderNumber
        self.id = id
        self.subject = subject
        self.customerName = customerName
        self.status = status
        self.lastMessageAt = lastMessageAt
        self.messageCount = messageCount
        self.firstResponseAt = firstResponseAt
        self.openedAt = openedAt
    }
}

public struct SupportMessage: Hashable, Sendable {
    public enum Direction: String, Sendable, Codable { case inbound, outbound }
    public var at: Date
    public var direction: Direction
    public var from: String
    public var body: String
    /// Attachments, one a line ("invoice.pdf (application/pdf, 48213 bytes)").
    public var attachments = ""
    /// What was wrong with the mail as it arrived, one a line.
    public var notes = ""
    public var isAutoReply = false

    public init(at: Date, direction: Direction, from: String, body: String) {
        self.at = at
        self.direction = direction
        self.from = from
        self.body = body
    }
}

public struct ConversationDetail: Hashable, Sendable {
    public var summary: ConversationSummary
    public var customerEmail: String
    public var orderNumber: String?
    public var messages: [SupportMessage]
    /// The owner's notes and changes, from the activity log.
    public var activity: [ActivityEntry] = []
    public var customer = CustomerSidebar()

    public init(summary: ConversationSummary, customerEmail: String, orderNumber: String?, messages: [SupportMessage]) {
        self.summary = summary
        self.customerEmail = customerEmail
        self.orderNumber = orderNumber
        self.messages = messages
    }
}
