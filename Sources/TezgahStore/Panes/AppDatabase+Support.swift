import Foundation
import GRDB
import Tezgah

extension ListSource where Item == ConversationSummary {
    /// Conversations, most recent message first.
    public static let conversations = ListSource(
        select: """
            SELECT t.last_message_at, t.id, t.subject, c.name, t.status, t.message_count, t.first_response_at, t.opened_at
            FROM conversations t JOIN customers c ON c.id = t.customer_id
            """,
        sortColumn: "t.last_message_at", table: "conversations", search: .conversations,
        fields: ["status": .choice("t.status", ConversationStatus.self, field: "status", title: \.title)],
        decode: { row in
            ConversationSummary(id: row[1], subject: row[2], customerName: row[3], status: row.value(4, default: .open),
                                lastMessageAt: row.date(0), messageCount: row[5],
                                firstResponseAt: row.optionalDate(6), openedAt: row.date(7))
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
                SELECT at, direction, from_address, body FROM messages WHERE conversation_id = ? ORDER BY at, id
                """, arguments: [id]).map {
                SupportMessage(at: $0.date(0), direction: $0.value(1, default: .inbound), from: $0[2], body: $0[3])
            }
            return ConversationDetail(summary: ListSource.conversations.decode(row), customerEmail: extra[0],
                                      orderNumber: extra[1], messages: messages)
        }
    }
}
