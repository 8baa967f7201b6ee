import Foundation

/// One row of the Shipments list.
public struct ShipmentSummary: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var orderNumber: String
    public var customerName: String
    public var carrier: Carrier
    public var trackingNumber: String
    public var status: ShipmentStatus
    public var shippedAt: Date
    public var eta: Date?
    /// The first ETA the carrier gave; a later `eta` means it slipped.
    public var firstEta: Date?
    public var lastEventAt: Date?

    public init(id: Int64, orderNumber: String, customerName: String, carrier: Carrier, trackingNumber: String,
                status: ShipmentStatus, shippedAt: Date, eta: Date?, firstEta: Date? = nil, lastEventAt: Date?) {
        self.id = id
        self.orderNumber = orderNumber
        self.customerName = customerName
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.status = status
        self.shippedAt = shippedAt
        self.eta = eta
        self.firstEta = firstEta
        self.lastEventAt = lastEventAt
    }
}

public struct TrackingEvent: Hashable, Sendable {
    public var at: Date
    public var status: ShipmentStatus
    public var location: String
    public var description: String

    public init(at: Date, status: ShipmentStatus, location: String, description: String) {
        self.at = at
        self.status = status
        self.location = location
        self.description = description
    }
}

public struct ShipmentDetail: Hashable, Sendable {
    public var summary: ShipmentSummary
    public var events: [TrackingEvent]

    public init(summary: ShipmentSummary, events: [TrackingEvent]) {
        self.summary = summary
        self.events = events
    }
}
