import Foundation

/// What the shop knows of a conversation's customer, beside the thread: their newest orders and
/// parcels, loyalty standing, earlier conversations and the mail sent to them. Each list holds the
/// newest few; the counts say how many there are in all.
public struct CustomerSidebar: Hashable, Sendable {
    public struct OrderLine: Hashable, Sendable {
        public var number: String
        public var status: OrderStatus
        public var total: Money
        public var placedAt: Date
        public init(number: String, status: OrderStatus, total: Money, placedAt: Date) {
            (self.number, self.status, self.total, self.placedAt) = (number, status, total, placedAt)
        }
    }

    public struct ParcelLine: Hashable, Sendable {
        public var orderNumber: String
        public var carrier: String
        public var trackingNumber: String
        public var status: ShipmentStatus
        public init(orderNumber: String, carrier: String, trackingNumber: String, status: ShipmentStatus) {
            (self.orderNumber, self.carrier, self.trackingNumber, self.status) = (orderNumber, carrier, trackingNumber, status)
        }
    }

    public struct ConversationLine: Hashable, Sendable {
        public var id: Int64
        public var subject: String
        public var status: ConversationStatus
        public var lastMessageAt: Date
        public init(id: Int64, subject: String, status: ConversationStatus, lastMessageAt: Date) {
            (self.id, self.subject, self.status, self.lastMessageAt) = (id, subject, status, lastMessageAt)
        }
    }

    public struct MailLine: Hashable, Sendable {
        public var subject: String
        public var state: OutboxState
        public var at: Date
        public init(subject: String, state: OutboxState, at: Date) {
            (self.subject, self.state, self.at) = (subject, state, at)
        }
    }

    public var orders: [OrderLine] = []
    public var orderCount = 0
    public var parcels: [ParcelLine] = []
    /// The loyalty tier and points balance, when the customer is a member.
    public var loyaltyTier: String?
    public var points = 0
    /// Their other conversations, newest first.
    public var conversations: [ConversationLine] = []
    public var conversationCount = 0
    public var mails: [MailLine] = []
    public var mailCount = 0
    public var isUnsubscribed = false

    public init() {}
}
