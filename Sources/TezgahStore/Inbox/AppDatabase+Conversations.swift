import Foundation
import GRDB
import Tezgah

extension AppDatabase {
    /// Closes, marks pending, reopens, snoozes, notes or links conversations, each with its
    /// activity-log entry, in one transaction and one batch that `u` undoes. A conversation the
    /// action would not change is left out. Returns how many changed.
    @discardableResult
    public func apply(_ action: ConversationAction, toConversations ids: [Int64], actor: String, now: Date) throws -> Int {
        try write { writer in
            var linkedOrderID: Int64?
            if case .linkOrder(let number?) = action {
                linkedOrderID = try writer.orderID(number: number)
            }
            let batch = try writer.nextActivityBatch()
            var changed = 0
            for id in ids {
                guard let before = try writer.conversationFacts(id: id) else { continue }
                let after = before.applying(action, now: now, linkedOrderID: linkedOrderID)
                if case .note = action {} else if after == before { continue }
                try writer.setConversationFacts(id: id, after)
                changed += 1
                let detail: String = switch action {
                case .note(let text): text
                case .snooze(let until?): "until \(ISO8601DateFormatter().string(from: until))"
                default: ""
                }
                let entry = try writer.logActivity(at: now, actor: actor, subjectType: "conversation", subjectID: id,
                                                   action: action.pastTense, detail: detail)
                if after != before { try writer.recordUndo(activityID: entry, batch: batch, ConversationUndoRecord(before: before, after: after)) }
                try writer.reindexConversation(id)
            }
            return changed
        }
    }

    /// The newest change this user made to conversations that has not been undone yet.
    public func lastUndoableConversationChange(actor: String) throws -> UndoableChange? {
        try pool.read { db in
            guard let batch = try lastUndoableBatch(db, actor: actor, subject: .conversation) else { return nil }
            let rows = try Row.fetchAll(db, sql: """
                SELECT action, detail, subject_id FROM activity_log
                WHERE batch = ? AND subject_type = 'conversation' AND undo IS NOT NULL ORDER BY id
                """, arguments: [batch])
            guard let first = rows.first else { return nil }
            return UndoableChange(subject: .conversation, batch: batch, description: Self.undoDescription(
                action: first[0], detail: first[1], labels: rows.map { "#\($0[2] as Int64)" }, subject: .conversation))
        }
    }

    /// Puts the conversations of one batch back as they were before it; one changed since (the
    /// customer wrote, someone else closed it) is left alone and named.
    public func undoConversationChange(batch: Int64, actor: String, now: Date) throws -> UndoReport {
        try write { writer in
            var report = UndoReport(subject: .conversation)
            let entries = try Row.fetchAll(writer.db, sql: """
                SELECT subject_id, action, undo FROM activity_log
                WHERE batch = ? AND subject_type = 'conversation' AND undo IS NOT NULL AND undone_at IS NULL ORDER BY id DESC
                """, arguments: [batch])
            for entry in entries {
                let id: Int64 = entry[0]
                let action: String = entry[1]
                let record = try JSONDecoder().decode(ConversationUndoRecord.self, from: Data((entry[2] as String).utf8))
                guard let facts = try writer.conversationFacts(id: id) else { continue }
                guard facts == record.after else {
                    report.problems.append(Said("Conversation #{id} changed since it was {action} (it is {status} now); left as it is.", ["id": String(id)],
                                                phrases: ["action": action, "status": facts.status.title]))
                    continue
                }
                if let reply = record.reply {
                    // A reply can be taken back only while its mail has not left; once it has, the
                    // customer has it and the conversation stays as the reply left it (the report
                    // counts the mail as gone).
                    guard try writer.takeBack(reply, conversation: id, actor: actor, now: now, report: &report) else { continue }
                }
                try writer.setConversationFacts(id: id, record.before)
                try writer.logActivity(at: now, actor: actor, subjectType: "conversation", subjectID: id, action: "undid", detail: action)
                try writer.reindexConversation(id)
                report.restored.append(id)
            }
            try writer.db.execute(sql: """
                UPDATE activity_log SET undone_at = ? WHERE batch = ? AND subject_type = 'conversation' AND undo IS NOT NULL AND undone_at IS NULL
                """, arguments: [now.unixSeconds, batch])
            return report
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

    /// The order a conversation is linked to, if any.
    public func linkedOrder(conversationID id: Int64) throws -> Int64? {
        try pool.read { try Int64.fetchOne($0, sql: "SELECT order_id FROM conversations WHERE id = ?", arguments: [id]) }
    }

    /// Who a reply goes to and what it answers, for its draft.
    public func replyContext(conversationID id: Int64) throws -> ReplyContext {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.email, t.subject, c.name, c.language, t.order_id FROM conversations t JOIN customers c ON c.id = t.customer_id
                WHERE t.id = ?
                """, arguments: [id]) else { throw StoreError.notFound(what: phrase("conversation"), id: id) }
            let last = try Row.fetchOne(db, sql: """
                SELECT body, from_address, at FROM messages WHERE conversation_id = ? AND direction = 'inbound'
                ORDER BY at DESC, id DESC LIMIT 1
                """, arguments: [id])
            var context = ReplyContext(conversationID: id, to: row[0], subject: row[1], lastMessage: last?[0] ?? "",
                                       lastMessageFrom: last?[1] ?? "", lastMessageAt: last.map { $0.date(2) })
            context.customerName = row[2]
            context.language = row[3]
            if let orderID: Int64 = row[4], let order = try Row.fetchOne(db, sql: """
                SELECT o.number, o.status, o.total_minor, o.currency, s.carrier, s.tracking_number, s.eta
                FROM orders o LEFT JOIN shipments s ON s.id = (SELECT max(id) FROM shipments WHERE order_id = o.id)
                WHERE o.id = ?
                """, arguments: [orderID]) {
                context.order = ReplyContext.OrderFacts(
                    number: order[0], status: order.value(1, default: .received),
                    total: Money(minorUnits: order[2], currency: Currency.code(order[3])),
                    carrier: (order[4] as String?).flatMap(Carrier.init(rawValue:)), trackingNumber: order[5], eta: order.optionalDate(6))
            }
            return context
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
                """, arguments: [id]) else { throw StoreError.notFound(what: phrase("conversation"), id: id) }
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
                throw StoreError.refused(Said("This reply was queued already."))
            }
            guard let before = try writer.conversationFacts(id: id),
                  let times = try Row.fetchOne(db, sql: "SELECT last_message_at, first_response_at, first_response_seconds FROM conversations WHERE id = ?",
                                               arguments: [id]) else { throw StoreError.notFound(what: phrase("conversation"), id: id) }
            let messageID = try writer.run("""
                INSERT INTO messages(conversation_id, at, direction, from_address, message_id, body, subject, references_ids)
                VALUES (?, ?, 'outbound', ?, ?, ?, ?, ?)
                """, [id, now.unixSeconds, actor, mail.messageID, text, mail.subject, references.joined(separator: " ")])
            try db.execute(sql: """
                UPDATE conversations SET status = 'pending', message_count = message_count + 1, last_message_at = max(last_message_at, ?),
                    first_response_at = coalesce(first_response_at, ?), waiting_since = NULL, snoozed_until = NULL
                WHERE id = ?
                """, arguments: [now.unixSeconds, now.unixSeconds, id])
            let entry = try writer.logActivity(at: now, actor: actor, subjectType: "conversation", subjectID: id, action: "replied",
                                               detail: "mail \(mailID) to \(customer.email)")
            if let after = try writer.conversationFacts(id: id) {
                let reply = ConversationUndoRecord.Reply(mail: mailID, message: messageID, lastMessageAt: times[0], firstResponseAt: times[1],
                                                         firstResponseSeconds: times[2])
                try writer.recordUndo(activityID: entry, batch: try writer.nextActivityBatch(),
                                      ConversationUndoRecord(before: before, after: after, reply: reply))
            }
            try writer.reindexConversation(id)
            return mailID
        }
    }
}

