import Foundation
import GRDB
import Tezgah

extension ListSource where Item == ShipmentSummary {
    /// Shipments, most recently shipped first.
    public static let shipments = ListSource(
        select: """
            SELECT t.shipped_at, t.id, o.number, c.name, t.carrier, t.tracking_number, t.status, t.eta, t.last_event_at,
                   t.first_eta
            FROM shipments t JOIN orders o ON o.id = t.order_id JOIN customers c ON c.id = o.customer_id
            """,
        sortColumn: "t.shipped_at", table: "shipments", search: .shipments,
        fields: [
            "status": .choice("t.status", ShipmentStatus.self, field: "status", title: \.title),
            "carrier": .carrier { "t.carrier IN (\($0))" },
            "shipped": .time("t.shipped_at", field: "shipped"),
            "is": .views(["attention": { context in
                let (sql, arguments) = ShipmentAttentionSQL.condition(rule: context.attentionRule, now: context.now)
                return ListCondition(sql: sql, arguments: arguments, index: ShipmentAttentionSQL.index)
            }]),
        ],
        decode: { row in
            ShipmentSummary(id: row[1], orderNumber: row[2], customerName: row[3],
                            carrier: row.value(4, default: .ups), trackingNumber: row[5],
                            status: row.value(6, default: .pending), shippedAt: row.date(0),
                            eta: row.optionalDate(7), firstEta: row.optionalDate(9), lastEventAt: row.optionalDate(8))
        })
}

extension AppDatabase {
    public func shipmentDetail(id: Int64) throws -> ShipmentDetail {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "\(ListSource.shipments.select) WHERE t.id = ?", arguments: [id])
            else { throw StoreError.notFound(what: phrase("shipment"), id: id) }
            let events = try Row.fetchAll(db, sql: """
                SELECT at, status, location, description FROM tracking_events WHERE shipment_id = ? ORDER BY at DESC, id DESC
                """, arguments: [id]).map {
                TrackingEvent(at: $0.date(0), status: $0.value(1, default: .pending), location: $0[2], description: $0[3])
            }
            return ShipmentDetail(summary: ListSource.shipments.decode(row), events: events)
        }
    }
}

extension AppDatabase {
    /// How many parcels in flight need attention under `rule` (late, slipped or stalled). Only parcels
    /// not yet at a final status are looked at, on their own index (`shipments_in_flight`), so the
    /// cost follows what is in flight, not the shop's history.
    public func countShipmentsNeedingAttention(rule: ShipmentAttentionRule, now: Date) throws -> Int {
        let (sql, arguments) = ShipmentAttentionSQL.count(rule: rule, now: now)
        return try pool.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }
}

/// `ShipmentAttentionRule` as SQL over a shipments table aliased `t`: parcels still in flight whose
/// ETA has passed, slipped, or that have had no event for too long.
enum ShipmentAttentionSQL {
    /// The partial index of parcels in flight, covering what the rule reads (migration v6).
    static let index = "shipments_in_flight"

    /// The statuses that are not final, written exactly as the partial index's condition (a bound
    /// parameter here would hide the match from SQLite's planner). A test holds it to
    /// `ShipmentStatus.isFinal` and to the index.
    static let inFlight = """
        t.status IN ('pending', 'info_received', 'in_transit', 'out_for_delivery', 'failed_attempt', 'available_for_pickup', 'exception')
        """

    static func condition(rule: ShipmentAttentionRule, now: Date) -> (String, StatementArguments) {
        let arguments: StatementArguments = [now.unixSeconds, Int64(rule.slipAllowance), now.unixSeconds - Int64(rule.stalledAfter)]
        return ("""
            \(inFlight)
              AND (t.eta < ? OR t.eta - t.first_eta >= ? OR coalesce(t.last_event_at, t.shipped_at) <= ?)
            """, arguments)
    }

    /// How many parcels need attention, read from the covering index alone.
    static func count(rule: ShipmentAttentionRule, now: Date) -> (String, StatementArguments) {
        let (condition, arguments) = self.condition(rule: rule, now: now)
        return ("SELECT count(*) FROM shipments t INDEXED BY \(index) WHERE \(condition)", arguments)
    }
}
