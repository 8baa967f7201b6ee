import Foundation

/// The loyalty programme's rules, from config.toml's `[loyalty]`.
public struct LoyaltySettings: Equatable, Sendable {
    /// Off until the shop turns it on: points are a promise to customers.
    public var enabled = false
    /// Every customer's first paid order makes them a member.
    public var autoJoin = false
    /// A customers export's "accepts marketing" column enrols those who said yes.
    public var joinFromCustomersExport = false
    /// Points per whole unit of each currency paid (`[loyalty.points_per_unit] TRY = 1`).
    public var pointsPerUnit: [String: Double] = ["TRY": 1, "EUR": 30, "USD": 30]
    /// Each tier's rate as a multiple of the base; it replaces the base rate, never adds to it.
    public var tierMultipliers: [LoyaltyTier: Double] = [.member: 1, .silver: 1.25, .gold: 1.5]
    /// Points earned in a rolling year that reach each tier.
    public var tierThresholds: [LoyaltyTier: Int64] = [.member: 0, .silver: 1_000, .gold: 5_000]
    /// How long a member keeps a tier they no longer earn before it is lowered.
    public var demotionGrace: TimeInterval = 30 * 86_400
    /// An order's points are pending until this long after delivery (its return window).
    public var returnWindow: TimeInterval = 14 * 86_400
    public var welcomePoints: Int64 = 100
    /// Points unused this long (no earning or redeeming) expire; a mail warns `lastChance` before.
    public var expiryAfter: TimeInterval = 365 * 86_400
    public var lastChance: TimeInterval = 30 * 86_400
    /// What redeeming buys: `rewardPoints` points for a coupon worth `rewardValue` (or `rewardPercent`
    /// off), valid `couponValidity`.
    public var rewardPoints: Int64 = 500
    public var rewardValue = Money(minorUnits: 5_000, currency: .try_)
    public var rewardPercent: Int?
    public var couponValidity: TimeInterval = 90 * 86_400
    /// The personal coupons mailed on a member's birthday and joining anniversary, and to a repeat
    /// customer who has not ordered for `winBackAfter`: percent off, valid `giftValidity`.
    public var birthdayPercent = 10
    public var anniversaryPercent = 10
    public var winBackPercent = 10
    public var winBackAfter: TimeInterval = 120 * 86_400
    public var giftValidity: TimeInterval = 30 * 86_400
    /// What a member earns when someone they referred keeps their first order, and how many
    /// referrals a year earn it.
    public var referralPoints: Int64 = 200
    public var referralsPerYear = 10
    /// Points on a member's birthday (beside the coupon), and for leaving a review on the shop's
    /// site, whatever it says; both off (0) unless the shop sets them.
    public var birthdayPoints: Int64 = 0
    public var reviewPoints: Int64 = 0

    public init() {}

    /// What a customers import enrols with, when the programme says it should; nil otherwise.
    public func enrolment(composer: DatedOrderMailComposer?) -> LoyaltyEnrolment? {
        enabled && joinFromCustomersExport ? LoyaltyEnrolment(settings: self, composer: composer) : nil
    }

    /// The points a paid amount earns at a tier: the base rate times the tier's multiplier, rounded
    /// down, so rounding never creates a point.
    public func points(for paid: Money, tier: LoyaltyTier) -> Int64 {
        guard paid.minorUnits > 0, let base = pointsPerUnit[paid.currency.code] else { return 0 }
        let units = Double(paid.minorUnits) / pow(10, Double(paid.currency.minorDigits))
        return Int64((units * base * (tierMultipliers[tier] ?? 1)).rounded(.down))
    }

    /// The tier a rolling year's earned points reach.
    public func tier(forYearlyPoints points: Int64) -> LoyaltyTier {
        LoyaltyTier.allCases.last { points >= (tierThresholds[$0] ?? $0.threshold) } ?? .member
    }

    /// The share of an order's earned points a refund takes back: rounded up, so what is left
    /// never rounds up into a point the customer did not pay for, and never more than was earned.
    public static func reversal(earned: Int64, total: Int64, refunded: Int64) -> Int64 {
        guard earned > 0, total > 0, refunded > 0 else { return 0 }
        if refunded >= total { return earned }
        let share = (Double(earned) * Double(refunded) / Double(total)).rounded(.up)
        return min(earned, Int64(share))
    }
}

/// Codes for coupons and referrals: drawn from the system's random source, from an alphabet
/// without look-alikes (no 0/O, 1/I/L), ten characters: 31¹⁰ ≈ 2⁴⁹·⁵ codes, so one cannot be guessed.
public enum CouponCode {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// "K7QM2-WX9PA".
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<10).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }
        return String(characters[0..<5]) + "-" + String(characters[5..<10])
    }
}

/// How an import enrols customers: the programme's rules and the welcome mail's composer.
public struct LoyaltyEnrolment: Sendable {
    public var settings: LoyaltySettings
    public var composer: DatedOrderMailComposer?

    public init(settings: LoyaltySettings, composer: DatedOrderMailComposer?) {
        self.settings = settings
        self.composer = composer
    }
}
