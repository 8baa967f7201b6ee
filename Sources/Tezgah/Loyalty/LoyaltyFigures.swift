/// What a ledger entry is for. A member's balance is the sum of their entries; nothing else holds
/// points.
public enum LedgerKind: String, Sendable, CaseIterable {
    case earn, reversal, welcome, adjust, redeem, expire, birthday, review
}

/// A member's points as the ledger sums them at a moment.
public struct PointsBalance: Equatable, Sendable {
    public var available: Int64
    /// Earned from orders still inside their return window.
    public var pending: Int64

    public init(available: Int64, pending: Int64) {
        self.available = available
        self.pending = pending
    }
}

/// The programme at a glance, for the Loyalty pane's status line.
public struct LoyaltyFigures: Equatable, Sendable {
    public var members = 0
    public var tiers: [LoyaltyTier: Int] = [:]
    public var availablePoints: Int64 = 0
    public var pendingPoints: Int64 = 0
    /// What the available points are worth at the reward's rate.
    public var liability: Money?

    public init() {}
}
