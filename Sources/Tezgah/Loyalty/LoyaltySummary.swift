import Foundation

public struct LoyaltySummary: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var customerName: String
    public var tier: LoyaltyTier
    /// The sum of the points ledger; there is no stored balance to drift.
    public var balance: Int64
    public var joinedAt: Date
    public var referralCode: String
    /// Points from orders still inside their return window (not in `balance` yet).
    public var pending: Int64 = 0
    public var lastOrderAt: Date?
    /// Spent in the last twelve months (net of refunds), in the currency of their latest order.
    public var yearlySpend: Money?

    public init(id: Int64, customerName: String, tier: LoyaltyTier, balance: Int64, joinedAt: Date, referralCode: String) {
        self.id = id
        self.customerName = customerName
        self.tier = tier
        self.balance = balance
        self.joinedAt = joinedAt
        self.referralCode = referralCode
    }
}

public struct PointsEntry: Hashable, Sendable {
    public var at: Date
    public var points: Int64
    public var reason: String
    /// Who wrote it (the Unix user, or `automation`) and when its points become available, if later.
    public var actor = ""
    public var availableAt: Date?
    /// What kind of entry it is; an adjustment's reason is the owner's own words.
    public var kind: LedgerKind?

    public init(at: Date, points: Int64, reason: String) {
        self.at = at
        self.points = points
        self.reason = reason
    }
}

public struct Coupon: Hashable, Sendable {
    public var code: String
    public var description: String
    public var expiresAt: Date?
    public var redeemedAt: Date?

    public init(code: String, description: String, expiresAt: Date?, redeemedAt: Date?) {
        self.code = code
        self.description = description
        self.expiresAt = expiresAt
        self.redeemedAt = redeemedAt
    }
}

public struct LoyaltyDetail: Hashable, Sendable {
    public var summary: LoyaltySummary
    public var customerEmail: String
    public var ledger: [PointsEntry]
    public var coupons: [Coupon]
    /// The customers this member referred: "#201 Yeni Müşteri — rewarded".
    public var referrals: [String] = []

    public init(summary: LoyaltySummary, customerEmail: String, ledger: [PointsEntry], coupons: [Coupon]) {
        self.summary = summary
        self.customerEmail = customerEmail
        self.ledger = ledger
        self.coupons = coupons
    }
}
