/// The desk's panes, in tab order (the number keys 1–6 pick them).
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

    public var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count)! }
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count)! }
}
