import Foundation
import TezgahTestSupport
import Testing
import Tezgah
import TezgahStore
import TezgahUI
@testable import TezgahRuntime

/// The open desk shows what another process commits (the mail worker, an import, a helper's desk)
/// without moving the cursor or closing what the owner is typing.
@Suite struct LiveDeskTests {
    static let now = Date(timeIntervalSince1970: 1_795_400_000)
    let folder = TemporaryFolder("tezgah-live")

    /// A demo shop of its own (the test writes to it) and a desk open on it.
    func openShop() throws -> (path: String, core: DeskCore) {
        let path = folder.file("shop.sqlite")
        try DemoShop.mailed(orders: 2_000, seed: 9, now: Self.now).build(at: path)
        return (path, try DeskCore(database: try AppDatabase.forDesk(path: path), width: 100, height: 30, now: Self.now, actor: "ayse"))
    }

    /// Polls as the run loop does (it looks every second) until `condition` holds or two seconds pass.
    func refreshed(_ core: DeskCore, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline {
            core.refreshIfChangedElsewhere()
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    @Test func anotherProcesssChangeShowsWhereTheOwnerIs() throws {
        let (path, core) = try openShop()
        // The owner is on the third order that needs action, with its detail open, typing a note.
        for key: Key in [.character("j"), .character("j"), .enter] { core.send(.keyPressed(key)) }
        let rows = core.state.current.window.rows
        try #require(rows.count > 3 && core.state.current.cursor == 2)
        let selected = try #require(core.state.current.selected?.row.asOrder)
        let first = try #require(rows.first?.row.asOrder)
        let matches = try #require(core.state.current.matches?.value)
        core.send(.keyPressed(.character("n")))
        for c in "kapıya" { core.send(.keyPressed(.character(c))) }

        // Nothing changed elsewhere: nothing is read again.
        let generation = core.state.current.generation
        core.refreshIfChangedElsewhere()
        #expect(core.state.current.generation == generation)

        // Another process (its own connection) cancels the first order and holds the selected one.
        let other = try AppDatabase(path: path)
        _ = try other.apply(.cancel, to: [first.id], actor: "yardimci", now: Self.now, mail: nil)
        _ = try other.apply(.hold(reason: "waiting for stock"), to: [selected.id], actor: "yardimci", now: Self.now, mail: nil)
        try other.close()

        #expect(refreshed(core) { core.state.current.matches?.value == matches - 1 }, "the count follows within two seconds")
        let state = core.state
        #expect(!state.current.window.rows.contains { $0.row.id == first.id }, "the cancelled order left the view")
        #expect(state.current.selected?.row.id == selected.id, "the cursor stays on its row")
        #expect(state.current.selected?.row.asOrder?.status == .onHold)
        guard case .order(let detail)? = state.current.detail else { Issue.record("no detail"); return }
        #expect(detail.holdReason == "waiting for stock", "the open detail is read again")
        guard case .prompting(let prompt) = state.mode else { Issue.record("the note prompt closed: \(state.mode)"); return }
        #expect(prompt.text == "kapıya")
        #expect(core.frame().text.contains("on hold"))
    }

    @Test func theDesksOwnWritesAreNotReadTwice() throws {
        let (_, core) = try openShop()
        core.send(.keyPressed(.character("p")))
        let generation = core.state.current.generation
        core.refreshIfChangedElsewhere()
        #expect(core.state.current.generation == generation)
    }

    @Test func anEmptyShopFilledElsewhereLeavesTheFirstRunScreen() throws {
        let path = folder.file("empty.sqlite")
        let core = try DeskCore(database: try AppDatabase.forDesk(path: path), width: 100, height: 30, now: Self.now)
        #expect(core.state.isFirstRun)
        let other = try AppDatabase(path: path)
        try other.setSetting("shop.name", to: "x") // a commit, still no data
        #expect(!refreshed(core) { !core.state.isFirstRun })
        // A Shopify orders export imported by another process.
        let export = folder.file("orders_export.csv")
        try """
            Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Country,Notes,Cancelled at,Tags,Id
            #1001,ayse@example.com.tr,paid,2026-11-20 09:57:02 +0300,,,TRY,349.90,0.00,0.00,349.90,2026-11-20 09:55:16 +0300,1,El yapımı seramik kupa,349.90,KUPA-01,Ayşe Yılmaz,Ayşe Yılmaz,Bağdat Cad. No 5,İstanbul,34710,TR,,,,5501

            """.write(toFile: export, atomically: true, encoding: .utf8)
        _ = try other.importFile(export)
        try other.close()
        #expect(refreshed(core) { !core.state.isFirstRun && core.state.current.window.rows.count == 1 })
        #expect(core.frame().text.contains("Ayşe Yılmaz"))
    }
}

/// `:import` runs off the key path: keys work meanwhile, the status bar shows how far it has got,
/// `S` stops it with nothing written, and a finished import shows in the open desk.
@Suite struct DeskJobTests {
    static let now = Date(timeIntervalSince1970: 1_795_400_000)
    let folder = TemporaryFolder("tezgah-jobs")
    static let header = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Country,Notes,Cancelled at,Tags,Id"

    /// A Shopify export of `count` orders, numbered from #50001.
    func export(_ count: Int) throws -> String {
        var text = Self.header + "\r\n"
        for n in 0..<count {
            text += "#\(50_001 + n),c\(n)@example.com,paid,2026-11-20 09:57:02 +0300,,,TRY,100.00,0.00,0.00,100.00,2026-11-20 09:55:16 +0300,1,Kupa,100.00,KUPA,Müşteri \(n),Müşteri \(n),Cad. \(n),İzmir,35000,TR,,,,\(90_000 + n)\r\n"
        }
        let path = folder.file("orders_export-\(count).csv")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func openDesk() throws -> DeskCore {
        let path = folder.file("shop.sqlite")
        try DemoShop.mailed(orders: 200, seed: 4, now: Self.now).build(at: path)
        let core = try DeskCore(database: try AppDatabase.forDesk(path: path), width: 100, height: 30, now: Self.now, actor: "ayse")
        core.send(.keyPressed(.escape))
        return core
    }

    func command(_ core: DeskCore, _ text: String) {
        core.send(.keyPressed(.character(":")))
        for c in text { core.send(.keyPressed(.character(c))) }
        core.send(.keyPressed(.enter))
    }

    /// Polls as the run loop does until the job ends (at most a minute).
    func waitForJob(_ core: DeskCore, whileRunning: () -> Void = {}) {
        let deadline = Date().addingTimeInterval(60)
        while core.hasRunningJob && Date() < deadline {
            whileRunning()
            core.pollJob()
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    @Test func anImportRunsWhileKeysWorkAndShowsWhenDone() throws {
        let core = try openDesk()
        let file = try export(3_000)
        command(core, "import \(file)")
        #expect(core.hasRunningJob)
        #expect(core.frame().lines.last!.contains("Importing orders_export-3000.csv"))
        var movedWhileRunning = false
        waitForJob(core) {
            if !movedWhileRunning {
                core.send(.keyPressed(.character("j")))
                movedWhileRunning = core.state.current.cursor == 1
            }
        }
        #expect(movedWhileRunning, "keys work while the import runs")
        #expect(core.state.message == "orders_export-3000.csv: Shopify orders export: 3000 new orders, 0 updated, 3000 new customers, 3000 line items.")
        #expect(core.state.current.total?.value == 3_200)
    }

    @Test func stoppingAnImportWritesNothing() throws {
        let core = try openDesk()
        let file = try export(20_000)
        command(core, "import \(file)")
        core.send(.keyPressed(.character("S")))
        #expect(core.frame().lines.last!.contains("stopping…"))
        waitForJob(core)
        #expect(core.state.message == "Import of orders_export-20000.csv stopped; nothing from it was imported.")
        core.refreshIfChangedElsewhere()
        #expect(core.state.current.total?.value == 200)
        core.send(.keyPressed(.character("S")))
        #expect(core.state.message == "Nothing is running.")
    }

    @Test func aBadFileSaysWhyAndOneJobRunsAtATime() throws {
        let core = try openDesk()
        let bad = folder.file("bad.csv")
        try "Name,Email\r\n#1,x\r\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let file = try export(3_000)
        command(core, "import \(file)")
        command(core, "import \(bad)")
        #expect(core.state.message == "Importing orders_export-3000.csv is still running; S stops it.")
        waitForJob(core)
        command(core, "import \(bad)")
        waitForJob(core)
        #expect(core.state.message?.hasSuffix("Nothing from this file was imported.") == true, "\(core.state.message ?? "")")
    }
}
