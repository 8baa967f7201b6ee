import Foundation
import GRDB
import Tezgah

extension ShopWriter {
    /// A mail as the composer wrote it, ready to queue (`ComposedMail`, in the domain so the mail
    /// module composes it without the store).
    public typealias NewMail = ComposedMail

    /// Queues a mail. The dedupe key is unique: queueing the same key again does nothing and returns nil.
    @discardableResult
    public func enqueueMail(_ mail: NewMail, state: OutboxState = .queued, attempts: Int = 0, nextAttemptAt: Date? = nil,
                            lastReply: String = "", sentAt: Date? = nil, leaseUntil: Date? = nil) throws -> Int64? {
        try db.cachedStatement(sql: """
            INSERT INTO outbox(dedupe_key, kind, category, state, customer_id, order_id, to_address, subject, message_id,
                               message, created_at, not_before, expires_at, attempts, next_attempt_at, last_reply, sent_at,
                               lease_until, reply_code)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(dedupe_key) DO NOTHING
            """).execute(arguments: [
                mail.dedupeKey, mail.kind.rawValue, mail.kind.category.rawValue, state.rawValue, mail.customerID, mail.orderID,
                mail.toAddress, mail.subject, mail.messageID, mail.message, mail.createdAt.unixSeconds,
                mail.createdAt.unixSeconds, mail.expiresAt?.unixSeconds, attempts,
                // Queued mail is due from its creation; the worker finds due mail by this column alone.
                (nextAttemptAt ?? ([.queued, .held].contains(state) ? mail.createdAt : nil))?.unixSeconds, lastReply,
                sentAt?.unixSeconds, leaseUntil?.unixSeconds, lastReply.isEmpty ? "" : MailReplyCode.of(lastReply)])
        guard db.changesCount > 0 else { return nil }
        let id = db.lastInsertedRowID
        try indexMail(id: id, toAddress: mail.toAddress, customerName: mail.customerName, subject: mail.subject,
                      kind: mail.kind, state: state)
        return id
    }

    /// A mail's search text: what the owner types to find it in the Mail pane.
    func indexMail(id: Int64, toAddress: String, customerName: String, subject: String, kind: MailKind?,
                           state: OutboxState) throws {
        try index(.outbox, id: id, parts: [toAddress, customerName, subject, kind?.title ?? "", state.title])
    }

    /// Sets a queued mail's delivery state. Internal: only the demo builder stages states this way;
    /// the delivery worker moves mail through its own checked transitions.
    func setMailState(id: Int64, state: OutboxState, reply: String, attempts: Int, nextAttemptAt: Date?,
                      leaseUntil: Date?) throws {
        _ = try run("""
            UPDATE outbox SET state = ?, last_reply = ?, reply_code = ?, attempts = ?, next_attempt_at = ?, lease_until = ?,
                              sent_at = NULL
            WHERE id = ?
            """, [state.rawValue, reply, reply.isEmpty ? "" : MailReplyCode.of(reply), attempts, nextAttemptAt?.unixSeconds,
                  leaseUntil?.unixSeconds, id])
        try reindexMail(id: id, state: state)
    }
}
