import Foundation
import TezgahTestSupport
import Testing
import Tezgah
import TezgahStore
import TezgahUI
@testable import TezgahRuntime

/// The real app core on a real demo database: keys in, screens out.
@Suite struct DeskCoreTests {
    static let now = Date(timeIntervalSince1970: 1_795_400_000)
    static let folder = TemporaryFolder("tezgah-runtime")
    static let demoPath: String = {
        let path = folder.file("demo.sqlite")
        try! DemoShop.mailed(orders: 1_500, seed: 3, now: now).build(at: path)
        return path
    }()

    /// The desk on the shared demo shop; `allOrders` leaves the default "needs action" view with Esc,
    /// as the owner does to see every order.
    private func core(width: Int = 80, height: Int = 24, allOrders: Bool = true) throws -> DeskCore {
        let core = try DeskCore(database: try AppDatabase.forDesk(path: Self.demoPath), width: width, height: height, now: Self.now)
        if allOrders { press(core, .escape) }
        return core
    }

    private func press(_ core: DeskCore, _ keys: Key...) {
        for key in keys { core.send(.keyPressed(key)) }
    }

    private func selectedOrderNumber(_ core: DeskCore) -> Int? {
        guard case .order(let order)? = core.state.current.selected?.row else { return nil }
        return Int(order.number.dropFirst())
    }

