import Foundation
import GRDB
import Tezgah

extension ListSource where Item == OutboxSummary {
    /// The outbox, newest first.
    public static let outbox = ListSource(
        select: """
            SELECT t.created_at, t.id, t.kind, t.state, t.to_address, coalesce(c.name, ''), t.subject, t.attempts,
                   t.next_attempt_at, t.last_reply
            FROM outbox t LEFT JOIN customers c ON c.id = t.customer_id
            """,
        sortColumn: "t.created_at", table: "outbox", search: .outbox,
        fields: ["state": .choice("t.state", OutboxState.self, field: "state", title: \.title),
                 "status": .choice("t.state", OutboxState.self, field: "status", title: \.title),
                 "kind": .choice("t.kind", MailKind.self, field: "kind", title: \.title)],
        decode: { row in
            OutboxSummary(id: row[1], kind: row.value(2, default: .supportReply), state: row.value(3, default: .queued),
                          toAddress: row[4], customerName: row[5], subject: row[6], createdAt: row.date(0),
                          attempts: row[7], nextAttemptAt: row.optionalDate(8), lastReply: row[9])
        })
}

extension AppDatabase {
    public func outboxDetail(id: Int64) throws -> OutboxDetail {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "\(ListSource.outbox.select) WHERE t.id = ?", arguments: [id])
            else { throw StoreError.notFound(what: phrase("mail"), id: id) }
            let extra = try Row.fetchOne(db, sql: "SELECT dedupe_key, message_id, message FROM outbox WHERE id = ?", arguments: [id])!
            let data: Data = extra[2]
            let summary = ListSource.outbox.decode(row)
            // The customer's other mail, by address (the outbox_by_address index), newest first.
            let history = try Row.fetchAll(db, sql: """
                \(ListSource.outbox.select) WHERE t.to_address = ? COLLATE NOCASE AND t.id <> ?
                ORDER BY t.created_at DESC, t.id DESC LIMIT 10
                """, arguments: [summary.toAddress, id]).map(ListSource.outbox.decode)
            return OutboxDetail(summary: summary, dedupeKey: extra[0], messageID: extra[1],
                                message: String(decoding: data, as: UTF8.self), history: history)
        }
    }

    /// Mail counts by state (the outbox_due index covers it), of `states` only when given. The Mail
    /// pane's status line asks for the states it shows (the queue's, not sent mail's): then the
    /// count reads what is waiting or went wrong, not every mail ever sent, which at 1M orders
    /// (366,000 mails) took 28 ms each time the pane was shown.
    public func outboxCountsByState(_ states: [OutboxState]? = nil) throws -> [OutboxState: Int] {
        let only = states.map { "WHERE state IN (\(databaseQuestionMarks(count: $0.count)))" } ?? ""
        return try pool.read { db in
            var counts: [OutboxState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) FROM outbox \(only) GROUP BY state",
                                        arguments: StatementArguments((states ?? []).map(\.rawValue))) {
                if let state = OutboxState(rawValue: row[0]) { counts[state] = row[1] }
            }
            return counts
        }
    }
}
