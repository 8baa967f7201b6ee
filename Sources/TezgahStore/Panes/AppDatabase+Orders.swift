import Foundation
import GRDB
import Tezgah

extension ListSource where Item == OrderSummary {
    /// Orders, newest placed first.
    public static let orders = ListSource(
        select: """
            SELECT t.placed_at, t.id, t.number, c.name, t.status, t.payment_status, t.currency, t.total_minor, t.item_count
            FROM orders t JOIN customers c ON c.id = t.customer_id
            """,
        sortColumn: "t.placed_at", table: "orders", search: .orders,
        decode: { row in
            OrderSummary(id: row[1], number: row[2], placedAt: row.date(0), customerName: row[3],
                         status: row.value(4, default: .received), payment: row.value(5, default: .pending),
                         total: Money(minorUnits: row[7], currency: .code(row[6])), itemCount: row[8])
        })
}

extension AppDatabase {
    public func orderDetail(id: Int64) throws -> OrderDetail {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                \(ListSource.orders.select) WHERE t.id = ?
                """, arguments: [id]) else { throw StoreError.notFound(what: "order", id: id) }
            let summary = ListSource.orders.decode(row)
            let extra = try Row.fetchOne(db, sql: """
                SELECT customer_id, fulfillment_status, shipping_address, tags, note FROM orders WHERE id = ?
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
            let tags = (extra[3] as String).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return OrderDetail(summary: summary, customer: try customer(db, id: extra[0]),
                               fulfillment: extra.value(1, default: .unfulfilled), lines: lines,
                               shippingAddress: extra[2], tags: tags.filter { !$0.isEmpty }, note: extra[4],
                               shipments: shipments, activity: try activity(db, subjectType: "order", id: id))
        }
    }
}
