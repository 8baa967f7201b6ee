import Tezgah

/// One listed row of any pane.
public enum PaneRow: Equatable, Sendable {
    case order(OrderSummary)
    case shipment(ShipmentSummary)
    case review(ReviewInviteSummary)
    case conversation(ConversationSummary)
    case loyalty(LoyaltySummary)
    case mail(OutboxSummary)

    public var id: Int64 {
        switch self {
        case .order(let row): row.id
        case .shipment(let row): row.id
        case .review(let row): row.id
        case .conversation(let row): row.id
        case .loyalty(let row): row.id
        case .mail(let row): row.id
        }
    }
}

extension PaneRow {
    public var asOrder: OrderSummary? { if case .order(let value) = self { value } else { nil } }
    public var asShipment: ShipmentSummary? { if case .shipment(let value) = self { value } else { nil } }
    public var asReview: ReviewInviteSummary? { if case .review(let value) = self { value } else { nil } }
    public var asConversation: ConversationSummary? { if case .conversation(let value) = self { value } else { nil } }
    public var asLoyalty: LoyaltySummary? { if case .loyalty(let value) = self { value } else { nil } }
    public var asMail: OutboxSummary? { if case .mail(let value) = self { value } else { nil } }
}

extension PaneRow {
    /// How messages name a row: an order by its number, anything else by its id.
    public var label: String {
        switch self {
        case .order(let order): order.number
        case .shipment(let shipment): shipment.trackingNumber
        default: "\(id)"
        }
    }
}

/// A row with the key it was paged by.
public struct PaneItem: Equatable, Sendable {
    public var key: PageKey
    public var row: PaneRow

    public init(key: PageKey, row: PaneRow) {
        self.key = key
        self.row = row
    }
}

/// What the detail view shows for the selected row.
public enum PaneDetail: Equatable, Sendable {
    case order(OrderDetail)
    case shipment(ShipmentDetail)
    case review(ReviewInviteSummary)
    case conversation(ConversationDetail)
    case loyalty(LoyaltyDetail)
    case mail(OutboxDetail)
}
