import Foundation
import GRDB
import Tezgah

/// One file of the shop's mailbox, read (or not) by the mail module.
public struct InboxItem: Sendable {
    /// The file's identity: the unique part of its Maildir name, before `:2,` and the flags.
    public var key: String
    public var mail: InboundMail?
    /// When the file arrived (its modification time), for mail without a usable Date.
    public var receivedAt: Date
    /// Why the file could not be read at all (it vanished, it is empty).
    public var skipReason: String?

    public init(key: String, mail: InboundMail?, receivedAt: Date, skipReason: String? = nil) {
        self.key = key
        self.mail = mail
        self.receivedAt = receivedAt
        self.skipReason = skipReason
    }
}

/// What one inbox sync did, for its one summary line.
public struct InboxSummary: Equatable, Sendable, CustomStringConvertible, Encodable {
    public var read = 0
    public var newMessages = 0
    /// New messages that joined a conversation already there.
    public var threaded = 0
    public var newConversations = 0
    public var newCustomers = 0
    public var bounces = 0
    public var autoReplies = 0
    public var unsubscribes = 0
    public var duplicates = 0
    /// Replies to a survey mail whose first line was the score.
    public var surveyAnswers = 0
    /// Files not imported, each with why.
    public var skipped: [String] = []

    public init() {}

    public var description: String { sentence(in: .english) }

    /// The summary as the command line says it, in `language`; why a file was skipped is said as
    /// the reader wrote it.
    public func sentence(in language: Language) -> String {
        func count(_ phrase: String, _ value: Int) -> String { language.say(phrase, ["count": String(value)]) }
        var parts = [count(phrase("{count} read"), read), count(phrase("{count} new"), newMessages), count(phrase("{count} threaded"), threaded),
                     count(phrase("{count} new conversations"), newConversations), count(phrase("{count} new customers"), newCustomers),
                     count(phrase("{count} bounces"), bounces), count(phrase("{count} auto-replies"), autoReplies), count(phrase("{count} unsubscribes"), unsubscribes)]
        if duplicates > 0 { parts.append(count(phrase("{count} duplicates"), duplicates)) }
        if surveyAnswers > 0 { parts.append(count(phrase("{count} survey answers"), surveyAnswers)) }
        parts.append(count(phrase("{count} skipped"), skipped.count)
                     + (skipped.isEmpty ? "" : " (\(skipped.prefix(3).map(language.sayKept).joined(separator: "; "))\(skipped.count > 3 ? "; …" : ""))"))
        return parts.joined(separator: ", ") + "."
    }
}

extension AppDatabase {
    /// The files the inbox has read already, so a sync reads only what is new.
    public func readInboxFiles() throws -> Set<String> {
        try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT key FROM inbox_files")) }
    }

    /// Threads mail into conversations, in one transaction with the record of which files were
    /// read, so a sync interrupted at any point is done again whole and nothing is imported twice.
    /// Mail is taken oldest first, so a reply finds what it answers.
    public func importInbox(_ items: [InboxItem], now: Date) throws -> InboxSummary {
        let sorted = items.sorted { ($0.mail?.date ?? $0.receivedAt, $0.key) < ($1.mail?.date ?? $1.receivedAt, $1.key) }
        return try write { writer in
            var summary = InboxSummary()
            for item in sorted {
                let outcome: String
                if let mail = item.mail {
                    summary.read += 1
                    outcome = try writer.receive(mail, receivedAt: item.receivedAt, now: now, summary: &summary)
                } else {
                    outcome = "skipped: \(item.skipReason ?? "unreadable")"
                    summary.skipped.append("\(item.key): \(item.skipReason ?? "unreadable")")
                }
                try writer.rememberInboxFile(item.key, messageID: item.mail?.messageID, outcome: outcome, now: now)
            }
            return summary
        }
    }
}

extension ShopWriter {
    func rememberInboxFile(_ key: String, messageID: String?, outcome: String, now: Date) throws {
        _ = try run("INSERT OR IGNORE INTO inbox_files(key, message_id, outcome, read_at) VALUES (?, ?, ?, ?)",
                    [key, messageID, outcome, now.unixSeconds])
    }

