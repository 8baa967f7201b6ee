/// Which window of a list to load. Lists run newest first, so "after" means further down the screen.
public enum WindowRequest: Hashable, Sendable {
    /// The first rows of the list.
    case top
    /// Rows starting at this key (inclusive) going down; if the list ends first, the last full window.
    case startingAt(PageKey)
    /// The window that starts one row above this key (scrolling up by one); at the start, the top.
    case startingAbove(PageKey)
    /// The rows just above this key (exclusive), so that they end right before it; at the start, the top.
    case endingBefore(PageKey)
    /// The last rows of the list.
    case bottom
}

/// A window of rows from a list, and whether the list goes on above and below it.
public struct ListWindow<Row: Sendable & Equatable>: Sendable, Equatable {
    public var rows: [Row]
    public var hasBefore: Bool
    public var hasAfter: Bool

    public init(rows: [Row], hasBefore: Bool, hasAfter: Bool) {
        self.rows = rows
        self.hasBefore = hasBefore
        self.hasAfter = hasAfter
    }

    public static var empty: ListWindow { ListWindow(rows: [], hasBefore: false, hasAfter: false) }

    public func map<T>(_ transform: (Row) -> T) -> ListWindow<T> {
        ListWindow<T>(rows: rows.map(transform), hasBefore: hasBefore, hasAfter: hasAfter)
    }
}

/// A count that stops at a cap, because counting every match of a broad filter costs a full scan.
public struct CappedCount: Hashable, Sendable {
    public var value: Int
    public var isCapped: Bool

    public init(value: Int, isCapped: Bool) {
        self.value = value
        self.isCapped = isCapped
    }

    public static func exact(_ value: Int) -> CappedCount { CappedCount(value: value, isCapped: false) }
}
