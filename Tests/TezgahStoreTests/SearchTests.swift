import Foundation
import GRDB
import Testing
@testable import Tezgah
@testable import TezgahStore

@Suite struct SearchTests {
    let database = DemoShopFixture.database

    /// Orders whose customer name has a word starting with `prefix` once folded, computed in Swift.
    private func expectedOrderIDs(nameWordPrefix prefix: String) throws -> [Int64] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id DESC")
                .filter { SearchFolding.terms($0[1]).contains { $0.hasPrefix(prefix) } }
                .map { $0[0] }
        }
    }

    private func allMatches(_ filter: String) throws -> [Keyed<OrderSummary>] {
        var window = try database.window(.orders, .top, size: 50, filter: filter)
        var rows = window.rows
        while window.hasAfter {
            let last = window.rows.last!.key
            window = try database.window(.orders, .startingAt(last), size: 50, filter: filter)
            rows += window.rows.filter { $0.key < last }
        }
        return rows
    }

    @Test(arguments: ["isik", "IŞIK", "ışık", "Işık"])
    func dotlessAndDottedIFindTheSameCustomers(query: String) throws {
        let rows = try allMatches(query)
        #expect(!rows.isEmpty)
        let expected = try expectedOrderIDs(nameWordPrefix: "isik")
        // Every order of a customer called Işık… is found (other fields may add more, e.g. a city).
        #expect(Set(expected).isSubset(of: Set(rows.map(\.item.id))))
        #expect(rows.contains { $0.item.customerName.contains("Işık") })
    }

    @Test func sukruFindsSukru() throws {
        let rows = try allMatches("sukru")
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.item.customerName.contains("Şükrü") })
        let expected = try expectedOrderIDs(nameWordPrefix: "sukru")
        #expect(rows.map(\.item.id) == expected)
    }

    @Test func wordsNarrowTogetherAndCountsAgree() throws {
        let both = try allMatches("ayse yil")
        #expect(!both.isEmpty)
        #expect(both.allSatisfy { let f = SearchFolding.terms($0.item.customerName); return f.contains { $0.hasPrefix("ayse") } })
        let count = try database.count(.orders, filter: "ayse yil")
        #expect(count == .exact(both.count))
        #expect(try database.count(.orders, filter: "a", cap: 10) == CappedCount(value: 10, isCapped: true))
    }

    @Test func filterTextCannotChangeTheQuery() throws {
        for hostile in ["\" OR 1=1 --", "NEAR(a b)", "*", "ayse\" *", "'; DROP TABLE orders; --", "^ayse", "ayse NEAR/2 yilmaz",
                        "ayse AND NOT yilmaz", "{text}: ayse", "ayse)", "\"\"\""] {
            _ = try database.window(.orders, .top, size: 10, filter: hostile)
            _ = try database.count(.orders, filter: hostile)
        }
        #expect(try database.count(.orders).value == DemoShopFixture.orders)
        // FTS5's syntax is only text: ^, quotes and column filters find what the words alone find.
        let plain = try database.count(.orders, filter: "ayse")
        for dressed in ["^ayse", "\"ayse\"", "ayse*", "(ayse)", "ayse^"] {
            #expect(try database.count(.orders, filter: dressed) == plain, "\(dressed)")
        }
    }

    @Test func eachPaneSearchesItsOwnText() throws {
        let tracking = try database.window(.shipments, .top, size: 1).rows[0].item.trackingNumber
        #expect(try database.window(.shipments, .top, size: 5, filter: tracking).rows.first?.item.trackingNumber == tracking)
        #expect(!(try database.window(.conversations, .top, size: 5, filter: "siparisim").rows.isEmpty))
        #expect(!(try database.window(.loyaltyAccounts, .top, size: 5, filter: "gold").rows.isEmpty))
        #expect(!(try database.window(.outbox, .top, size: 5, filter: "failed").rows.isEmpty))
        #expect(!(try database.window(.reviewInvites, .top, size: 5, filter: "deferred").rows.isEmpty))
    }
}
