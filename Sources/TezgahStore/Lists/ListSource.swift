import Foundation
import GRDB
import Tezgah

/// How one pane's list is read from SQLite: the row query, the column it is ordered by (newest
/// first, with the id as tie-breaker, both covered by an index), and the full-text table for filters.
///
/// Every pane's list goes through the same keyset-paging code in `AppDatabase+Lists`, so the cost of a
/// window depends on its size, never on the shop's history.
public struct ListSource<Item: Sendable & Equatable>: Sendable {
    /// `SELECT <columns> FROM …` with the listed table aliased as `t`; columns 0 and 1 must be the
    /// sort value and the id, the rest are what `decode` reads from index 2 on. Joins only add
    /// columns: each reaches a parent row through a NOT NULL foreign key (or is a LEFT JOIN), so it
    /// never drops a row, and counts read `table` alone. Filter conditions name only `t`'s columns.
    let select: String
    let sortColumn: String
    let table: String
    let search: SearchIndex
    /// The `field:value` terms this list's filter understands (see `FilterField`).
    var fields: [String: FilterField] = [:]
    let decode: @Sendable (Row) -> Item

    /// `select` reading the listed table through `index` (`INDEXED BY`), for a view with its own
    /// partial index (see `ListCondition.index`); `select` itself when nil.
    func select(indexedBy index: String?) -> String {
        guard let index else { return select }
        return select.replacingOccurrences(of: "FROM \(table) t ", with: "FROM \(table) t INDEXED BY \(index) ")
    }
}

/// A listed item and the key it was paged by.
public struct Keyed<Item: Sendable & Equatable>: Sendable, Equatable {
    public var key: PageKey
    public var item: Item

    public init(key: PageKey, item: Item) {
        self.key = key
        self.item = item
    }
}
