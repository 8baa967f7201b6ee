import Foundation
import GRDB
import Tezgah

extension ListSource where Item == ShipmentSummary {
    /// Shipments, most recently shipped first.
    public static let shipments = ListSource(
        select: """
            SELECT t.shipped_at, t.id, o.number, c.name, t.carrier, t.tracking_number, t.status, t.eta, t.last_event_at
            FROM shipments t JOIN orders o ON o.id = t.order_id JOIN customers c ON c.id = o.customer_id
            """,
        sortColumn: "t.shipped_at", table: "shipments", search: .shipments,
        decode: { row in
            ShipmentSummary(id: row[1], orderNumber: row[2], customerName: row[3],
                            carrier: row.value(4, default: .ups), trackingNumber: row[5],
                            status: row.value(6, default: .pending), shippedAt: row.date(0),
                            eta: row.optionalDate(7), lastEventAt: row.optionalDate(8))
        })
}

extension AppDatabase {
    public func shipmentDetail(id: Int64) throws -> ShipmentDetail {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "\(ListSource.shipments.select) WHERE t.id = ?", arguments: [id])
            else { throw StoreError.notFound(what: "shipment", id: id) }
            let firstEta = try Int64.fetchOne(db, sql: "SELECT first_eta FROM shipments WHERE id = ?", arguments: [id])
            let events = try Row.fetchAll(db, sql: """
                SELECT at, status, location, description FROM tracking_events WHERE shipment_id = ? ORDER BY at DESC, id DESC
                """, arguments: [id]).map {
                TrackingEvent(at: $0.date(0), status: $0.value(1, default: .pending), location: $0[2], description: $0[3])
            }
            return ShipmentDetail(summary: ListSource.shipments.decode(row), firstEta: firstEta.map(Date.init(unixSeconds:)),
                                  events: events)
        }
    }
}
