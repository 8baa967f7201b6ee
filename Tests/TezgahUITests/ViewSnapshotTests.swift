import Foundation
import Testing
import Tezgah
@testable import TezgahUI

@Suite struct ViewSnapshotTests {
    @Test func ordersAt80x24() throws {
        let buffer = AppView.render(Fixtures.ordersState(width: 80, height: 24))
        #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) == 80 })
        try assertSnapshot(framed(buffer.lines), named: "orders-80x24")
        try assertSnapshot(framed(buffer.roleLines), named: "orders-80x24.roles")
    }

    @Test func ordersAt80x24WithTheDetailUnderTheList() throws {
        let buffer = AppView.render(Fixtures.ordersState(width: 80, height: 24, detail: .open))
        #expect(buffer.text.contains("Ship to"))
        try assertSnapshot(framed(buffer.lines), named: "orders-80x24-detail")
    }

    @Test func theDetailWaitsForEnter() {
        let closed = AppView.render(Fixtures.ordersState(width: 120, height: 40))
        #expect(!closed.text.contains("Ship to"))
        #expect(!closed.lines[1].contains("│"))
        #expect(closed.lines[1].contains("Fulfilment"), "the list alone has room for every order column")
        let zoomed = AppView.render(Fixtures.ordersState(width: 120, height: 40, detail: .fullScreen))
        #expect(zoomed.lines[1].contains("#1041") && zoomed.text.contains("Ship to"))
        #expect(!zoomed.text.contains("#1040"), "full screen shows no list")
    }

    @Test func ordersAt120x40SideBySide() throws {
        let buffer = AppView.render(Fixtures.ordersState(width: 120, height: 40, detail: .open))
        #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) == 120 })
        #expect(buffer.lines[1].contains("│"))
        try assertSnapshot(framed(buffer.lines), named: "orders-120x40")
    }

    @Test func narrowTerminalDropsColumnsAndHidesDetail() throws {
        let buffer = AppView.render(Fixtures.ordersState(width: 50, height: 16))
        #expect(!buffer.text.contains("Payment"))
        #expect(!buffer.text.contains("Ship to"))
        try assertSnapshot(framed(buffer.lines), named: "orders-50x16")
    }

    @Test func wideScreensShowAllThreeOrderAxes() {
        var state = Fixtures.ordersState(width: 220, height: 30)
        state.panes[.orders]!.window.rows[0].row = .order({
            var order = state.panes[.orders]!.window.rows[0].row.asOrder!
            order.fulfillment = .partial
            return order
        }())
        let lines = AppView.render(state).lines
        #expect(lines[1].contains("Status") && lines[1].contains("Payment") && lines[1].contains("Fulfilment"))
        #expect(lines[2].contains("received") && lines[2].contains("paid") && lines[2].contains("partial"))
        // At 80 columns the list keeps status and payment; fulfilment is in the detail.
        #expect(!AppView.render(Fixtures.ordersState()).lines[1].contains("Fulfilment"))
    }

    @Test func aWideListKeepsEachRowTogether() throws {
        // The name column stops growing; the room left over is blank at the right, so the status
        // and total stay beside the name they belong to.
        let buffer = AppView.render(Fixtures.ordersState(width: 160, height: 12))
        let header = buffer.lines[1], row = buffer.lines[2]
        #expect(row.contains("Ayşe Yılmaz"))
        let total = try #require(row.range(of: "₺123,45"))
        #expect(DisplayWidth.of(String(row[..<total.upperBound])) < 110, "not at the right edge, 160 columns away")
        #expect(header.hasSuffix(String(repeating: " ", count: 40)))
        try assertSnapshot(framed(buffer.lines), named: "orders-160x12")
    }

