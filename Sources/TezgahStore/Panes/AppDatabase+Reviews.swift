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
                 "status": .choice("t.state", ReviewInviteState.self, field: "status", title: \.title)],
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
            else { throw StoreError.notFound(what: "review invite", id: id) }
            return ListSource.reviewInvites.decode(row)
        }
    }
}
