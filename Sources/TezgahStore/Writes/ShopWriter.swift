import Foundation
import GRDB
import Tezgah

/// Writes inside one open transaction, each keeping the store's invariants: a listed row and its
/// search text change together, a ledger entry never stands alone, an activity entry names its actor.
///
/// Importers, the demo builder and the TUI's actions all write through here, so there is one way
/// each thing enters the database.
public struct ShopWriter {
    let db: Database
    /// Search text waiting to be written, in a large write; nil writes it at once.
    let searchBatch: SearchIndexBatch?

    init(_ db: Database, searchBatch: SearchIndexBatch? = nil) {
        self.db = db
        self.searchBatch = searchBatch
    }

    /// Stores a row's search text now, or with the batch of a large write.
    func index(_ table: SearchIndex, id: Int64, parts: [String]) throws {
        try index(table, id: id, text: SearchIndex.text(parts))
    }

    /// Stores a row's search text, already folded (`SearchIndex.text`).
    func index(_ table: SearchIndex, id: Int64, text: String) throws {
        if let searchBatch {
            try searchBatch.add(table, id: id, text: text, db: db)
        } else {
            try table.write(db, rows: [(id: id, text: text)])
        }
    }

    func run(_ sql: String, _ arguments: StatementArguments) throws -> Int64 {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
        return db.lastInsertedRowID
    }

    public func setSetting(_ key: String, _ value: String) throws {
        _ = try run("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, value])
    }

    @discardableResult
    public func logActivity(at: Date, actor: String, subjectType: String, subjectID: Int64, action: String,
                            detail: String = "") throws -> Int64 {
        try run("INSERT INTO activity_log(at, actor, subject_type, subject_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)",
                    [at.unixSeconds, actor, subjectType, subjectID, action, detail])
    }
}
