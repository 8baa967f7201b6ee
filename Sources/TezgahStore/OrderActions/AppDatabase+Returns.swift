import Foundation
import GRDB
import Tezgah

extension AppDatabase {
    /// Records a return request on an order: the lines (matched to the order's by SKU or name;
    /// none means all) and the reason, inside the return window after delivery unless `override`
    /// says why not. The customer is mailed in their language, and the order's timeline shows it.
    @discardableResult
    public func requestReturn(orderID: Int64, _ request: ReturnRequest, override: String? = nil, settings: ReturnSettings,
                              actor: String, now: Date, composer: DatedOrderMailComposer?) throws -> Int64 {
        try write { writer in
            let db = writer.db
            guard let order = try writer.orderFacts(id: orderID) else { throw StoreError.notFound(what: phrase("order"), id: orderID) }
            let delivered = try Int64.fetchOne(db, sql: """
                SELECT \(ShopWriter.deliveredAt)
                FROM orders o WHERE o.id = ?
                """, arguments: [orderID])
            let overrideReason = override?.trimmingCharacters(in: .whitespaces) ?? ""
            if overrideReason.isEmpty {
                guard let delivered else {
                    throw StoreError.refused(Said("Order {number} has not been delivered yet; to take a return anyway, give the reason for the exception.", ["number": order.number]))
                }
                let closes = Date(unixSeconds: delivered).addingTimeInterval(settings.window)
                guard closes >= now else {
                    throw StoreError.refused(Said("Order {number}'s return window closed {days} days ago; to take it anyway, give the reason for the exception.",
                                                 ["number": order.number, "days": String(Int(now.timeIntervalSince(closes) / 86_400))]))
                }
            }
            let lines = try Self.returnLines(db, orderID: orderID, request: request, number: order.number)
            let text = lines.map { "\($0.quantity)× \($0.name)" }.joined(separator: "\n")
            let id = try writer.run("""
                INSERT INTO returns(order_id, customer_id, state, lines, reason, window_override, requested_at, updated_at)
                VALUES (?, ?, 'requested', ?, ?, ?, ?, ?)
                """, [orderID, order.customer.id, text, request.reason, overrideReason, now.unixSeconds, now.unixSeconds])
            try writer.logActivity(at: now, actor: actor, subjectType: "order", subjectID: orderID, action: "return requested",
                                   detail: "#R\(id): \(text.replacingOccurrences(of: "\n", with: ", ")) — \(request.reason)"
                                       + (overrideReason.isEmpty ? "" : " (outside the window: \(overrideReason))"))
            try writer.mailReturn(id, order: order, state: .requested, lines: text, reason: request.reason, settings: settings, now: now, composer: composer)
            return id
        }
    }

    /// Moves a return on: approved (the mail says how to send it), received, refunded (through the
    /// refund action, for the returned lines' value; the order counts as returned when all of it
    /// came back, and its points are taken back), or rejected with a reason.
    public func advanceReturn(_ id: Int64, to next: ReturnState, reason: String = "", settings: ReturnSettings, actor: String, now: Date,
                              composer: DatedOrderMailComposer?, orderMail: OrderMailComposer?) throws {
        try write { writer in
            let db = writer.db
            guard let row = try Row.fetchOne(db, sql: "SELECT order_id, state, lines FROM returns WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(what: phrase("return"), id: id)
            }
            let orderID: Int64 = row[0]
            let state = ReturnState(rawValue: row[1]) ?? .requested
            guard state.allows(next) else {
                throw StoreError.refused(Said("Return #R{id} is {state}; it cannot be {next} now.", ["id": String(id)], phrases: ["state": state.title, "next": next.title]))
            }
            if next == .rejected, reason.trimmingCharacters(in: .whitespaces).isEmpty {
                throw StoreError.refused(Said("Say why the return is rejected; the customer is told."))
            }
            guard let order = try writer.orderFacts(id: orderID) else { throw StoreError.notFound(what: phrase("order"), id: orderID) }
            var refund: Int64?
            if next == .refunded {
                let value = try Self.returnedValue(db, orderID: orderID, lines: row[2])
                let left = order.facts.total - order.facts.refunded
                refund = min(value, left)
                if let amount = refund, amount > 0 {
                    var report = OrderActionReport(action: .refund(nil), changed: [], problems: [], mailsQueued: 0)
                    try writer.apply(.refund(Money(minorUnits: amount, currency: .code(order.facts.currency))), to: orderID, actor: actor, now: now,
                                     mail: orderMail, batch: try writer.nextActivityBatch(), report: &report)
                    if let problem = report.problems.first { throw StoreError.refused(problem) }
                }
                // Everything came back: the order is returned (and its points are taken back).
                if let facts = try writer.orderFacts(id: orderID)?.facts, facts.refunded >= facts.total {
                    var returned = facts
                    returned.status = .returned
                    try writer.setOrderFacts(id: orderID, returned, now: now)
                }
            }
            try db.execute(sql: "UPDATE returns SET state = ?, refund_minor = coalesce(?, refund_minor), updated_at = ? WHERE id = ?",
                           arguments: [next.rawValue, refund, now.unixSeconds, id])
            try writer.logActivity(at: now, actor: actor, subjectType: "order", subjectID: orderID, action: "return \(next.title)",
                                   detail: "#R\(id)" + (reason.isEmpty ? "" : ": \(reason)"))
            if next != .refunded {
                try writer.mailReturn(id, order: order, state: next, lines: row[2], reason: reason, settings: settings, now: now, composer: composer)
            }
        }
    }

