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
    /// Ties the conversation to an order by its number ("1042", "#1042"), or (nil) unties it.
    case linkOrder(String?)

    public var pastTense: String { pastTensePhrase.english }

    /// What the desk says was done, in its language.
    public var pastTensePhrase: Said {
        switch self {
        case .close: Said("closed")
        case .markPending: Said("marked pending")
        case .reopen: Said("reopened")
        case .snooze(let until): Said(until == nil ? phrase("snoozed until the customer writes") : phrase("snoozed"))
        case .note: Said("noted")
        case .linkOrder(let number): number.map { Said("linked to order {number}", ["number": $0]) } ?? Said("unlinked from its order")
        }
    }
}

/// What a conversation action changes, and what undo puts back: a note changes none of it.
public struct ConversationFacts: Codable, Equatable, Sendable {
    public var status: ConversationStatus
    /// Unix seconds, as stored, so a restored snooze is the very same instant.
    public var snoozedUntil: Int64?
    /// Since when the customer waits for an answer; nil while the shop waits on them (the
    /// first-response clock is paused).
    public var waitingSince: Int64?
    public var orderID: Int64?

    public init(status: ConversationStatus, snoozedUntil: Int64?, waitingSince: Int64?, orderID: Int64?) {
        self.status = status
        self.snoozedUntil = snoozedUntil
        self.waitingSince = waitingSince
        self.orderID = orderID
    }

    /// The facts after `action`; `linkedOrderID` is the order a `.linkOrder` number was found to be.
    public func applying(_ action: ConversationAction, now: Date, linkedOrderID: Int64? = nil) -> ConversationFacts {
        var next = self
        switch action {
        case .close:
            (next.status, next.snoozedUntil, next.waitingSince) = (.closed, nil, nil)
        case .markPending:
            (next.status, next.snoozedUntil, next.waitingSince) = (.pending, nil, nil)
        case .reopen:
            (next.status, next.snoozedUntil) = (.open, nil)
            next.waitingSince = waitingSince ?? Int64(now.timeIntervalSince1970)
        case .snooze(let until):
            (next.status, next.snoozedUntil) = (.snoozed, until.map { Int64($0.timeIntervalSince1970) })
        case .note:
            break
        case .linkOrder:
            next.orderID = linkedOrderID
        }
        return next
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
    /// Who the customer is and the order the conversation is about, for a saved reply's variables.
    public var customerName = ""
    public var language = "en"
    public var order: OrderFacts?

    /// The linked order as a saved reply names it, with its newest parcel.
    public struct OrderFacts: Equatable, Sendable {
        public var number: String
        public var status: OrderStatus
        public var total: Money
        public var carrier: Carrier?
        public var trackingNumber: String?
        public var eta: Date?

        public init(number: String, status: OrderStatus, total: Money, carrier: Carrier? = nil, trackingNumber: String? = nil, eta: Date? = nil) {
            self.number = number
            self.status = status
            self.total = total
            self.carrier = carrier
            self.trackingNumber = trackingNumber
            self.eta = eta
        }
    }

    public init(conversationID: Int64, to: String, subject: String, lastMessage: String, lastMessageFrom: String, lastMessageAt: Date?) {
        self.conversationID = conversationID
        self.to = to
        self.subject = subject
        self.lastMessage = lastMessage
        self.lastMessageFrom = lastMessageFrom
        self.lastMessageAt = lastMessageAt
    }
}
