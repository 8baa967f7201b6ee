import Foundation

/// One customer mail as the composer wrote it: the rendered MIME message, its Message-ID, and what
/// the outbox keeps beside it (the event's dedupe key, the kind, the customer and order it is for).
/// A value: composing needs no database, and the store queues it in the transaction of the change
/// that caused it.
public struct ComposedMail: Sendable {
    public var dedupeKey: String
    public var kind: MailKind
    public var customerID: Int64?
    public var customerName: String
    public var orderID: Int64?
    public var toAddress: String
    public var subject: String
    public var messageID: String
    public var message: Data
    public var createdAt: Date
    public var expiresAt: Date?

    public init(dedupeKey: String, kind: MailKind, customerID: Int64?, customerName: String, orderID: Int64?,
                toAddress: String, subject: String, messageID: String, message: Data, createdAt: Date, expiresAt: Date?) {
        self.dedupeKey = dedupeKey
        self.kind = kind
        self.customerID = customerID
        self.customerName = customerName
        self.orderID = orderID
        self.toAddress = toAddress
        self.subject = subject
        self.messageID = messageID
        self.message = message
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
