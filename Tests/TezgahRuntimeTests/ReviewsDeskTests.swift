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
        // A Turkish portal's name for the column moves it again.
        try "Carrier,Tracking Number,Status,Time,Tahmini Teslim Tarihi\nyurtici,123456789012,in transit,2026-12-01 09:00,2026-12-04\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try database.importFile(csv, timeZone: AutomationJourneyTests.istanbul).description.contains("1 ETA moved."))
        try "Carrier,Tracking Number,Status,Time,ETA\nyurtici,123456789012,in transit,2026-11-30 18:00,soon\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(throws: ImportError.self) { try database.importFile(csv) }
    }
}

/// Reviews left on a review platform, imported: linked to their order and its invite, idempotent,
/// all-or-nothing.
@Suite struct ReviewsImportTests {
    let folder = TemporaryFolder("tezgah-reviews-import")

    @Test func judgeMeAndPlainSheetsLinkReviewsToInvites() throws {
        let journey = try AutomationJourneyTests()
        let database = journey.database
        let ids = try database.write { w in [
            try journey.order(w, "#21", email: "ayse@example.com.tr", name: "Ayşe Kaya", language: "tr", placed: AutomationJourneyTests.day(0)),
            try journey.order(w, "#22", email: "bob@example.com", name: "Bob Lee", language: "en", placed: AutomationJourneyTests.day(0)),
        ] }
        for (id, number) in zip(ids, ["100000000021", "100000000022"]) {
            try journey.act(.ship(carrier: .yurtici, trackingNumber: number), [id], AutomationJourneyTests.day(1))
        }
        try journey.act(.markDelivered, ids, AutomationJourneyTests.day(3))
        _ = try journey.tick(AutomationJourneyTests.day(10))
        let judgeMe = folder.file("judgeme.csv")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try """
            title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,product_handle,reply,reply_date,picture_urls,ip_address,location
            Çok güzel,"Kupa harika, paketleme özenliydi.",5,2026-12-11 09:30:00 UTC,email,ok,Ayşe K.,AYSE@example.com.tr,123,seramik-kupa,,,,,TR
            Nice,Arrived fine.,4,2026-12-12 10:00:00 UTC,web,ok,Someone,nobody@example.org,123,seramik-kupa,,,,,US

            """.write(toFile: judgeMe, atomically: true, encoding: .utf8)
        let first = try database.importFile(judgeMe, now: AutomationJourneyTests.day(12))
        #expect(first.format == .judgeMeReviews)
        #expect(first.description == "Judge.me reviews export: 2 new reviews, 1 linked to an order, 0 already known.")
        let states = try database.pool.read { try String.fetchAll($0, sql: "SELECT state FROM review_invites ORDER BY order_id") }
        #expect(states == ["reviewed", "sent"])
        #expect(try database.importFile(judgeMe, now: AutomationJourneyTests.day(13)).description.hasSuffix("0 new reviews, 0 linked to an order, 2 already known."))
        // Reviewed, Ayşe gets no reminder; Bob still does.
        let reminders = try journey.tick(AutomationJourneyTests.day(15)).decisions.filter { $0.outcome == .queued }.map(\.orderNumber)
        #expect(reminders == ["#22"])

        let plain = folder.file("reviews.csv")
        try "order,email,rating,date,title,body\n22,bob@example.com,3,2026-12-16,Okay,Handle chipped\n9999,x@example.com,5,2026-12-16,,\n"
            .write(toFile: plain, atomically: true, encoding: .utf8)
        let second = try database.importFile(plain, now: AutomationJourneyTests.day(16))
        #expect(second.description == "reviews sheet: 1 new reviews, 1 linked to an order, 0 already known. Skipped 1 reviews of orders tezgah does not have: 9999.")
        #expect(try database.reviewFigures(now: AutomationJourneyTests.day(16)).averageRating == 4)

        // A bad cell names its line and column, and nothing of the file is kept.
        try "order,email,rating,date\n21,ayse@example.com.tr,5,2026-12-17\n22,bob@example.com,six,2026-12-17\n"
            .write(toFile: plain, atomically: true, encoding: .utf8)
        #expect(throws: ImportError.self) { try database.importFile(plain) }
        do { _ = try database.importFile(plain) } catch let error as ImportError {
            #expect("\(error)".contains(":3") && "\(error)".contains("rating") && "\(error)".contains("\"six\" is not a rating from 1 to 5."), "\(error)")
        }
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM reviews")! } == 3)
    }
}
