import Foundation
import GRDB
import Tezgah

extension ListSource where Item == ConversationSummary {
    /// Conversations, most recent message first.
    public static let conversations = ListSource(
        select: """
            SELECT t.last_message_at, t.id, t.subject, c.name, t.status, t.message_count, t.first_response_at, t.opened_at,
                   (SELECT o.number FROM orders o WHERE o.id = t.order_id)
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
            ConversationSummary(id: row[1], subject: row[2], customerName: row[3], status: row.value(4, default: .open),
                                lastMessageAt: row.date(0), messageCount: row[5],
                                firstResponseAt: row.optionalDate(6), openedAt: row.date(7), orderNumber: row[8])
        })
}

extension AppDatabase {
    public func conversationDetail(id: Int64) throws -> ConversationDetail {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "\(ListSource.conversations.select) WHERE t.id = ?", arguments: [id])
            else { throw StoreError.notFound(what: "conversation", id: id) }
            let extra = try Row.fetchOne(db, sql: """
                SELECT c.email, o.number FROM conversations t JOIN customers c ON c.id = t.customer_id
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
            return detail
        }
    }
}
