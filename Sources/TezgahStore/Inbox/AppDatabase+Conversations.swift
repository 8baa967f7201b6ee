import Foundation
import GRDB
import Tezgah

extension AppDatabase {
    /// Closes, marks pending, reopens, snoozes or notes conversations, each with its activity-log
    /// entry, in one transaction. Returns how many changed.
    @discardableResult
    public func apply(_ action: ConversationAction, toConversations ids: [Int64], actor: String, now: Date) throws -> Int {
        try write { writer in
            var changed = 0
            for id in ids {
                let sql: String
                var arguments: StatementArguments
                switch action {
                case .close: (sql, arguments) = ("UPDATE conversations SET status = 'closed', waiting_since = NULL, snoozed_until = NULL WHERE id = ?", [id])
                case .markPending: (sql, arguments) = ("UPDATE conversations SET status = 'pending', snoozed_until = NULL WHERE id = ?", [id])
                case .reopen: (sql, arguments) = ("UPDATE conversations SET status = 'open', snoozed_until = NULL WHERE id = ?", [id])
                case .snooze(let until):
                    (sql, arguments) = ("UPDATE conversations SET status = 'snoozed', snoozed_until = ? WHERE id = ?", [until?.unixSeconds, id])
                case .note:
                    (sql, arguments) = ("UPDATE conversations SET id = id WHERE id = ?", [id])
                }
                try writer.db.execute(sql: sql, arguments: arguments)
                guard writer.db.changesCount > 0 else { continue }
                changed += 1
                let detail: String = switch action {
                case .note(let text): text
                case .snooze(let until?): "until \(ISO8601DateFormatter().string(from: until))"
                default: ""
                }
                try writer.logActivity(at: now, actor: actor, subjectType: "conversation", subjectID: id, action: action.pastTense,
                                       detail: detail)
                try writer.reindexConversation(id)
            }
            return changed
        }
    }

    /// Reopens the conversations whose snooze has ended (a snooze "until they reply" has no end and
    /// waits for their mail), each with its log entry. Returns how many.
    @discardableResult
    public func wakeSnoozedConversations(now: Date) throws -> Int {
        try write { writer in
            let ids = try Int64.fetchAll(writer.db, sql: """
                SELECT id FROM conversations WHERE status = 'snoozed' AND snoozed_until IS NOT NULL AND snoozed_until <= ?
                """, arguments: [now.unixSeconds])
            for id in ids {
                try writer.db.execute(sql: "UPDATE conversations SET status = 'open', snoozed_until = NULL WHERE id = ?", arguments: [id])
                try writer.logActivity(at: now, actor: "tezgah", subjectType: "conversation", subjectID: id, action: "snooze ended")
                try writer.reindexConversation(id)
            }
            return ids.count
        }
    }

    /// Who a reply goes to and what it answers, for its draft.
    public func replyContext(conversationID id: Int64) throws -> ReplyContext {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.email, t.subject FROM conversations t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?
                """, arguments: [id]) else { throw StoreError.notFound(what: "conversation", id: id) }
            let last = try Row.fetchOne(db, sql: """
                SELECT body, from_address, at FROM messages WHERE conversation_id = ? AND direction = 'inbound'
                ORDER BY at DESC, id DESC LIMIT 1
                """, arguments: [id])
            return ReplyContext(conversationID: id, to: row[0], subject: row[1], lastMessage: last?[0] ?? "",
                                lastMessageFrom: last?[1] ?? "", lastMessageAt: last.map { $0.date(2) })
        }
    }

    /// Sends the owner's reply: the mail (threaded to the customer's last message) is queued in the
    /// same transaction as the reply joining the thread, and the conversation waits on the customer.
    /// `to` and `subject` are the draft's, when the owner changed them. Returns the queued mail's id.
    @discardableResult
    public func reply(conversationID id: Int64, text: String, to: String? = nil, subject: String? = nil, actor: String, now: Date,
                      composer: SupportReplyComposer) throws -> Int64 {
        try write { writer in
            let db = writer.db
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.id, c.name, c.email, c.language, c.city, c.country, c.created_at, t.subject, t.message_count
                FROM conversations t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?
                """, arguments: [id]) else { throw StoreError.notFound(what: "conversation", id: id) }
            var customer = Customer(id: row[0], name: row[1], email: row[2], language: row[3], city: row[4], country: row[5],
                                    createdAt: row.date(6))
            if let to, !to.isEmpty { customer.email = to }
            let last = try Row.fetchOne(db, sql: """
                SELECT message_id, references_ids FROM messages WHERE conversation_id = ? AND message_id IS NOT NULL
                ORDER BY at DESC, id DESC LIMIT 1
                """, arguments: [id])
            let inReplyTo: String? = last?[0]
            let references = ((last?[1] as String?) ?? "").split(separator: " ").map(String.init) + (inReplyTo.map { [$0] } ?? [])
            let count: Int = row[8]
            let request = SupportReplyRequest(conversationID: id, customer: customer, subject: subject ?? row[7], text: text,
                                              inReplyTo: inReplyTo, references: references,
                                              dedupeKey: "support-reply:conversation:\(id):\(count + 1)")
            let mail = try composer(request, now)
            guard let mailID = try writer.enqueueMail(mail) else {
                throw StoreError.refused("This reply was queued already.")
            }
            _ = try writer.run("""
                INSERT INTO messages(conversation_id, at, direction, from_address, message_id, body, subject, references_ids)
                VALUES (?, ?, 'outbound', ?, ?, ?, ?, ?)
                """, [id, now.unixSeconds, actor, mail.messageID, text, mail.subject, references.joined(separator: " ")])
            try db.execute(sql: """
                UPDATE conversations SET status = 'pending', message_count = message_count + 1, last_message_at = max(last_message_at, ?),
                    first_response_at = coalesce(first_response_at, ?), waiting_since = NULL, snoozed_until = NULL
                WHERE id = ?
                """, arguments: [now.unixSeconds, now.unixSeconds, id])
            try writer.logActivity(at: now, actor: actor, subjectType: "conversation", subjectID: id, action: "replied",
                                   detail: "mail \(mailID) to \(customer.email)")
            try writer.reindexConversation(id)
            return mailID
        }
    }
}
