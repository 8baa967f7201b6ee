import Foundation
import GRDB
import TezgahTestSupport
import Testing
import Tezgah
@testable import TezgahStore
import TezgahUI
import TezgahMail
@testable import TezgahRuntime

/// The shop's mailbox read into conversations: a Maildir written here file by file as Postfix,
/// Dovecot and mbsync leave them, read twice (the second read changes nothing), never modified.
@Suite struct InboxSyncTests {
    static let now = Date(timeIntervalSince1970: 1_795_400_000) // 2026-11-23
    let folder = TemporaryFolder("tezgah-inbox")

    struct Shop {
        let database: AppDatabase
        let maildir: String
        /// A shipped mail the shop sent: its Message-ID, order id and number, and the customer's address.
        let shipped: (messageID: String, orderID: Int64, number: String, address: String)
        let otherOrder: (id: Int64, number: String, address: String)
    }

    func shop() throws -> Shop {
        let path = folder.file("shop.sqlite")
        try DemoShop.mailed(orders: 300, seed: 21, now: Self.now).build(at: path)
        let database = try AppDatabase(path: path)
        let shipped = try database.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT m.message_id, m.order_id, o.number, m.to_address FROM outbox m JOIN orders o ON o.id = m.order_id
                WHERE m.kind = 'shipped' AND m.to_address LIKE '%@%' AND m.to_address NOT LIKE '%山%'
                  AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.order_id = m.order_id) ORDER BY m.id LIMIT 1
                """)!
        }
        let other = try database.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT o.id, o.number, c.email FROM orders o JOIN customers c ON c.id = o.customer_id
                WHERE NOT EXISTS (SELECT 1 FROM conversations x WHERE x.order_id = o.id) AND c.email LIKE '%@%' AND o.id != ?
                ORDER BY o.id DESC LIMIT 1
                """, arguments: [shipped[1] as Int64])!
        }
        let maildir = try folder.maildir()
        return Shop(database: database, maildir: maildir, shipped: (shipped[0], shipped[1], shipped[2], shipped[3]),
                     otherOrder: (other[0], other[1], other[2]))
    }

    /// Writes a message as a delivery agent does: one file in new/ (or cur/ with flags).
    @discardableResult
    func deliver(_ text: String, to maildir: String, name: String, in sub: String = "new") throws -> String {
        let file = "\(maildir)/\(sub)/\(name)"
        try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func sync(_ shop: Shop) throws -> InboxSummary {
        try InboxSync(maildir: shop.maildir).run(into: shop.database, now: Self.now)
    }

    func conversation(_ database: AppDatabase, orderID: Int64) throws -> (id: Int64, status: String, messages: Int)? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, status, message_count FROM conversations WHERE order_id = ?", arguments: [orderID])
                .map { ($0[0], $0[1], $0[2]) }
        }
    }

    @Test func aReplyToAShippedMailLandsInAConversationAboutThatOrder() throws {
        let shop = try shop()
        try deliver("""
            From: Customer <\(shop.shipped.address.uppercased())>
            To: destek@aysenin-dukkani.example
            Subject: Re: Siparişiniz kargoya verildi
            Date: Sun, 22 Nov 2026 10:00:00 +0300
            Message-ID: <reply-1@mail.example.com>
            In-Reply-To: \(shop.shipped.messageID)
            References: \(shop.shipped.messageID)

            Kargo hala gelmedi.
            """, to: shop.maildir, name: "1795000000.M1P1.mx,S=400")
        let summary = try sync(shop)
        #expect(summary.read == 1 && summary.newMessages == 1 && summary.newConversations == 1 && summary.newCustomers == 0)
        let conversation = try #require(try conversation(shop.database, orderID: shop.shipped.orderID))
        #expect(conversation.status == "open" && conversation.messages == 1)
        let detail = try shop.database.conversationDetail(id: conversation.id)
        #expect(detail.orderNumber == shop.shipped.number)
        #expect(detail.messages.last?.body.contains("Kargo hala gelmedi.") == true)

        // The customer's next mail answers the first: the same conversation.
        try deliver("""
            From: \(shop.shipped.address)
            Subject: Re: Re: Siparişiniz kargoya verildi
            Date: Sun, 22 Nov 2026 12:00:00 +0300
            Message-ID: <reply-2@mail.example.com>
            In-Reply-To: <reply-1@mail.example.com>

            Bir de adresimi değiştirebilir miyiz?
            """, to: shop.maildir, name: "1795000100.M2P1.mx,S=300")
        let second = try sync(shop)
        #expect(second.read == 1 && second.threaded == 1 && second.newConversations == 0)
        #expect(try self.conversation(shop.database, orderID: shop.shipped.orderID)?.messages == 2)
    }

    @Test func fallbacksOrderNumberInTheSubjectThenTheSendersOpenConversationThenNew() throws {
        let shop = try shop()
        let number = shop.otherOrder.number.dropFirst()
        try deliver("""
            From: Yeni Müşteri <yeni@example.net>
            Subject: Ynt: Sipariş \(number) hakkında
            Date: Sat, 21 Nov 2026 09:00:00 +0300
            Message-ID: <a1@example.net>

            Merhaba
            """, to: shop.maildir, name: "1795000001.M1P2.mx")
        // Forwarded by the customer's phone without In-Reply-To, two days later: the same sender's
        // open conversation of the last 14 days.
        try deliver("""
            From: yeni@example.net
            Subject: Fwd: bir şey daha
            Date: Mon, 23 Nov 2026 09:00:00 +0300
            Message-ID: <a2@example.net>

            ---------- Forwarded message ---------
            """, to: shop.maildir, name: "1795000002.M1P3.mx")
        // Another sender, no reference, no order: a new conversation and a new customer.
        try deliver("""
            From: "Zoë" <zoe@example.org>
            Subject: Do you ship to Norway?
            Message-ID: <b1@example.org>

            Hi!
            """, to: shop.maildir, name: "1795000003.M1P4.mx")
        let summary = try sync(shop)
        #expect(summary.read == 3 && summary.newConversations == 2 && summary.threaded == 1 && summary.newCustomers == 2,
                "\(summary)")
        let about = try #require(try conversation(shop.database, orderID: shop.otherOrder.id))
        #expect(about.messages == 2)
        let made = try shop.database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT email || ':' || source FROM customers WHERE source = 'mail' ORDER BY email")
        }
        #expect(made == ["yeni@example.net:mail", "zoe@example.org:mail"])
    }

    @Test func nothingIsReadTwiceAndNoFileIsTouched() throws {
        let shop = try shop()
        let message = """
            From: tekrar@example.com
            Subject: Aynı mesaj
            Message-ID: <same@example.com>

            iki kez teslim edildi
            """
        let first = try deliver(message, to: shop.maildir, name: "1795000010.M1P1.mx,S=90")
        // The same message delivered twice (two fetchers), and a mail without a Message-ID.
        try deliver(message, to: shop.maildir, name: "1795000011.M9P9.mx,S=90", in: "cur")
        try deliver("From: kimlik@example.com\nSubject: kimliksiz\n\nMessage-ID yok", to: shop.maildir, name: "1795000012.M1P1.mx")
        let modified = try FileManager.default.attributesOfItem(atPath: first)[.modificationDate] as? Date
        let summary = try sync(shop)
        #expect(summary.read == 3 && summary.newMessages == 2 && summary.duplicates == 1, "\(summary)")

        // A mail client moves the first file to cur/ and flags it seen: it is the same file.
        try FileManager.default.moveItem(atPath: first, toPath: shop.maildir + "/cur/1795000010.M1P1.mx,S=90:2,S")
        let again = try sync(shop)
        #expect(again == InboxSummary(), "the second sync changes nothing: \(again)")
        #expect(try FileManager.default.attributesOfItem(atPath: shop.maildir + "/cur/1795000010.M1P1.mx,S=90:2,S")[.modificationDate] as? Date == modified)
        #expect(try FileManager.default.contentsOfDirectory(atPath: shop.maildir + "/new").count == 1, "tezgah moved nothing")

        // A copy of the shop's own shipped mail (a Bcc to the shop's address) is no customer writing.
        try deliver("""
            From: destek@aysenin-dukkani.example
            To: \(shop.shipped.address)
            Subject: Siparişiniz kargoya verildi
            Message-ID: \(shop.shipped.messageID)

            Kargonuz yolda.
            """, to: shop.maildir, name: "1795000013.M1P1.mx")
        let copy = try sync(shop)
        #expect(copy.read == 1 && copy.duplicates == 1 && copy.newMessages == 0 && copy.newCustomers == 0, "\(copy)")
    }

    @Test func aBounceFailsTheMailItReportsAndSuppressesTheAddress() throws {
        let shop = try shop()
        try deliver("""
            From: MAILER-DAEMON@mx.example (Mail Delivery System)
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce-1@mx.example>
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"

            --B
            Content-Type: message/delivery-status

            Final-Recipient: rfc822; \(shop.shipped.address)
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 User unknown

            --B
            Content-Type: text/rfc822-headers

            Message-ID: \(shop.shipped.messageID)

            --B--
            """, to: shop.maildir, name: "1795000020.M1P1.mx")
        let summary = try sync(shop)
        #expect(summary.bounces == 1 && summary.newConversations == 0 && summary.newMessages == 0)
        let state = try shop.database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT state, last_reply FROM outbox WHERE message_id = ?", arguments: [shop.shipped.messageID])!
        }
        #expect(state[0] as String == "failed" && state[1] as String == "550 5.1.1 User unknown")
        #expect(try shop.database.suppressedAddresses().contains { $0.address == shop.shipped.address })
    }

    @Test func anAutoReplyNeitherReopensNorCountsAndAnUnsubscribeUnsubscribes() throws {
        let shop = try shop()
        try deliver("""
            From: \(shop.shipped.address)
            Subject: Re: Siparişiniz kargoya verildi
            Date: Sun, 22 Nov 2026 10:00:00 +0300
            Message-ID: <c1@example.com>
            In-Reply-To: \(shop.shipped.messageID)

            Teşekkürler.
            """, to: shop.maildir, name: "1795000030.M1P1.mx")
        _ = try sync(shop)
        let id = try #require(try conversation(shop.database, orderID: shop.shipped.orderID)).id
        try shop.database.write { try $0.db.execute(sql: "UPDATE conversations SET status = 'pending', waiting_since = NULL WHERE id = ?", arguments: [id]) }
        try deliver("""
            From: \(shop.shipped.address)
            Subject: Otomatik yanıt: Re: Siparişiniz kargoya verildi
            Auto-Submitted: auto-replied
            Date: Sun, 22 Nov 2026 11:00:00 +0300
            Message-ID: <c2@example.com>
            In-Reply-To: <c1@example.com>

            İzindeyim.
            """, to: shop.maildir, name: "1795000031.M1P1.mx")
        let summary = try sync(shop)
        #expect(summary.autoReplies == 1 && summary.threaded == 1)
        #expect(try conversation(shop.database, orderID: shop.shipped.orderID)?.status == "pending", "an auto-reply does not reopen")
        try deliver("From: \(shop.otherOrder.address)\nSubject: unsubscribe\nMessage-ID: <u1@example.com>\n\n",
                    to: shop.maildir, name: "1795000032.M1P1.mx")
        #expect(try sync(shop).unsubscribes == 1)
        let unsubscribed = try shop.database.pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT unsubscribed_at IS NOT NULL FROM customers WHERE email = ?", arguments: [shop.otherOrder.address])
        }
        #expect(unsubscribed == true)
    }

    /// A vacation notice answering a newsletter, with nothing to thread to, is kept but asks for no reply.
    @Test func anAutoReplyThatStartsAConversationLeavesItClosed() throws {
        let shop = try shop()
        try deliver("From: tatil@example.com\nSubject: Out of Office\nAuto-Submitted: auto-replied\nMessage-ID: <oo@x>\n\nAway",
                    to: shop.maildir, name: "1795000050.M1P1.mx")
        #expect(try sync(shop).autoReplies == 1)
        let status = try shop.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT t.status FROM conversations t JOIN customers c ON c.id = t.customer_id WHERE c.email = 'tatil@example.com'")
        }
        #expect(status == "closed")
    }

    @Test func theDeskDrawsHostileSubjectsHarmlessly() throws {
        let shop = try shop()
        try deliver("From: kotu@example.com\nSubject: =?UTF-8?B?G1szMW1IYWNrG10wO3RpdGxlBw==?=\nMessage-ID: <h@x>\n\nx",
                    to: shop.maildir, name: "1795000040.M1P1.mx")
        _ = try sync(shop)
        let core = try DeskCore(database: shop.database, width: 120, height: 30, now: Self.now)
        core.send(.keyPressed(.function(4)))
        core.send(.keyPressed(.character("/")))
        for c in "kotu" { core.send(.keyPressed(.character(c))) }
        let text = core.frame().text
        #expect(text.contains("␛[31mHack␛]0;title␇"), "\(text)")
        #expect(!text.contains("\u{1B}"))
    }

    @Test func aFolderThatIsNoMaildirSaysSo() throws {
        let database = try AppDatabase(path: folder.file("empty.sqlite"))
        #expect(throws: InboxError.self) { try InboxSync(maildir: folder.file("nowhere")).run(into: database) }
    }
}

