import Foundation
import Tezgah
import TezgahMail
import TezgahStore
import TezgahUI

/// How the desk reads one pane from the store: a window of its rows, how many there are, and one
/// row's detail. The list source (its query, index and search text) is the store's, in
/// `TezgahStore/Panes`; this ties it to the pane's rows and detail.
struct PaneReader: Sendable {
    let window: @Sendable (AppDatabase, WindowRequest, Int, String, FilterContext) throws -> ListWindow<PaneItem>
    let count: @Sendable (AppDatabase, String, FilterContext) throws -> CappedCount
    let detail: @Sendable (AppDatabase, Int64) throws -> PaneDetail

    init<Item: Sendable>(_ source: ListSource<Item>, row: @escaping @Sendable (Item) -> PaneRow,
                         detail: @escaping @Sendable (AppDatabase, Int64) throws -> PaneDetail) {
        window = { database, request, size, filter, context in
            try database.window(source, request, size: size, filter: filter, context: context).map { PaneItem(key: $0.key, row: row($0.item)) }
        }
        count = { database, filter, context in try database.count(source, filter: filter, context: context) }
        self.detail = detail
    }
}

extension Pane {
    /// The one place a pane's reader is registered.
    var reader: PaneReader {
        switch self {
        case .orders: PaneReader(.orders, row: PaneRow.order) { .order(try $0.orderDetail(id: $1)) }
        case .shipments: PaneReader(.shipments, row: PaneRow.shipment) { .shipment(try $0.shipmentDetail(id: $1)) }
        case .reviews: PaneReader(.reviewInvites, row: PaneRow.review) { .review(try $0.reviewInviteDetail(id: $1)) }
        case .support: PaneReader(.conversations, row: PaneRow.conversation) { .conversation(try $0.conversationDetail(id: $1)) }
        case .loyalty: PaneReader(.loyaltyAccounts, row: PaneRow.loyalty) { .loyalty(try $0.loyaltyDetail(id: $1)) }
        case .mail: PaneReader(.outbox, row: PaneRow.mail) { .mail(previewed(try $0.outboxDetail(id: $1))) }
        }
    }
}

/// The mail detail with its message read back as the customer will see it.
private func previewed(_ detail: OutboxDetail) -> OutboxDetail {
    var detail = detail
    detail.preview = MIMEReader.preview(of: detail.message)
    return detail
}
