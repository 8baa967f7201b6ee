import Foundation
import GRDB
import Testing
@testable import Tezgah
@testable import TezgahStore

/// How SQLite reads the lists that would otherwise grow with the shop's history, checked by query
/// plan on a shop that has been through ANALYZE (the demo) and on one that never has (a new shop,
/// where SQLite guesses from the indexes alone). Times are the benchmark's; plans are behaviour.
@Suite struct ListPlanTests {
    static let empty = try! AppDatabase(path: TemporaryFolder().file("empty.sqlite"))

    static func database(analyzed: Bool) -> AppDatabase {
        analyzed ? DemoShopFixture.database : empty
    }

    static func plan(_ database: AppDatabase, _ query: (String, StatementArguments)) throws -> String {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query.0, arguments: query.1).map { $0["detail"] as String }
                .joined(separator: "; ")
        }
    }

    /// The plans of a window read both ways (down from a row, and the end of the list).
    static func windowPlans<Item>(_ database: AppDatabase, _ source: ListSource<Item>, _ filter: String) throws -> [String] {
        let resolved = try ResolvedFilter(filter, fields: source.fields, context: FilterContext(now: testNow))
        let queries = try database.pool.read { db in
            let reader = WindowReader(db: db, source: source, filter: resolved)
            return [reader.query(after: PageKey(sort: testNow.unixSeconds, id: 1), inclusive: true, descending: true, limit: 39),
                    reader.query(after: nil, inclusive: false, descending: false, limit: 39)]
        }
        return try queries.map { try plan(database, $0) }
    }

    /// One carrier, one parcel status or one mail state: a range of one index, in the order shown
    /// (no sort of every match, no walk past the rest of the history).
    @Test(arguments: [false, true]) func oneValueFiltersReadOneIndexRangeInOrder(analyzed: Bool) throws {
        let database = Self.database(analyzed: analyzed)
        let cases: [([String], String)] = [
            (try Self.windowPlans(database, .shipments, "carrier:ups"), "shipments_by_carrier_shipped"),
            (try Self.windowPlans(database, .shipments, "status:in-transit"), "shipments_by_status_shipped"),
            (try Self.windowPlans(database, .outbox, "state:sent"), "outbox_by_state_created"),
        ]
        for (plans, index) in cases {
            for plan in plans {
                #expect(plan.hasPrefix("SEARCH t USING INDEX \(index) "), "\(plan)")
                #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
            }
        }
    }

    /// Several values of one field (`carrier:dhl,ups`): each value's range is read in order and the
    /// two merged, rather than every match sorted. (SQLite sorts each read's few rows again before
    /// merging, as it does not know a subquery's order; that sort holds one window at most.)
    @Test(arguments: [false, true]) func severalValuesAreMergedInOrder(analyzed: Bool) throws {
        let database = Self.database(analyzed: analyzed)
        for (plans, index) in [(try Self.windowPlans(database, .shipments, "carrier:dhl,ups"), "shipments_by_carrier_shipped"),
                               (try Self.windowPlans(database, .outbox, "state:failed,deferred"), "outbox_by_state_created")] {
            for plan in plans {
                #expect(plan.contains("MERGE (UNION ALL)") && plan.contains("SEARCH t USING INDEX \(index) "), "\(plan)")
                let readsSorted = plan.replacing(/SCAN \(subquery-\d+\); USE TEMP B-TREE FOR ORDER BY/, with: "")
                #expect(!readsSorted.contains("TEMP B-TREE"), "\(plan)")
            }
        }
    }

    /// The merged window holds exactly the rows of its values, in the list's order, page after page
    /// in both directions.
    @Test func severalValuesPageLikeOne() throws {
        let database = DemoShopFixture.database
        func all(_ filter: String) throws -> [Keyed<ShipmentSummary>] {
            var window = try database.window(.shipments, .top, size: 40, filter: filter)
            var rows = window.rows
            while window.hasAfter {
                window = try database.window(.shipments, .startingAt(rows.last!.key), size: 40, filter: filter)
                rows += window.rows.filter { $0.key < rows.last!.key }
            }
            return rows
        }
        let dhl = try all("carrier:dhl"), ups = try all("carrier:ups")
        let both = try all("carrier:dhl,ups")
        #expect(!dhl.isEmpty && !ups.isEmpty)
        #expect(both == (dhl + ups).sorted { $0.key > $1.key })
        #expect(try database.window(.shipments, .bottom, size: 40, filter: "carrier:dhl,ups").rows == Array(both.suffix(40)))
        let middle = both[100].key
        #expect(try database.window(.shipments, .endingBefore(middle), size: 40, filter: "carrier:ups,dhl").rows
                == Array(both[60..<100]))
        #expect(try database.count(.shipments, filter: "carrier:dhl,ups").value == both.count)
    }

    /// The Shipments pane's default view, its count and the status bar's count read the parcels in
    /// flight on their own index: left to its estimates, SQLite once read all 943,000 shipments of
    /// a 1M-order shop for the count, and sorted every open parcel for a window.
    @Test(arguments: [false, true]) func theAttentionViewReadsOnlyTheParcelsInFlight(analyzed: Bool) throws {
        let database = Self.database(analyzed: analyzed)
        for plan in try Self.windowPlans(database, .shipments, "is:attention") {
            #expect(plan.hasPrefix("SEARCH t USING INDEX shipments_in_flight") || plan.hasPrefix("SCAN t USING INDEX shipments_in_flight"),
                    "\(plan)")
            #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
        }
        let rule = ShipmentAttentionRule()
        #expect(try Self.plan(database, ShipmentAttentionSQL.count(rule: rule, now: testNow)) == "SCAN t USING COVERING INDEX shipments_in_flight")
        let resolved = try ResolvedFilter("is:attention", fields: ListSource.shipments.fields,
                                          context: FilterContext(now: testNow, attentionRule: rule))
        let count = try Self.plan(database, AppDatabase.cappedCountQuery(ListSource.shipments, resolved, cap: 10_000))
        #expect(count.contains("SCAN t USING COVERING INDEX shipments_in_flight"), "\(count)")
    }

    /// A tracking export without a carrier column finds each parcel on the (carrier, number) index,
    /// not by reading every shipment.
    @Test(arguments: [false, true]) func aTrackingNumberAloneIsFoundOnTheIndex(analyzed: Bool) throws {
        let database = Self.database(analyzed: analyzed)
        let plan = try Self.plan(database, ShopWriter.shipmentsByNumber("1Z999AA10123456784"))
        #expect(plan.contains("INDEX sqlite_autoindex_shipments_1 (carrier=? AND tracking_number=?)"), "\(plan)")
    }
}
