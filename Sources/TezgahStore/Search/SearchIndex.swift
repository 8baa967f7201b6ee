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

    /// Stores (or replaces) the searchable text of one row; the parts are folded here, once.
    func index(_ db: Database, id: Int64, parts: [String]) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(rawValue)(rowid, text) VALUES (?, ?)")
        try statement.execute(arguments: [id, SearchFolding.fold(parts.joined(separator: " "))])
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