/// What undo needs to put a conversation back.
struct ConversationUndoRecord: Codable, Equatable {
    var before: ConversationFacts
    var after: ConversationFacts
    /// For a reply: its mail and thread row, and the conversation's times before it.
    var reply: Reply?

    struct Reply: Codable, Equatable {
        var mail: Int64
        var message: Int64
        var lastMessageAt: Int64?
        var firstResponseAt: Int64?
        var firstResponseSeconds: Int64?
    }
}

extension ShopWriter {
    /// Cancels a reply's mail while it waits (one cancelled or failed already is as good) and takes
    /// the reply out of the thread; false when the mail is being sent or has been.
    func takeBack(_ reply: ConversationUndoRecord.Reply, conversation id: Int64, actor: String, now: Date, report: inout UndoReport) throws -> Bool {
        guard try takeBackMail(reply.mail, actor: actor, now: now, report: &report) else { return false }
        // The cancelled mail gives up its dedupe key, so the owner's next reply (which counts the
        // thread's messages again) can be queued under it.
        try db.execute(sql: "UPDATE outbox SET dedupe_key = dedupe_key || ':undone:' || id WHERE id = ?",
                       arguments: [reply.mail])
        try db.execute(sql: "DELETE FROM messages WHERE id = ?", arguments: [reply.message])
        try db.execute(sql: """
            UPDATE conversations SET message_count = max(0, message_count - 1), last_message_at = ?, first_response_at = ?,
                first_response_seconds = ? WHERE id = ?
            """, arguments: [reply.lastMessageAt, reply.firstResponseAt, reply.firstResponseSeconds, id])
        return true
    }

    func conversationFacts(id: Int64) throws -> ConversationFacts? {
        try Row.fetchOne(db, sql: "SELECT status, snoozed_until, waiting_since, order_id FROM conversations WHERE id = ?", arguments: [id]).map {
            ConversationFacts(status: $0.value(0, default: .open), snoozedUntil: $0[1], waitingSince: $0[2], orderID: $0[3])
        }
    }

    func setConversationFacts(id: Int64, _ facts: ConversationFacts) throws {
        try db.execute(sql: "UPDATE conversations SET status = ?, snoozed_until = ?, waiting_since = ?, order_id = ? WHERE id = ?",
                       arguments: [facts.status.rawValue, facts.snoozedUntil, facts.waitingSince, facts.orderID, id])
    }

    /// The order an owner means by "1042" or "#1042"; an unknown number is refused in a sentence.
    func orderID(number: String) throws -> Int64 {
        let typed = number.trimmingCharacters(in: .whitespaces)
        let bare = typed.hasPrefix("#") ? String(typed.dropFirst()) : typed
        for candidate in [typed, "#" + bare, bare] {
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM orders WHERE number = ?", arguments: [candidate]) { return id }
        }
        throw StoreError.refused(typed.isEmpty ? Said("Type the order's number; check it in the Orders pane.")
                            : Said("There is no order {number}; check the number in the Orders pane.", ["number": typed]))
    }
}
