import Foundation
import GRDB
import Tezgah

extension ListSource where Item == OrderSummary {
    /// Orders, newest placed first.
    public static let orders = ListSource(
        select: """
            SELECT t.placed_at, t.id, t.number, c.name, t.status, t.payment_status, t.currency, t.total_minor, t.item_count,
                   t.fulfillment_status
            FROM orders t JOIN customers c ON c.id = t.customer_id
            """,
        sortColumn: "t.placed_at", table: "orders", search: .orders,
        fields: [
            "status": .choice("t.status", OrderStatus.self, field: "status", title: \.title),
            "payment": .choice("t.payment_status", PaymentStatus.self, field: "payment", title: \.title),
            "fulfillment": .choice("t.fulfillment_status", FulfillmentStatus.self, field: "fulfillment", title: \.title),
            "fulfilment": .choice("t.fulfillment_status", FulfillmentStatus.self, field: "fulfilment", title: \.title),
            "tag": .tag("t.tags"),
            "carrier": .carrier { "EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = t.id AND s.carrier IN (\($0)))" },
            "placed": .time("t.placed_at", field: "placed"),
            // Written exactly as the partial index orders_needing_action is, so SQLite pages it on that
            // index (a bound parameter here would hide the match from the planner).
            "is": .views(["returns": { _ in
                // "Waiting for me": a return to decide on, or a parcel back to refund.
                ListCondition(sql: "t.id IN (SELECT order_id FROM returns WHERE state IN ('requested', 'received'))", oldestFirst: true)
            }, "needs-action": { _ in
                ListCondition(sql: "t.status IN ('received', 'preparing', 'on_hold') AND t.payment_status IN ('paid', 'partially_refunded')",
                              oldestFirst: true)
            }]),
        ],
        decode: { row in
            var order = OrderSummary(id: row[1], number: row[2], placedAt: row.date(0), customerName: row[3],
                                     status: row.value(4, default: .received), payment: row.value(5, default: .pending),
                                     total: Money(minorUnits: row[7], currency: .code(row[6])), itemCount: row[8])
            order.fulfillment = row.value(9, default: .unfulfilled)
            return order
        })
}

extension AppDatabase {
    public func orderDetail(id: Int64) throws -> OrderDetail {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                \(ListSource.orders.select) WHERE t.id = ?
                """, arguments: [id]) else { throw StoreError.notFound(what: phrase("order"), id: id) }
            let summary = ListSource.orders.decode(row)
            let extra = try Row.fetchOne(db, sql: """
                SELECT customer_id, fulfillment_status, shipping_address, tags, note, hold_reason, refunded_minor FROM orders WHERE id = ?
                """, arguments: [id])!
            let lines = try Row.fetchAll(db, sql: """
                SELECT sku, name, quantity, unit_price_minor FROM order_lines WHERE order_id = ? ORDER BY id
                """, arguments: [id]).map {
                OrderLine(sku: $0[0], name: $0[1], quantity: $0[2],
                          unitPrice: Money(minorUnits: $0[3], currency: summary.total.currency))
            }
            let shipments = try Row.fetchAll(db, sql: """
                \(ListSource.shipments.select) WHERE t.order_id = ? ORDER BY t.shipped_at
                """, arguments: [id]).map(ListSource.shipments.decode)
            var detail = OrderDetail(summary: summary, customer: try Self.customer(db, id: extra[0]),
                               fulfillment: extra.value(1, default: .unfulfilled), lines: lines,
                               shippingAddress: extra[2], tags: OrderTags.split(extra[3]), note: extra[4],
                               shipments: shipments, activity: try activity(db, subjectType: "order", id: id))
            detail.holdReason = extra[5]
            let refunded: Int64 = extra[6]
            detail.refunded = refunded > 0 ? Money(minorUnits: refunded, currency: summary.total.currency) : nil
            return detail
        }
    }
}
