import Foundation
import GRDB
import Testing
@testable import Tezgah
@testable import TezgahStore

/// Keyset paging must show exactly the rows of the full ordered list, window by window, in order.
@Suite struct ListWindowTests {
    let database = DemoShopFixture.database

    private func allOrderIDs() throws -> [Int64] {
        try database.pool.read { try Int64.fetchAll($0, sql: "SELECT id FROM orders ORDER BY placed_at DESC, id DESC") }
    }

    @Test func walkingDownWindowByWindowVisitsEveryRowOnce() throws {
        var seen: [Int64] = []
        var window = try database.window(.orders, .top, size: 37)
        #expect(!window.hasBefore)
        seen += window.rows.map(\.item.id)
        while window.hasAfter {
            let last = window.rows.last!.key
            window = try database.window(.orders, .startingAt(last), size: 37)
            #expect(window.hasBefore)
            #expect(window.rows.count == 37) // the last page is filled from above, never short
            seen += window.rows.filter { $0.key < last }.map(\.item.id)
        }
        #expect(seen == (try allOrderIDs()))
    }

    @Test func scrollingUpOneRowShowsThePreviousRowFirst() throws {
        let ids = try allOrderIDs()
        let middle = try database.window(.orders, .startingAt(try key(of: ids[100])), size: 20)
        #expect(middle.rows.first?.item.id == ids[100])
        let up = try database.window(.orders, .startingAbove(middle.rows[0].key), size: 20)
        #expect(up.rows.map(\.item.id) == Array(ids[99..<119]))
        let top = try database.window(.orders, .startingAbove(try key(of: ids[0])), size: 20)
        #expect(top.rows.first?.item.id == ids[0])
        #expect(!top.hasBefore)
    }

    @Test func pagingUpEndsRightBeforeTheWindow() throws {
        let ids = try allOrderIDs()
        let page = try database.window(.orders, .endingBefore(try key(of: ids[60])), size: 20)
        #expect(page.rows.map(\.item.id) == Array(ids[40..<60]))
        // Near the top, a page up shows the first full window.
        let nearTop = try database.window(.orders, .endingBefore(try key(of: ids[5])), size: 20)
        #expect(nearTop.rows.map(\.item.id) == Array(ids[0..<20]))
        #expect(!nearTop.hasBefore)
    }

    @Test func bottomIsTheLastFullWindow() throws {
        let ids = try allOrderIDs()
        let bottom = try database.window(.orders, .bottom, size: 25)
        #expect(bottom.rows.map(\.item.id) == Array(ids.suffix(25)))
        #expect(bottom.hasBefore && !bottom.hasAfter)
        // Starting near the end fills the window from above rather than showing a short one.
        let late = try database.window(.orders, .startingAt(try key(of: ids[ids.count - 3])), size: 25)
        #expect(late.rows.map(\.item.id) == Array(ids.suffix(25)))
    }

    @Test func everyPaneListsNewestFirst() throws {
        func sorted<T>(_ source: ListSource<T>) throws -> Bool {
            let rows = try database.window(source, .top, size: 200).rows
            return !rows.isEmpty && zip(rows, rows.dropFirst()).allSatisfy { $0.key > $1.key }
        }
        #expect(try sorted(.orders))
        #expect(try sorted(.shipments))
        #expect(try sorted(.reviewInvites))
        #expect(try sorted(.conversations))
        #expect(try sorted(.loyaltyAccounts))
        #expect(try sorted(.outbox))
    }

    @Test func listQueriesUseTheirIndexesNotASortOfTheTable() throws {
        for (sql, index) in [
            ("\(ListSource.orders.select) ORDER BY t.placed_at DESC, t.id DESC LIMIT 30", "orders_by_placed"),
            ("\(ListSource.shipments.select) WHERE (t.shipped_at, t.id) < (1, 1) ORDER BY t.shipped_at DESC, t.id DESC LIMIT 30", "shipments_by_shipped"),
            ("\(ListSource.outbox.select) ORDER BY t.created_at ASC, t.id ASC LIMIT 30", "outbox_by_created"),
        ] {
            let plan = try database.pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)").map { $0["detail"] as String }.joined(separator: "\n")
            }
            #expect(plan.contains(index), "\(plan)")
            #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
        }
    }

    private func key(of id: Int64) throws -> PageKey {
        let placed = try database.pool.read { try Int64.fetchOne($0, sql: "SELECT placed_at FROM orders WHERE id = ?", arguments: [id])! }
        return PageKey(sort: placed, id: id)
    }
}
