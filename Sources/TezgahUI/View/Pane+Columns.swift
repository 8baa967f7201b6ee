import Tezgah

extension Pane {
    /// The list columns of each pane, most important first.
    var columns: [Column] {
        switch self {
        case .orders: [
            Column(title: "Order", width: 8) { row, _ in (row.asOrder?.number ?? "", .accent) },
            Column(title: "Placed", width: 12, dropOrder: 2) { row, state in (row.asOrder.map { state.clock.short($0.placedAt) } ?? "", .dim) },
            Column(title: "Customer", width: 12, flexible: true) { row, _ in (row.asOrder?.customerName ?? "", .normal) },
            Column(title: "Status", width: 9) { row, _ in row.asOrder.map { ($0.status.title, $0.status.role) } ?? ("", .normal) },
            // Narrow enough to stay beside the status on a side-by-side 120-column screen: each axis visible.
            Column(title: "Payment", width: 8, dropOrder: 3) { row, _ in row.asOrder.map { ($0.payment.shortTitle, $0.payment.role) } ?? ("", .normal) },
            Column(title: "Fulfilment", width: 11, dropOrder: 5) { row, _ in (row.asOrder?.fulfillment.title ?? "", .dim) },
            Column(title: "Items", width: 5, alignRight: true, dropOrder: 4) { row, _ in (row.asOrder.map { String($0.itemCount) } ?? "", .dim) },
            Column(title: "Total", width: 12, alignRight: true, dropOrder: 1) { row, _ in (row.asOrder?.total.formatted ?? "", .money) },
        ]
        case .shipments: [
            Column(title: "Tracking", width: 22) { row, _ in (row.asShipment?.trackingNumber ?? "", .accent) },
            Column(title: "Carrier", width: 13, dropOrder: 2) { row, _ in (row.asShipment?.carrier.title ?? "", .normal) },
            Column(title: "Status", width: 16) { row, _ in row.asShipment.map { ($0.status.title, $0.status.role) } ?? ("", .normal) },
            Column(title: "Needs", width: 8) { row, state in
                guard let shipment = row.asShipment, let first = state.attentionRule.reasons(shipment, now: state.clock.now).first
                else { return ("", .normal) }
                return (first.title, first.title == "slipped" ? .warning : .bad)
            },
            Column(title: "ETA", width: 6, dropOrder: 1) { row, state in (row.asShipment?.eta.map { state.clock.day($0) } ?? "", .dim) },
            Column(title: "Order", width: 8, dropOrder: 3) { row, _ in (row.asShipment?.orderNumber ?? "", .normal) },
            Column(title: "Customer", width: 10, flexible: true, dropOrder: 4) { row, _ in (row.asShipment?.customerName ?? "", .normal) },
        ]
        case .reviews: [
            Column(title: "Order", width: 8) { row, _ in (row.asReview?.orderNumber ?? "", .accent) },
            Column(title: "Customer", width: 12, flexible: true) { row, _ in (row.asReview?.customerName ?? "", .normal) },
            Column(title: "State", width: 9) { row, _ in row.asReview.map { ($0.state.title, $0.state.role) } ?? ("", .normal) },
            Column(title: "Due", width: 12) { row, state in (row.asReview.map { state.clock.short($0.dueAt) } ?? "", .dim) },
            Column(title: "Why", width: 20, dropOrder: 1) { row, _ in (row.asReview?.reason ?? "", .warning) },
        ]
        case .support: [
            Column(title: "Status", width: 8) { row, _ in row.asConversation.map { ($0.status.title, $0.status.role) } ?? ("", .normal) },
            Column(title: "Subject", width: 16, flexible: true, maxWidth: 60) { row, _ in (row.asConversation?.subject ?? "", .normal) },
            Column(title: "Customer", width: 18, dropOrder: 2) { row, _ in (row.asConversation?.customerName ?? "", .normal) },
            Column(title: "Msgs", width: 4, alignRight: true, dropOrder: 3) { row, _ in (row.asConversation.map { String($0.messageCount) } ?? "", .dim) },
            Column(title: "Last", width: 12, dropOrder: 1) { row, state in (row.asConversation.map { state.clock.short($0.lastMessageAt) } ?? "", .dim) },
        ]
        case .loyalty: [
            Column(title: "Member", width: 14, flexible: true) { row, _ in (row.asLoyalty?.customerName ?? "", .normal) },
            Column(title: "Tier", width: 6) { row, _ in row.asLoyalty.map { ($0.tier.title, $0.tier.role) } ?? ("", .normal) },
            Column(title: "Points", width: 8, alignRight: true) { row, _ in (row.asLoyalty.map { Int($0.balance).grouped } ?? "", .money) },
            Column(title: "Joined", width: 10, dropOrder: 1) { row, state in (row.asLoyalty.map { state.clock.day($0.joinedAt) } ?? "", .dim) },
            Column(title: "Referral", width: 10, dropOrder: 2) { row, _ in (row.asLoyalty?.referralCode ?? "", .dim) },
        ]
        case .mail: [
            Column(title: "State", width: 10) { row, _ in row.asMail.map { ($0.state.title, $0.state.role) } ?? ("", .normal) },
            Column(title: "Kind", width: 14, dropOrder: 2) { row, _ in (row.asMail?.kind.title ?? "", .dim) },
            Column(title: "To", width: 14, flexible: true, maxWidth: 36) { row, _ in (row.asMail?.toAddress ?? "", .normal) },
            Column(title: "Subject", width: 14, flexible: true, maxWidth: 60, dropOrder: 3) { row, _ in (row.asMail?.subject ?? "", .normal) },
            Column(title: "Created", width: 12, dropOrder: 1) { row, state in (row.asMail.map { state.clock.short($0.createdAt) } ?? "", .dim) },
        ]
        }
    }
}

