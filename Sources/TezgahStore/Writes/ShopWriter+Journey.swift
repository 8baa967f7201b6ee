import Foundation
import GRDB
import Tezgah

extension ShopWriter {
    @discardableResult
    public func insertReviewInvite(orderID: Int64, orderNumber: String, customerID: Int64, customerName: String,
                                   state: ReviewInviteState, dueAt: Date, sentAt: Date?, reminderAt: Date?,
                                   reason: String, now: Date) throws -> Int64 {
        let id = try run("""
            INSERT INTO review_invites(order_id, customer_id, state, due_at, sent_at, reminder_at, reason, updated_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [orderID, customerID, state.rawValue, dueAt.unixSeconds, sentAt?.unixSeconds, reminderAt?.unixSeconds,
                  reason, now.unixSeconds, dueAt.unixSeconds + 60 * 86_400])
        try index(.reviewInvites, id: id, parts: [orderNumber, customerName, state.title])
        return id
    }

    /// An invite's search text: its order, customer and state.
    func reindexReviewInvite(_ id: Int64) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT o.number, c.name, i.state FROM review_invites i JOIN orders o ON o.id = i.order_id JOIN customers c ON c.id = i.customer_id
            WHERE i.id = ?
            """), arguments: [id]) else { return }
        try index(.reviewInvites, id: id, parts: [row[0], row[1], ReviewInviteState(rawValue: row[2])?.title ?? row[2]])
    }

    public func insertSurvey(customerID: Int64, orderID: Int64?, kind: String, sentAt: Date, score: Int?,
                             answeredAt: Date?, comment: String) throws {
        _ = try run("""
            INSERT INTO surveys(customer_id, order_id, kind, state, due_at, sent_at, score, answered_at, comment)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [customerID, orderID, kind, score == nil ? "sent" : "answered", sentAt.unixSeconds, sentAt.unixSeconds, score,
                  answeredAt?.unixSeconds, comment])
    }

    /// Inserts a conversation with its messages; counts, last-message and first-response times are
    /// derived from the messages so they cannot disagree with them.
    @discardableResult
    public func insertConversation(customerID: Int64, customerName: String, customerEmail: String, orderID: Int64?,
                                   orderNumber: String?, subject: String, status: ConversationStatus,
                                   messages: [SupportMessage]) throws -> Int64 {
        let messages = messages.sorted { $0.at < $1.at }
        guard let first = messages.first, let last = messages.last else {
            throw StoreError.refused(Said("A conversation needs at least one message."))
        }
        let firstResponse = messages.first { $0.direction == .outbound }?.at
        let id = try run("""
            INSERT INTO conversations(customer_id, order_id, subject, status, opened_at, last_message_at, first_response_at, message_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [customerID, orderID, subject, status.rawValue, first.at.unixSeconds, last.at.unixSeconds,
                  firstResponse?.unixSeconds, messages.count])
        for message in messages {
            _ = try run("INSERT INTO messages(conversation_id, at, direction, from_address, body) VALUES (?, ?, ?, ?, ?)",
                        [id, message.at.unixSeconds, message.direction.rawValue, message.from, message.body])
        }
        try index(.conversations, id: id, parts: [subject, customerName, customerEmail, orderNumber ?? "",
                                                                status.title])
        return id
    }
}
