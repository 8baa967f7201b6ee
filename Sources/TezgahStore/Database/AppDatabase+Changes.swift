import GRDB

extension AppDatabase {
    /// A number that changes when another connection (the mail worker, an import, another desk)
    /// has committed to the shop since it was last read; this connection's own commits leave it
    /// as it is (SQLite's `PRAGMA data_version`). One pragma, no table read: the desk asks every
    /// second while idle to stay current.
    ///
    /// Read on the writer's connection, the one connection whose counter the next call compares with.
    public func changesElsewhere() throws -> Int64 {
        try pool.writeWithoutTransaction { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
