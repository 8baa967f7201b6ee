/// Loyalty tiers, decided by points earned in the last twelve months.
public enum LoyaltyTier: String, CaseIterable, Sendable, Codable, Comparable {
    case member, silver, gold

    public var title: String {
        switch self {
        case .member: "Member"
        case .silver: "Silver"
        case .gold: "Gold"
        }
    }

    /// Points earned in a rolling year needed to reach each tier.
    public var threshold: Int64 {
        switch self {
        case .member: 0
        case .silver: 1_000
        case .gold: 5_000
        }
    }

    public static func forYearlyPoints(_ points: Int64) -> LoyaltyTier {
        allCases.last { points >= $0.threshold } ?? .member
    }

    public static func < (lhs: LoyaltyTier, rhs: LoyaltyTier) -> Bool {
        lhs.threshold < rhs.threshold
    }
}
