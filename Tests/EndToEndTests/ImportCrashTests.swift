import Foundation
import GRDB
import Testing
@testable import TezgahStore

/// An import killed with SIGKILL at random moments (seeded) never leaves half a file behind: the
/// shop is exactly as before or exactly as after, SQLite finds it whole, and importing again gives
/// the same shop as one clean import. `TEZGAH_CRASH_ORDERS` sets the export's size (100,000 with a
/// release binary in `TEZGAH_BIN`; the default keeps `swift test` quick on a debug build).
@Suite(.serialized) struct ImportCrashTests {
    static let orders = Int(ProcessInfo.processInfo.environment["TEZGAH_CRASH_ORDERS"] ?? "") ?? 10_000
    static let kills = 20

    /// A Shopify export: `count` orders from a few thousand customers; every seventh refunded in
    /// the full export, so orders the shop had before are updated too.
    static func export(_ path: String, count: Int, refunds: Bool, first: Int = 10_000) throws {
        var text = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Id\r\n"
        for index in 0..<count {
            let customer = index * 7919 % max(1, count / 3)
            let status = refunds && index % 7 == 0 ? "refunded" : "paid"
            text += "#\(first + index),c\(customer)@example.com,\(status),,unfulfilled,,TRY,100.00,0,0,100.00,"
                + "2026-11-\(String(format: "%02d", 1 + index % 28)) \(String(format: "%02d", index % 24)):\(String(format: "%02d", index % 60)):00 +0300,"
                + "\(1 + index % 3),Kupa \(index % 50),100.00,K-\(index % 50),Müşteri Şükrü \(customer),\(890_000 + first + index)\r\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The shop's content that an import writes, without the clock's columns, as one text.
    static func content(_ path: String) throws -> String {
        let database = try AppDatabase(path: path)
        defer { try? database.close() }
        return try database.pool.read { db in
            guard try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok" else { return "integrity_check failed" }
            let queries = [
                "SELECT number, customer_id, status, payment_status, fulfillment_status, currency, total_minor, refunded_minor, item_count, placed_at FROM orders ORDER BY id",
                "SELECT order_id, sku, name, quantity, unit_price_minor FROM order_lines ORDER BY id",
                "SELECT id, name, email FROM customers ORDER BY id",
                "SELECT count(*) FROM orders_fts",
                "SELECT list, rows FROM list_counts ORDER BY list",
                "SELECT * FROM sales_by_hour ORDER BY 1, 2",
                "SELECT * FROM customer_stats ORDER BY 1",
                "SELECT * FROM daily_counts WHERE count <> 0 ORDER BY 1, 2",
            ]
            // Each query's rows joined by SQLite itself: decoding 300,000 rows one by one in a debug
            // build took most of a 100k run's time.
            return try queries.map { sql in
                let columns = try db.makeStatement(sql: sql).columnNames.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
                return try String.fetchOne(db, sql: "SELECT group_concat(\(columns), char(10)) FROM (\(sql))") ?? ""
            }.joined(separator: "\n--\n")
        }
    }

    static func copy(_ from: String, to: String) throws {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: to + suffix)
            if FileManager.default.fileExists(atPath: from + suffix) { try FileManager.default.copyItem(atPath: from + suffix, toPath: to + suffix) }
        }
    }

    @Test func aKilledImportLeavesTheShopAsBeforeOrAfterAndAReRunFinishesIt() throws {
        let scratch = Scratch()
        let part = scratch.file("part.csv"), full = scratch.file("full.csv")
        try Self.export(part, count: Self.orders / 10, refunds: false)
        try Self.export(full, count: Self.orders, refunds: true)
        let before = scratch.file("before.sqlite")
        let first = try TezgahBinary.run(["import", "--db", before, part])
        #expect(first.status == 0, "\(first.error)")
        let beforeContent = try Self.content(before)

        // One clean import, timed, gives the state every run must end in.
        let clean = scratch.file("clean.sqlite")
        try Self.copy(before, to: clean)
        let started = Date()
        let cleanRun = try TezgahBinary.run(["import", "--db", clean, full])
        let duration = Date().timeIntervalSince(started)
        #expect(cleanRun.status == 0, "\(cleanRun.error)")
        let afterContent = try Self.content(clean)
        #expect(afterContent != beforeContent)

        var random = SplitMix64(seed: 28)
        var interrupted = 0, finished = 0
        for run in 0..<Self.kills {
            let shop = scratch.file("run\(run).sqlite")
            try Self.copy(before, to: shop)
            // Anywhere from the start to a little after a clean import would have ended.
            _ = try SyncAndTickCrashTests.killed(["import", "--db", shop, full], after: duration, &random)

            let afterKill = try Self.content(shop)
            #expect(afterKill == beforeContent || afterKill == afterContent, "run \(run): neither before nor after")
            if afterKill == beforeContent { interrupted += 1 } else if afterKill == afterContent { finished += 1 }
            let again = try TezgahBinary.run(["import", "--db", shop, full])
            #expect(again.status == 0, "run \(run): \(again.error)")
            #expect(try Self.content(shop) == afterContent, "run \(run): importing again gives the clean import's shop")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: shop + suffix) }
        }
        #expect(interrupted >= Self.kills / 3, "most kills should land inside the import (\(interrupted) did, \(finished) after)")
        print("import crash test: \(Self.orders) orders, clean import \(String(format: "%.2f", duration)) s, \(interrupted) killed inside, \(finished) after")
    }
}
