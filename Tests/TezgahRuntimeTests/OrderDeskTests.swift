import Foundation
import Testing
import Tezgah
import TezgahMail
import TezgahStore
import TezgahTestSupport
import TezgahUI
@testable import TezgahRuntime

/// The Orders pane's actions through the real core on a demo shop of its own: keys in, the shop
/// changed, the screen saying so.
@Suite struct OrderDeskTests {
    static let now = Date(timeIntervalSince1970: 1_795_400_000)
    let folder = TemporaryFolder("tezgah-order-desk")
    let core: DeskCore

    init() throws {
        let path = folder.file("shop.sqlite")
        try DemoShop.mailed(orders: 400, seed: 11, now: Self.now).build(at: path)
        core = try DeskCore(database: try AppDatabase.forDesk(path: path), width: 120, height: 40, now: Self.now, actor: "ayse",
                            orderMails: try OrderMails.demo())
    }

    private func press(_ keys: Key...) { for key in keys { core.send(.keyPressed(key)) } }
    private func type(_ text: String) { for character in text { press(.character(character)) } }
    private var selected: OrderSummary? { core.state.current.selected?.row.asOrder }
    private var statusLine: String { core.frame().lines.last! }

    @Test func shipTheOldestWaitingOrderAndFindItInShipments() throws {
        let order = try #require(selected)
        #expect([.received, .preparing].contains(order.status))
        let next = core.state.current.window.rows.dropFirst().first?.row.id
        press(.character("s"))
        #expect(statusLine.contains("Ship order \(order.number) — tracking number"))
        type("1Z999AA10123456785") // a wrong check digit is refused and the question stays
        press(.enter)
        #expect(core.state.message?.contains("check digit") == true)
        #expect(core.state.mode != .browsing)
        press(.control("u"))
        type("yurtici 123456789012")
        press(.enter)
        #expect(core.state.message == "Order \(order.number) shipped. Customer mail queued.")
        // It left the needs-action view; the cursor stays where it was, on the next order.
        #expect(core.state.current.filter == "is:needs-action")
        #expect(core.state.current.selected?.row.id == next)
        #expect(!core.state.current.window.rows.contains { $0.row.id == order.id })

        press(.function(2), .escape, .character("/"))
        type("123456789012")
        let shipment = try #require(core.state.current.selected?.row.asShipment)
        #expect(shipment.orderNumber == order.number)
        #expect(shipment.carrier == .yurtici)
        press(.enter, .enter) // leave the filter box, open the detail
        #expect(core.frame().text.contains("yurticikargo.com"))
        press(.escape)
        press(.function(6), .character("/"))
        type(String(order.number.dropFirst()))
        #expect(core.state.pane == .mail)
        #expect(core.state.current.window.rows.contains { $0.row.asMail?.kind == .shipped })
    }

    @Test func marksApplyToEveryMarkedOrderAndUndoAsksFirst() throws {
        press(.escape) // every order
        let first = try #require(core.state.current.window.rows.first?.row.asOrder)
        let second = try #require(core.state.current.window.rows.dropFirst().first?.row.asOrder)
        press(.character(" "), .character(" "))
        #expect(core.state.current.marked.count == 2)
        #expect(statusLine.contains("2 marked"))
        press(.character("t"))
        #expect(statusLine.contains("Tag 2 marked orders with:"))
        type("kontrol")
        press(.enter)
        #expect(core.state.message == "2 orders tagged.")
        #expect(core.state.current.marked.isEmpty)
        #expect(try core.database.orderDetail(id: first.id).tags.contains("kontrol"))
        #expect(try core.database.orderDetail(id: second.id).tags.contains("kontrol"))
        #expect(core.state.current.selected?.row.id == core.state.current.window.rows[2].row.id) // the cursor did not jump

        press(.character("u"))
        let numbers = [first.number, second.number].sorted { Int($0.dropFirst())! < Int($1.dropFirst())! }
        #expect(statusLine.contains("Undo “tagged on 2 orders (\(numbers[0]), \(numbers[1]))”? y/n"))
        press(.character("n"))
        #expect(try core.database.orderDetail(id: first.id).tags.contains("kontrol"))
        press(.character("u"), .character("y"))
        #expect(core.state.message == "Undone on 2 orders.")
        #expect(try !core.database.orderDetail(id: first.id).tags.contains("kontrol"))
        press(.character("u"))
        #expect(core.state.message == "Nothing of yours to undo.")

        // Marks stay across filters; marked orders an action does not fit are named, the others change.
        press(.character("/"))
        type("status:delivered")
        press(.enter)
        let delivered = try #require(selected)
        press(.character(" "), .character("0"))
        let waiting = try #require(selected)
        press(.character(" "))
        #expect(statusLine.contains("2 marked"))
        press(.character("x"))
        #expect(statusLine.contains("Cancel 2 marked orders? The customer is told by mail. y/n"))
        press(.character("y"))
        #expect(core.state.message == "1 order cancelled; Order \(delivered.number) is delivered; it cannot be cancelled — refund it instead.")
        #expect(try core.database.orderDetail(id: waiting.id).summary.status == .cancelled)
        #expect(try core.database.orderDetail(id: delivered.id).summary.status == .delivered)
    }

    @Test func commandsHoldNoteAndTagWithTheirArgument() throws {
        let order = try #require(selected)
        press(.character(":"))
        type("hold müşteri adresi teyit edecek")
        press(.enter)
        var detail = try core.database.orderDetail(id: order.id)
        #expect(detail.summary.status == .onHold)
        #expect(detail.holdReason == "müşteri adresi teyit edecek")
        press(.character(":"))
        type("note Kapıya bırakılabilir")
        press(.enter)
        press(.character("t"))
        type("hediye")
        press(.enter)
        detail = try core.database.orderDetail(id: order.id)
        #expect(detail.note == "Kapıya bırakılabilir")
        #expect(detail.tags.contains("hediye"))
        #expect(detail.activity.map(\.action).prefix(3) == ["tagged", "noted", "put on hold"])
        #expect(detail.activity.prefix(3).allSatisfy { $0.actor == "ayse" })
        // The timeline shows in the detail pane.
        press(.escape, .character("/"))
        type(order.number)
        press(.enter, .enter)
        #expect(core.frame().text.contains("Timeline"))
        #expect(core.frame().text.contains("put on hold — müşteri"))
        press(.character(":"))
        type("frobnicate")
        press(.enter)
        #expect(core.state.message?.hasPrefix("There is no command “:frobnicate”.") == true)
    }

    @Test func savedFiltersComeBackByNameAndNumber() throws {
        press(.escape, .character("/"))
        type("status:preparing placed:<30d")
        press(.enter, .character(":"))
        type("filter save fresh")
        press(.enter)
        #expect(core.state.message == "Saved filter “fresh” (key 1): status:preparing placed:<30d")
        press(.escape)
        #expect(core.state.current.filter.isEmpty)
        press(.character("1"))
        #expect(core.state.current.filter == "status:preparing placed:<30d")
        #expect(core.state.current.window.rows.allSatisfy { $0.row.asOrder?.status == .preparing })
        press(.character("0"))
        #expect(core.state.current.filter == "is:needs-action")
        press(.character(":"))
        type("filter fresh")
        press(.enter)
        #expect(core.state.current.filter == "status:preparing placed:<30d")
        press(.character("2"))
        #expect(core.state.message == "Saved filters: 1 fresh. There is no 2.")
        // A filter the grammar cannot read says so and leaves the list as it was.
        press(.character("/"))
        type(" colour:red")
        #expect(core.state.current.filterProblem?.hasPrefix("There is no “colour:” filter here") == true)
    }
}
