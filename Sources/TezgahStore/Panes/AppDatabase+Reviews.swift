import Foundation
import GRDB
import Tezgah

extension ListSource where Item == ReviewInviteSummary {
    /// Review invites, latest due date first.
    public static let reviewInvites = ListSource(
        select: """
            SELECT t.due_at, t.id, o.number, c.name, t.state, t.sent_at, t.reminder_at, t.reason
            FROM review_invites t JOIN orders o ON o.id = t.order_id JOIN customers c ON c.id = t.customer_id
            """,
        sortColumn: "t.due_at", table: "review_invites", search: .reviewInvites,
        fields: ["state": .choice("t.state", ReviewInviteState.self, field: "state", title: \.title),
                 "status": .choice("t.state", ReviewInviteState.self, field: "status", title: \.title),
                 // The views the owner works from: what goes out this week, what waits and why,
                 // and what has gone without a review yet.
                 "is": .views([
                    "due-soon": { context in
                        ListCondition(sql: "t.state = 'scheduled' AND t.due_at < ?", arguments: [context.now.addingTimeInterval(7 * 86_400).unixSeconds],
                                      oldestFirst: true)
                    },
                    "deferred": { _ in ListCondition(sql: "t.state = 'deferred'", oldestFirst: true) },
                    "awaiting": { _ in ListCondition(sql: "t.state IN ('sent', 'reminded')") },
                 ])],
        decode: { row in
            ReviewInviteSummary(id: row[1], orderNumber: row[2], customerName: row[3],
                                state: row.value(4, default: .scheduled), dueAt: row.date(0),
                                sentAt: row.optionalDate(5), reminderAt: row.optionalDate(6), reason: row[7])
        })
}

extension AppDatabase {
    public func reviewInviteDetail(id: Int64) throws -> ReviewInviteSummary {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "\(ListSource.reviewInvites.select) WHERE t.id = ?", arguments: [id])
            else { throw StoreError.notFound(what: phrase("review invite"), id: id) }
            var invite = ListSource.reviewInvites.decode(row)
            let orderID = try Int64.fetchOne(db, sql: "SELECT order_id FROM review_invites WHERE id = ?", arguments: [id]) ?? 0
            invite.review = try Row.fetchOne(db, sql: "SELECT rating, body FROM reviews WHERE order_id = ? ORDER BY reviewed_at DESC LIMIT 1",
                                             arguments: [orderID]).map { "\($0[0] as Int)★ \($0[1] as String)" }
            // The automation logs on the order (so the order's timeline shows it); the owner's keys on the invite.
            invite.activity = try Row.fetchAll(db, sql: """
                SELECT at, actor, action, detail FROM activity_log
                WHERE (subject_type = 'review_invite' AND subject_id = ?)
                   OR (subject_type = 'order' AND subject_id = ? AND action LIKE 'review %')
                ORDER BY at, id
                """, arguments: [id, orderID]).map { ActivityEntry(at: $0.date(0), actor: $0[1], action: $0[2], detail: $0[3]) }
            return invite
        }
    }
}
