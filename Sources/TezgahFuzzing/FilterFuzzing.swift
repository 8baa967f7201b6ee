import Foundation
import Tezgah
import TezgahStore

/// Whatever is typed into the filter box, each pane's list either says what is wrong with the filter
/// (a `FilterError`) or runs: quotes, `*`, `NEAR`, `^`, SQL and field names never reach SQLite as
/// syntax. Run against a small demo shop, so the queries read real rows.
enum FilterFuzzing {
    private static let path = FileManager.default.temporaryDirectory.appendingPathComponent("tezgah-fuzz-\(getpid()).sqlite").path
    private static let database: AppDatabase = {
        removeShop()
        // The shop lives as long as the process (a fuzz run or the test suite), then goes.
        atexit { FilterFuzzing.removeShop() }
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        try! DemoShop(orders: 60, seed: 7, now: now).build(at: path)
        return try! AppDatabase(path: path)
    }()

    private static func removeShop() {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
    private static let context = FilterContext(now: Date(timeIntervalSince1970: 1_780_000_000), timeZone: TimeZone(identifier: "Europe/Istanbul")!)

    static func run(_ bytes: [UInt8]) throws {
        let filter = String(decoding: bytes, as: UTF8.self)
        _ = FilterQuery(filter)
        try check("orders", ListSource.orders, filter)
        try check("shipments", ListSource.shipments, filter)
        try check("outbox", ListSource.outbox, filter)
        try check("reviewInvites", ListSource.reviewInvites, filter)
        try check("conversations", ListSource.conversations, filter)
        try check("loyaltyAccounts", ListSource.loyaltyAccounts, filter)
    }

    private static func check<Item>(_ name: String, _ source: ListSource<Item>, _ filter: String) throws {
        do {
            _ = try database.window(source, .top, size: 20, filter: filter, context: context)
            _ = try database.count(source, filter: filter, context: context)
        } catch is FilterError {
            return
        } catch {
            throw FuzzFinding("the \(name) list fails on the filter \(filter.debugDescription): \(error)")
        }
    }
}
