import Foundation
import GRDB
import Tezgah

extension AppDatabase {
    /// Loads one window of a list, `size` rows at most, optionally narrowed by a filter.
    ///
    /// Unfiltered lists run in (sort, id) order on their index. Filtered lists run in id order on the
    /// FTS table (newest first): FTS5 yields matches in rowid order, so a window of a broad filter
    /// costs its size rather than a sort of every match. The key's `sort` is then the id itself.
    public func window<Item>(_ source: ListSource<Item>, _ request: WindowRequest, size: Int,
                             filter: String = "") throws -> ListWindow<Keyed<Item>> {
        let size = max(size, 1)
        let match = SearchIndex.matchExpression(for: filter)
        return try pool.read { db in
            let reader = WindowReader(db: db, source: source, match: match)
            switch request {
            case .top:
                return try reader.top(size)
            case .startingAt(let key):
                return try reader.starting(at: key, size)
            case .startingAbove(let key):
                guard let above = try reader.up(from: key, limit: 1).first else { return try reader.top(size) }
                return try reader.starting(at: above.key, size)
            case .endingBefore(let key):
                let above = try reader.up(from: key, limit: size + 1)
                if above.count <= size { return try reader.top(size) }
                return ListWindow(rows: above.prefix(size).reversed(), hasBefore: true, hasAfter: true)
            case .bottom:
                let above = try reader.up(from: nil, limit: size + 1)
                return ListWindow(rows: above.prefix(size).reversed(), hasBefore: above.count > size, hasAfter: false)
            }
        }
    }

    /// How many rows the list has (or, with a filter, how many match, counted up to `cap`).
    public func count<Item>(_ source: ListSource<Item>, filter: String = "", cap: Int = 10_000) throws -> CappedCount {
        try pool.read { db in
            if let match = SearchIndex.matchExpression(for: filter) {
                let n = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM (SELECT 1 FROM \(source.search.rawValue) WHERE \(source.search.rawValue) MATCH ? LIMIT ?)
                    """, arguments: [match, cap + 1]) ?? 0
                return CappedCount(value: min(n, cap), isCapped: n > cap)
            }
            return .exact(try Int.fetchOne(db, sql: "SELECT rows FROM list_counts WHERE list = ?", arguments: [source.table]) ?? 0)
        }
    }
}

/// The two directions of keyset paging over one source, unfiltered or filtered.
private struct WindowReader<Item: Sendable & Equatable> {
    let db: Database
    let source: ListSource<Item>
    let match: String?

    /// The first window of the list.
    func top(_ size: Int) throws -> ListWindow<Keyed<Item>> {
        let rows = try down(from: nil, inclusive: false, limit: size + 1)
        return ListWindow(rows: Array(rows.prefix(size)), hasBefore: false, hasAfter: rows.count > size)
    }

    /// The window starting at `key`; if the list ends before it is full, the last full window.
    func starting(at key: PageKey, _ size: Int) throws -> ListWindow<Keyed<Item>> {
        var rows = try down(from: key, inclusive: true, limit: size + 1)
        let hasAfter = rows.count > size
        rows = Array(rows.prefix(size))
        if rows.count < size {
            let above = try up(from: rows.first?.key ?? key, limit: size - rows.count + 1)
            let fill = above.prefix(size - rows.count)
            return ListWindow(rows: fill.reversed() + rows, hasBefore: above.count > fill.count, hasAfter: false)
        }
        let hasBefore = try !up(from: rows[0].key, limit: 1).isEmpty
        return ListWindow(rows: rows, hasBefore: hasBefore, hasAfter: hasAfter)
    }

    /// Rows further down the list (older) than `key`, newest first.
    func down(from key: PageKey?, inclusive: Bool, limit: Int) throws -> [Keyed<Item>] {
        try fetch(after: key, inclusive: inclusive, descending: true, limit: limit)
    }

    /// Rows further up the list (newer) than `key`, nearest first.
    func up(from key: PageKey?, limit: Int) throws -> [Keyed<Item>] {
        try fetch(after: key, inclusive: false, descending: false, limit: limit)
    }

    private func fetch(after key: PageKey?, inclusive: Bool, descending: Bool, limit: Int) throws -> [Keyed<Item>] {
        let comparison = descending ? (inclusive ? "<=" : "<") : (inclusive ? ">=" : ">")
        let direction = descending ? "DESC" : "ASC"
        var arguments: StatementArguments = []
        let sql: String
        if let match {
            let fts = source.search.rawValue
            var inner = "SELECT rowid FROM \(fts) WHERE \(fts) MATCH ?"
            arguments += [match]
            if let key {
                inner += " AND rowid \(comparison) ?"
                arguments += [key.id]
            }
            inner += " ORDER BY rowid \(direction) LIMIT ?"
            arguments += [limit]
            sql = "\(source.select) WHERE t.id IN (\(inner)) ORDER BY t.id \(direction)"
        } else {
            var whereClause = ""
            if let key {
                whereClause = " WHERE (\(source.sortColumn), t.id) \(comparison) (?, ?)"
                arguments += [key.sort, key.id]
            }
            sql = "\(source.select)\(whereClause) ORDER BY \(source.sortColumn) \(direction), t.id \(direction) LIMIT ?"
            arguments += [limit]
        }
        let statement = try db.cachedStatement(sql: sql)
        return try Row.fetchAll(statement, arguments: arguments).map { row in
            let id: Int64 = row[1]
            let key = match == nil ? PageKey(sort: row[0], id: id) : PageKey(sort: id, id: id)
            return Keyed(key: key, item: source.decode(row))
        }
    }
}
