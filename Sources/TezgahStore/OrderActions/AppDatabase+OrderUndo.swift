import Foundation
import GRDB
import Tezgah

extension AppDatabase {
    /// The user's newest change of this kind not undone yet.
    public func lastUndoableChange(actor: String, subject: UndoSubject) throws -> UndoableChange? {
        switch subject {
        case .order: try lastUndoableOrderChange(actor: actor)
        case .conversation: try lastUndoableConversationChange(actor: actor)
        case .invite: try lastUndoableInviteChange(actor: actor)
        }
    }

    public func undoChange(_ subject: UndoSubject, batch: Int64, actor: String, now: Date) throws -> UndoReport {
        switch subject {
        case .order: try undoOrderChange(batch: batch, actor: actor, now: now)
        case .conversation: try undoConversationChange(batch: batch, actor: actor, now: now)
        case .invite: try undoInviteChange(batch: batch, actor: actor, now: now)
        }
    }

    /// The batch holding the user's newest undoable change to `subject`s.
    func lastUndoableBatch(_ db: Database, actor: String, subject: UndoSubject) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT max(batch) FROM activity_log WHERE actor = ? AND subject_type = ? AND undo IS NOT NULL AND undone_at IS NULL
            """, arguments: [actor, subject.rawValue])
    }

    /// "noted (Hediye paketi)" for one row, the bare action for several.
    static func undoDescription(action: String, detail: String, labels: [String], subject: UndoSubject) -> String {
        let what = detail.isEmpty || labels.count > 1 ? action : "\(action) (\(shortened(detail)))"
        let target = labels.count == 1 ? "\(subject.noun(1)) \(labels[0])"
            : "\(labels.count) \(subject.noun(labels.count)) (\(labels.prefix(3).joined(separator: ", "))\(labels.count > 3 ? ", …" : ""))"
        return "\(what) on \(target)"
    }

    /// The newest change this user made to orders that has not been undone yet. Each user undoes
    /// their own changes, so a helper's `u` never takes back the owner's work.
    public func lastUndoableOrderChange(actor: String) throws -> UndoableChange? {
        try pool.read { db in
            guard let batch = try lastUndoableBatch(db, actor: actor, subject: .order) else { return nil }
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.action, a.detail, o.number FROM activity_log a JOIN orders o ON o.id = a.subject_id
                WHERE a.batch = ? AND a.subject_type = 'order' AND a.undo IS NOT NULL ORDER BY a.id
                """, arguments: [batch])
            guard let first = rows.first else { return nil }
            return UndoableChange(subject: .order, batch: batch, description: Self.undoDescription(
                action: first[0], detail: first[1], labels: rows.map { $0[2] as String }, subject: .order))
        }
    }

    /// Puts back the orders of one batch as they were before it, in one transaction: the facts the
    /// action changed, the shipment it created (while no tracking event has arrived for it) and the
    /// customer mail it queued (while not yet sent). An order changed since the batch is left alone.
    public func undoOrderChange(batch: Int64, actor: String, now: Date) throws -> UndoReport {
        try pool.write { db in
            let writer = ShopWriter(db)
            var report = UndoReport(subject: .order)
            let entries = try Row.fetchAll(db, sql: """
                SELECT id, subject_id, action, undo FROM activity_log
                WHERE batch = ? AND subject_type = 'order' AND undo IS NOT NULL AND undone_at IS NULL
                ORDER BY id DESC
                """, arguments: [batch])
            for entry in entries {
                let orderID: Int64 = entry[1]
                let action: String = entry[2]
                let record = try JSONDecoder().decode(OrderUndoRecord.self, from: Data((entry[3] as String).utf8))
                guard let order = try writer.orderFacts(id: orderID) else { continue }
                guard order.facts == record.after else {
                    report.problems.append(Said("Order {number} changed since it was {action} (it is {status} now); left as it is.", ["number": order.number],
                                                phrases: ["action": action, "status": order.facts.status.title]))
                    continue
                }
                if let shipment = record.shipmentID {
                    let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM tracking_events WHERE shipment_id = ?",
                                                  arguments: [shipment]) ?? 0
                    guard events == 0 else {
                        report.problems.append(Said("Order {number}'s parcel already has tracking events; left as it is.", ["number": order.number]))
                        continue
                    }
                    try writer.deleteShipment(id: shipment)
                }
                if let mail = record.mailID { try writer.takeBackMail(mail, actor: actor, now: now, report: &report) }
                try writer.setOrderFacts(id: orderID, record.before, now: now)
                try writer.logActivity(at: now, actor: actor, subjectType: "order", subjectID: orderID, action: "undid",
                                       detail: action)
                report.restored.append(orderID)
            }
            // The batch is done with, even where an order was left alone: the next `u` goes further back.
            try db.execute(sql: "UPDATE activity_log SET undone_at = ? WHERE batch = ? AND undo IS NOT NULL AND undone_at IS NULL",
                           arguments: [now.unixSeconds, batch])
            try writer.refreshMailSearch()
            return report
        }
    }

    static func shortened(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.count > 40 ? String(line.prefix(39)) + "…" : line
    }
}

extension ShopWriter {
    /// The mail an undone change queued: cancelled while it still waits, else counted as gone.
    /// False when it has gone (or is going) to the customer.
    @discardableResult
    func takeBackMail(_ mail: Int64, actor: String, now: Date, report: inout UndoReport) throws -> Bool {
        let state = try String.fetchOne(db, sql: "SELECT state FROM outbox WHERE id = ?", arguments: [mail]).flatMap(OutboxState.init(rawValue:))
        if let state, MailQueueAction.cancel.fromStates.contains(state) {
            try settle(id: mail, state: .cancelled, reply: "cancelled by \(actor) (undo)", now: now)
            report.mailsCancelled += 1
        } else if state == .sent || state == .sending {
            report.mailsAlreadySent += 1
            return false
        }
        return true
    }

    /// Removes a shipment made by mistake, with its search text.
    func deleteShipment(id: Int64) throws {
        try db.execute(sql: "DELETE FROM shipments WHERE id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM \(SearchIndex.shipments.rawValue) WHERE rowid = ?", arguments: [id])
    }
}
