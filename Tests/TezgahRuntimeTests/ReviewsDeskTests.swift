import Foundation
import GRDB
import Testing
import Tezgah
import TezgahMail
@testable import TezgahStore
import TezgahTestSupport
import TezgahUI
@testable import TezgahRuntime

/// The Reviews pane steering invites (send now, hold, skip, record a review, undo), its views and
/// figures; survey answers by mail and by hand; a carrier's estimated delivery moving the ETA.
@Suite struct ReviewsDeskTests {
    let journey = AutomationJourneyTests.self
    let folder = TemporaryFolder("tezgah-reviews")

    /// A demo shop whose desk has the review page set, on the Reviews pane filtered to `filter`.
    func desk(_ filter: String) throws -> (core: DeskCore, database: AppDatabase) {
        let path = folder.file("shop.sqlite")
        try DemoShop.mailed(orders: 300, seed: 9, now: InboxSyncTests.now).build(at: path)
        let config = try ShopConfig.parse("""
            [mail]
            from = "Ayşe'nin Dükkanı <destek@aysenin-dukkani.example>"
            transport = "sendmail"
            [automations.review_invite]
            url = "https://aysenin-dukkani.example/review/{order}"
            """, file: "config.toml")
        let database = try AppDatabase(path: path)
        let core = try DeskCore(database: try AppDatabase.forDesk(path: path), width: 140, height: 40, now: InboxSyncTests.now, actor: "ayse",
                                config: config, orderMails: try OrderMails(composer: MailComposerFixture.composer(), shopName: "Ayşe'nin Dükkanı"))
        core.send(.keyPressed(.function(3)))
        core.send(.keyPressed(.character("/")))
        for c in filter { core.send(.keyPressed(.character(c))) }
        core.send(.keyPressed(.enter))
        return (core, database)
    }

    func invite(_ database: AppDatabase, _ id: Int64) throws -> Row {
        try database.pool.read { try Row.fetchOne($0, sql: "SELECT state, reason, sent_at FROM review_invites WHERE id = ?", arguments: [id])! }
    }