    @Test func flexibleColumnsShareTheRoomUpToTheirLimit() {
        func column(_ title: String, _ width: Int, flexible: Bool = false, maxWidth: Int = 30, dropOrder: Int = 0) -> Column {
            Column(title: title, width: width, flexible: flexible, maxWidth: maxWidth, dropOrder: dropOrder) { _, _ in ("", .normal) }
        }
        let columns = [column("A", 8), column("B", 10, flexible: true, maxWidth: 20), column("C", 10, flexible: true, maxWidth: 60),
                       column("D", 12, dropOrder: 1)]
        func widths(_ available: Int) -> [Int] { Column.fit(columns, into: available).map(\.1) }
        #expect(widths(43) == [8, 10, 10, 12])            // exactly the minimum (three gaps)
        #expect(widths(50) == [8, 13, 14, 12])            // shared evenly, the odd one to the last
        #expect(widths(80) == [8, 20, 37, 12])            // B stops at 20; C takes what B cannot
        #expect(widths(200) == [8, 20, 60, 12])           // both stop; the rest stays blank
        #expect(widths(30) == [8, 10, 10])                // too narrow: D is dropped, nothing grows
    }

    @Test func aLongMessageTakesTheWholeStatusBar() {
        var state = Fixtures.ordersState()
        state.message = "1 order refunded; Order #3999 is in EUR, not TRY. (and 1 more)"
        let status = AppView.render(state).lines.last!
        #expect(status.contains("(and 1 more)"))
        #expect(!status.contains("? help"))
        state.message = "Undone."
        #expect(AppView.render(state).lines.last!.contains("? help"))
    }

    @Test func tooSmallSaysSo() throws {
        let buffer = AppView.render(Fixtures.ordersState(width: 30, height: 6))
        #expect(buffer.text.contains("Terminal too small (30×6)"))
        try assertSnapshot(framed(buffer.lines), named: "too-small-30x6")
    }

    @Test func helpListsEveryKeyOfThePane() throws {
        var state = Fixtures.ordersState()
        _ = state.reduce(.keyPressed(.character("?")))
        let buffer = AppView.render(state)
        for entry in Pane.orders.keyTable {
            #expect(buffer.text.contains(entry.text), "\(entry.text)")
        }
        try assertSnapshot(framed(buffer.lines), named: "help-80x24")
    }

    @Test func filteringShowsThePromptAndMatchCount() throws {
        var state = Fixtures.ordersState()
        _ = state.reduce(.keyPressed(.character("/")))
        for character in "ışık" { _ = state.reduce(.keyPressed(.character(character))) }
        state.panes[.orders]!.window = ListWindow(rows: [Fixtures.orders(count: 2)[1]], hasBefore: false, hasAfter: false)
        _ = state.reduce(.countLoaded(.orders, filter: "ışık", .exact(1)))
        let buffer = AppView.render(state)
        #expect(buffer.lines[23].hasPrefix(" / ışık▏  1 of 1,204 orders match"))
        try assertSnapshot(framed(buffer.lines), named: "filter-80x24")
    }

    @Test func emptyFilterResultSaysHowToClear() {
        var state = Fixtures.ordersState()
        state.panes[.orders]!.filter = "zzz"
        state.panes[.orders]!.window = .empty
        #expect(AppView.render(state).text.contains("Nothing matches “zzz”. Esc clears the filter."))
    }

    @Test func firstRunExplainsWhatToDo() throws {
        let state = AppState(width: 80, height: 24, shopName: "tezgah", databasePath: "/home/ayse/.local/share/tezgah/shop.sqlite",
                             clock: Fixtures.clock, isFirstRun: true)
        let buffer = AppView.render(state)
        #expect(buffer.text.contains("tezgah --demo"))
        #expect(buffer.text.contains("/home/ayse/.local/share/tezgah/shop.sqlite"))
        try assertSnapshot(framed(buffer.lines), named: "first-run-80x24")
    }

    @Test func aSlowOpeningSaysWhatIsHappening() {
        let path = "/home/ayse/.local/share/tezgah/shop.sqlite"
        let opening = AppView.opening(width: 80, height: 24, databasePath: path, upgrading: false).text
        #expect(opening.contains("Opening the shop database…") && opening.contains(path))
        #expect(!opening.contains("Upgrading"))
        let upgrading = AppView.opening(width: 80, height: 24, databasePath: path, upgrading: true)
        #expect(upgrading.text.contains("Upgrading the shop database for this version of tezgah…"))
        #expect(upgrading.text.contains("This happens once."))
        // On a narrow terminal the sentences wrap instead of running off the edge.
        let narrow = AppView.opening(width: 40, height: 24, databasePath: path, upgrading: true)
        let words = narrow.lines.joined(separator: " ").split(separator: " ")
        #expect(words.contains("seconds;") && words.contains("done."))
        #expect(narrow.lines.allSatisfy { DisplayWidth.of($0) <= 40 })
    }