    @Test func opensOnTheOrdersThatNeedActionOldestFirst() throws {
        let core = try core(allOrders: false)
        #expect(core.state.current.filter == "is:needs-action")
        let rows = core.state.current.window.rows.compactMap(\.row.asOrder)
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { [.received, .preparing, .onHold].contains($0.status) && [.paid, .partiallyRefunded].contains($0.payment) })
        #expect(rows.map(\.placedAt) == rows.map(\.placedAt).sorted())
        #expect(core.frame().lines.last!.contains("of 1,500 orders match"))
        // 0 comes back to it after looking at everything.
        press(core, .escape)
        #expect(core.state.current.filter.isEmpty)
        press(core, .character("0"))
        #expect(core.state.current.filter == "is:needs-action")
        #expect(core.state.current.window.rows.compactMap(\.row.asOrder) == rows)
    }

    @Test func opensOnOrdersWithCountsAndDetail() throws {
        let core = try core()
        let screen = core.frame().text
        #expect(screen.contains("F1 Orders"))
        #expect(screen.contains("1,500 orders"))
        #expect(selectedOrderNumber(core) == 2_500) // the newest order (#1001 + 1,499)
        #expect(screen.contains("Placed     "))     // its detail is loaded
        #expect(core.state.current.window.rows.count == core.state.listRows)
    }

    @Test func movingPastTheWindowScrollsThroughTheWholeList() throws {
        let core = try core()
        for _ in 0..<40 { press(core, .character("j")) }
        #expect(selectedOrderNumber(core) == 2_460)
        #expect(core.state.current.cursor == core.state.listRows - 1)
        for _ in 0..<15 { press(core, .character("k")) } // up the list: newer orders
        #expect(selectedOrderNumber(core) == 2_475)
        press(core, .character("G"))
        #expect(selectedOrderNumber(core) == 1_001)
        #expect(core.frame().text.contains("#1001"))
        press(core, .character("j"))
        #expect(selectedOrderNumber(core) == 1_001)
        press(core, .character("g"))
        #expect(selectedOrderNumber(core) == 2_500)
        press(core, .pageDown)
        #expect(selectedOrderNumber(core) == 2_500 - (core.state.listRows - 1))
        press(core, .pageUp)
        #expect(selectedOrderNumber(core) == 2_500)
    }

    @Test func everyPaneShowsRowsCountsAndADetail() throws {
        let core = try core(width: 120, height: 40)
        press(core, .enter) // the detail opens beside the list and stays open from pane to pane
        for pane in Pane.allCases {
            press(core, .function(pane.rawValue + 1))
            let state = core.state.current
            #expect(core.state.pane == pane)
            #expect(!state.window.rows.isEmpty, "\(pane)")
            #expect((state.total?.value ?? 0) > 0, "\(pane)")
            #expect(state.detailID == state.selected?.row.id, "\(pane)")
            #expect(core.frame().lines[1].contains("│"), "\(pane)")
            #expect(core.frame().lines.last!.contains(pane.noun(2)), "\(pane)")
        }
        #expect(core.frame().text.contains("queued"))   // Mail shows counts by state
    }

    @Test func filterFindsTurkishNamesTypedInAscii() throws {
        let core = try core()
        press(core, .character("/"))
        for character in "isik" { press(core, .character(character)) }
        let rows = core.state.current.window.rows
        #expect(!rows.isEmpty)
        for item in rows {
            guard case .order(let order) = item.row else { continue }
            let detail = try core.database.orderDetail(id: order.id)
            let text = SearchFolding.fold([order.number, order.customerName, detail.customer.email, detail.customer.city,
                                           order.status.title].joined(separator: " ") + " " + (detail.lines.map(\.name) + detail.tags).joined(separator: " "))
            #expect(SearchFolding.terms(text).contains { $0.hasPrefix("isik") }, "\(order.customerName)")
        }
        #expect(rows.contains { item in item.row.asOrder.map { $0.customerName.contains("Işık") } ?? false })
        #expect(core.frame().lines.last!.contains("match"))
        press(core, .escape)
        #expect(core.state.current.filter.isEmpty)
        #expect(core.state.current.window.rows.count == core.state.listRows)
    }

    /// A filter that cannot be read says why on the status line, while typing and after Enter,
    /// instead of "filtering…" for ever over rows it never filtered; the rows stay as they were
    /// until the filter reads again.
    @Test func aFilterThatCannotBeReadSaysWhy() throws {
        let core = try core()
        let before = core.state.current.window.rows
        press(core, .character("/"))
        for character in "status:lost" { press(core, .character(character)) }
        let problem = "“status:lost” matches no status; use one of received, preparing, on-hold, shipped, delivered, cancelled, returned."
        #expect(core.state.current.filterProblem == problem)
        #expect(core.frame().lines.last!.contains("/ status:lost▏  “status:lost” matches no status"), "\(core.frame().lines.last!)")
        #expect(core.state.current.window.rows == before)
        press(core, .enter)
        #expect(core.frame().lines.last!.hasPrefix(" “status:lost” matches no status"), "\(core.frame().lines.last!)")
        #expect(!core.frame().text.contains("filtering"))
        // Mended, it filters again and the sentence goes.
        press(core, .character("/")) // which adds a space after the filter, ready for another term
        for _ in " lost" { press(core, .backspace) }
        for character in "shipped" { press(core, .character(character)) }
        #expect(core.state.current.filterProblem == nil)
        #expect(core.frame().lines.last!.contains("of 1,500 orders match"))
        #expect(core.state.current.window.rows.allSatisfy { $0.row.asOrder?.status == .shipped })
    }

    @Test func resizingKeepsTheSelectedRowAndCollapses() throws {
        let core = try core()
        for _ in 0..<5 { press(core, .character("j")) }
        let selected = selectedOrderNumber(core)
        press(core, .enter) // under the list at 80×24, beside it at 120×40
        #expect(selectedOrderNumber(core) == selected)
        core.send(.terminalResized(width: 120, height: 40))
        #expect(selectedOrderNumber(core) == selected)
        #expect(core.state.current.window.rows.count == Layout(width: 120, height: 40).listRows)
        #expect(core.frame().lines[1].contains("│"))
        core.send(.terminalResized(width: 30, height: 6))
        #expect(core.frame().text.contains("Terminal too small"))
        core.send(.terminalResized(width: 80, height: 24))
        #expect(selectedOrderNumber(core) == selected)
        // Shrinking below the selected row brings the selection into view.
        for _ in 0..<5 { press(core, .character("j")) }
        let lower = selectedOrderNumber(core)
        core.send(.terminalResized(width: 80, height: 12))
        #expect(selectedOrderNumber(core) == lower)
        #expect(core.state.current.cursor < core.state.listRows)
    }

    @Test func emptyDatabaseShowsTheFirstRunScreen() throws {
        let database = try AppDatabase.forDesk(path: Self.folder.file("empty-\(UUID().uuidString).sqlite"))
        let core = try DeskCore(database: database, width: 80, height: 24, now: Self.now)
        #expect(core.frame().text.contains("This shop database is empty"))
        press(core, .character("q"))
        #expect(core.state.isQuitting)
    }

    /// The desk shows the config's shop name, else the one the database stores, which a caller that
    /// has read it already (the desk, while opening) hands over instead of it being read again.
    @Test func theShopNameIsTheConfigsElseTheStoredOne() throws {
        let database = try AppDatabase.forDesk(path: Self.folder.file("named-\(UUID().uuidString).sqlite"))
        try database.setSetting("shop.name", to: "Ayşe'nin Dükkanı")
        #expect(try DeskCore(database: database, width: 80, height: 24, now: Self.now).state.shopName == "Ayşe'nin Dükkanı")
        #expect(try DeskCore(database: database, width: 80, height: 24, now: Self.now,
                             storedShopName: "Handed over").state.shopName == "Handed over")
        #expect(try DeskCore(database: database, width: 80, height: 24, now: Self.now,
                             storedShopName: .some(nil)).state.shopName == "tezgah")
        var config = ShopConfig.defaults
        config.shopName = "From the config"
        #expect(try DeskCore(database: database, width: 80, height: 24, now: Self.now, config: config,
                             storedShopName: "Handed over").state.shopName == "From the config")
    }

    @Test func mailPaneKeysChangeTheQueueAndShowWhatGoesWrong() throws {
        // Its own demo shop: these keys write.
        let path = Self.folder.file("mail-keys-\(UUID().uuidString).sqlite")
        try DemoShop.mailed(orders: 300, seed: 5, now: Self.now).build(at: path)
        let core = try DeskCore(database: try AppDatabase.forDesk(path: path), width: 120, height: 40, now: Self.now, actor: "ayse")
        press(core, .function(6))
        func selectedMail() -> OutboxSummary? { core.state.current.selected?.row.asMail }
        for _ in 0..<20 where selectedMail()?.state != .queued { press(core, .character("j")) }
        let mail = try #require(selectedMail())
        #expect(mail.state == .queued)

        press(core, .character("h"))
        #expect(core.state.message == "Mail \(mail.id) held.")
        #expect(selectedMail()?.id == mail.id)
        #expect(selectedMail()?.state == .held)
        #expect(try core.database.outboxDetail(id: mail.id).summary.lastReply == "held by ayse")
        press(core, .character("H"))
        #expect(selectedMail()?.state == .queued)

        // Cancelling asks first; anything but y leaves the mail alone.
        press(core, .character("x"))
        #expect(core.frame().lines[39].contains("Cancel mail \(mail.id) to \(mail.toAddress)? It will never be sent. y/n"))
        press(core, .character("n"))
        #expect(selectedMail()?.state == .queued)
        #expect(core.state.message == "Nothing changed.")
        press(core, .character("x"), .character("y"))
        #expect(selectedMail()?.state == .cancelled)
        // A cancelled mail cannot be held; the sentence says why.
        press(core, .character("h"))
        #expect(core.state.message == "Mail \(mail.id) is cancelled; it cannot be held now.")

        // The detail previews the message as the customer reads it, and the customer's other mail.
        press(core, .enter)
        guard case .mail(let detail)? = core.state.current.detail else {
            Issue.record("no mail detail")
            return
        }
        #expect(detail.preview?.headers.first { $0.name == "From" }?.value == "Ayşe'nin Dükkanı <destek@aysenin-dukkani.example>")
        #expect(core.frame().text.contains("Other mail to \(mail.toAddress)"))

        // Failures grouped by reply.
        press(core, .character("f"))
        #expect(core.state.mode == .mailProblems)
        #expect(core.state.mailProblems.contains { $0.state == .failed && $0.code == "550 5.1.1" })
        #expect(core.frame().text.contains("Failures by reply"))
        press(core, .escape)
        #expect(core.state.mode == .browsing)
    }

    @Test func dataPathsFollowXdgAndOverrides() {
        let paths = DataPaths(environment: ["HOME": "/home/ayse", "XDG_DATA_HOME": "/data"])
        #expect(paths.database(override: nil) == "/data/tezgah/shop.sqlite")
        #expect(paths.database(override: "/x.sqlite") == "/x.sqlite")
        #expect(DataPaths(environment: ["HOME": "/home/ayse", "TEZGAH_DB": "/env.sqlite"]).database(override: nil) == "/env.sqlite")
        #expect(DataPaths(environment: ["HOME": "/home/ayse"]).database(override: nil) == "/home/ayse/.local/share/tezgah/shop.sqlite")
        #expect(DataPaths(environment: ["HOME": "/h", "XDG_DATA_HOME": "relative"]).dataFolder == "/h/.local/share/tezgah")
        #expect(DataPaths(environment: ["HOME": "/h"]).themeFolders(executable: "/usr/bin/tezgah").first == "/h/.config/tezgah/themes")
    }
}
