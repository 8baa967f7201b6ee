import Foundation
import GRDB
import Tezgah

/// A piece of SQL a filter term narrows a list by, with its values bound (never spliced in).
struct ListCondition: Sendable {
    var sql: String
    var arguments: StatementArguments = []
    /// The view reads oldest first (the "needs action" queue is worked from its oldest order).
    var oldestFirst = false
    /// A partial index holding just the view's rows, which its windows and count read (`INDEXED
    /// BY`) rather than leave SQLite to pick by its row estimates: those differ with and without
    /// ANALYZE's statistics, and some picks read or sort every row of the shop's history.
    var index: String?
    /// Whole words the row's search text must hold: lets the full-text index find the few rows a
    /// rare value names, where the SQL alone would read the whole table to say "none".
    var searchWords: [String] = []
    /// The condition one value at a time, when it names several values of one field
    /// (`carrier:dhl,ups`): a window reads each value's index range in order and merges them,
    /// where `IN` over both would make SQLite sort every match (650 ms at 1M orders).
    var alternatives: [ListCondition] = []
}

/// One `field:value` a pane understands, turning the value into a condition or a sentence saying
/// what values would work.
struct FilterField: Sendable {
    let read: @Sendable (_ value: String, _ context: FilterContext) throws -> ListCondition

    /// A column holding one of a few words (a status). `status:pre` picks the one status starting
    /// so; `status:received,preparing` either of two.
    static func choice<E: RawRepresentable & CaseIterable & Sendable>(_ column: String, _ type: E.Type, field: String,
                                                                      title: @escaping @Sendable (E) -> String) -> FilterField
    where E.RawValue == String {
        choices(E.allCases.map { ($0.rawValue, [$0.rawValue, title($0)]) }, field: field) { "\(column) IN (\($0))" }
    }

    /// A carrier, by its code or name (`carrier:ups`, `carrier:yurtiçi`), read from `expression`.
    static func carrier(_ expression: @escaping @Sendable (String) -> String) -> FilterField {
        choices(Carrier.allCases.map { ($0.rawValue, [$0.rawValue, $0.title]) }, field: "carrier", expression)
    }

    /// One or more of `options` (comma-separated), bound into `expression`'s placeholders.
    private static func choices(_ options: [(raw: String, words: [String])], field: String,
                                _ expression: @escaping @Sendable (_ placeholders: String) -> String) -> FilterField {
        FilterField { value, _ in
            let raws = try value.split(separator: ",").map { try pick(String($0), from: options, field: field) }
            return ListCondition(sql: expression(databaseQuestionMarks(count: raws.count)), arguments: StatementArguments(raws),
                                 alternatives: raws.count > 1 ? raws.map { ListCondition(sql: expression("?"), arguments: [$0]) } : [])
        }
    }

    /// `id:1042`, which every list understands: one row by its id, the way the customer view opens
    /// a row of its timeline in that row's own pane.
    static let rowID = FilterField { value, _ in
        guard let id = Int64(value), id > 0 else {
            throw FilterError(Said("“id:{value}” is not a row id; use a number, as in id:1042.", ["value": value]))
        }
        return ListCondition(sql: "t.id = ?", arguments: [id])
    }

    /// A comma-separated tags column: `tag:gift` is one of the tags exactly (ignoring case). Tags are
    /// in the search text too, so the index narrows to rows with the word before the column decides.
    static func tag(_ column: String) -> FilterField {
        FilterField { value, _ in
            ListCondition(sql: "(',' || \(column) || ',') LIKE ? ESCAPE '\\'",
                          arguments: ["%," + value.replacingOccurrences(of: "\\", with: "\\\\")
                                        .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + ",%"],
                          searchWords: [value])
        }
    }

    /// A time column: `placed:<7d`, `placed:>30d`, `placed:2026-11-01`, `placed:>2026-11-01`.
    static func time(_ column: String, field: String) -> FilterField {
        FilterField { value, context in
            guard let range = FilterTimeRange.parse(value, context: context) else {
                throw FilterError(Said("“{field}:{value}” is not a time: use {field}:<7d (last 7 days), {field}:>30d (older), {field}:2026-11-01 or {field}:>2026-11-01.",
                                       ["field": field, "value": value]))
            }
            var parts: [String] = []
            var arguments: StatementArguments = []
            if let from = range.from { parts.append("\(column) >= ?"); arguments += [from.unixSeconds] }
            if let to = range.to { parts.append("\(column) < ?"); arguments += [to.unixSeconds] }
            return ListCondition(sql: parts.joined(separator: " AND "), arguments: arguments)
        }
    }

    /// Named views (`is:needs-action`), each its own condition.
    static func views(_ views: [String: @Sendable (FilterContext) -> ListCondition]) -> FilterField {
        FilterField { value, context in
            let name = try pick(value, from: views.keys.sorted().map { ($0, [$0]) }, field: "is")
            return views[name]!(context)
        }
    }

    /// The option a typed value names: an exact word, else the one option a word starts with.
    private static func pick(_ typed: String, from options: [(raw: String, words: [String])], field: String) throws -> String {
        let folded = SearchFolding.fold(typed)
        let candidates = options.map { option in (option.raw, option.words.map(SearchFolding.fold)) }
        if let exact = candidates.first(where: { $0.1.contains(folded) }) { return exact.0 }
        let started = candidates.filter { $0.1.contains { $0.hasPrefix(folded) } }
        if started.count == 1, !folded.isEmpty { return started[0].0 }
        let known = options.map { $0.raw.replacingOccurrences(of: "_", with: "-") }.joined(separator: ", ")
        throw FilterError(Said("“{field}:{value}” matches no {field}; use one of {known}.", ["field": field, "value": typed, "known": known]))
    }
}

/// A filter's text read against one list: free words for the full-text index, conditions for the rest.
struct ResolvedFilter: Sendable {
    var match: String?
    var conditions: [ListCondition]
    var oldestFirst: Bool { conditions.contains { $0.oldestFirst } }
    /// The view's own index (`ListCondition.index`), for reads without search words (with them,
    /// the full-text index leads).
    var index: String? { match == nil ? conditions.lazy.compactMap(\.index).first : nil }

    init(_ text: String, fields: [String: FilterField], context: FilterContext) throws {
        let query = FilterQuery(text)
        let conditions = try query.terms.map { term in
            guard let field = fields[term.field] ?? (term.field == "id" ? FilterField.rowID : nil) else {
                let known = fields.keys.sorted().map { $0 + ":" }.joined(separator: " ")
                throw FilterError(fields.isEmpty ? Said("This pane has no “{field}:” filter; type words to search.", ["field": term.field])
                                  : Said("There is no “{field}:” filter here; this pane has {known}", ["field": term.field, "known": known]))
            }
            return try field.read(term.value, context)
        }
        self.conditions = conditions
        match = SearchIndex.matchExpression(for: query.searchText, exactWords: conditions.flatMap(\.searchWords))
    }

    var whereSQL: String { conditions.map { "(\($0.sql))" }.joined(separator: " AND ") }

    /// The filter once per value of its condition that names several (`ListCondition.alternatives`),
    /// each with that one value in its place; the filter itself when none does.
    var alternatives: [ResolvedFilter] {
        guard let split = conditions.firstIndex(where: { !$0.alternatives.isEmpty }) else { return [self] }
        return conditions[split].alternatives.map { alternative in
            var filter = self
            filter.conditions[split] = alternative
            return filter
        }
    }

    var arguments: StatementArguments { conditions.reduce(into: StatementArguments()) { $0 += $1.arguments } }
}