/// Answering from the Support pane: `r` writes a draft and hands it to the editor; what the owner
/// wrote leaves through the outbox threaded to the customer's mail, and the conversation waits.
@Suite struct SupportDeskTests {
    static let now = InboxSyncTests.now
    let folder = TemporaryFolder("tezgah-support")

    func deskWithAConversation() throws -> (core: DeskCore, database: AppDatabase, conversation: Int64) {
        let path = folder.file("shop.sqlite")
        try DemoShop.mailed(orders: 200, seed: 2, now: Self.now).build(at: path)
        let database = try AppDatabase(path: path)
        let maildir = try folder.maildir()
        try Data("""
            From: "Elif Şahin" <elif@example.net>\r
            Subject: Paket-7731 nerede?\r
            Date: Mon, 23 Nov 2026 04:00:00 +0300\r
            Message-ID: <elif-1@example.net>\r
            References: <older@example.net>\r
            \r
            Merhaba, paketim gelmedi.\r
            """.utf8).write(to: URL(fileURLWithPath: maildir + "/new/1795390000.M1P1.mx"))
        _ = try InboxSync(maildir: maildir).run(into: database, now: Self.now)
        let conversation = try #require(try database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM conversations ORDER BY id DESC LIMIT 1") })
        let mails = try OrderMails(composer: MailComposerFixture.composer(), shopName: "Ayşe'nin Dükkanı")
        let core = try DeskCore(database: try AppDatabase.forDesk(path: path), width: 120, height: 30, now: Self.now, actor: "ayse",
                                orderMails: mails)
        core.draftsFolder = folder.file("drafts")
        core.send(.keyPressed(.function(4)))
        core.send(.keyPressed(.character("/")))
        for c in "paket-7731" { core.send(.keyPressed(.character(c))) }
        core.send(.keyPressed(.enter))
        #expect(core.state.current.selected?.row.id == conversation)
        return (core, database, conversation)
    }

