import Foundation
import GRDB
import Tezgah

extension AppDatabase {
    /// Applies one action to orders, in one transaction with its activity-log entries (naming
    /// `actor`, the Unix user) and the customer mail it causes. Orders the action does not fit are
    /// left alone and named in the report; the rest change together, as one batch that `u` undoes.
    /// `estimate` gives a parcel the ship action creates its first ETA (none without it).
    public func apply(_ action: OrderAction, to ids: [Int64], actor: String, now: Date,
                      mail composer: OrderMailComposer?, estimate: ShipmentEstimate? = nil) throws -> OrderActionReport {
        if !action.appliesToMany && ids.count > 1 {
            throw StoreError.refused(Said("Ship one order at a time: each parcel has its own tracking number."))
        }
        return try pool.write { db in
            let writer = ShopWriter(db)
            var report = OrderActionReport(action: action, changed: [], problems: [], mailsQueued: 0)
            let batch = try writer.nextActivityBatch()
            for id in ids {
                try writer.apply(action, to: id, actor: actor, now: now, mail: composer, batch: batch, report: &report, estimate: estimate)
            }
            return report
        }
    }

    /// The dedupe key of an order's customer mail: one per event, so a repeated or undone-and-redone
    /// action never mails the customer twice about the same thing.
    static func dedupeKey(_ kind: MailKind, orderID: Int64, shipmentID: Int64?, activityID: Int64) -> String {
        switch kind {
        case .shipped: "shipped:shipment:\(shipmentID ?? 0)"
        case .refunded: "refunded:order:\(orderID):\(activityID)"
        default: "\(kind.rawValue):order:\(orderID)"
        }
    }
}

extension OrderAction {
    var carrier: Carrier? { if case .ship(let carrier, _) = self { carrier } else { nil } }
    var trackingNumber: String? { if case .ship(_, let number) = self { number } else { nil } }
}

/// What undo needs to put an order back: its facts before and after, and what the action created.
struct OrderUndoRecord: Codable, Equatable {
    var before: OrderFacts
    var after: OrderFacts
    var shipmentID: Int64?
    var mailID: Int64?
}

/// An order as actions see it.
struct OrderForAction {
    var id: Int64
    var number: String
    var customer: Customer
    var facts: OrderFacts
}

extension ShopWriter {
    /// One order's part of an action, inside the caller's transaction: the change, its log entry
    /// (with what undo needs, in `batch`), the shipment it creates and the customer mail it causes.
    /// An order the action does not fit is named in `report` and left alone.
    func apply(_ action: OrderAction, to id: Int64, actor: String, now: Date, mail composer: OrderMailComposer?,
               batch: Int64, report: inout OrderActionReport, estimate: ShipmentEstimate? = nil) throws {
        guard let order = try orderFacts(id: id) else {
            report.problems.append(StoreError.notFound(what: phrase("order"), id: id).said)
            return
        }
        let after: OrderFacts
        switch action.applied(to: order.facts) {
        case .failure(let refusal):
            report.problems.append(Said("Order {number} {reason}", ["number": order.number], parts: ["reason": refusal.reason]))
            return
        case .success(let next): after = next
        }
        var undo = OrderUndoRecord(before: order.facts, after: after)
        var eta: Date?
        if case let .ship(carrier, number) = action {
            if let owner = try String.fetchOne(db, sql: """
                SELECT o.number FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.carrier = ? AND s.tracking_number = ?
                """, arguments: [carrier.rawValue, number]) {
                report.problems.append(Said("{carrier} {tracking} is already the parcel of order {number}.", ["carrier": carrier.title, "tracking": number, "number": owner]))
                return
            }
            eta = estimate?(carrier, now)
            undo.shipmentID = try insertShipment(.init(
                orderID: id, orderNumber: order.number, customerName: order.customer.name, carrier: carrier,
                trackingNumber: number, shippedAt: now, firstEta: eta, eta: eta, events: []))
        }
        try setOrderFacts(id: id, after, now: now)
        let entry = try logActivity(at: now, actor: actor, subjectType: "order", subjectID: id, action: action.pastTense,
                                    detail: action.logDetail(before: order.facts, after: after))
        if let kind = action.customerMail {
            if let composer, !order.customer.email.isEmpty {
                let currency = Currency.code(order.facts.currency)
                let request = OrderMailRequest(
                    kind: kind, dedupeKey: AppDatabase.dedupeKey(kind, orderID: id, shipmentID: undo.shipmentID, activityID: entry),
                    orderID: id, orderNumber: order.number, customer: order.customer,
                    total: Money(minorUnits: order.facts.total, currency: currency),
                    refund: kind == .refunded ? Money(minorUnits: after.refunded - order.facts.refunded, currency: currency) : nil,
                    carrier: undo.shipmentID == nil ? nil : action.carrier, trackingNumber: action.trackingNumber, eta: eta)
                do {
                    undo.mailID = try enqueueMail(try composer(request))
                    if undo.mailID != nil { report.mailsQueued += 1 }
                } catch let unmailable as UnmailableRecipient {
                    // A clause inside the report's parentheses, not a sentence of its own.
                    let reason = unmailable.reason.hasSuffix(".") ? String(unmailable.reason.dropLast()) : unmailable.reason
                    report.noteUnmailed(Said("no mail queued for order {number}: {reason}", ["number": order.number], phrases: ["reason": reason]))
                }
            } else if composer == nil {
                report.mailNotice = Said("no mail queued: the config has no [mail] section")
            } else {
                report.noteUnmailed(Said("no mail queued: {name} has no e-mail address", ["name": order.customer.name]))
            }
        }
        try recordUndo(activityID: entry, batch: batch, undo)
        report.changed.append(id)
    }

