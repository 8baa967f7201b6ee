import Foundation
import GRDB
import Testing
@testable import Tezgah
@testable import TezgahStore

/// The Insight figures on a shop small enough to work out by hand, and on the demo shop against a
/// plain SQL recomputation from the shop's history (which the summary tables stand in for).
@Suite struct InsightReportTests {
    static let istanbul = TimeZone(identifier: "Europe/Istanbul")!
    /// Sunday 2026-12-06 12:00 UTC (15:00 in Istanbul).
    static let now = Date(timeIntervalSince1970: 1_796_558_400)
    static func daysAgo(_ days: Int) -> Int64 { now.unixSeconds - Int64(days) * 86_400 }
    /// A moment in Istanbul's wall-clock time, 2026.
    static func local(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = istanbul
        return calendar.date(from: DateComponents(year: 2026, month: month, day: day, hour: hour, minute: minute))!.unixSeconds
    }

    /// Five customers, their orders, parcels, conversations, surveys, invites and reviews, each
    /// chosen so one figure moves by a known amount.
    static func handMadeShop() throws -> AppDatabase {
        let database = try AppDatabase(path: TemporaryFolder().file("insight.sqlite"))
        try database.pool.write { db in
            for (id, name) in [(1, "Ayşe Yılmaz"), (2, "Burak Kaya"), (3, "Cem Demir"), (4, "Deniz Ak"), (5, "Emma Brown")] {
                try db.execute(sql: "INSERT INTO customers(id, name, email, created_at) VALUES (?, ?, ?, ?)",
                               arguments: [id, name, "c\(id)@example.com", daysAgo(400)])
            }
            var number = 2000
            func order(_ customer: Int, _ daysAgo: Int, _ total: Int64, _ currency: String = "TRY", status: String = "delivered",
                       refunded: Int64 = 0) throws -> Int64 {
                number += 1
                try db.execute(sql: """
                    INSERT INTO orders(number, customer_id, status, payment_status, fulfillment_status, currency, total_minor,
                                       refunded_minor, placed_at, updated_at)
                    VALUES (?, ?, ?, 'paid', 'fulfilled', ?, ?, ?, ?, ?)
                    """, arguments: ["#\(number)", customer, status, currency, total, refunded, Self.daysAgo(daysAgo), Self.daysAgo(daysAgo)])
                return db.lastInsertedRowID
            }
            let recent = try order(1, 2, 10_000)
            _ = try order(1, 40, 7_000)
            _ = try order(1, 200, 3_000)
            _ = try order(2, 5, 5_000)
            _ = try order(3, 100, 2_000)
            _ = try order(3, 150, 2_000)
            _ = try order(4, 120, 4_000)
            _ = try order(4, 130, 4_000)
            _ = try order(4, 10, 9_000, status: "cancelled")
            _ = try order(5, 3, 2_000, "EUR", refunded: 500)

            // Parcels: Yurtiçi two on time, one a day late; Aras one with no ETA; one a year ago.
            func parcel(_ carrier: String, delivered: Int64, eta: Int64?) throws {
                try db.execute(sql: """
                    INSERT INTO shipments(order_id, carrier, tracking_number, status, shipped_at, eta, delivered_at)
                    VALUES (?, ?, ?, 'delivered', ?, ?, ?)
                    """, arguments: [recent, carrier, "T\(delivered)\(carrier)", delivered - 86_400, eta, delivered])
            }
            try parcel("yurtici", delivered: daysAgo(3), eta: daysAgo(2))
            try parcel("yurtici", delivered: daysAgo(4), eta: daysAgo(4))
            try parcel("yurtici", delivered: daysAgo(5), eta: daysAgo(6))
            try parcel("aras", delivered: daysAgo(6), eta: nil)
            try parcel("aras", delivered: daysAgo(400), eta: daysAgo(401))

            // Conversations in Mon–Fri 09:00–18:00 hours: 1 h, 2 h over a weekend, 30 min, 3 h from
            // before opening; one not answered.
            for (opened, answered) in [(local(11, 30, 10), local(11, 30, 11)), (local(11, 27, 17), local(11, 30, 10)),
                                       (local(12, 1, 9), local(12, 1, 9, 30)), (local(12, 2, 8), local(12, 2, 12)),
                                       (local(12, 3, 10), nil as Int64?)] {
                try db.execute(sql: """
                    INSERT INTO conversations(customer_id, subject, status, opened_at, last_message_at, first_response_at)
                    VALUES (2, 'Kargo nerede?', 'open', ?, ?, ?)
                    """, arguments: [opened, answered ?? opened, answered])
            }
            // NPS 0, 6, 7, 8, 9, 10, 10: 3 promoters, 2 detractors of 7. CSAT 5, 4, 4, 1.
            for (kind, score) in [("nps", 0), ("nps", 6), ("nps", 7), ("nps", 8), ("nps", 9), ("nps", 10), ("nps", 10),
                                  ("csat", 5), ("csat", 4), ("csat", 4), ("csat", 1)] {
                try db.execute(sql: """
                    INSERT INTO surveys(customer_id, kind, state, due_at, sent_at, score, answered_at)
                    VALUES (1, ?, 'answered', ?, ?, ?, ?)
                    """, arguments: [kind, daysAgo(8), daysAgo(8), score, daysAgo(7)])
            }
            // An NPS answer from before the period counts for nothing.
            try db.execute(sql: """
                INSERT INTO surveys(customer_id, kind, state, due_at, sent_at, score, answered_at) VALUES (1, 'nps', 'answered', ?, ?, 0, ?)
                """, arguments: [daysAgo(60), daysAgo(60), daysAgo(59)])
            // Invites: four sent in the period, one reviewed; reviews rated 5 and 4.
            let orderIDs = try Int64.fetchAll(db, sql: "SELECT id FROM orders ORDER BY id LIMIT 4")
            for (index, orderID) in orderIDs.enumerated() {
                try db.execute(sql: """
                    INSERT INTO review_invites(order_id, customer_id, state, due_at, sent_at, updated_at) VALUES (?, 1, ?, ?, ?, ?)
                    """, arguments: [orderID, index == 0 ? "reviewed" : "sent", daysAgo(9), daysAgo(9), daysAgo(9)])
            }
            for (rating, key) in [(5, "a"), (4, "b")] {
                try db.execute(sql: """
                    INSERT INTO reviews(customer_id, rating, reviewed_at, source, source_key, created_at) VALUES (1, ?, ?, 'manual', ?, ?)
                    """, arguments: [rating, daysAgo(6), key, daysAgo(6)])
            }
        }
        return database
    }

