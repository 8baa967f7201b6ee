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
            let counts = DailyCounts(db: db, since: since, until: now.unixSeconds)
            report.sales = try Self.sales(db, dayStarts: dayStarts, timeZone: timeZone)
            (report.buyers, report.repeatBuyers) = (try counts["buyers"], try counts["repeat_buyers"])
            // Lapsing: bought twice or more, last within the year before the churn window began.
            let lapsedBefore = now.unixSeconds - Int64(churnDays) * 86_400
            let lapsedAfter = lapsedBefore - 365 * 86_400
            report.lapsingCount = try DailyCounts(db: db, since: lapsedAfter, until: lapsedBefore)["repeat_buyers"]
            report.lapsing = try Row.fetchAll(db, sql: """
                SELECT c.id, c.name, c.email, s.orders, s.last_order_at FROM customer_stats s JOIN customers c ON c.id = s.customer_id
                WHERE s.last_order_at >= ? AND s.last_order_at < ? AND s.orders >= 2
                ORDER BY s.last_order_at DESC LIMIT ?
                """, arguments: [lapsedAfter, lapsedBefore, lapsingShown]).map {
                InsightReport.LapsingCustomer(id: $0[0], name: $0[1], email: $0[2], orders: $0[3], lastOrderAt: $0.date(4))
            }
            try Self.firstResponses(db, since: since, into: &report)
            report.invitesSent = try counts["invites_sent"]
            report.invitesReviewed = try counts["invites_reviewed"]
            for rating in 1...5 { report.ratings[rating - 1] = try counts["rating:\(rating)"] }
            for score in 1...5 { report.csat[score - 1] = try counts["csat:\(score)"] }
            // NPS by day, then into the trend's equal parts of the period.
            let part = Double(now.unixSeconds - since + 1) / Double(InsightReport.npsTrendBuckets)
            report.npsTrend = Array(repeating: Array(repeating: 0, count: 11), count: InsightReport.npsTrendBuckets)
            for score in 0...10 {
                for (day, count) in try counts.byDay("nps:\(score)") {
                    report.nps[score] += count
                    let index = Int(Double(max(0, day - since)) / part)
                    report.npsTrend[min(index, InsightReport.npsTrendBuckets - 1)][score] += count
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

    /// First responses of the conversations opened since `since`: counts from the index on the
    /// opening time, the median and 90th percentile (nearest rank) by walking the index on the
    /// response time up to that rank, so no sort of every answer is needed.
    private static func firstResponses(_ db: Database, since: Int64, into report: inout InsightReport) throws {
        let answered = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM conversations INDEXED BY conversations_by_opened WHERE opened_at >= ? AND first_response_seconds IS NOT NULL
            """, arguments: [since]) ?? 0
        let notSettled = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM conversations INDEXED BY conversations_by_opened WHERE opened_at >= ? AND first_response_seconds IS NULL
            """, arguments: [since]) ?? 0
        report.answered = answered
        report.unanswered = notSettled - (try unsettled(db, since: since))
        guard answered > 0 else { return }
        func percentile(_ p: Int) throws -> Int? {
            let rank = Int((Double(p) / 100 * Double(answered)).rounded(.up))
            return try Int.fetchOne(db, sql: """
                SELECT first_response_seconds FROM conversations INDEXED BY conversations_by_response
                WHERE first_response_seconds IS NOT NULL AND opened_at >= ? ORDER BY first_response_seconds LIMIT 1 OFFSET ?
                """, arguments: [since, min(max(rank, 1), answered) - 1])
        }
        report.firstResponseMedian = try percentile(50)
        report.firstResponseP90 = try percentile(90)
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
    /// to the day its start falls in (exact for whole-hour time zones). Where the zone keeps one
    /// offset over the period (no daylight-saving change), SQL adds the hours into days.
    private static func sales(_ db: Database, dayStarts: [Date], timeZone: TimeZone) throws -> [InsightReport.Sales] {
        let days = dayStarts.count - 1
        var byCurrency: [String: InsightReport.Sales] = [:]
        let bounds = dayStarts.map { $0.unixSeconds }
        let firstHour = bounds[0] / 3600, endHour = (bounds[days] + 3599) / 3600
        func add(_ currency: String, _ day: Int, _ orders: Int, _ revenue: Int64) {
            var sales = byCurrency[currency] ?? InsightReport.Sales(currency: currency, days: days)
            sales.orders[day] += orders
            sales.revenueMinor[day] += revenue
            byCurrency[currency] = sales
        }
        let steady = timeZone.nextDaylightSavingTimeTransition(after: dayStarts[0]).map { $0 >= dayStarts[days] } ?? true
        if steady {
            for row in try Row.fetchAll(db, sql: """
                SELECT (hour - ?) / 24, currency, sum(orders), sum(revenue_minor) FROM sales_by_hour WHERE hour >= ? AND hour < ?
                GROUP BY 1, 2 HAVING sum(orders) > 0
                """, arguments: [firstHour, firstHour, endHour]) {
                let day: Int = row[0]
                if day < days { add(row[1], day, row[2], row[3]) }
            }
        } else {
            for row in try Row.fetchAll(db, sql: """
                SELECT hour, currency, orders, revenue_minor FROM sales_by_hour WHERE hour >= ? AND hour < ? AND orders > 0
                """, arguments: [firstHour, endHour]) {
                let start = (row[0] as Int64) * 3600
                // The last day start at or before the hour's start.
                var low = 0, high = days
                while low < high {
                    let middle = (low + high) / 2
                    if bounds[middle + 1] <= start { low = middle + 1 } else { high = middle }
                }
                if start >= bounds[0] { add(row[1], low, row[2], row[3]) }
            }
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

/// `daily_counts` read for a span of time: its whole UTC days from the summary, and the partial
/// days at either end counted exactly from the table the metric counts.
struct DailyCounts {
    let db: Database
    let since: Int64
    let until: Int64

    /// The first whole day, and the day `until` falls in (counted exactly from its start).
    private var firstWholeDay: Int64 { (since + 86_399) / 86_400 }
    private var lastDay: Int64 { until / 86_400 }

    subscript(metric: String) -> Int {
        get throws { try byDay(metric).reduce(0) { $0 + $1.count } }
    }

    /// The metric's count per day start (the span's start for its partial first day).
    func byDay(_ metric: String) throws -> [(day: Int64, count: Int)] {
        var result: [(day: Int64, count: Int)] = []
        if firstWholeDay < lastDay {
            result = try Row.fetchAll(db, sql: """
                SELECT day, count FROM daily_counts WHERE metric = ? AND day >= ? AND day < ? AND count <> 0
                """, arguments: [metric, firstWholeDay, lastDay]).map { ((($0[0] as Int64) * 86_400), $0[1]) }
            let head = try exact(metric, from: since, to: firstWholeDay * 86_400)
            if head > 0 { result.insert((since, head), at: 0) }
            let tail = try exact(metric, from: lastDay * 86_400, to: until)
            if tail > 0 { result.append((lastDay * 86_400, tail)) }
        } else {
            let all = try exact(metric, from: since, to: until)
            if all > 0 { result = [(since, all)] }
        }
        return result
    }

    /// The metric counted from its table over [from, to), by an index on its time.
    private func exact(_ metric: String, from: Int64, to: Int64) throws -> Int {
        guard from < to else { return 0 }
        let sql: String
        var arguments: StatementArguments = [from, to]
        switch metric {
        case "buyers": sql = "SELECT count(*) FROM customer_stats WHERE last_order_at >= ? AND last_order_at < ? AND orders > 0"
        case "repeat_buyers": sql = "SELECT count(*) FROM customer_stats WHERE last_order_at >= ? AND last_order_at < ? AND orders >= 2"
        case "invites_sent":
            sql = "SELECT count(*) FROM review_invites WHERE state IN ('sent', 'reminded', 'reviewed', 'expired') AND sent_at >= ? AND sent_at < ?"
        case "invites_reviewed": sql = "SELECT count(*) FROM review_invites WHERE state = 'reviewed' AND sent_at >= ? AND sent_at < ?"
        default:
            let parts = metric.split(separator: ":")
            guard parts.count == 2, let score = Int(parts[1]) else { return 0 }
            if parts[0] == "rating" {
                sql = "SELECT count(*) FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ? AND rating = ?"
                arguments += [score]
            } else {
                sql = "SELECT count(*) FROM surveys WHERE kind = ? AND score IS NOT NULL AND answered_at >= ? AND answered_at < ? AND score = ?"
                arguments = [String(parts[0]), from, to, score]
            }
        }
        return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
    }
}
