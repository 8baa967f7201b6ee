import Foundation
import GRDB
import Testing
@testable import Tezgah
@testable import TezgahStore

/// The `/` box's grammar on the demo shop: every `field:value` term narrows exactly as the same
/// condition in plain SQL does, words and terms combine, and a mistake gets one sentence.
@Suite struct FilterGrammarTests {
    let database = DemoShopFixture.database
    let context = FilterContext(now: testNow, timeZone: TimeZone(identifier: "Europe/Istanbul")!)

    /// Every row of a filtered list, walked window by window as the desk pages it.
    private func walk<Item>(_ source: ListSource<Item>, _ filter: String, size: Int = 23) throws -> [Item] {
        var window = try database.window(source, .top, size: size, filter: filter, context: context)
        var items = window.rows.map(\.item)
        while window.hasAfter, let last = window.rows.last {
            window = try database.window(source, .startingAt(last.key), size: size, filter: filter, context: context)
            let index = try #require(window.rows.firstIndex { $0.key == last.key })
            items += window.rows[(index + 1)...].map(\.item)
        }
        return items
    }

    private func ids(_ sql: String, _ arguments: StatementArguments = []) throws -> [Int64] {
        try database.pool.read { try Int64.fetchAll($0, sql: sql, arguments: arguments) }
    }

    @Test func termsNarrowLikeTheirSQL() throws {
        let preparing = try walk(.orders, "status:prep")
        #expect(preparing.map(\.id) == (try ids("SELECT id FROM orders WHERE status = 'preparing' ORDER BY placed_at DESC, id DESC")))
        #expect(!preparing.isEmpty)
        let either = try walk(.orders, "status:received,on-hold payment:paid")
        #expect(either.map(\.id) == (try ids("""
            SELECT id FROM orders WHERE status IN ('received', 'on_hold') AND payment_status = 'paid' ORDER BY placed_at DESC, id DESC
            """)))
        let tag = try #require(DemoCatalog.tags.first)
        let tagged = try walk(.orders, "tag:\(tag.uppercased())")
        #expect(tagged.map(\.id) == (try ids("SELECT id FROM orders WHERE ',' || tags || ',' LIKE ? ORDER BY placed_at DESC, id DESC",
                                             ["%,\(tag),%"])))
        #expect(!tagged.isEmpty)
        let ups = try walk(.orders, "carrier:ups")
        #expect(Set(ups.map(\.id)) == Set(try ids("SELECT order_id FROM shipments WHERE carrier = 'ups'")))
        let week = try walk(.orders, "placed:<7d")
        #expect(week.map(\.id) == (try ids("SELECT id FROM orders WHERE placed_at >= ? ORDER BY placed_at DESC, id DESC",
                                           [testNow.unixSeconds - 7 * 86_400])))
        #expect(try database.count(.orders, filter: "placed:<7d", context: context).value == week.count)
        let yurtici = try walk(.shipments, "carrier:yurtiçi status:in-transit")
        #expect(yurtici.allSatisfy { $0.carrier == .yurtici && $0.status == .inTransit })
        #expect(yurtici.count == (try ids("SELECT id FROM shipments WHERE carrier = 'yurtici' AND status = 'in_transit'")).count)
    }

    @Test func wordsAndTermsTogether() throws {
        let rows = try walk(.orders, "status:shipped ayse")
        let expected = try ids("""
            SELECT o.id FROM orders o WHERE o.id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH '"ayse"*') AND o.status = 'shipped'
            ORDER BY o.id DESC
            """)
        #expect(rows.map(\.id) == expected)
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.status == .shipped })
        #expect(try database.count(.orders, filter: "status:shipped ayse").value == expected.count)
    }

    @Test func theNeedsActionViewIsTheOldestWaitingOrderFirstOnItsOwnIndex() throws {
        let rows = try walk(.orders, "is:needs-action")
        #expect(rows.map(\.id) == (try ids("""
            SELECT id FROM orders WHERE status IN ('received', 'preparing', 'on_hold') AND payment_status IN ('paid', 'partially_refunded')
            ORDER BY placed_at, id
            """)))
        #expect(!rows.isEmpty)
        // Paging back up from the bottom shows the same rows.
        let bottom = try database.window(.orders, .bottom, size: 10, filter: "is:needs-action", context: context)
        #expect(bottom.rows.map(\.item.id) == rows.suffix(10).map(\.id))
        let plan = try database.pool.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT t.id FROM orders t WHERE (t.status IN ('received', 'preparing', 'on_hold')
                  AND t.payment_status IN ('paid', 'partially_refunded')) ORDER BY t.placed_at, t.id LIMIT 20
                """).map { $0["detail"] as String }.joined(separator: "; ")
        }
        #expect(plan.contains("orders_needing_action"))
        #expect(!plan.contains("TEMP B-TREE"))
    }

    @Test func filteredCountsAreTheRowsTheListShowsAndTheViewCountsOnItsOwnIndex() throws {
        func counted<Item>(_ source: ListSource<Item>, _ filter: String) throws -> Int {
            let count = try database.count(source, filter: filter, context: context, cap: 100_000)
            #expect(!count.isCapped)
            return count.value
        }
        for filter in ["is:needs-action", "status:preparing", "tag:gift", "payment:refunded ayşe", "placed:<30d"] {
            #expect(try counted(.orders, filter) == (try walk(.orders, filter)).count, "\(filter)")
        }
        #expect(try counted(.shipments, "is:attention") == (try walk(.shipments, "is:attention")).count)
        #expect(try counted(.reviewInvites, "state:scheduled") == (try walk(.reviewInvites, "state:scheduled")).count)
        #expect(try counted(.conversations, "status:open") == (try walk(.conversations, "status:open")).count)
        #expect(try counted(.outbox, "state:sent") == (try walk(.outbox, "state:sent")).count)
        let capped = try database.count(.orders, filter: "placed:<3650d", context: context, cap: 10)
        #expect(capped == CappedCount(value: 10, isCapped: true))

        // The status bar's count of the view the desk opens on reads the view's partial index and
        // nothing else: no table rows, no customers.
        let resolved = try ResolvedFilter("is:needs-action", fields: ListSource.orders.fields, context: context)
        let query = AppDatabase.cappedCountQuery(.orders, resolved, cap: 10_000)
        let plan = try database.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(query.sql)", arguments: query.arguments)
                .map { $0["detail"] as String }.joined(separator: "; ")
        }
        #expect(plan.contains("SCAN t USING INDEX orders_needing_action"), "\(plan)")
        #expect(!plan.contains("customers") && !plan.contains(" c "), "\(plan)")
    }

    @Test func mistakesSayWhatWouldWork() {
        func error(_ filter: String) -> String? {
            do {
                _ = try database.window(.orders, .top, size: 5, filter: filter, context: context)
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(error("colour:red") == "There is no “colour:” filter here; this pane has carrier: fulfillment: fulfilment: is: payment: placed: status: tag:")
        #expect(error("status:lost") == "“status:lost” matches no status; use one of received, preparing, on-hold, shipped, delivered, cancelled, returned.")
        #expect(error("placed:soon") == "“placed:soon” is not a time: use placed:<7d (last 7 days), placed:>30d (older), placed:2026-11-01 or placed:>2026-11-01.")
        #expect(error("status:") == nil) // still being typed
        #expect(error("tag:%") == nil)   // LIKE wildcards are matched literally
    }
}