    @Test func figuresOnAShopWorkedOutByHand() throws {
        let database = try Self.handMadeShop()
        let hours = try #require(BusinessHours(parsing: "Mon-Fri 09:00-18:00", timeZone: Self.istanbul))
        #expect(try database.settleFirstResponses(hours: hours) == 4)
        let report = try database.insightReport(days: 30, now: Self.now, timeZone: Self.istanbul, churnDays: 90)

        // Sales per shop day: today is the 30th day; the cancelled order counts for nothing, the
        // refund comes off its day.
        let lira = try #require(report.sales.first { $0.currency == "TRY" })
        #expect(lira.totalOrders == 2 && lira.revenue.minorUnits == 15_000)
        #expect(lira.revenueMinor[27] == 10_000 && lira.revenueMinor[24] == 5_000)
        let euro = try #require(report.sales.first { $0.currency == "EUR" })
        #expect(euro.orders[26] == 1 && euro.revenue.minorUnits == 1_500)

        // Buyers in the period: Ayşe (three orders in all), Burak and Emma (one each).
        #expect(report.buyers == 3 && report.repeatBuyers == 1)
        // Lapsing: Cem (last 100 days ago) and Deniz (120 days; her cancelled order is no purchase).
        #expect(report.lapsing.map(\.name) == ["Cem Demir", "Deniz Ak"])
        #expect(report.lapsingCount == 2)

        // 30 min, 1 h, 2 h (Friday's last hour and Monday's first), 3 h: nearest-rank percentiles.
        #expect(report.answered == 4)
        #expect(report.firstResponseMedian == 3_600)
        #expect(report.firstResponseP90 == 10_800)
        #expect(report.unanswered == 1)

        #expect(report.invitesSent == 4 && report.invitesReviewed == 1 && report.reviewConversion == 0.25)
        #expect(report.averageRating == 4.5)
        #expect(report.csatAverage == 3.5)
        #expect(report.nps == [1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2])
        #expect(report.netPromoterScore == 14) // (3 − 2) / 7
        #expect(InsightReport.netPromoterScore([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0]) == 0)
        #expect(report.npsTrend.flatMap { $0 }.reduce(0, +) == 7)

        let yurtici = try #require(report.deliveries.first { $0.carrier == Carrier.yurtici.title })
        #expect(yurtici.delivered == 3 && yurtici.withETA == 3 && yurtici.onTime == 2)
        let aras = try #require(report.deliveries.first { $0.carrier == Carrier.aras.title })
        #expect(aras.delivered == 1 && aras.withETA == 0 && aras.onTimeRate == nil)
    }