    @Test func aReplyIsThreadedQueuedAndTheConversationWaits() throws {
        let (core, database, conversation) = try deskWithAConversation()
        core.send(.keyPressed(.character("r")))
        let draft = try #require(core.takeEditorRequest())
        let text = try String(contentsOfFile: draft.path, encoding: .utf8)
        #expect(text.hasPrefix("To: elif@example.net\nSubject: Re: Paket-7731 nerede?\n\n"))
        #expect(text.contains("> Merhaba, paketim gelmedi."))
        #expect((try FileManager.default.attributesOfItem(atPath: draft.path)[.posixPermissions] as? Int) == 0o600)
        // The owner's editor: a line written under the headers.
        try text.replacingOccurrences(of: "\n\n\n", with: "\n\nKargonuz yarın elinizde.\n\n").write(toFile: draft.path, atomically: true, encoding: .utf8)
        core.finishReply(draft)
        #expect(core.state.message?.hasPrefix("Reply queued (mail ") == true, "\(core.state.message ?? "")")
        #expect(!FileManager.default.fileExists(atPath: draft.path), "a sent draft is removed")
        let row = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT kind, to_address, subject, message FROM outbox ORDER BY id DESC LIMIT 1")!
        }
        #expect(row[0] as String == "support_reply" && row[1] as String == "elif@example.net")
        #expect(row[2] as String == "Re: Paket-7731 nerede?")
        let message: Data = row[3]
        #expect(PythonEmail.header("In-Reply-To", in: message) == "<elif-1@example.net>")
        #expect(PythonEmail.header("References", in: message) == "<older@example.net> <elif-1@example.net>")
        let parsed = try PythonEmail.parse(message)
        #expect(((parsed["parts"] as? [[String]])?.first?.last ?? "").contains("Kargonuz yarın elinizde."))
        let status = try database.pool.read { try String.fetchOne($0, sql: "SELECT status FROM conversations WHERE id = ?", arguments: [conversation]) }
        #expect(status == "pending")
    }

    @Test func anEmptyOrUnchangedDraftSendsNothingAndALeftDraftIsOfferedAgain() throws {
        let (core, database, _) = try deskWithAConversation()
        let before = try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox")! }
        core.send(.keyPressed(.character("r")))
        let draft = try #require(core.takeEditorRequest())
        core.finishReply(draft)
        #expect(core.state.message == "Nothing sent: the reply was empty.")
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox")! } == before)
        // A draft written and then left behind (the link dropped before the editor closed).
        core.send(.keyPressed(.character("r")))
        let second = try #require(core.takeEditorRequest())
        try "To: elif@example.net\nSubject: Re: x\n\nYarım kalmış cevap\n".write(toFile: second.path, atomically: true, encoding: .utf8)
        core.send(.keyPressed(.character("r")))
        let again = try #require(core.takeEditorRequest())
        #expect(try String(contentsOfFile: again.path, encoding: .utf8).contains("Yarım kalmış cevap"))
    }

    @Test func noteCloseSnoozeAndOpenTheOrder() throws {
        let (core, database, conversation) = try deskWithAConversation()
        core.send(.keyPressed(.character("n")))
        for c in "aradım, yarın gelecek" { core.send(.keyPressed(.character(c))) }
        core.send(.keyPressed(.enter))
        #expect(core.state.message == "Conversation noted.")
        core.send(.keyPressed(.character("o")))
        #expect(core.state.message == "This conversation is not about an order.")
        core.send(.keyPressed(.character("z")))
        for c in "tomorrow" { core.send(.keyPressed(.character(c))) }
        core.send(.keyPressed(.enter))
        let snoozed = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT status, snoozed_until FROM conversations WHERE id = ?", arguments: [conversation])!
        }
        #expect(snoozed[0] as String == "snoozed")
        // 09:00 tomorrow in İstanbul (the demo shop's zone): 2026-11-24 06:00 UTC.
        #expect(snoozed[1] as Int64 == 1_795_500_000)
        // Snoozed, it has left the "needs a reply" view; found again by its subject, it is closed.
        #expect(core.state.current.window.rows.isEmpty)
        core.send(.keyPressed(.escape))
        core.send(.keyPressed(.character("/")))
        for c in "paket" { core.send(.keyPressed(.character(c))) }
        core.send(.keyPressed(.enter))
        core.send(.keyPressed(.character("c")))
        let activity = try database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT actor || ' ' || action FROM activity_log WHERE subject_type = 'conversation' AND subject_id = ? ORDER BY id",
                                arguments: [conversation])
        }
        #expect(activity == ["ayse noted", "ayse snoozed", "ayse closed"])
    }

    @Test func aSnoozeEndsAtItsTimeAndOneUntilTheyReplyWaits() throws {
        let (core, database, conversation) = try deskWithAConversation()
        core.send(.keyPressed(.character("z")))
        for c in "3h" { core.send(.keyPressed(.character(c))) }
        core.send(.keyPressed(.enter))
        #expect(try database.wakeSnoozedConversations(now: Self.now.addingTimeInterval(2 * 3_600)) == 0)
        #expect(try database.wakeSnoozedConversations(now: Self.now.addingTimeInterval(3 * 3_600)) == 1)
        let status = try database.pool.read { try String.fetchOne($0, sql: "SELECT status FROM conversations WHERE id = ?", arguments: [conversation]) }
        #expect(status == "open")
        try database.apply(.snooze(until: nil), toConversations: [conversation], actor: "ayse", now: Self.now)
        #expect(try database.wakeSnoozedConversations(now: Self.now.addingTimeInterval(365 * 86_400)) == 0)
        // A shop whose worker reads no inbox: the automation pass ends a snooze too.
        try database.apply(.snooze(until: Self.now.addingTimeInterval(3_600)), toConversations: [conversation], actor: "ayse", now: Self.now)
        let mails = try OrderMails(composer: MailComposerFixture.composer(), shopName: "Ayşe'nin Dükkanı")
        _ = try Automations(settings: AutomationSettings(), mails: mails).run(on: database, now: Self.now.addingTimeInterval(2 * 3_600))
        let woken = try database.pool.read { try String.fetchOne($0, sql: "SELECT status FROM conversations WHERE id = ?", arguments: [conversation]) }
        #expect(woken == "open")
    }
}

