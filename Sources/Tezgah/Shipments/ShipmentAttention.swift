import Foundation

/// Why a parcel needs the owner's eye.
public enum ShipmentAttention: Equatable, Sendable {
    /// The ETA has passed and the parcel is not delivered.
    case late(since: Date)
    /// The carrier moved the ETA this far past the first one it gave.
    case slipped(by: TimeInterval)
    /// No tracking event for this long.
    case stalled(since: Date)

    public var title: String {
        switch self {
        case .late: "late"
        case .slipped: "slipped"
        case .stalled: "stalled"
        }
    }
}

/// The one rule for late and stalled parcels. Parcels whose journey is over (delivered, returned,
/// expired) never need attention for lateness.
public struct ShipmentAttentionRule: Equatable, Sendable {
    /// How long without a tracking event before a parcel counts as stalled (the shop's config).
    public var stalledAfter: TimeInterval
    /// How far the ETA may move from the first one before it counts as slipped.
    public var slipAllowance: TimeInterval

    public init(stalledAfter: TimeInterval = 3 * 86_400, slipAllowance: TimeInterval = 86_400) {
        self.stalledAfter = stalledAfter
        self.slipAllowance = slipAllowance
    }

    public func reasons(status: ShipmentStatus, shippedAt: Date, firstEta: Date?, eta: Date?, lastEventAt: Date?,
                        now: Date) -> [ShipmentAttention] {
        guard !status.isFinal else { return [] }
        var reasons: [ShipmentAttention] = []
        if let eta, eta < now { reasons.append(.late(since: eta)) }
        if let eta, let firstEta, eta.timeIntervalSince(firstEta) >= slipAllowance {
            reasons.append(.slipped(by: eta.timeIntervalSince(firstEta)))
        }
        let lastSign = lastEventAt ?? shippedAt
        if now.timeIntervalSince(lastSign) >= stalledAfter { reasons.append(.stalled(since: lastSign)) }
        return reasons
    }

    public func reasons(_ shipment: ShipmentSummary, now: Date) -> [ShipmentAttention] {
        reasons(status: shipment.status, shippedAt: shipment.shippedAt, firstEta: shipment.firstEta, eta: shipment.eta,
                lastEventAt: shipment.lastEventAt, now: now)
    }
}
