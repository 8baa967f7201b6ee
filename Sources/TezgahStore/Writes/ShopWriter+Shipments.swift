import Foundation
import GRDB
import Tezgah

extension ShopWriter {
    public struct NewShipment {
        public var orderID: Int64
        public var orderNumber: String
        public var customerName: String
        public var carrier: Carrier
        public var trackingNumber: String
        public var shippedAt: Date
        public var firstEta: Date?
        public var eta: Date?
        public var events: [TrackingEvent]
    }

    /// Inserts a shipment and its tracking events; its status and last-event time follow the latest event.
    @discardableResult
    public func insertShipment(_ shipment: NewShipment) throws -> Int64 {
        let events = shipment.events.sorted { $0.at < $1.at }
        let status = events.last?.status ?? .pending
        let deliveredAt = events.last { $0.status == .delivered }?.at
        let id = try run("""
            INSERT INTO shipments(order_id, carrier, tracking_number, status, shipped_at, first_eta, eta, last_event_at, delivered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [shipment.orderID, shipment.carrier.rawValue, shipment.trackingNumber, status.rawValue,
                  shipment.shippedAt.unixSeconds, shipment.firstEta?.unixSeconds, shipment.eta?.unixSeconds,
                  events.last?.at.unixSeconds, deliveredAt?.unixSeconds])
        for event in events {
            _ = try run("INSERT INTO tracking_events(shipment_id, at, status, location, description) VALUES (?, ?, ?, ?, ?)",
                        [id, event.at.unixSeconds, event.status.rawValue, event.location, event.description])
        }
        try indexShipment(id: id, trackingNumber: shipment.trackingNumber, carrier: shipment.carrier.title,
                          orderNumber: shipment.orderNumber, customerName: shipment.customerName, status: status)
        return id
    }

    /// A shipment's search text: its number, carrier, order, customer and status.
    func indexShipment(id: Int64, trackingNumber: String, carrier: String, orderNumber: String, customerName: String,
                       status: ShipmentStatus) throws {
        try index(.shipments, id: id, parts: [trackingNumber, carrier, orderNumber, customerName, status.title])
    }
}