/// The shop's composer, as the desk's config would make it.
enum MailComposerFixture {
    static func composer() throws -> MailComposer {
        MailComposer(templates: try MailTemplateLibrary.load(overrides: nil),
                     sender: try MailAddress("destek@aysenin-dukkani.example", displayName: "Ayşe'nin Dükkanı"))
    }
}

@Suite struct InboxToolsTests {
    @Test func theEditorIsVisualThenEditorThenVi() {
        #expect(ReplyEditor.command(environment: ["VISUAL": "code -w", "EDITOR": "nano"]) == ["code", "-w"])
        #expect(ReplyEditor.command(environment: ["VISUAL": " ", "EDITOR": "nano"]) == ["nano"])
        #expect(ReplyEditor.command(environment: [:]) == ["vi"])
    }

    @Test func aFailingSyncCommandIsOneSentenceAndReadsNothing() throws {
        let folder = TemporaryFolder("tezgah-inbox-tools")
        let database = try AppDatabase(path: folder.file("shop.sqlite"))
        let maildir = folder.file("Maildir")
        for sub in ["new", "cur"] { try FileManager.default.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true) }
        let sync = InboxSync(maildir: maildir, syncCommand: ["sh", "-c", "echo 'IMAP error: authentication failed' >&2; exit 1"])
        #expect(throws: InboxError(description: "The sync command sh -c echo 'IMAP error: authentication failed' >&2; exit 1 failed (status 1): IMAP error: authentication failed")) {
            try sync.run(into: database)
        }
        #expect(try database.readInboxFiles().isEmpty)
    }

    @Test func draftsReadWhatTheOwnerWrote() {
        let written = ReplyDraft.read("To: a@x\nSubject: Re: y\n\nMerhaba,\nyarın gelir.\n\nOn 1 Dec, a@x wrote:\n> eski\n")
        #expect(written.to == "a@x" && written.subject == "Re: y" && !written.isEmpty)
        #expect(written.text == "Merhaba,\nyarın gelir.\n\nOn 1 Dec, a@x wrote:\n> eski")
        #expect(ReplyDraft.read("To: a@x\nSubject: Re: y\n\n\nOn 1 Dec, a@x wrote:\n> eski\n").isEmpty)
    }
}