    @Test func theSummariesFollowChangesToOrdersAndParcels() throws {
        let database = try Self.handMadeShop()
        try database.pool.write { db in
            // Burak's order is cancelled, Ayşe's recent one half refunded, Emma's moved to Cem.
            try db.execute(sql: "UPDATE orders SET status = 'cancelled' WHERE customer_id = 2")
            try db.execute(sql: "UPDATE orders SET refunded_minor = 5000 WHERE number = '#2001'")
            try db.execute(sql: "UPDATE orders SET customer_id = 3 WHERE customer_id = 5")
            // The late Yurtiçi parcel's ETA moves past its delivery; one parcel is deleted.
            try db.execute(sql: "UPDATE shipments SET eta = delivered_at + 3600 WHERE eta < delivered_at AND carrier = 'yurtici'")
            try db.execute(sql: "DELETE FROM shipments WHERE carrier = 'aras' AND eta IS NULL")
        }
        let report = try database.insightReport(days: 30, now: Self.now, timeZone: Self.istanbul, churnDays: 90)
        let lira = try #require(report.sales.first { $0.currency == "TRY" })
        #expect(lira.totalOrders == 1 && lira.revenue.minorUnits == 5_000)
        // Ayşe, and Cem with Emma's order: both repeat buyers now; Cem no longer lapsing.
        #expect(report.buyers == 2 && report.repeatBuyers == 2)
        #expect(report.lapsing.map(\.name) == ["Deniz Ak"])
        #expect(report.deliveries.map(\.carrier) == [Carrier.yurtici.title])
        #expect(report.deliveries.first?.onTime == 3)
        // Whatever the triggers did equals counting again from the orders.
        try database.pool.read { db in
            let kept = try Row.fetchAll(db, sql: "SELECT customer_id, orders, first_order_at, last_order_at FROM customer_stats WHERE orders > 0 ORDER BY 1")
            let recounted = try Row.fetchAll(db, sql: """
                SELECT customer_id, count(*), min(placed_at), max(placed_at) FROM orders WHERE status <> 'cancelled' GROUP BY 1 ORDER BY 1
                """)
            #expect(kept.map { Array($0.databaseValues) } == recounted.map { Array($0.databaseValues) })
        }
    }

