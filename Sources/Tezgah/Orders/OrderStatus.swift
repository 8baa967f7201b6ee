/// Where an order is in the shop's hands. Payment and fulfilment are separate axes.
public enum OrderStatus: String, CaseIterable, Sendable, Codable {
    case received, preparing, onHold = "on_hold", shipped, delivered, cancelled, returned

    public var title: String {
        switch self {
        case .received: "received"
        case .preparing: "preparing"
        case .onHold: "on hold"
        case .shipped: "shipped"
        case .delivered: "delivered"
        case .cancelled: "cancelled"
        case .returned: "returned"
        }
    }
}

public enum PaymentStatus: String, CaseIterable, Sendable, Codable {
    case pending, paid, partiallyRefunded = "partially_refunded", refunded

    public var title: String {
        switch self {
        case .pending: "pending"
        case .paid: "paid"
        case .partiallyRefunded: "part refunded"
        case .refunded: "refunded"
        }
    }

    /// For a narrow list column.
    public var shortTitle: String { self == .partiallyRefunded ? "part-ref" : title }
}

public enum FulfillmentStatus: String, CaseIterable, Sendable, Codable {
    case unfulfilled, partial, fulfilled

    public var title: String { rawValue }
}
