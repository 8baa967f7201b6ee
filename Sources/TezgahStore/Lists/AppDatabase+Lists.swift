import Foundation
import GRDB
import Tezgah

extension AppDatabase {
    /// Loads one window of a list, `size` rows at most, optionally narrowed by a filter
    /// (`FilterQuery`: free words and `field:value` terms).
    ///
    /// Unfiltered lists, and lists narrowed by terms only, run in (sort, id) order on an index. Lists
    /// with search words run in id order on the FTS table (newest first): FTS5 yields matches in rowid
    /// order, so a window of a broad filter costs its size rather than a sort of every match. The
    /// key's `sort` is then the id itself.
    public func window<Item>(_ source: ListSource<Item>, _ request: WindowRequest, size: Int,
                             filter: String = "", context: FilterContext? = nil) throws -> ListWindow<Keyed<Item>> {
        let size = max(size, 1)
        let resolved = try ResolvedFilter(filter, fields: source.fields, context: context ?? FilterContext(now: Date()))
        return try pool.read { db in
            let reader = WindowReader(db: db, source: source, filter: resolved)
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
    public func count<Item>(_ source: ListSource<Item>, filter: String = "", context: FilterContext? = nil,
                            cap: Int = 10_000) throws -> CappedCount {
        let resolved = try ResolvedFilter(filter, fields: source.fields, context: context ?? FilterContext(now: Date()))
        return try pool.read { db in
            if !resolved.conditions.isEmpty {
                let (sql, arguments) = Self.cappedCountQuery(source, resolved, cap: cap)
                let n = try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
                return CappedCount(value: min(n, cap), isCapped: n > cap)
            }
            if let match = resolved.match {
                let n = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM (SELECT 1 FROM \(source.search.rawValue) WHERE \(source.search.rawValue) MATCH ? LIMIT ?)
                    """, arguments: [match, cap + 1]) ?? 0
                return CappedCount(value: min(n, cap), isCapped: n > cap)
            }
            return .exact(try Int.fetchOne(db, sql: "SELECT rows FROM list_counts WHERE list = ?", arguments: [source.table]) ?? 0)
        }
    }
}

extension AppDatabase {
    /// `SELECT count(*)` of the rows matching filter conditions (and words), stopping at `cap + 1`.
    static func cappedCountQuery<Item>(_ source: ListSource<Item>, _ resolved: ResolvedFilter,
                                       cap: Int) -> (sql: String, arguments: StatementArguments) {
        // The listed table alone: the list's joins only add columns (see `ListSource.select`), and
        // reading them for every counted row made the "needs action" count at 1M orders read 6,000
        // pages (30 ms) before the first frame.
        let indexed = resolved.index.map { " INDEXED BY \($0)" } ?? ""
        var sql = "SELECT 1 FROM \(source.table) t\(indexed) WHERE \(resolved.whereSQL)"
        var arguments = resolved.arguments
        if let match = resolved.match {
            sql += " AND t.id IN (SELECT rowid FROM \(source.search.rawValue) WHERE \(source.search.rawValue) MATCH ?)"
            arguments += [match]
        } else if resolved.oldestFirst {
            // A view is paged on its own partial index; in the window's order SQLite counts on that
            // index too (2 ms) rather than on a wider one with a table lookup per row.
            sql += " ORDER BY \(source.sortColumn), t.id"
        }
        arguments += [cap + 1]
        return ("SELECT count(*) FROM (\(sql) LIMIT ?)", arguments)
    }
}

/// The two directions of keyset paging over one source, unfiltered or filtered.
struct WindowReader<Item: Sendable & Equatable> {
    let db: Database
    let source: ListSource<Item>
    let filter: ResolvedFilter

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

    private func fetch(after key: PageKey?, inclusive: Bool, descending down: Bool, limit: Int) throws -> [Keyed<Item>] {
        let (sql, arguments) = query(after: key, inclusive: inclusive, descending: down, limit: limit)
        let statement = try db.cachedStatement(sql: sql)
        return try Row.fetchAll(statement, arguments: arguments).map { row in
            let id: Int64 = row[1]
            let key = filter.match == nil ? PageKey(sort: row[0], id: id) : PageKey(sort: id, id: id)
            return Keyed(key: key, item: source.decode(row))
        }
    }

    /// The SQL of one window read (tests check its query plan).
    func query(after key: PageKey?, inclusive: Bool, descending down: Bool, limit: Int) -> (String, StatementArguments) {
        // "Down the screen" is older rows, or newer ones in a view read oldest first.
        let descending = down != filter.oldestFirst
        let match = filter.match
        let comparison = descending ? (inclusive ? "<=" : "<") : (inclusive ? ">=" : ">")
        let direction = descending ? "DESC" : "ASC"
        var arguments: StatementArguments = []
        let sql: String
        if let match, !filter.conditions.isEmpty {
            // Words and terms: walk the list by id, keeping rows that match both.
            let fts = source.search.rawValue
            var clauses = ["t.id IN (SELECT rowid FROM \(fts) WHERE \(fts) MATCH ?)", filter.whereSQL]
            arguments += [match]
            arguments += filter.arguments
            if let key {
                clauses.append("t.id \(comparison) ?")
                arguments += [key.id]
            }
            sql = "\(source.select) WHERE \(clauses.joined(separator: " AND ")) ORDER BY t.id \(direction) LIMIT ?"
            arguments += [limit]
        } else if let match {
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
            // One read per value when a condition names several (see `ListCondition.alternatives`),
            // merged in order by SQLite (each arm already sorted, so no sort of every match).
            var reads: [String] = []
            for arm in filter.alternatives {
                var clauses: [String] = []
                if !arm.conditions.isEmpty {
                    clauses.append(arm.whereSQL)
                    arguments += arm.arguments
                }
                if let key {
                    clauses.append("(\(source.sortColumn), t.id) \(comparison) (?, ?)")
                    arguments += [key.sort, key.id]
                }
                let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
                reads.append("\(source.select(indexedBy: filter.index))\(whereClause) ORDER BY \(source.sortColumn) \(direction), t.id \(direction) LIMIT ?")
                arguments += [limit]
            }
            if reads.count == 1 {
                sql = reads[0]
            } else {
                sql = reads.map { "SELECT * FROM (\($0))" }.joined(separator: " UNION ALL ") + " ORDER BY 1 \(direction), 2 \(direction) LIMIT ?"
                arguments += [limit]
            }
        }
        return (sql, arguments)
    }
}