    @Test func theDemoShopAgreesWithPlainSQL() throws {
        let database = DemoShopFixture.database
        try database.settleFirstResponses(hours: nil)
        let zone = TimeZone(identifier: "Europe/Istanbul")!
        let report = try database.insightReport(days: 90, now: testNow, timeZone: zone, churnDays: 60)
        let since = report.from.unixSeconds
        try database.pool.read { db in
            for row in try Row.fetchAll(db, sql: """
                SELECT currency, count(*), sum(total_minor - refunded_minor) FROM orders
                WHERE status <> 'cancelled' AND placed_at >= ? GROUP BY currency
                """, arguments: [since]) {
                let sales = try #require(report.sales.first { $0.currency == row[0] as String })
                #expect(sales.totalOrders == row[1] as Int)
                #expect(sales.revenue.minorUnits == row[2] as Int64)
            }
            let buyers = try Row.fetchOne(db, sql: """
                SELECT count(*), coalesce(sum(n >= 2), 0) FROM (SELECT count(*) AS n, max(placed_at) AS last FROM orders
                WHERE status <> 'cancelled' GROUP BY customer_id) WHERE last >= ?
                """, arguments: [since])!
            #expect(report.buyers == buyers[0] as Int && report.repeatBuyers == buyers[1] as Int)
            #expect(report.buyers > 0 && report.repeatBuyers > 0)
            let cutoff = testNow.unixSeconds - 60 * 86_400
            let lapsing = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT count(*) AS n, max(placed_at) AS last FROM orders WHERE status <> 'cancelled'
                GROUP BY customer_id) WHERE n >= 2 AND last < ? AND last >= ?
                """, arguments: [cutoff, cutoff - 365 * 86_400])
            #expect(report.lapsingCount == lapsing)
            for row in try Row.fetchAll(db, sql: """
                SELECT carrier, count(*), count(eta), coalesce(sum(delivered_at <= eta), 0) FROM shipments
                WHERE delivered_at IS NOT NULL AND delivered_at / 86400 >= ? / 86400 GROUP BY carrier
                """, arguments: [since]) {
                let code: String = row[0]
                let carrier = try #require(report.deliveries.first { $0.carrier == (Carrier(rawValue: code)?.title ?? code) })
                #expect(carrier.delivered == row[1] as Int && carrier.withETA == row[2] as Int && carrier.onTime == row[3] as Int)
            }
            let nps = try Row.fetchAll(db, sql: """
                SELECT score, count(*) FROM surveys WHERE kind = 'nps' AND score IS NOT NULL AND answered_at >= ? GROUP BY score
                """, arguments: [since])
            var counts = Array(repeating: 0, count: 11)
            for row in nps { counts[row[0] as Int] = row[1] }
            #expect(report.nps == counts)
            let invites = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM review_invites WHERE state IN ('sent', 'reminded', 'reviewed', 'expired') AND sent_at >= ?
                """, arguments: [since])
            #expect(report.invitesSent == invites)
            let reviewed = try Int.fetchOne(db, sql: "SELECT count(*) FROM review_invites WHERE state = 'reviewed' AND sent_at >= ?",
                                            arguments: [since])
            #expect(report.invitesReviewed == reviewed)
            var csat = Array(repeating: 0, count: 5)
            for row in try Row.fetchAll(db, sql: """
                SELECT score, count(*) FROM surveys WHERE kind = 'csat' AND score IS NOT NULL AND answered_at >= ? GROUP BY score
                """, arguments: [since]) { csat[(row[0] as Int) - 1] = row[1] }
            #expect(report.csat == csat)
            // First responses as the nearest rank of the sorted waits (wall-clock hours here).
            let waits = try Int.fetchAll(db, sql: """
                SELECT first_response_seconds FROM conversations WHERE opened_at >= ? AND first_response_seconds IS NOT NULL
                ORDER BY first_response_seconds
                """, arguments: [since])
            #expect(report.answered == waits.count && !waits.isEmpty)
            #expect(report.firstResponseMedian == waits[Int((0.5 * Double(waits.count)).rounded(.up)) - 1])
            #expect(report.firstResponseP90 == waits[Int((0.9 * Double(waits.count)).rounded(.up)) - 1])
        }
    }

    /// The summaries as counted again from the tables they summarise.
    static func summariesMatchTheirTables(_ database: AppDatabase, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try database.pool.read { db in
            func same(_ kept: String, _ recounted: String) throws {
                let a = try Row.fetchAll(db, sql: kept).map { Array($0.databaseValues) }
                let b = try Row.fetchAll(db, sql: recounted).map { Array($0.databaseValues) }
                #expect(a == b, "\(kept)", sourceLocation: sourceLocation)
            }
            try same("SELECT hour, currency, orders, revenue_minor FROM sales_by_hour WHERE orders <> 0 ORDER BY 1, 2", """
                SELECT placed_at / 3600, currency, count(*), sum(total_minor - refunded_minor) FROM orders WHERE status <> 'cancelled'
                GROUP BY 1, 2 ORDER BY 1, 2
                """)
            try same("SELECT customer_id, orders, first_order_at, last_order_at FROM customer_stats WHERE orders > 0 ORDER BY 1", """
                SELECT customer_id, count(*), min(placed_at), max(placed_at) FROM orders WHERE status <> 'cancelled' GROUP BY 1 ORDER BY 1
                """)
            try same("SELECT metric, day, count FROM daily_counts WHERE metric LIKE '%buyers' AND count <> 0 ORDER BY 1, 2", """
                SELECT 'buyers', last_order_at / 86400, count(*) FROM customer_stats WHERE orders > 0 GROUP BY 2
                UNION ALL SELECT 'repeat_buyers', last_order_at / 86400, count(*) FROM customer_stats WHERE orders >= 2 GROUP BY 2
                ORDER BY 1, 2
                """)
        }
    }

    @Test func anImportCountsItsNewOrdersAtTheEndAndChangesAsTheyCome() throws {
        let database = try Self.handMadeShop()
        let folder = TemporaryFolder()
        func importing(_ text: String, _ name: String) throws {
            let path = folder.file(name)
            try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
            _ = try database.importFile(path)
        }
        try importing(ShopifyImportTests.twoOrders, "first.csv")
        try Self.summariesMatchTheirTables(database)
        // Ayşe's order refunded and cancelled, a new one for her, and Oliver's again unchanged.
        try importing("""
            \(ShopifyImportTests.header)
            #1001,ayse@example.com.tr,refunded,,fulfilled,,TRY,,,,1199.70,2025-05-11 09:55:16 +0300,2,El yapımı seramik kupa,349.90,KUPA-01,Ayşe Yılmaz,,,,,TR,,2025-05-20 10:00:00 +0300,,5501
            #1003,ayse@example.com.tr,paid,,,,TRY,,,,89.90,2025-05-14 10:00:00 +0300,1,Nazar boncuklu anahtarlık,89.90,NAZAR-A,Ayşe Yılmaz,,,,,TR,,,,5503
            """, "later.csv")
        try Self.summariesMatchTheirTables(database)
        let triggers = try database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'orders_%' ORDER BY name")
        }
        #expect(triggers.contains("orders_sales_insert") && triggers.contains("orders_customer_stats_insert"), "put back after the import")
        let guarded = try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'orders_sales_update'")
        }
        #expect(guarded?.contains("OLD.id <=") == false)
    }

    /// The Reviews pane's status line reads its month of invites from the summary; the answer is
    /// the plain count of the invites sent in those 30 days.
    @Test func theReviewsStatusLineAgreesWithPlainSQL() throws {
        let database = DemoShopFixture.database
        let figures = try database.reviewFigures(now: testNow)
        let month = testNow.addingTimeInterval(-30 * 86_400).unixSeconds
        let (sent, reviewed) = try database.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*), count(CASE WHEN state = 'reviewed' THEN 1 END) FROM review_invites
                WHERE state IN ('sent', 'reminded', 'reviewed', 'expired') AND sent_at >= ? AND sent_at < ?
                """, arguments: [month, testNow.unixSeconds])!
            return (row[0] as Int, row[1] as Int)
        }
        #expect(sent > 0 && reviewed > 0)
        #expect(figures.invitesSent == sent && figures.invitesReviewed == reviewed)
    }
}
