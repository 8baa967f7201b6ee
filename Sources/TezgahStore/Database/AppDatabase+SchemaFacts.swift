import GRDB

/// What the schema holds, for tools that work beside the store on the same file (the benchmark's
/// import floor builds its SQL from these, so it follows the migrations).
extension AppDatabase {
    /// The triggers on these tables, with the SQL that created them.
    public func triggers(on tables: [String]) throws -> [(name: String, sql: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (\(databaseQuestionMarks(count: tables.count)))
                ORDER BY name
                """, arguments: StatementArguments(tables)).map { ($0[0], $0[1]) }
        }
    }

    /// The full-text table holding orders' search text (rowid = order id).
    public static let orderSearchTable = SearchIndex.orders.rawValue
}
