/// Where a row sits in a list ordered newest first: its sort value (e.g. placed-at seconds) and id as
/// a tie-breaker. Lists are read by keyset paging on this pair, never by offset.
public struct PageKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var sort: Int64
    public var id: Int64

    public init(sort: Int64, id: Int64) {
        self.sort = sort
        self.id = id
    }

    public static func < (lhs: PageKey, rhs: PageKey) -> Bool {
        (lhs.sort, lhs.id) < (rhs.sort, rhs.id)
    }

    public var description: String { "\(sort)/\(id)" }
}
