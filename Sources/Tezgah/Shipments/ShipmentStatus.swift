/// A parcel's tracking status, as carriers report it.
public enum ShipmentStatus: String, CaseIterable, Sendable, Codable {
    case pending
    case infoReceived = "info_received"
    case inTransit = "in_transit"
    case outForDelivery = "out_for_delivery"
    case failedAttempt = "failed_attempt"
    case availableForPickup = "available_for_pickup"
    case delivered
    case exception
    case returnedToSender = "returned_to_sender"
    case expired

    public var title: String {
        switch self {
        case .pending: "pending"
        case .infoReceived: "info received"
        case .inTransit: "in transit"
        case .outForDelivery: "out for delivery"
        case .failedAttempt: "failed attempt"
        case .availableForPickup: "for pickup"
        case .delivered: "delivered"
        case .exception: "exception"
        case .returnedToSender: "returned"
        case .expired: "expired"
        }
    }

    /// Whether the parcel's journey is over (no more events are expected).
    public var isFinal: Bool {
        switch self {
        case .delivered, .returnedToSender, .expired: true
        default: false
        }
    }
}
