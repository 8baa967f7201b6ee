/// The desk's panes, in tab order (F1–F6 pick them, Tab and Shift-Tab step through them).
///
/// Each pane lives in its own folder under `Panes/` (its definition, actions and detail lines); this
/// file registers them. Adding a pane is a case here, its line in `definition`, and its row and
/// detail in `PaneRow` and `PaneDetail`.
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    case orders, shipments, reviews, support, loyalty, mail

    /// The one place a pane's definition is looked up.
    var definition: PaneDefinition {
        switch self {
        case .orders: .orders
        case .shipments: .shipments
        case .reviews: .reviews
        case .support: .support
        case .loyalty: .loyalty
        case .mail: .mail
        }
    }

    public var title: String { definition.title }

    /// What one row is called, for counts ("1,204 orders").
    public func noun(_ count: Int) -> String {
        count == 1 ? definition.singular : definition.plural
    }

    /// The view a pane opens on, and `0` returns to: the orders that need action (paid, not shipped,
    /// oldest first) and the parcels that need attention (late, slipped, stalled). Esc shows all.
    public var defaultFilter: String { definition.defaultFilter }

    var columns: [Column] { definition.columns }

    /// The pane's keys with the ones every pane shares, in the order `?` lists them; see `SharedKeys`.
    public var keyTable: [KeyBinding] { Self.keyTables[rawValue] }
    private static let keyTables = allCases.map { SharedKeys.table(for: $0.definition) }

    /// The name the pane's saved filters are kept under.
    public var storageName: String { title.lowercased() }

    /// The pane a `:` command names (`:orders`, `:mail`).
    public init?(named text: String) {
        guard let pane = Pane.allCases.first(where: { $0.storageName == text.lowercased() }) else { return nil }
        self = pane
    }

    public var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count)! }
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count)! }
}
