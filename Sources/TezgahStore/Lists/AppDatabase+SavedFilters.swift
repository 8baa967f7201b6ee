import Foundation
import GRDB
import Tezgah

/// Saved filters live in the shop database, so everyone working the shop shares them; each pane
/// has its own, numbered 1–9 in the order they were saved.
extension AppDatabase {
    public func savedFilters(pane: String) throws -> [SavedFilter] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, query FROM saved_filters WHERE pane = ? ORDER BY created_at, rowid",
                             arguments: [pane]).map { SavedFilter(name: $0[0], query: $0[1]) }
        }
    }

    /// Saves (or replaces, keeping its number) a filter under `name`.
    public func saveFilter(pane: String, name: String, query: String, now: Date) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO saved_filters(pane, name, query, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(pane, name) DO UPDATE SET query = excluded.query
                """, arguments: [pane, name, query, now.unixSeconds])
        }
    }

    /// Deletes a saved filter; false when there was none by that name.
    public func deleteFilter(pane: String, name: String) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM saved_filters WHERE pane = ? AND name = ?", arguments: [pane, name])
            return db.changesCount > 0
        }
    }
}