    /// One mail into the shop: a bounce settles the mail it reports, anything else joins (or
    /// starts) its customer's conversation. Returns what became of it, for the file's record.
    func receive(_ mail: InboundMail, receivedAt: Date, now: Date, summary: inout InboxSummary) throws -> String {
        if let id = mail.messageID,
           try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM messages WHERE message_id = ?)"), arguments: [id]) == true {
            summary.duplicates += 1
            return "duplicate of \(id)"
        }
        // A copy of the shop's own mail (a Bcc to the shop's address, a client that files what it
        // sends in the inbox) is no customer writing.
        if let id = mail.messageID,
           let sent = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM outbox WHERE message_id = ?"), arguments: [id]) {
            summary.duplicates += 1
            return "copy of mail \(sent) the shop sent"
        }
        let at = min(mail.date ?? receivedAt, now.addingTimeInterval(3_600))
        if case .bounce(let bounce) = mail.kind {
            summary.bounces += 1
            return try settleBounce(bounce, now: now)
        }
        // A score answering a survey is recorded; only words beyond the score need the owner.
        var answer = ""
        if mail.kind == .message, let survey = try surveyAnswer(in: mail) {
            try recordSurveyAnswer(orderID: survey.orderID, score: survey.score, comment: survey.comment, kind: survey.kind,
                                   actor: "inbox", at: at)
            summary.surveyAnswers += 1
            answer = "survey answer \(survey.score) for order \(survey.orderID)"
            if survey.comment.isEmpty { return answer }
        }
        let (customer, created) = try customerFor(mail, at: at)
        if created { summary.newCustomers += 1 }
        let (conversation, isNew) = try conversationFor(mail, customer: customer, at: at)
        if isNew { summary.newConversations += 1 } else { summary.threaded += 1 }
        summary.newMessages += 1

        var notes = mail.problems
        switch mail.kind {
        case .autoReply:
            summary.autoReplies += 1
        case .unsubscribe:
            summary.unsubscribes += 1
            try db.cachedStatement(sql: "UPDATE customers SET unsubscribed_at = coalesce(unsubscribed_at, ?) WHERE id = ?").execute(
                           arguments: [at.unixSeconds, customer.id])
            notes.append("unsubscribed from marketing mail by this message")
        default:
            break
        }
        let attachments = mail.attachments.map { "\($0.name) (\($0.type), \($0.size) bytes)" }.joined(separator: "\n")
        _ = try run("""
            INSERT INTO messages(conversation_id, at, direction, from_address, message_id, body, subject, references_ids,
                                 is_auto_reply, attachments, notes)
            VALUES (?, ?, 'inbound', ?, ?, ?, ?, ?, ?, ?, ?)
            """, [conversation, at.unixSeconds, mail.fromAddress, mail.messageID, mail.text, mail.subject,
                  (mail.references + mail.inReplyTo.filter { !mail.references.contains($0) }).joined(separator: " "),
                  mail.kind == .autoReply, attachments, notes.joined(separator: "\n")])
        // A customer's own words open the conversation and start (or keep) their wait; an
        // auto-reply or an unsubscribe does neither, and one that starts a conversation leaves it
        // closed: there is nothing to answer.
        let reopens = mail.kind == .message
        try db.cachedStatement(sql: """
            UPDATE conversations SET message_count = message_count + 1, last_message_at = max(last_message_at, ?),
                status = CASE WHEN ? THEN 'open' WHEN ? THEN 'closed' ELSE status END,
                snoozed_until = CASE WHEN ? THEN NULL ELSE snoozed_until END,
                waiting_since = CASE WHEN ? THEN coalesce(waiting_since, ?) ELSE waiting_since END
            WHERE id = ?
            """).execute(arguments: [at.unixSeconds, reopens, isNew && !reopens, reopens, reopens, at.unixSeconds, conversation])
        try reindexConversation(conversation)
        return isNew ? "new conversation \(conversation)" : "conversation \(conversation)"
    }

    /// A permanent failure suppresses the address and fails the shop's mail it reports, with the
    /// server's words; a temporary one is only counted (the worker is retrying that mail anyway).
    private func settleBounce(_ bounce: InboundMail.Bounce, now: Date) throws -> String {
        guard bounce.isPermanent else { return "bounce \(bounce.status) (temporary)" }
        if let address = bounce.recipient {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO suppressions(address, reason, created_at) VALUES (?, ?, ?)").execute(
                           arguments: [address, "bounced: \(bounce.diagnostic)", now.unixSeconds])
        }
        guard let original = bounce.originalMessageID,
              let mailID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM outbox WHERE message_id = ?"), arguments: [original])
        else { return "bounce \(bounce.status)" }
        try settle(id: mailID, state: .failed, reply: bounce.diagnostic, now: now)
        try reindexMail(id: mailID, state: .failed)
        return "bounce \(bounce.status) of mail \(mailID)"
    }

    /// The customer the mail is from, by its From address, else its Reply-To (any case); an unknown
    /// sender becomes a customer, marked as made from mail.
    private func customerFor(_ mail: InboundMail, at: Date) throws -> (customer: (id: Int64, name: String, email: String), created: Bool) {
        for address in [mail.fromAddress, mail.replyTo].compactMap({ $0 }) where !address.isEmpty {
            if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name, email FROM customers WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1"),
                                          arguments: [address]) {
                return ((row[0], row[1], row[2]), false)
            }
        }
        let address = mail.replyTo ?? mail.fromAddress
        let name = mail.fromName.isEmpty ? String(address.split(separator: "@").first ?? "") : mail.fromName
        let turkish = mail.text.contains { "ğışİĞŞı".contains($0) } || address.lowercased().hasSuffix(".tr")
        let id = try run("""
            INSERT INTO customers(name, email, language, city, country, created_at, source) VALUES (?, ?, ?, '', '', ?, 'mail')
            """, [name, address, turkish ? "tr" : "en", at.unixSeconds])
        return ((id, name, address), true)
    }

    /// The conversation a mail belongs to, in order: the one holding a message it answers (or about
    /// the order of a shop mail it answers); the one about an order its subject names; the sender's
    /// open one of the last 14 days; else a new one.
    private func conversationFor(_ mail: InboundMail, customer: (id: Int64, name: String, email: String),
                                 at: Date) throws -> (id: Int64, isNew: Bool) {
        for id in mail.answers {
            if let conversation = try Int64.fetchOne(db.cachedStatement(sql: "SELECT conversation_id FROM messages WHERE message_id = ?"),
                                                     arguments: [id]) {
                return (conversation, false)
            }
            if let orderID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT order_id FROM outbox WHERE message_id = ? AND order_id IS NOT NULL"),
                                                arguments: [id]) {
                return try conversationAbout(order: orderID, customer: customer, subject: mail.subject, at: at)
            }
        }
        if let number = InboundSubject.orderNumber(in: mail.subject),
           let orderID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM orders WHERE number IN (?, ?)"), arguments: ["#\(number)", number]) {
            return try conversationAbout(order: orderID, customer: customer, subject: mail.subject, at: at)
        }
        if let open = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM conversations WHERE customer_id = ? AND status != 'closed' AND last_message_at >= ?
            ORDER BY last_message_at DESC LIMIT 1
            """), arguments: [customer.id, at.addingTimeInterval(-14 * 86_400).unixSeconds]) {
            return (open, false)
        }
        return (try newConversation(customer: customer, orderID: nil, subject: mail.subject, at: at), true)
    }

    private func conversationAbout(order orderID: Int64, customer: (id: Int64, name: String, email: String), subject: String,
                                   at: Date) throws -> (id: Int64, isNew: Bool) {
        if let existing = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM conversations WHERE order_id = ? AND customer_id = ? ORDER BY last_message_at DESC LIMIT 1
            """), arguments: [orderID, customer.id]) {
            return (existing, false)
        }
        return (try newConversation(customer: customer, orderID: orderID, subject: subject, at: at), true)
    }

    private func newConversation(customer: (id: Int64, name: String, email: String), orderID: Int64?, subject: String,
                                 at: Date) throws -> Int64 {
        let title = InboundSubject.stripped(subject).isEmpty ? "(no subject)" : InboundSubject.stripped(subject)
        return try run("""
            INSERT INTO conversations(customer_id, order_id, subject, status, opened_at, last_message_at, message_count)
            VALUES (?, ?, ?, 'open', ?, ?, 0)
            """, [customer.id, orderID, title, at.unixSeconds, at.unixSeconds])
    }

    /// A conversation's search text, from what it now holds: subject, customer, order, status.
    func reindexConversation(_ id: Int64) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT t.subject, c.name, c.email, coalesce(o.number, ''), t.status FROM conversations t
            JOIN customers c ON c.id = t.customer_id LEFT JOIN orders o ON o.id = t.order_id WHERE t.id = ?
            """), arguments: [id]) else { return }
        let status = ConversationStatus(rawValue: row[4]) ?? .open
        try index(.conversations, id: id, parts: [row[0], row[1], row[2], row[3], status.title])
    }
}