    /// The order's open return, the one its next step applies to.
    public func openReturn(orderID: Int64) throws -> (id: Int64, state: ReturnState)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, state FROM returns WHERE order_id = ? AND state IN ('requested', 'approved', 'received') ORDER BY id DESC LIMIT 1
                """, arguments: [orderID]).map { ($0[0], ReturnState(rawValue: $0[1]) ?? .requested) }
        }
    }

    /// The requested lines matched to the order's: by SKU or name, any case; each no more than was ordered.
    static func returnLines(_ db: Database, orderID: Int64, request: ReturnRequest, number: String) throws -> [(quantity: Int, name: String, sku: String)] {
        let ordered = try Row.fetchAll(db, sql: "SELECT sku, name, quantity FROM order_lines WHERE order_id = ? ORDER BY id", arguments: [orderID])
            .map { (sku: $0[0] as String, name: $0[1] as String, quantity: $0[2] as Int) }
        if request.lines.isEmpty { return ordered.map { ($0.quantity, $0.name, $0.sku) } }
        return try request.lines.map { line in
            let wanted = SearchFolding.fold(line.item)
            guard let match = ordered.first(where: { SearchFolding.fold($0.sku) == wanted })
                ?? ordered.first(where: { SearchFolding.fold($0.name).hasPrefix(wanted) }) else {
                let items = ordered.map { $0.sku.isEmpty ? $0.name : $0.sku }.joined(separator: ", ")
                throw StoreError.refused(Said("Order {number} has no “{item}”; it has {items}.", ["number": number, "item": line.item, "items": items]))
            }
            guard line.quantity <= match.quantity else {
                throw StoreError.refused(Said("Order {number} has {ordered} of {item}, not {asked}.", ["number": number, "ordered": String(match.quantity),
                                                                                               "item": match.name, "asked": String(line.quantity)]))
            }
            return (line.quantity, match.name, match.sku)
        }
    }

    /// What the returned lines cost ("2× Seramik kupa" lines against the order's unit prices).
    static func returnedValue(_ db: Database, orderID: Int64, lines: String) throws -> Int64 {
        let ordered = try Row.fetchAll(db, sql: "SELECT name, unit_price_minor FROM order_lines WHERE order_id = ?", arguments: [orderID])
        var total: Int64 = 0
        for line in lines.split(separator: "\n") {
            let parts = line.split(separator: "×", maxSplits: 1)
            guard parts.count == 2, let quantity = Int64(parts[0].trimmingCharacters(in: .whitespaces)) else { continue }
            let name = parts[1].trimmingCharacters(in: .whitespaces)
            if let price = ordered.first(where: { ($0[0] as String) == name }).map({ $0[1] as Int64 }) { total += quantity * price }
        }
        return total
    }
}

extension ShopWriter {
    func mailReturn(_ id: Int64, order: OrderForAction, state: ReturnState, lines: String, reason: String, settings: ReturnSettings,
                    now: Date, composer: DatedOrderMailComposer?) throws {
        guard let composer, !order.customer.email.isEmpty else { return }
        let request = OrderMailRequest(kind: .returnUpdate, dedupeKey: "return_update:return:\(id):\(state.rawValue)", orderID: order.id,
                                       orderNumber: order.number, customer: order.customer,
                                       total: Money(minorUnits: order.facts.total, currency: .code(order.facts.currency)),
                                       values: ["return_lines": lines, "requested": state == .requested ? "yes" : "",
                                                "approved": state == .approved ? "yes" : "", "received": state == .received ? "yes" : "",
                                                "rejected": state == .rejected ? "yes" : "", "reason": reason,
                                                "instructions": settings.instructions])
        do { _ = try enqueueMail(try composer(request, now)) } catch is UnmailableRecipient {}
    }
}
