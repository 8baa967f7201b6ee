import Foundation
import Tezgah
import TezgahStore

/// The customer view of the customer with the longest history, and the Insight figures for 30,
/// 90 and 365 days, on the large demo shop: the reads behind their frames.
enum InsightFigure {
    struct Result {
        var customerView: Double
        var customerNote: String
        /// The same customer opened on a connection that has read nothing of them yet.
        var firstOpen: Double
        var insight: Double
        var insightNote: String
        var upgrade: Double?
    }

    static func measure(shop: String, runs: Int) throws -> Result {
        // The first open of a shop made before the customer view's summaries and covering indexes
        // builds them (timed once).
        let upgradeStart = ContinuousClock.now
        let wasUpgraded = try AutomationFigure.sqlite(shop, "SELECT count(*) FROM grdb_migrations WHERE identifier = 'v17-customer-view-covering';") == "0"
        let database = try AppDatabase(path: shop)
        defer { try? database.close() }
        let upgrade = wasUpgraded ? (ContinuousClock.now - upgradeStart).milliseconds / 1_000 : nil
        try database.settleFirstResponses(hours: BusinessHours(parsing: "Mon-Fri 09:00-18:00", timeZone: TimeZone(identifier: "Europe/Istanbul")!),
                                          limit: .max)

        let busiest = Int64(try AutomationFigure.sqlite(shop, "SELECT customer_id FROM customer_stats ORDER BY orders DESC LIMIT 1;")) ?? 1
        var times: [Double] = []
        var events = 0
        for _ in 0..<runs {
            let start = ContinuousClock.now
            events = try database.customerProfile(id: busiest).timeline.count
            times.append((ContinuousClock.now - start).milliseconds)
        }
        // The first open on a new connection: nothing in SQLite's cache, the file in the OS's.
        var firstOpens: [Double] = []
        for _ in 0..<runs {
            let fresh = try AppDatabase(path: shop)
            _ = try fresh.customerProfile(id: 1)
            let start = ContinuousClock.now
            _ = try fresh.customerProfile(id: busiest)
            firstOpens.append((ContinuousClock.now - start).milliseconds)
            try fresh.close()
        }
        let orders = try AutomationFigure.sqlite(shop, "SELECT orders FROM customer_stats WHERE customer_id = \(busiest);")

        var worst = 0.0
        var parts: [String] = []
        for days in [30, 90, 365] {
            var spans: [Double] = []
            for _ in 0..<runs {
                let start = ContinuousClock.now
                _ = try database.insightReport(days: days, now: Date(), timeZone: TimeZone(identifier: "Europe/Istanbul")!)
                spans.append((ContinuousClock.now - start).milliseconds)
            }
            let median = spans.sorted()[spans.count / 2]
            worst = max(worst, median)
            parts.append(String(format: "%d days %.1f ms", days, median))
        }
        return Result(customerView: times.sorted()[times.count / 2],
                      customerNote: "the customer with the most orders (\(orders)): \(events) timeline rows; median of \(runs) opens",
                      firstOpen: firstOpens.sorted()[firstOpens.count / 2],
                      insight: worst, insightNote: "slowest period's median of \(runs): " + parts.joined(separator: ", "),
                      upgrade: upgrade)
    }
}