    func orderFacts(id: Int64) throws -> OrderForAction? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT number, customer_id, status, payment_status, fulfillment_status, total_minor, refunded_minor, currency,
                   hold_reason, held_from, note, tags
            FROM orders WHERE id = ?
            """), arguments: [id]) else { return nil }
        let facts = OrderFacts(
            status: row.value(2, default: .received), payment: row.value(3, default: .pending),
            fulfillment: row.value(4, default: .unfulfilled), total: row[5], refunded: row[6], currency: row[7],
            holdReason: row[8], heldFrom: (row[9] as String?).flatMap(OrderStatus.init(rawValue:)), note: row[10],
            tags: OrderTags.split(row[11]))
        return OrderForAction(id: id, number: row[0], customer: try AppDatabase.customer(db, id: row[1]), facts: facts)
    }

    /// Writes an order's changeable facts and refreshes its search text (which holds status and tags).
    func setOrderFacts(id: Int64, _ facts: OrderFacts, now: Date) throws {
        try db.cachedStatement(sql: """
            UPDATE orders SET status = ?, payment_status = ?, fulfillment_status = ?, refunded_minor = ?, hold_reason = ?,
                              held_from = ?, note = ?, tags = ?, updated_at = ?
            WHERE id = ?
            """).execute(arguments: [facts.status.rawValue, facts.payment.rawValue, facts.fulfillment.rawValue, facts.refunded,
                                     facts.holdReason, facts.heldFrom?.rawValue, facts.note, OrderTags.join(facts.tags),
                                     now.unixSeconds, id])
        try reindexOrder(id: id)
    }

    func nextActivityBatch() throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT max(batch) FROM activity_log") ?? 0) + 1
    }

    func recordUndo(activityID: Int64, batch: Int64, _ undo: some Encodable) throws {
        let json = String(decoding: try JSONEncoder().encode(undo), as: UTF8.self)
        try db.execute(sql: "UPDATE activity_log SET batch = ?, undo = ? WHERE id = ?", arguments: [batch, json, activityID])
    }
}

/// Tags as the orders table keeps them: one comma-separated column (as Shopify exports them).
enum OrderTags {
    static func split(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        return text.split(separator: ",").map { tag in
            // Most tags have no spaces around them; Foundation's trimming is kept for those that do.
            guard let first = tag.utf8.first, let last = tag.utf8.last,
                  first > 0x20, first < 0x80, last > 0x20, last < 0x80 else { return tag.trimmingCharacters(in: .whitespaces) }
            return String(tag)
        }.filter { !$0.isEmpty }
    }

    static func join(_ tags: [String]) -> String { tags.joined(separator: ",") }
}
