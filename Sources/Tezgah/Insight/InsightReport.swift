import Foundation

/// The shop's health over the last `days` days: sales, repeat buyers, customers lapsing, support's
/// first response, reviews, satisfaction and delivery. Counts are kept raw so each figure can be
/// recomputed (and tested) from them.
public struct InsightReport: Hashable, Sendable, Codable {
    /// One currency's orders and net revenue (minor units) per day of the period, oldest first.
    public struct Sales: Hashable, Sendable, Codable {
        public var currency: String
        public var orders: [Int]
        public var revenueMinor: [Int64]
        public init(currency: String, days: Int) {
            self.currency = currency
            orders = Array(repeating: 0, count: days)
            revenueMinor = Array(repeating: 0, count: days)
        }
        public var totalOrders: Int { orders.reduce(0, +) }
        public var revenue: Money { Money(minorUnits: revenueMinor.reduce(0, +), currency: Currency.code(currency)) }
    }

    /// A customer who bought at least twice and not for `InsightReport.churnDays`.
    public struct LapsingCustomer: Hashable, Sendable, Codable {
        public var id: Int64
        public var name: String
        public var email: String
        public var orders: Int
        public var lastOrderAt: Date
        public init(id: Int64, name: String, email: String, orders: Int, lastOrderAt: Date) {
            (self.id, self.name, self.email, self.orders, self.lastOrderAt) = (id, name, email, orders, lastOrderAt)
        }
    }

    /// One carrier's parcels delivered in the period, and how many of those with an ETA came by it.
    public struct CarrierDelivery: Hashable, Sendable, Codable {
        public var carrier: String
        public var delivered: Int
        public var withETA: Int
        public var onTime: Int
        public init(carrier: String, delivered: Int, withETA: Int, onTime: Int) {
            (self.carrier, self.delivered, self.withETA, self.onTime) = (carrier, delivered, withETA, onTime)
        }
        /// Share of the parcels with an ETA that were delivered by the end of its day.
        public var onTimeRate: Double? { withETA == 0 ? nil : Double(onTime) / Double(withETA) }
    }

    public var days: Int
    /// The first day's start (shop time) and the moment the report was made.
    public var from: Date
    public var to: Date
    public var sales: [Sales] = []
    /// Customers who bought in the period, and those of them who have bought more than once.
    public var buyers = 0
    public var repeatBuyers = 0
    public var churnDays: Int
    /// The customers lapsing, most recently lapsed first (a page of them), and how many in all.
    public var lapsing: [LapsingCustomer] = []
    public var lapsingCount = 0
    /// The conversations opened in the period that have had their first response, their median and
    /// 90th-percentile wait (business-hours seconds, nearest rank), and how many wait for one.
    public var answered = 0
    public var firstResponseMedian: Int?
    public var firstResponseP90: Int?
    public var unanswered = 0
    public var invitesSent = 0
    public var invitesReviewed = 0
    /// Reviews in the period by rating: index 0 is one star.
    public var ratings = Array(repeating: 0, count: 5)
    /// CSAT answers by score (index 0 is 1), NPS answers by score (index 0 is 0).
    public var csat = Array(repeating: 0, count: 5)
    public var nps = Array(repeating: 0, count: 11)
    /// NPS answers by score in each of `npsTrendBuckets` equal parts of the period, oldest first.
    public var npsTrend: [[Int]] = []
    public var deliveries: [CarrierDelivery] = []

    public static let npsTrendBuckets = 6

    public init(days: Int, from: Date, to: Date, churnDays: Int) {
        (self.days, self.from, self.to, self.churnDays) = (days, from, to, churnDays)
    }

    public var repeatRate: Double? { buyers == 0 ? nil : Double(repeatBuyers) / Double(buyers) }
    public var reviewConversion: Double? { invitesSent == 0 ? nil : Double(invitesReviewed) / Double(invitesSent) }
    public var averageRating: Double? { Self.average(ratings, first: 1) }
    public var csatAverage: Double? { Self.average(csat, first: 1) }
    /// Promoters (9–10) less detractors (0–6), as a whole percentage of the answers.
    public var netPromoterScore: Int? { Self.netPromoterScore(nps) }

    public static func netPromoterScore(_ counts: [Int]) -> Int? {
        let total = counts.reduce(0, +)
        guard total > 0, counts.count == 11 else { return nil }
        let promoters = counts[9] + counts[10]
        let detractors = counts[0...6].reduce(0, +)
        return Int((Double(promoters - detractors) * 100 / Double(total)).rounded())
    }

    private static func average(_ counts: [Int], first: Int) -> Double? {
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        let sum = counts.enumerated().reduce(0) { $0 + ($1.offset + first) * $1.element }
        return Double(sum) / Double(total)
    }
}
