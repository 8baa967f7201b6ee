import Foundation
import GRDB

extension AppDatabase {
    /// Runs `changes` as one transaction: all of it commits, or none of it does.
    public func write<T>(_ changes: (ShopWriter) throws -> T) throws -> T {
        try pool.write { db in try changes(ShopWriter(db)) }
    }

    /// One transaction too large for SQLite's defaults, such as an import. Most writes open a
    /// statement journal, which SQLite moves to a temporary file past 64 KiB: a 100k-order import
    /// made 1.5 million pwrite calls (3.2 GB) for a 60 MB database. With `temp_store = MEMORY` the
    /// journals stay in memory (each holds only what one statement changed). A 16 MB page cache
    /// instead of 2 MB takes the same import from 14.7 s to 12.0 s, peak memory from 42 to 57 MB
    /// (64 MB would save 0.3 s more for 45 MB more).
    ///
    /// CHECK constraints are not evaluated inside: SQLite checks `status IN (...)` through a b-tree
    /// it builds again for every row of a many-row INSERT, which was half of inserting an order.
    /// What a large write stores in checked columns comes from Swift enums whose raw values are
    /// exactly the schema's lists (`SchemaCheckTests` holds them together) or from validated cells
    /// (an item's quantity above zero). (Turning the checks on and off per statement would not do:
    /// SQLite discards every prepared statement when the setting changes.)
    ///
    /// All three settings are put back afterwards. Search text is written in batches (see
    /// `SearchIndexBatch`); nothing inside `changes` may read the search index. List counts are
    /// taken once at the end (see `ListCounts.countingOnce`), and so are the Insight summaries of
    /// new orders (`InsightSummaries.countingNewOrdersOnce`); nothing inside may read them.
    func largeWrite<T>(cacheMegabytes: Int = 16, _ changes: (ShopWriter) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
            let previousTemp = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
            try db.execute(sql: "PRAGMA cache_size = \(-cacheMegabytes * 1_024); PRAGMA temp_store = MEMORY; PRAGMA ignore_check_constraints = ON")
            defer {
                try? db.execute(sql: "PRAGMA cache_size = \(previous); PRAGMA temp_store = \(previousTemp); PRAGMA ignore_check_constraints = OFF")
            }
            var result: T?
            try db.inTransaction(.immediate) {
                try ListCounts.countingOnce(db) {
                    try InsightSummaries.countingNewOrdersOnce(db) {
                        let batch = SearchIndexBatch()
                        result = try changes(ShopWriter(db, searchBatch: batch))
                        try batch.flush(db)
                    }
                }
                return .commit
            }
            return result!
        }
    }
}
