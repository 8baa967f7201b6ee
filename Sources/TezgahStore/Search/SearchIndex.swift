import Foundation
import GRDB
import Tezgah

/// The full-text tables, one per listed entity. The FTS rowid is the entity's id.
enum SearchIndex: String, CaseIterable {
    case orders = "orders_fts"
    case shipments = "shipments_fts"
    case reviewInvites = "review_invites_fts"
    case conversations = "conversations_fts"
    case loyaltyAccounts = "loyalty_accounts_fts"
    case outbox = "outbox_fts"

    /// The folded text stored for a row's parts.
    static func text(_ parts: [String]) -> String {
        SearchFolding.fold(parts.joined(separator: " "))
    }

    /// Stores (or replaces) several rows' text, many to a statement; a later row with the same id wins.
    func write(_ db: Database, rows: some Collection<(id: Int64, text: String)>) throws {
        let rows = Array(rows)
        try RawInsert.rows(db, into: rawValue, ["rowid", "text"], count: rows.count, largest: SearchIndexBatch.rowsPerStatement,
                           orReplace: true) { insert, range in
            for row in rows[range] {
                insert.add(row.id)
                insert.add(row.text)
            }
        }
    }

    /// An FTS5 query matching rows that have a word starting with each term, e.g. `"ays"* "yil"*`.
    /// Terms are already folded to letters and digits; quotes are doubled anyway so no input can
    /// change the query's shape. Returns nil when the filter has no searchable term.
    static func matchExpression(for filter: String, exactWords: [String] = []) -> String? {
        let prefixes = SearchFolding.terms(filter).map { quoted($0) + "*" }
        let exact = exactWords.flatMap(SearchFolding.terms).map(quoted)
        guard !prefixes.isEmpty || !exact.isEmpty else { return nil }
        return (prefixes + exact).joined(separator: " ")
    }

    private static func quoted(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Search text written during one large transaction (an import), stored a few hundred rows per
/// statement when the transaction ends or enough has gathered.
///
/// Why: SQLite opens a statement savepoint for most writes, and FTS5 writes its pending terms out
/// as a new index segment at every savepoint. Indexing row by row between the other writes made one
/// tiny segment per order, and merging those took a fifth of an import's time. Several hundred rows
/// in one statement make one segment. Memory stays bounded by `rowsPerStatement`.
final class SearchIndexBatch {
    static let rowsPerStatement = 4_096
    private var pending: [(table: SearchIndex, id: Int64, text: String)] = []
    private var pendingIDs: [SearchIndex: Set<Int64>] = [:]

    /// Whether text for this row is waiting to be written.
    func holds(_ table: SearchIndex, id: Int64) -> Bool {
        pendingIDs[table]?.contains(id) ?? false
    }

    func add(_ table: SearchIndex, id: Int64, text: String, db: Database) throws {
        pending.append((table, id, text))
        pendingIDs[table, default: []].insert(id)
        if pending.count >= Self.rowsPerStatement { try flush(db) }
    }

    /// Writes what has gathered, keeping the order rows were added in within each table.
    func flush(_ db: Database) throws {
        var index = pending.startIndex
        while index < pending.endIndex {
            let table = pending[index].table
            var end = index
            while end < pending.endIndex && pending[end].table == table { end += 1 }
            try table.write(db, rows: pending[index..<end].lazy.map { (id: $0.id, text: $0.text) })
            index = end
        }
        pending.removeAll(keepingCapacity: true)
        pendingIDs.removeAll(keepingCapacity: true)
    }
}
