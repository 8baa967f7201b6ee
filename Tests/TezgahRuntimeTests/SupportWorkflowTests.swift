import Foundation
import GRDB
import TezgahTestSupport
import Testing
import Tezgah
@testable import TezgahStore
import TezgahUI
import TezgahMail
@testable import TezgahRuntime

/// The rest of answering from the Support pane: linking the order, undoing a change, starting a
/// reply from a saved one, the business-hours clock, folded quotes and the customer beside it.
@Suite struct SupportWorkflowTests {
    static let now = InboxSyncTests.now
    let support = SupportDeskTests()

    func type(_ text: String, into core: DeskCore) {
        for c in text { core.send(.keyPressed(.character(c))) }
    }

    func facts(_ database: AppDatabase, _ id: Int64) throws -> Row {
        try database.pool.read { try Row.fetchOne($0, sql: "SELECT status, order_id, waiting_since FROM conversations WHERE id = ?", arguments: [id])! }
    }

    /// An order with a parcel, by number and tracking number.
    func shippedOrder(_ database: AppDatabase) throws -> (number: String, tracking: String) {
        let row = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT o.number, s.tracking_number FROM orders o JOIN shipments s ON s.order_id = o.id ORDER BY o.id LIMIT 1")!
        }
        return (row[0], row[1])
    }

    @Test func linkingAnOrderOpensItAndUndoTakesItBack() throws {
        let (core, database, conversation) = try support.deskWithAConversation()
        let order = try shippedOrder(database)
        core.send(.keyPressed(.character("l")))
        type(String(order.number.dropFirst()), into: core) // "1042" finds "#1042"
        core.send(.keyPressed(.enter))
        #expect(core.state.message == "Conversation linked to order \(order.number.dropFirst()).")
        let linked = try facts(database, conversation)
        #expect(linked[1] as Int64? != nil)
        core.send(.keyPressed(.character("l")))
        type("99999999", into: core)
        core.send(.keyPressed(.enter))
        #expect(core.state.message == "There is no order 99999999; check the number in the Orders pane.")
        #expect(try facts(database, conversation)[1] as Int64? == linked[1] as Int64?)

        core.send(.keyPressed(.character("u")))
        guard case .confirming(let question) = core.state.mode else { Issue.record("no question before undoing"); return }
        #expect(question.question == "Undo “linked to order \(order.number.dropFirst()) on conversation #\(conversation)”? y/n")
        core.send(.keyPressed(.character("y")))
        #expect(core.state.message == "Undone.")
        #expect(try facts(database, conversation)[1] as Int64? == nil)
        // An order undo elsewhere never takes back a conversation change, nor the reverse.
        #expect(try database.lastUndoableChange(actor: "ayse", subject: .order) == nil)
        #expect(try database.lastUndoableChange(actor: "ayse", subject: .conversation) == nil)
    }

    @Test func undoLeavesAConversationTheCustomerChangedSince() throws {
        let (core, database, conversation) = try support.deskWithAConversation()
        let waiting = try facts(database, conversation)[2] as Int64?
        #expect(waiting != nil, "the customer's wait starts with their mail")
        core.send(.keyPressed(.character("p")))
        #expect(try facts(database, conversation)[2] as Int64? == nil, "pending pauses the clock")
        core.send(.keyPressed(.character("u")))
        core.send(.keyPressed(.character("y")))
        let back = try facts(database, conversation)
        #expect(back[0] as String == "open" && back[2] as Int64? == waiting, "undo puts the wait back as it was")

        try database.apply(.close, toConversations: [conversation], actor: "ayse", now: Self.now)
        // The customer writes again: the conversation reopens; undoing the close must not touch it.
        let maildir = support.folder.file("Maildir")
        try Data("From: elif@example.net\r\nSubject: Re: Paket-7731 nerede?\r\nMessage-ID: <elif-2@example.net>\r\nIn-Reply-To: <elif-1@example.net>\r\n\r\nHâlâ yok.\r\n".utf8)
            .write(to: URL(fileURLWithPath: maildir + "/new/1795399999.M2P1.mx"))
        _ = try InboxSync(maildir: maildir).run(into: database, now: Self.now.addingTimeInterval(60))
        let change = try #require(try database.lastUndoableChange(actor: "ayse", subject: .conversation))
        let report = try database.undoChange(.conversation, batch: change.batch, actor: "ayse", now: Self.now.addingTimeInterval(120))
        #expect(report.restored.isEmpty)
        #expect(report.problems.map(\.english) == ["Conversation #\(conversation) changed since it was closed (it is open now); left as it is."])
        #expect(try facts(database, conversation)[0] as String == "open")
    }

    @Test func aSavedReplyStartsTheDraftWithTheOrdersParcel() throws {
        let (core, database, conversation) = try support.deskWithAConversation()
        let order = try shippedOrder(database)
        try database.apply(.linkOrder(order.number), toConversations: [conversation], actor: "ayse", now: Self.now)
        try database.write { try $0.db.execute(sql: "UPDATE customers SET language = 'tr' WHERE email = 'elif@example.net'") }
        core.send(.keyPressed(.character("m")))
        type("where", into: core)
        core.send(.keyPressed(.enter))
        let draft = try #require(core.takeEditorRequest())
        let text = try String(contentsOfFile: draft.path, encoding: .utf8)
        // Elif reads Turkish, so she is answered in Turkish, under the editable header lines.
        #expect(text.hasPrefix("To: elif@example.net\nSubject: Re: Paket-7731 nerede?\n\nMerhaba Elif,\n\n\(order.number) numaralı siparişiniz "))
        #expect(text.contains("takip numarası \(order.tracking)."))
        #expect(text.contains("> Merhaba, paketim gelmedi."))
        // Left as the saved reply made it, nothing is sent.
        core.finishReply(draft)
        #expect(core.state.message == "Nothing sent: the reply was empty.")
        // An ambiguous or unknown name asks again instead of guessing.
        core.send(.keyPressed(.character("m")))
        type("zzz", into: core)
        core.send(.keyPressed(.enter))
        #expect(core.state.message?.hasPrefix("There is no saved reply “zzz”; type one of address-change, ") == true)
        #expect(core.takeEditorRequest() == nil)
    }

    @Test func theClockCountsBusinessHoursAndQuotesFoldUntilAsked() throws {
        let (_, database, conversation) = try support.deskWithAConversation()
        // Waiting since Friday 17:00 in İstanbul; it is Monday 10:00: two business hours.
        let friday = Date(timeIntervalSince1970: 1_796_392_800) // 2026-12-04 14:00 UTC
        try database.write { try $0.db.execute(sql: "UPDATE conversations SET waiting_since = ? WHERE id = ?", arguments: [friday.unixSeconds, conversation]) }
        try database.write { try $0.db.execute(sql: """
            UPDATE messages SET body = 'Hâlâ gelmedi.' || char(10) || char(10) || 'On Mon, Ayşe <destek@example.com> wrote:' || char(10) || '> Yolda.' || char(10) || '> Yarın gelir.'
            WHERE conversation_id = ?
            """, arguments: [conversation]) }
        let config = try ShopConfig.parse("[shop]\ntime_zone = \"Europe/Istanbul\"\n[support]\nhours = \"Mon-Fri 09:00-18:00\"\n", file: "config.toml")
        let monday = Date(timeIntervalSince1970: 1_796_626_800) // 2026-12-07 10:00 İstanbul
        let core = try DeskCore(database: try AppDatabase.forDesk(path: database.path), width: 130, height: 40, now: monday, actor: "ayse", config: config)
        core.send(.keyPressed(.function(4)))
        core.send(.keyPressed(.enter))
        var screen = core.frame().text
        #expect(screen.contains("Waiting    2 h of business hours, since  4 Dec 17:00"), "\(screen)")
        #expect(screen.contains("Hâlâ gelmedi."))
        #expect(screen.contains("┄ 3 quoted lines (f shows)") && !screen.contains("> Yarın gelir."))
        core.send(.keyPressed(.character("f")))
        screen = core.frame().text
        #expect(screen.contains("> Yarın gelir."))
        // The list's waiting column counts the same clock.
        #expect(screen.contains("2 h"))

        #expect(throws: ConfigError.self) { try ShopConfig.parse("[support]\nhours = \"weekdays\"\n", file: "config.toml") }
        do { _ = try ShopConfig.parse("[support]\nhours = \"weekdays\"\n", file: "config.toml") } catch let error as ConfigError {
            #expect(error.description.hasPrefix("config.toml:2: key \"support.hours\": \"weekdays\" is not business hours"))
        }
    }

    @Test func theCustomerBesideTheThreadHasTheirOrdersParcelsAndMail() throws {
        let inbox = InboxSyncTests()
        let shop = try inbox.shop()
        try inbox.deliver("From: \(shop.shipped.address)\nSubject: Sorum var\nMessage-ID: <q-1@example.net>\n\nMerhaba\n",
                          to: shop.maildir, name: "1795390001.M1P1.mx")
        _ = try inbox.sync(shop)
        let id = try #require(try shop.database.pool.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM conversations") })
        let detail = try shop.database.conversationDetail(id: id)
        let sidebar = detail.customer
        #expect(sidebar.orderCount >= 1 && sidebar.orders.contains { $0.number == shop.shipped.number })
        #expect(sidebar.parcels.contains { $0.orderNumber == shop.shipped.number })
        #expect(sidebar.mailCount >= 1 && !sidebar.mails.isEmpty)
        #expect(sidebar.orders.map(\.placedAt) == sidebar.orders.map(\.placedAt).sorted(by: >), "newest first")
        // Drawn beside the thread on a wide screen.
        let core = try DeskCore(database: try AppDatabase.forDesk(path: shop.database.path), width: 140, height: 40, now: Self.now, actor: "ayse")
        core.send(.keyPressed(.function(4)))
        core.send(.keyPressed(.character("/")))
        type("sorum", into: core)
        core.send(.keyPressed(.enter))
        core.send(.keyPressed(.enter))
        let screen = core.frame().text
        #expect(screen.contains("│ Orders (\(sidebar.orderCount))"), "\(screen)")
        #expect(screen.contains(shop.shipped.number))
    }

    @Test func aReturnIsRecordedFromTheConversation() throws {
        let (core, database, conversation) = try support.deskWithAConversation()
        core.send(.keyPressed(.character("e")))
        #expect(core.state.message == "Link the conversation to its order first (l).")
        let order = try shippedOrder(database)
        try database.apply(.linkOrder(order.number), toConversations: [conversation], actor: "ayse", now: Self.now)
        core.send(.keyPressed(.character("/")))
        core.send(.keyPressed(.enter))
        core.send(.keyPressed(.character("e")))
        type("kırık geldi | müşteriyle konuştuk", into: core)
        core.send(.keyPressed(.enter))
        #expect(core.state.message?.hasSuffix("requested; the customer is told by mail.") == true, "\(core.state.message ?? "")")
        let state = try database.pool.read { try String.fetchOne($0, sql: "SELECT state FROM returns") }
        #expect(state == "requested")
    }

    /// Answers the selected conversation through the editor with `text`; the queued mail's id.
    func reply(_ text: String, on core: DeskCore, _ database: AppDatabase) throws -> Int64 {
        core.send(.keyPressed(.character("r")))
        let draft = try #require(core.takeEditorRequest())
        let written = try String(contentsOfFile: draft.path, encoding: .utf8)
        try written.replacingOccurrences(of: "\n\n\n", with: "\n\n\(text)\n\n").write(toFile: draft.path, atomically: true, encoding: .utf8)
        core.finishReply(draft)
        #expect(core.state.message?.hasPrefix("Reply queued (mail ") == true, "\(core.state.message ?? "")")
        return try #require(try database.pool.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM outbox") })
    }

    func thread(_ database: AppDatabase, _ id: Int64) throws -> Row {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT status, waiting_since, message_count, last_message_at, first_response_at,
                       (SELECT count(*) FROM messages WHERE conversation_id = c.id) FROM conversations c WHERE id = ?
                """, arguments: [id])!
        }
    }

    @Test func undoTakesBackAReplyWhileItsMailWaits() throws {
        let (core, database, conversation) = try support.deskWithAConversation()
        let before = try thread(database, conversation)
        let mail = try reply("Kargonuz yarın elinizde.", on: core, database)
        #expect(try thread(database, conversation)[0] as String == "pending")

        core.send(.keyPressed(.character("u")))
        guard case .confirming(let question) = core.state.mode else { Issue.record("no question before undoing"); return }
        #expect(question.question == "Undo “replied (mail \(mail) to elif@example.net) on conversation #\(conversation)”? y/n")
        core.send(.keyPressed(.character("y")))
        #expect(core.state.message == "Undone. 1 queued mail cancelled.")
        let state = try database.pool.read { try String.fetchOne($0, sql: "SELECT state FROM outbox WHERE id = ?", arguments: [mail]) }
        #expect(state == "cancelled")
        #expect(try thread(database, conversation) == before, "status, wait, count, times and thread as before the reply")

        // Answered again, the same words go out under the thread's next count; this time the mail
        // leaves before the owner presses u, and the reply stays.
        let second = try reply("Kargonuz yarın elinizde.", on: core, database)
        #expect(second != mail)
        try database.pool.write { try $0.execute(sql: "UPDATE outbox SET state = 'sent' WHERE id = ?", arguments: [second]) }
        core.send(.keyPressed(.character("u")))
        core.send(.keyPressed(.character("y")))
        #expect(core.state.message == "Nothing undone. 1 mail had already gone to the customer.")
        let kept = try thread(database, conversation)
        #expect(kept[0] as String == "pending" && kept[5] as Int == (before[5] as Int) + 1)
        #expect(try database.lastUndoableChange(actor: "ayse", subject: .conversation) == nil, "a sent reply is not offered again")
    }
}
