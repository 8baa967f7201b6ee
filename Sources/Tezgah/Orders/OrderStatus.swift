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

    /// How far along the after-sale flow the order is. A re-import never moves an order back: the
    /// desk's own steps (preparing, a hold, a shipment made here, a cancellation) stay until the
    /// platform reports something later; a cancellation on the platform always counts, being last.
    public var stage: Int {
        switch self {
        case .received: 0
        case .preparing, .onHold: 1
        case .shipped: 2
        case .delivered: 3
        case .returned: 4
        case .cancelled: 5
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

    /// Money is taken, then given back in part or in full. A refund recorded in the desk stays when
    /// an export taken before the platform knew of it still says "paid".
    public var stage: Int {
        switch self {
        case .pending: 0
        case .paid: 1
        case .partiallyRefunded: 2
        case .refunded: 3
        }
    }
}

public enum FulfillmentStatus: String, CaseIterable, Sendable, Codable {
    case unfulfilled, partial, fulfilled

    public var title: String { rawValue }

    /// A parcel shipped from the desk keeps its order fulfilled when an older export says unfulfilled.
    public var stage: Int {
        switch self {
        case .unfulfilled: 0
        case .partial: 1
        case .fulfilled: 2
        }
    }
}

/// An order's status, payment or fulfilment: each moves only forward when an export is re-imported,
/// because the desk may have recorded a step the export was taken too early to know of.
public protocol ExportedStep {
    var stage: Int { get }
}

extension ExportedStep {
    /// The step after an export says `reported`, when it was at this one.
    public func updated(byExport reported: Self) -> Self {
        reported.stage > stage ? reported : self
    }
}

extension OrderStatus: ExportedStep {}
extension PaymentStatus: ExportedStep {}
extension FulfillmentStatus: ExportedStep {}
