import Foundation
import GRDB
import Tezgah

extension AppDatabase {
    /// The shop's figures for the last `days` days (today, in the shop's time zone, is the last),
    /// read from the summary tables and covering indexes `InsightSummaries` and the v16 migration
    /// keep, so a year of a large shop costs thousands of rows, not millions.
    public func insightReport(days: Int, now: Date, timeZone: TimeZone, churnDays: Int = 90,
                              lapsingShown: Int = 50) throws -> InsightReport {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: now)
        let dayStarts = (0...days).map { calendar.date(byAdding: .day, value: $0 - days + 1, to: today)! }
        let from = dayStarts[0]
        var report = InsightReport(days: days, from: from, to: now, churnDays: churnDays)
        let since = from.unixSeconds
        try pool.read { db in
            report.sales = try Self.sales(db, dayStarts: dayStarts)
            let buyers = try Row.fetchOne(db, sql: """
                SELECT count(*), coalesce(sum(orders >= 2), 0) FROM customer_stats WHERE last_order_at >= ?
                """, arguments: [since])!
            (report.buyers, report.repeatBuyers) = (buyers[0], buyers[1])
            // Lapsing: bought twice or more, last within the year before the churn window began.
            let lapsedBefore = now.unixSeconds - Int64(churnDays) * 86_400
            let lapsedAfter = lapsedBefore - 365 * 86_400
            report.lapsingCount = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM customer_stats WHERE last_order_at >= ? AND last_order_at < ? AND orders >= 2
                """, arguments: [lapsedAfter, lapsedBefore]) ?? 0
            report.lapsing = try Row.fetchAll(db, sql: """
                SELECT c.id, c.name, c.email, s.orders, s.last_order_at FROM customer_stats s JOIN customers c ON c.id = s.customer_id
                WHERE s.last_order_at >= ? AND s.last_order_at < ? AND s.orders >= 2
                ORDER BY s.last_order_at DESC LIMIT ?
                """, arguments: [lapsedAfter, lapsedBefore, lapsingShown]).map {
                InsightReport.LapsingCustomer(id: $0[0], name: $0[1], email: $0[2], orders: $0[3], lastOrderAt: $0.date(4))
            }
            report.firstResponses = try Int.fetchAll(db, sql: """
                SELECT first_response_seconds FROM conversations INDEXED BY conversations_by_opened
                WHERE opened_at >= ? AND first_response_seconds IS NOT NULL
                """, arguments: [since]).sorted()
            let notSettled = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM conversations INDEXED BY conversations_by_opened
                WHERE opened_at >= ? AND first_response_seconds IS NULL
                """, arguments: [since]) ?? 0
            report.unanswered = notSettled - (try Self.unsettled(db, since: since))
            for row in try Row.fetchAll(db, sql: """
                SELECT state, count(*) FROM review_invites WHERE state IN ('sent', 'reminded', 'reviewed', 'expired') AND sent_at >= ?
                GROUP BY state
                """, arguments: [since]) {
                let count: Int = row[1]
                report.invitesSent += count
                if (row[0] as String) == "reviewed" { report.invitesReviewed += count }
            }
            for row in try Row.fetchAll(db, sql: "SELECT rating, count(*) FROM reviews WHERE reviewed_at >= ? GROUP BY rating",
                                        arguments: [since]) {
                report.ratings[(row[0] as Int) - 1] += row[1]
            }
            let bucket = max(1, (now.unixSeconds - since + 1) / Int64(InsightReport.npsTrendBuckets) + 1)
            report.npsTrend = Array(repeating: Array(repeating: 0, count: 11), count: InsightReport.npsTrendBuckets)
            for row in try Row.fetchAll(db, sql: """
                SELECT kind, score, (answered_at - ?) / ?, count(*) FROM surveys
                WHERE kind IN ('csat', 'nps') AND score IS NOT NULL AND answered_at >= ? GROUP BY 1, 2, 3
                """, arguments: [since, bucket, since]) {
                let score: Int = row[1], part: Int = row[2], count: Int = row[3]
                if (row[0] as String) == "csat" {
                    report.csat[score - 1] += count
                } else {
                    report.nps[score] += count
                    report.npsTrend[min(part, InsightReport.npsTrendBuckets - 1)][score] += count
                }
            }
            report.deliveries = try Row.fetchAll(db, sql: """
                SELECT carrier, sum(delivered), sum(with_eta), sum(on_time) FROM deliveries_by_day WHERE day >= ?
                GROUP BY carrier HAVING sum(delivered) > 0 ORDER BY 2 DESC
                """, arguments: [since / 86_400]).map {
                let code: String = $0[0]
                return InsightReport.CarrierDelivery(carrier: Carrier(rawValue: code)?.title ?? code, delivered: $0[1],
                                                     withETA: $0[2], onTime: $0[3])
            }
        }
        return report
    }

    /// Conversations answered whose business-hours wait is not settled yet (the pass has not run
    /// since): neither answered nor unanswered in the figures until it has.
    private static func unsettled(_ db: Database, since: Int64) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(*) FROM conversations INDEXED BY conversations_response_unsettled
            WHERE first_response_at IS NOT NULL AND first_response_seconds IS NULL AND opened_at >= ?
            """, arguments: [since]) ?? 0
    }

    /// Orders and net revenue per shop day and currency, from the hourly summary: an hour belongs
    /// to the day its start falls in (exact for whole-hour time zones).
    private static func sales(_ db: Database, dayStarts: [Date]) throws -> [InsightReport.Sales] {
        let days = dayStarts.count - 1
        var byCurrency: [String: InsightReport.Sales] = [:]
        let bounds = dayStarts.map { $0.unixSeconds }
        let rows = try Row.fetchAll(db, sql: """
            SELECT hour, currency, orders, revenue_minor FROM sales_by_hour WHERE hour >= ? AND hour < ? AND orders > 0
            """, arguments: [bounds[0] / 3600, (bounds[days] + 3599) / 3600])
        for row in rows {
            let start = (row[0] as Int64) * 3600
            // The last day start at or before the hour's start.
            var low = 0, high = days
            while low < high {
                let middle = (low + high) / 2
                if bounds[middle + 1] <= start { low = middle + 1 } else { high = middle }
            }
            guard start >= bounds[0] else { continue }
            let currency: String = row[1]
            var sales = byCurrency[currency] ?? InsightReport.Sales(currency: currency, days: days)
            sales.orders[low] += row[2]
            sales.revenueMinor[low] += row[3]
            byCurrency[currency] = sales
        }
        return byCurrency.values.sorted { $0.totalOrders != $1.totalOrders ? $0.totalOrders > $1.totalOrders : $0.currency < $1.currency }
    }

    /// Counts the shop's business hours into each answered conversation's first response, for the
    /// ones not counted yet (at most `limit` per call); nil hours count every hour. Returns how
    /// many it settled.
    @discardableResult
    public func settleFirstResponses(hours: BusinessHours?, limit: Int = 20_000) throws -> Int {
        try pool.write { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, opened_at, first_response_at FROM conversations INDEXED BY conversations_response_unsettled
                WHERE first_response_at IS NOT NULL AND first_response_seconds IS NULL LIMIT ?
                """, arguments: [limit])
            let update = try db.cachedStatement(sql: "UPDATE conversations SET first_response_seconds = ? WHERE id = ?")
            for row in rows {
                let opened = row.date(1), answered = row.date(2)
                let seconds = hours?.seconds(from: opened, to: answered) ?? max(0, answered.timeIntervalSince(opened))
                try update.execute(arguments: [Int64(seconds), row[0] as Int64])
            }
            return rows.count
        }
    }
}