    /// A row and its detail for every pane but Orders, and a text its drawing must show (in English).
    static var paneCases: [(Pane, PaneRow, PaneDetail, String)] {
        let now = Fixtures.now
        let shipment = ShipmentSummary(id: 1, orderNumber: "#1041", customerName: "Işık Öztürk", carrier: .ups,
                                       trackingNumber: "1Z999AA10123456784", status: .exception, shippedAt: now.addingTimeInterval(-5 * 86_400),
                                       eta: now.addingTimeInterval(-3_600), firstEta: now.addingTimeInterval(-86_400),
                                       lastEventAt: now.addingTimeInterval(-4 * 86_400))
        return [
            (.shipments, .shipment(shipment),
             .shipment(ShipmentDetail(summary: shipment,
                                      events: [TrackingEvent(at: now.addingTimeInterval(-4 * 86_400), status: .exception, location: "Köln",
                                                             description: "Customs inspection")])),
             "no tracking event since 19 Nov"),
            (.reviews, .review(ReviewInviteSummary(id: 2, orderNumber: "#1040", customerName: "Şükrü Çelik", state: .deferred, dueAt: now,
                                                   sentAt: nil, reminderAt: nil, reason: "waiting: open conversation")),
             .review(ReviewInviteSummary(id: 2, orderNumber: "#1040", customerName: "Şükrü Çelik", state: .deferred, dueAt: now,
                                         sentAt: nil, reminderAt: nil, reason: "waiting: open conversation")),
             "One rule for every customer"),
            (.support, .conversation(ConversationSummary(id: 3, subject: "Siparişim nerede?", customerName: "山田 花子", status: .open,
                                                          lastMessageAt: now, messageCount: 1, firstResponseAt: nil, openedAt: now)),
             .conversation(ConversationDetail(summary: ConversationSummary(id: 3, subject: "Siparişim nerede?", customerName: "山田 花子",
                                                                           status: .open, lastMessageAt: now, messageCount: 1,
                                                                           firstResponseAt: nil, openedAt: now),
                                              customerEmail: "hanako@example.jp", orderNumber: "#1039",
                                              messages: [SupportMessage(at: now, direction: .inbound, from: "hanako@example.jp",
                                                                        body: "Merhaba, siparişim nerede?")])),
             "Merhaba, siparişim nerede?"),
            (.loyalty, .loyalty(LoyaltySummary(id: 4, customerName: "Zoë 🌸 Hart", tier: .gold, balance: 6_120, joinedAt: now, referralCode: "REF-ZOE")),
             .loyalty(LoyaltyDetail(summary: LoyaltySummary(id: 4, customerName: "Zoë 🌸 Hart", tier: .gold, balance: 6_120, joinedAt: now,
                                                            referralCode: "REF-ZOE"),
                                    customerEmail: "zoe@example.com", ledger: [PointsEntry(at: now, points: 120, reason: "order #1038")],
                                    coupons: [])),
             "+120"),
            (.mail, .mail(OutboxSummary(id: 5, kind: .shipped, state: .failed, toAddress: "eve@example.com", customerName: "Eve", subject: "Shipped",
                                        createdAt: now, attempts: 1, nextAttemptAt: nil, lastReply: "550 5.1.1 User unknown")),
             .mail(OutboxDetail(summary: OutboxSummary(id: 5, kind: .shipped, state: .failed, toAddress: "eve@example.com", customerName: "Eve",
                                                       subject: "Shipped", createdAt: now, attempts: 1, nextAttemptAt: nil,
                                                       lastReply: "550 5.1.1 User unknown"),
                                dedupeKey: "shipped:order:1", messageID: "<1@x>", message: "Subject: Shipped\r\n\r\nHello\r\n")),
             "550 5.1.1 User unknown"),
        ]
    }

