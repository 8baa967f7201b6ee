import Tezgah

/// One pane's list: the window of rows on screen, the cursor in it, the filter and the counts.
public struct PaneState: Equatable, Sendable {
    public var window: ListWindow<PaneItem> = .empty
    public var cursor = 0
    public var filter = ""
    public var total: CappedCount?
    public var matches: CappedCount?
    /// Why the filter cannot be read ("“status:lost” matches no status; use one of …"), until it
    /// changes: the list then still shows the rows of the last filter that could.
    public var filterProblem: String?
    public var detail: PaneDetail?
    public var detailID: Int64?
    /// Whether this pane has been loaded since the app started (panes load when first shown).
    public var isLoaded = false
    /// Bumped on every window request; a result from an older request is ignored.
    public var generation = 0
    /// Rows marked with Space, by id, with the label actions name them by ("#1042"). An action
    /// applies to every marked row, else to the selected one.
    public var marked: [Int64: String] = [:]
    /// The pane's saved filters, numbered 1–9 in this order.
    public var savedFilters: [SavedFilter] = []
    public var savedFiltersLoaded = false

    public init() {}

    public var selected: PaneItem? {
        window.rows.indices.contains(cursor) ? window.rows[cursor] : nil
    }
}
