import Foundation
import Tezgah
@testable import TezgahUI

/// Hand-made rows for view and reducer tests: Turkish and English names, a wide name, an emoji and
/// a hostile one, so every snapshot shows how such text is drawn.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_795_400_000) // 2026-11-23 02:13 UTC, 05:13 in İstanbul
    static let clock = ShopClock(timeZone: TimeZone(identifier: "Europe/Istanbul")!, now: now)

    static let names = ["Ayşe Yılmaz", "Işık Öztürk", "Şükrü Çelik", "山田 花子", "Zoë 🌸 Hart",
                        "Eve\u{1B}[31m Mallory\u{07}", "Oliver Smith", "İbrahim Kara", "Gülşen Doğan", "Ilgın Arslan"]

    static func orders(count: Int, firstID: Int64 = 1_000) -> [PaneItem] {
        (0..<count).map { index in
            let id = firstID - Int64(index)
            let placed = now.addingTimeInterval(-Double(index) * 5_400)
            let status = OrderStatus.allCases[index % OrderStatus.allCases.count]
            let currency: Currency = index % 3 == 2 ? .eur : .try_
            let summary = OrderSummary(id: id, number: "#\(id + 41)", placedAt: placed, customerName: names[index % names.count],
                                       status: status, payment: index % 5 == 4 ? .pending : .paid,
                                       total: Money(minorUnits: 12_345 * Int64(index + 1), currency: currency), itemCount: index % 4 + 1)
            return PaneItem(key: PageKey(sort: Int64(placed.timeIntervalSince1970), id: id), row: .order(summary))
        }
    }

    static func shipments(count: Int) -> [PaneItem] {
        (0..<count).map { index in
            let id = Int64(500 - index)
            let shipped = now.addingTimeInterval(-Double(index) * 3_600)
            let summary = ShipmentSummary(id: id, orderNumber: "#\(id)", customerName: names[index % names.count],
                                          carrier: index % 2 == 0 ? .ups : .aras,
                                          trackingNumber: index % 2 == 0 ? "1Z999AA10123456784" : "3513773163316",
                                          status: .inTransit, shippedAt: shipped, eta: nil, lastEventAt: shipped)
            return PaneItem(key: PageKey(sort: Int64(shipped.timeIntervalSince1970), id: id), row: .shipment(summary))
        }
    }

    static func invites(count: Int) -> [PaneItem] {
        (0..<count).map { index in
            let id = Int64(300 - index)
            let due = now.addingTimeInterval(Double(index) * 3_600)
            return PaneItem(key: PageKey(sort: Int64(due.timeIntervalSince1970), id: id), row: .review(invite(id: id, orderNumber: "#\(1_042 - index)")))
        }
    }

    static func members(count: Int) -> [PaneItem] {
        (0..<count).map { index in
            let id = Int64(900 - index)
            let joined = now.addingTimeInterval(-Double(index) * 86_400)
            let member = LoyaltySummary(id: id, customerName: names[index % names.count], tier: .member, balance: 600, joinedAt: joined,
                                        referralCode: "K7QM2-WX9P\(index % 10)")
            return PaneItem(key: PageKey(sort: Int64(joined.timeIntervalSince1970), id: id), row: .loyalty(member))
        }
    }

    static func conversations(count: Int) -> [PaneItem] {
        (0..<count).map { index in
            let id = Int64(700 - index)
            let last = now.addingTimeInterval(-Double(index) * 3_600)
            let summary = ConversationSummary(id: id, subject: "Siparişim nerede?", customerName: names[index % names.count], status: .open,
                                              lastMessageAt: last, messageCount: 1, firstResponseAt: nil, openedAt: last,
                                              orderNumber: "#\(1_042 - index)")
            return PaneItem(key: PageKey(sort: Int64(last.timeIntervalSince1970), id: id), row: .conversation(summary))
        }
    }

    static func invite(id: Int64 = 300, orderNumber: String) -> ReviewInviteSummary {
        ReviewInviteSummary(id: id, orderNumber: orderNumber, customerName: names[Int(id) % names.count], state: .scheduled,
                            dueAt: now, sentAt: nil, reminderAt: nil, reason: "")
    }

    static func orderDetail(_ item: PaneItem) -> PaneDetail {
        guard case .order(let summary) = item.row else { fatalError() }
        let customer = Customer(id: 7, name: summary.customerName, email: "ayse@example.com.tr", language: "tr",
                                city: "İzmir", country: "TR", createdAt: now)
        return .order(OrderDetail(
            summary: summary, customer: customer, fulfillment: .unfulfilled,
            lines: [OrderLine(sku: "KUPA-01", name: "El yapımı seramik kupa", quantity: 2, unitPrice: Money(minorUnits: 34_990, currency: .try_)),
                    OrderLine(sku: "PES-TRK", name: "Peştemal – Turkuaz", quantity: 1, unitPrice: Money(minorUnits: 44_900, currency: .try_))],
            shippingAddress: "12. Sokak No 5, İzmir TR", tags: ["gift"], note: "Kapıya bırakabilirsiniz.",
            shipments: [ShipmentSummary(id: 3, orderNumber: summary.number, customerName: summary.customerName, carrier: .yurtici,
                                        trackingNumber: "123456789012", status: .inTransit, shippedAt: now, eta: now.addingTimeInterval(2 * 86_400),
                                        firstEta: now.addingTimeInterval(2 * 86_400), lastEventAt: now)],
            activity: [ActivityEntry(at: now.addingTimeInterval(-3_600), actor: "ayse", action: "marked preparing", detail: "")]))
    }

    /// A state with the Orders pane loaded: `visible` rows of `count`, cursor on the first, the
    /// detail as given (closed: the list alone). Every pane shows all its rows (the owner has
    /// pressed Esc on the default views).
    static func ordersState(width: Int = 80, height: Int = 24, hasAfter: Bool = true, hasBefore: Bool = false,
                            detail: DetailShown = .closed) -> AppState {
        var state = AppState(width: width, height: height, shopName: "Ayşe'nin Dükkanı", databasePath: "/home/ayse/.local/share/tezgah/shop.sqlite",
                             clock: clock)
        state.detailShown = detail
        for pane in Pane.allCases { state.panes[pane]!.filter = "" }
        let rows = orders(count: state.listRows)
        state.panes[.orders]!.window = ListWindow(rows: rows, hasBefore: hasBefore, hasAfter: hasAfter)
        state.panes[.orders]!.isLoaded = true
        state.panes[.orders]!.total = .exact(1_204)
        state.panes[.orders]!.detail = orderDetail(rows[0])
        state.panes[.orders]!.detailID = rows[0].row.id
        return state
    }
}
