/// The desk's panes, in tab order (F1–F6 pick them, Tab and Shift-Tab step through them).
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    case orders, shipments, reviews, support, loyalty, mail

    public var title: String {
        switch self {
        case .orders: "Orders"
        case .shipments: "Shipments"
        case .reviews: "Reviews"
        case .support: "Support"
        case .loyalty: "Loyalty"
        case .mail: "Mail"
        }
    }

    /// What one row is called, for counts ("1,204 orders").
    public func noun(_ count: Int) -> String {
        let one = switch self {
        case .orders: "order"
        case .shipments: "shipment"
        case .reviews: "invite"
        case .support: "conversation"
        case .loyalty: "member"
        case .mail: "mail"
        }
        return count == 1 || self == .mail ? one : one + "s"
    }

    /// The view a pane opens on, and `0` returns to: the orders that need action (paid, not shipped,
    /// oldest first) and the parcels that need attention (late, slipped, stalled). Esc shows all.
    public var defaultFilter: String {
        switch self {
        case .orders: "is:needs-action"
        case .shipments: "is:attention"
        default: ""
        }
    }

    /// Where `h` holds (orders, mail) it cannot also close the detail as vim's "left" would.
    var hasHoldKey: Bool { self == .orders || self == .mail }

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