    /// The state with `pane` showing `row` and its detail beside it, at 120×30.
    static func paneState(_ pane: Pane, _ row: PaneRow, _ detail: PaneDetail, language: Language = .english) -> AppState {
        var state = Fixtures.ordersState(width: 120, height: 30, detail: .open)
        state.language = language
        state.pane = pane
        state.panes[pane]!.window = ListWindow(rows: [PaneItem(key: PageKey(sort: 1, id: row.id), row: row)], hasBefore: false, hasAfter: false)
        state.panes[pane]!.isLoaded = true
        state.panes[pane]!.total = .exact(1)
        state.panes[pane]!.detail = detail
        state.panes[pane]!.detailID = row.id
        return state
    }

    @Test func everyPaneDrawsItsRowsAndDetail() throws {
        for (pane, row, detail, expected) in Self.paneCases {
            let buffer = AppView.render(Self.paneState(pane, row, detail))
            #expect(buffer.text.contains(expected), "\(pane)")
            #expect(buffer.lines[0].contains("\(pane.rawValue + 1) \(pane.title)"))
            try assertSnapshot(framed(buffer.lines), named: "\(pane.title.lowercased())-120x30")
        }
    }

    @Test func mailPreviewHistoryAndFailures() throws {
        let now = Fixtures.clock.now
        let summary = OutboxSummary(id: 9, kind: .shipped, state: .deferred, toAddress: "isik@example.com", customerName: "Işık Öztürk",
                                    subject: "Siparişiniz kargoya verildi (#1042)", createdAt: now, attempts: 2,
                                    nextAttemptAt: now.addingTimeInterval(240), lastReply: "451 4.7.1 Greylisted, try again later")
        let preview = MailPreview(headers: [.init(name: "From", value: "Ayşe'nin Dükkanı <destek@example.com>"),
                                            .init(name: "Subject", value: "Siparişiniz kargoya verildi (#1042)")],
                                  text: "Merhaba Işık,\n\nKargonuz yola çıktı.", hasHTML: true)
        let older = OutboxSummary(id: 3, kind: .thankYou, state: .sent, toAddress: "isik@example.com", customerName: "Işık Öztürk",
                                  subject: "Teşekkürler", createdAt: now.addingTimeInterval(-86_400 * 3), attempts: 1, nextAttemptAt: nil,
                                  lastReply: "250 ok")
        var state = Fixtures.ordersState(width: 120, height: 30, detail: .open)
        state.pane = .mail
        state.panes[.mail]!.window = ListWindow(rows: [PaneItem(key: PageKey(sort: 1, id: 9), row: .mail(summary))], hasBefore: false, hasAfter: false)
        state.panes[.mail]!.isLoaded = true
        state.panes[.mail]!.detail = .mail(OutboxDetail(summary: summary, dedupeKey: "shipped:1042", messageID: "<9@x>", message: "",
                                                        preview: preview, history: [older]))
        state.panes[.mail]!.detailID = 9
        let buffer = AppView.render(state)
        #expect(buffer.text.contains("Subject:   Siparişiniz kargoya verildi (#1042)"))
        #expect(buffer.text.contains("Kargonuz yola çıktı."))
        #expect(buffer.text.contains("Other mail to isik@example.com"))
        try assertSnapshot(framed(buffer.lines), named: "mail-preview-120x30")

        _ = state.reduce(.mailStatesCounted([.failed: 14, .deferred: 3], problems: [
            MailProblemGroup(state: .failed, code: "550 5.1.1", count: 12, example: "550 5.1.1 <a@b>: Recipient address rejected: User unknown"),
            MailProblemGroup(state: .deferred, code: "451 4.7.1", count: 3, example: "451 4.7.1 Greylisted, try again later"),
            MailProblemGroup(state: .failed, code: "expired", count: 2, example: "expired after 9 attempts; last reply: connection lost"),
        ]))
        _ = state.reduce(.keyPressed(.character("f")))
        let overlay = AppView.render(state)
        #expect(overlay.text.contains("Failures by reply"))
        #expect(overlay.text.contains("550 5.1.1"))
        try assertSnapshot(framed(overlay.lines), named: "mail-failures-120x30")
    }
}
