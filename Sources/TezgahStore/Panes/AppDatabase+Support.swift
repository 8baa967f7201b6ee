import Foundation
import GRDB
import Tezgah

extension ListSource where Item == ConversationSummary {
    /// Conversations, most recent message first.
    public static let conversations = ListSource(
        select: """
            SELECT t.last_message_at, t.id, t.subject, c.name, t.status, t.message_count, t.first_response_at, t.opened_at,
                   (SELECT o.number FROM orders o WHERE o.id = t.order_id), t.waiting_since
            FROM conversations t JOIN customers c ON c.id = t.customer_id
            """,
        sortColumn: "t.last_message_at", table: "conversations", search: .conversations,
        fields: [
            "status": .choice("t.status", ConversationStatus.self, field: "status", title: \.title),
            // The customers waiting for an answer, longest first; written as the partial index is.
            "is": .views(["needs-reply": { _ in
                ListCondition(sql: "t.status = 'open'", oldestFirst: true, index: "conversations_needing_reply")
            }]),
        ],
        decode: { row in
            var summary = ConversationSummary(id: row[1], subject: row[2], customerName: row[3], status: row.value(4, default: .open),
                                              lastMessageAt: row.date(0), messageCount: row[5],
                                              firstResponseAt: row.optionalDate(6), openedAt: row.date(7), orderNumber: row[8])
            summary.waitingSince = row.optionalDate(9)
            return summary
        })
}

extension AppDatabase {
    public func conversationDetail(id: Int64) throws -> ConversationDetail {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "\(ListSource.conversations.select) WHERE t.id = ?", arguments: [id])
            else { throw StoreError.notFound(what: phrase("conversation"), id: id) }
            let extra = try Row.fetchOne(db, sql: """
                SELECT c.email, o.number, c.id FROM conversations t JOIN customers c ON c.id = t.customer_id
                LEFT JOIN orders o ON o.id = t.order_id WHERE t.id = ?
                """, arguments: [id])!
            let messages = try Row.fetchAll(db, sql: """
                SELECT at, direction, from_address, body, attachments, notes, is_auto_reply FROM messages
                WHERE conversation_id = ? ORDER BY at, id
                """, arguments: [id]).map {
                var message = SupportMessage(at: $0.date(0), direction: $0.value(1, default: .inbound), from: $0[2], body: $0[3])
                message.attachments = $0[4]
                message.notes = $0[5]
                message.isAutoReply = $0[6]
                return message
            }
            var detail = ConversationDetail(summary: ListSource.conversations.decode(row), customerEmail: extra[0],
                                            orderNumber: extra[1], messages: messages)
            detail.activity = try Row.fetchAll(db, sql: """
                SELECT at, actor, action, detail FROM activity_log WHERE subject_type = 'conversation' AND subject_id = ? ORDER BY at, id
                """, arguments: [id]).map { ActivityEntry(at: $0.date(0), actor: $0[1], action: $0[2], detail: $0[3]) }
            detail.customer = try Self.customerSidebar(db, customerID: extra[2], email: extra[0], besides: id)
            return detail
        }
    }
}

extension AppDatabase {
    /// The sidebar's few newest rows of each kind, every read by an index on the customer (or
    /// their address, for mail), so a customer with years of history opens as fast as a new one.
    static func customerSidebar(_ db: Database, customerID: Int64, email: String, besides conversationID: Int64,
                                newest limit: Int = 5) throws -> CustomerSidebar {
        var sidebar = CustomerSidebar()
        sidebar.orders = try Row.fetchAll(db, sql: """
            SELECT number, status, total_minor, currency, placed_at FROM orders WHERE customer_id = ?
            ORDER BY placed_at DESC LIMIT ?
            """, arguments: [customerID, limit]).map {
            CustomerSidebar.OrderLine(number: $0[0], status: $0.value(1, default: .received),
                                      total: Money(minorUnits: $0[2], currency: Currency.code($0[3])), placedAt: $0.date(4))
        }
        sidebar.orderCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM orders WHERE customer_id = ?", arguments: [customerID]) ?? 0
        sidebar.parcels = try Row.fetchAll(db, sql: """
            SELECT o.number, s.carrier, s.tracking_number, s.status
            FROM (SELECT id, number FROM orders WHERE customer_id = ? ORDER BY placed_at DESC LIMIT ?) o
            JOIN shipments s ON s.order_id = o.id ORDER BY s.shipped_at DESC LIMIT ?
            """, arguments: [customerID, limit * 2, limit]).map {
            let carrier: String = $0[1]
            return CustomerSidebar.ParcelLine(orderNumber: $0[0], carrier: Carrier(rawValue: carrier)?.title ?? carrier,
                                              trackingNumber: $0[2], status: $0.value(3, default: .pending))
        }
        if let account = try Row.fetchOne(db, sql: """
            SELECT a.tier, (SELECT coalesce(sum(points), 0) FROM points_ledger WHERE account_id = a.id)
            FROM loyalty_accounts a WHERE a.customer_id = ?
            """, arguments: [customerID]) {
            sidebar.loyaltyTier = account[0]
            sidebar.points = account[1]
        }
        sidebar.conversations = try Row.fetchAll(db, sql: """
            SELECT id, subject, status, last_message_at FROM conversations WHERE customer_id = ? AND id <> ?
            ORDER BY last_message_at DESC LIMIT ?
            """, arguments: [customerID, conversationID, limit]).map {
            CustomerSidebar.ConversationLine(id: $0[0], subject: $0[1], status: $0.value(2, default: .open), lastMessageAt: $0.date(3))
        }
        sidebar.conversationCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM conversations WHERE customer_id = ? AND id <> ?",
                                                     arguments: [customerID, conversationID]) ?? 0
        sidebar.mails = try Row.fetchAll(db, sql: """
            SELECT subject, state, created_at FROM outbox WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?
            """, arguments: [customerID, limit]).map {
            CustomerSidebar.MailLine(subject: $0[0], state: $0.value(1, default: .queued), at: $0.date(2))
        }
        sidebar.mailCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE customer_id = ?", arguments: [customerID]) ?? 0
        sidebar.isUnsubscribed = try Bool.fetchOne(db, sql: "SELECT unsubscribed_at IS NOT NULL FROM customers WHERE id = ?",
                                                   arguments: [customerID]) ?? false
        return sidebar
    }
}
