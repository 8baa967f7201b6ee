import Foundation
import GRDB
import Tezgah

extension ShopWriter {
    /// The shipment with this (normalised) tracking number: of the named carrier, or, when none is
    /// named, of whichever carrier has it, as long as only one does.
    func shipmentID(carrier: Carrier?, trackingNumber: String) throws -> Int64? {
        if let carrier {
            return try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM shipments WHERE carrier = ? AND tracking_number = ?"),
                                      arguments: [carrier.rawValue, trackingNumber])
        }
        let (sql, arguments) = Self.shipmentsByNumber(trackingNumber)
        let ids = try Int64.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
        return ids.count == 1 ? ids[0] : nil
    }

    /// Up to two shipments with this tracking number, of any carrier. Every carrier is named, so
    /// the (carrier, tracking_number) index is read once per carrier instead of the whole table for
    /// each row of a tracking export without a carrier column.
    static func shipmentsByNumber(_ trackingNumber: String) -> (String, StatementArguments) {
        let carriers = Carrier.allCases.map(\.rawValue)
        return ("SELECT id FROM shipments WHERE carrier IN (\(databaseQuestionMarks(count: carriers.count))) AND tracking_number = ? LIMIT 2",
                StatementArguments(carriers + [trackingNumber]))
    }

    /// Appends one tracking event unless the shipment already has that very event (same time,
    /// status and location); says whether it was new.
    func appendTrackingEvent(shipmentID: Int64, _ event: TrackingEvent) throws -> Bool {
        let known = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM tracking_events WHERE shipment_id = ? AND at = ? AND status = ? AND location = ?)
            """), arguments: [shipmentID, event.at.unixSeconds, event.status.rawValue, event.location]) ?? false
        guard !known else { return false }
        try db.cachedStatement(sql: """
            INSERT INTO tracking_events(shipment_id, at, status, location, description) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [shipmentID, event.at.unixSeconds, event.status.rawValue, event.location, event.description])
        return true
    }

    /// Moves a parcel's ETA to what the carrier now says (the first ETA stays, or is this one when
    /// there was none); says whether it changed.
    func moveEta(shipmentID: Int64, to eta: Date) throws -> Bool {
        try db.cachedStatement(sql: """
            UPDATE shipments SET eta = ?, first_eta = coalesce(first_eta, ?) WHERE id = ? AND eta IS NOT ?
            """).execute(arguments: [eta.unixSeconds, eta.unixSeconds, shipmentID, eta.unixSeconds])
        return db.changesCount > 0
    }

    /// The shipped orders among these shipments' whose parcels have all been delivered.
    func ordersWithEveryParcelDelivered(shipments: Set<Int64>) throws -> [Int64] {
        guard !shipments.isEmpty else { return [] }
        return try Int64.fetchAll(db, sql: """
            SELECT o.id FROM orders o
            WHERE o.id IN (SELECT order_id FROM shipments WHERE id IN (\(databaseQuestionMarks(count: shipments.count))))
              AND o.status = 'shipped'
              AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.delivered_at IS NULL)
            ORDER BY o.id
            """, arguments: StatementArguments(shipments.sorted()))
    }

    /// Sets a shipment's status, last-event time and delivery time from its events (the latest
    /// event wins; the first delivery counts), and its search text with them.
    func followLatestTrackingEvent(shipmentID: Int64) throws {
        guard let latest = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT at, status FROM tracking_events WHERE shipment_id = ? ORDER BY at DESC, id DESC LIMIT 1
            """), arguments: [shipmentID]) else { return }
        let status = ShipmentStatus(rawValue: latest[1]) ?? .pending
        try db.cachedStatement(sql: """
            UPDATE shipments SET status = ?, last_event_at = ?,
                delivered_at = (SELECT min(at) FROM tracking_events WHERE shipment_id = ? AND status = 'delivered')
            WHERE id = ?
            """).execute(arguments: [status.rawValue, latest[0] as Int64, shipmentID, shipmentID])
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT s.tracking_number, s.carrier, o.number, coalesce(c.name, '')
            FROM shipments s JOIN orders o ON o.id = s.order_id LEFT JOIN customers c ON c.id = o.customer_id
            WHERE s.id = ?
            """), arguments: [shipmentID])!
        try indexShipment(id: shipmentID, trackingNumber: row[0], carrier: Carrier(rawValue: row[1])?.title ?? row[1],
                          orderNumber: row[2], customerName: row[3], status: status)
    }
}