    @Test func holdSkipSendAndUndoFromThePane() throws {
        let (core, database) = try desk("is:due-soon")
        let selected = try #require(core.state.current.selected?.row.asReview, "the demo has invites due this week")
        #expect(selected.state == .scheduled)
        core.send(.keyPressed(.character("h")))
        #expect(core.state.message == "Invite held.")
        #expect(try invite(database, selected.id)[0] as String == "held")
        // Held, it has left "due soon"; state:held finds it, and h releases it.
        core.send(.keyPressed(.character("/")))
        for _ in 0..<12 { core.send(.keyPressed(.backspace)) }
        for c in "state:held \(selected.orderNumber.dropFirst())" { core.send(.keyPressed(.character(c))) }
        core.send(.keyPressed(.enter))
        #expect(core.state.current.selected?.row.id == selected.id)
        core.send(.keyPressed(.character("h")))
        #expect(try invite(database, selected.id)[0] as String == "scheduled")
        core.send(.keyPressed(.character("u")))
        core.send(.keyPressed(.character("y")))
        #expect(try invite(database, selected.id)[0] as String == "held", "undo takes back the release")

        let mailsBefore = try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox")! }
        core.send(.keyPressed(.character("s")))
        #expect(core.state.message == "Invite sent now.")
        let sent = try invite(database, selected.id)
        #expect(sent[0] as String == "sent" && sent[2] as Int64? == InboxSyncTests.now.unixSeconds)
        let mail = try database.pool.read { try Row.fetchOne($0, sql: "SELECT kind, state, message FROM outbox ORDER BY id DESC LIMIT 1")! }
        #expect(mail[0] as String == "review_invite" && mail[1] as String == "queued")
        #expect(try PythonEmail.parse(mail[2] as Data).description.contains("https://aysenin-dukkani.example/review/\(selected.orderNumber.dropFirst())"))
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox")! } == mailsBefore + 1)
        // Undo cancels the queued mail and puts the invite back on hold.
        core.send(.keyPressed(.character("u")))
        core.send(.keyPressed(.character("y")))
        #expect(core.state.message == "Undone. 1 queued mail cancelled.")
        #expect(try invite(database, selected.id)[0] as String == "held")
        // Skipping needs a reason; a sent invite cannot be skipped.
        core.send(.keyPressed(.character("x")))
        core.send(.keyPressed(.enter))
        #expect(core.state.message?.hasPrefix("Say why it is skipped") == true)
        for c in "gift order" { core.send(.keyPressed(.character(c))) }
        core.send(.keyPressed(.enter))
        #expect(try invite(database, selected.id)[1] as String == "gift order")
        let log = try database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM activity_log WHERE subject_type = 'review_invite' AND subject_id = ? ORDER BY id",
                                arguments: [selected.id])
        }
        #expect(log == ["held", "released", "undid", "sent now", "undid", "skipped"])
    }

    @Test func aReviewRecordedByHandCountsInTheFigures() throws {
        let (core, database) = try desk("is:awaiting")
        let selected = try #require(core.state.current.selected?.row.asReview)
        let before = try #require(core.state.reviewFigures)
        core.send(.keyPressed(.character("R")))
        for c in "six stars" { core.send(.keyPressed(.character(c))) }
        core.send(.keyPressed(.enter))
        #expect(core.state.message == "Start with the rating, 1 to 5, then the text: “5 Lovely mug, fast delivery”.")
        core.send(.keyPressed(.escape))
        core.send(.keyPressed(.character("R")))
        for c in "4 Güzel kupa, hızlı kargo" { core.send(.keyPressed(.character(c))) }
        core.send(.keyPressed(.enter))
        #expect(core.state.message == "Invite reviewed (4★).")
        #expect(try invite(database, selected.id)[0] as String == "reviewed")
        let figures = try #require(core.state.reviewFigures)
        if (selected.sentAt ?? .distantPast) > InboxSyncTests.now.addingTimeInterval(-30 * 86_400) {
            #expect(figures.invitesReviewed == before.invitesReviewed + 1)
        }
        core.send(.keyPressed(.character("k")))
        #expect(core.frame().text.contains("sent in 30 days · "), "the status line shows the figures")
        #expect(try database.reviewInviteDetail(id: selected.id).review == "4★ Güzel kupa, hızlı kargo")
        #expect(ReviewFigures.nps([10, 9, 8, 7, 6, 0]) == 0)
        #expect(ReviewFigures.nps([10, 10, 9, 3]) == 50)
    }

    @Test func surveyAnswersArriveByMailOrByHand() throws {
        let inbox = InboxSyncTests()
        let shop = try inbox.shop()
        let survey = try shop.database.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT m.message_id, m.order_id, o.number, m.to_address, m.kind FROM outbox m JOIN orders o ON o.id = m.order_id
                WHERE m.kind IN ('csat_survey', 'nps_survey') ORDER BY m.id LIMIT 1
                """)
        }
        // The demo's survey mail, or one written here when the demo has none.
        let (messageID, orderID, number, address): (String, Int64, String, String)
        if let survey {
            (messageID, orderID, number, address) = (survey[0], survey[1], survey[2], survey[3])
        } else {
            let mail = try MailComposerFixture.composer().compose(.csatSurvey, to: .init(customerID: nil, name: "Ela", address: shop.otherOrder.address, language: "tr"),
                                                                  values: ["shop_name": "x", "customer_name": "Ela", "support_email": "d@x", "order_number": shop.otherOrder.number, "unsubscribe_url": "mailto:u@x"],
                                                                  dedupeKey: "csat_survey:order:\(shop.otherOrder.id)", orderID: shop.otherOrder.id, now: InboxSyncTests.now)
            _ = try shop.database.write { try $0.enqueueMail(mail) }
            (messageID, orderID, number, address) = (mail.messageID, shop.otherOrder.id, shop.otherOrder.number, shop.otherOrder.address)
        }
        let kind = try shop.database.pool.read { try String.fetchOne($0, sql: "SELECT kind FROM outbox WHERE message_id = ?", arguments: [messageID])! }
        let score = kind == "nps_survey" ? 9 : 5
        try inbox.deliver("""
            From: \(address)
            Subject: Re: How did we do?
            Message-ID: <answer-1@example.net>
            In-Reply-To: \(messageID)

            \(score)

            On Mon, 23 Nov 2026, shop wrote:
            > On a scale of 1 to 5…
            """, to: shop.maildir, name: "1795390100.M1P1.mx")
        let summary = try inbox.sync(shop)
        #expect(summary.surveyAnswers == 1 && summary.newConversations == 0, "\(summary)")
        let answered = try shop.database.pool.read { try Row.fetchOne($0, sql: "SELECT score, comment, state FROM surveys WHERE order_id = ?", arguments: [orderID])! }
        #expect(answered[0] as Int == score && answered[1] as String == "" && answered[2] as String == "answered")
        // A score with words below it is recorded, and the words reach the Support pane.
        try inbox.deliver("From: \(address)\nSubject: Re: survey\nMessage-ID: <answer-2@example.net>\nIn-Reply-To: \(messageID)\n\n\(score - 1) - kargo geç geldi\nAma ürün güzel.\n",
                          to: shop.maildir, name: "1795390200.M1P1.mx")
        let second = try inbox.sync(shop)
        #expect(second.surveyAnswers == 1 && second.newMessages == 1)
        let comment = try shop.database.pool.read { try String.fetchOne($0, sql: "SELECT comment FROM surveys WHERE order_id = ?", arguments: [orderID])! }
        #expect(comment == "kargo geç geldi\nAma ürün güzel.")
        // By hand, checked against the survey's scale.
        #expect(throws: StoreError.self) {
            try shop.database.recordSurveyAnswer(orderNumber: number, score: 11, comment: "", kind: .csat, actor: "ayse", now: InboxSyncTests.now)
        }
        _ = try shop.database.recordSurveyAnswer(orderNumber: number, score: score, comment: "telefonda", kind: .csat, actor: "ayse", now: InboxSyncTests.now)
        #expect(ShopWriter.leadingScore("5/5") == 5 && ShopWriter.leadingScore("10.") == 10 && ShopWriter.leadingScore("1000") == nil
                && ShopWriter.leadingScore("5th") == nil)
    }

    @Test func aCarriersEstimatedDeliveryMovesTheEtaAndTheFirstStays() throws {
        let database = try AppDatabase(path: folder.file("eta.sqlite"))
        let journey = try AutomationJourneyTests()
        _ = journey
        let id = try database.write { w in
            try journey.order(w, "#9", email: "ela@example.com", name: "Ela", language: "tr", placed: AutomationJourneyTests.day(0))
        }
        let mails = try OrderMails(composer: MailComposerFixture.composer(), shopName: "x")
        _ = try database.apply(.ship(carrier: .yurtici, trackingNumber: "123456789012"), to: [id], actor: "ayse", now: AutomationJourneyTests.day(0),
                               mail: mails.composer(now: AutomationJourneyTests.day(0)),
                               estimate: TransitTimes().estimate(in: AutomationJourneyTests.istanbul))
        let csv = folder.file("tracking.csv")
        try "Carrier,Tracking Number,Status,Time,Location,Estimated Delivery\nyurtici,123456789012,in transit,2026-11-30 18:00,İzmir,2026-12-05\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let summary = try database.importFile(csv, timeZone: AutomationJourneyTests.istanbul)
        #expect(summary.description.contains("1 ETA moved."))
        let row = try database.pool.read { try Row.fetchOne($0, sql: "SELECT first_eta, eta FROM shipments")! }
        #expect(row[0] as Int64 == AutomationJourneyTests.day(2, hour: 24).unixSeconds - 1, "two working days: the end of Wednesday")
        #expect(row[1] as Int64 == AutomationJourneyTests.day(5, hour: 24).unixSeconds - 1, "the carrier's date, the end of Saturday 5 December")
        try "Carrier,Tracking Number,Status,Time,ETA\nyurtici,123456789012,in transit,2026-11-30 18:00,soon\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(throws: ImportError.self) { try database.importFile(csv) }
    }
}
