import Foundation
import GRDB
import Testing
import Tezgah
import TezgahMail
@testable import TezgahStore
import TezgahTestSupport
@testable import TezgahRuntime

/// The after-sale journey running by itself: a small shop walked through 60 simulated days, one
/// automation pass a day, asserting exactly which mail was queued on which day and why nothing else was.
@Suite struct AutomationJourneyTests {
    let folder = TemporaryFolder("tezgah-automations")
    let database: AppDatabase
    let mails: OrderMails
    /// Day 0, 10:00 in İstanbul.
    static let start = Date(timeIntervalSince1970: 1_796_022_000) // 2026-11-30 07:00 UTC, a Monday
    static let istanbul = TimeZone(identifier: "Europe/Istanbul")!

    static var settings: AutomationSettings {
        var settings = AutomationSettings()
        settings.timeZone = istanbul
        settings.reviewInvite.enabled = true
        settings.reviewInvite.url = "https://aysenin-dukkani.example/review/{order}"
        return settings
    }

    init() throws {
        database = try AppDatabase(path: folder.file("shop.sqlite"))
        mails = OrderMails(composer: try MailComposerFixture.composer(), shopName: "Ayşe'nin Dükkanı",
                           trackingLinks: TrackingLinks(templates: [.yurtici: "https://kargo.example/takip?no={n}"]), timeZone: Self.istanbul)
    }

    static func day(_ n: Double, hour: Double = 10) -> Date { start.addingTimeInterval(n * 86_400 + (hour - 10) * 3_600) }

    func order(_ writer: ShopWriter, _ number: String, email: String, name: String, language: String,
               status: OrderStatus = .received, payment: PaymentStatus = .paid, placed: Date) throws -> Int64 {
        let customer = try writer.findOrCreateCustomer(email: email, name: name, city: "İzmir", country: "TR", createdAt: placed).id
        try writer.db.execute(sql: "UPDATE customers SET language = ? WHERE id = ?", arguments: [language, customer])
        return try writer.insertOrder(.init(number: number, platform: "manual", platformRef: nil, customerID: customer,
                                            customerName: name, customerEmail: email, city: "İzmir",
                                            status: status, payment: payment, fulfillment: .unfulfilled,
                                            lines: [OrderLine(sku: "KUPA", name: "Seramik kupa", quantity: 1,
                                                              unitPrice: Money(minorUnits: 125_000, currency: .try_))],
                                            currency: .try_, total: nil, shippingAddress: "İzmir", tags: [], note: "", placedAt: placed))
    }

    func tick(_ now: Date, settings: AutomationSettings = Self.settings) throws -> AutomationReport {
        try Automations(settings: settings, mails: mails).run(on: database, now: now)
    }

    func act(_ action: OrderAction, _ ids: [Int64], _ now: Date) throws {
        let report = try database.apply(action, to: ids, actor: "ayse", now: now, mail: mails.composer(now: now),
                                        estimate: Self.settings.eta.transit.estimate(in: Self.istanbul))
        #expect(report.problems.isEmpty, "\(report.problems)")
    }

    /// The mail queued at this instant, as "kind #number".
    func queued(at now: Date) throws -> [String] {
        try database.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT m.kind || ' ' || o.number FROM outbox m JOIN orders o ON o.id = m.order_id WHERE m.created_at = ? ORDER BY m.id
                """, arguments: [now.unixSeconds])
        }
    }

    @Test func sixtyDaysOfOneShop() throws {
        let o = try database.write { w in [
            try order(w, "#1", email: "ayse@example.com.tr", name: "Ayşe Kaya", language: "tr", placed: Self.day(0, hour: 8)),
            try order(w, "#2", email: "bob@example.com", name: "Bob Lee", language: "en", placed: Self.day(0, hour: 9)),
            try order(w, "#3", email: "can@example.com.tr", name: "Can Ak", language: "tr", placed: Self.day(0, hour: 9)),
            try order(w, "#4", email: "deniz@example.com.tr", name: "Deniz Su", language: "tr", placed: Self.day(-10)),
            try order(w, "#5", email: "ayse@example.com.tr", name: "Ayşe Kaya", language: "tr", placed: Self.day(0, hour: 9)),
            try order(w, "#6", email: "bob@example.com", name: "Bob Lee", language: "en", status: .cancelled, placed: Self.day(0, hour: 9)),
        ] }
        var conversation: Int64 = 0
        var byDay: [Int: [String]] = [:]
        var decisions: [Int: [String]] = [:]
        for day in 0...60 {
            let morning = Self.day(Double(day), hour: 9)
            switch day {
            case 1: try act(.ship(carrier: .yurtici, trackingNumber: "100000000001"), [o[0]], morning)
                    try act(.ship(carrier: .yurtici, trackingNumber: "100000000002"), [o[1]], morning)
                    try act(.ship(carrier: .aras, trackingNumber: "100000000003"), [o[2]], morning)
                    try act(.ship(carrier: .yurtici, trackingNumber: "100000000005"), [o[4]], morning)
            case 3: try act(.markDelivered, [o[0], o[4], o[1]], morning)
            case 4: conversation = try database.write { w in
                        try w.insertConversation(customerID: try Int64.fetchOne(w.db, sql: "SELECT customer_id FROM orders WHERE id = ?", arguments: [o[1]])!,
                                                 customerName: "Bob Lee", customerEmail: "bob@example.com", orderID: o[1], orderNumber: "#2",
                                                 subject: "Mug chipped?", status: .open,
                                                 messages: [SupportMessage(at: morning, direction: .inbound, from: "bob@example.com", body: "Is it chipped?")])
                    }
            case 5: try act(.refund(nil), [o[2]], morning)
            case 12: try database.apply(.close, toConversations: [conversation], actor: "ayse", now: morning)
            default: break
            }
            let now = Self.day(Double(day))
            let report = try tick(now)
            let mails = try queued(at: now) + (try queued(at: morning))
            if !mails.isEmpty { byDay[day] = mails }
            let others = report.decisions.filter { $0.outcome != .queued }.map { "\($0.outcome.rawValue) \($0.kind.rawValue) \($0.orderNumber): \($0.why)" }
            if !others.isEmpty { decisions[day] = others }
        }
        #expect(byDay == [
            0: ["thank_you #1", "thank_you #2", "thank_you #3", "thank_you #5"],
            1: ["shipped #1", "shipped #2", "shipped #3", "shipped #5"],
            3: ["delivered #1", "delivered #5", "delivered #2"],
            5: ["refunded #3"],
            6: ["csat_survey #1", "csat_survey #2"],
            10: ["review_invite #1"],
            12: ["review_invite #2"],
            15: ["review_reminder #1"],
            17: ["review_reminder #2"],
        ])
        #expect(decisions[0] == ["skipped thank_you #6: it arrived cancelled"])
        #expect(decisions[6] == ["skipped csat_survey #5: the customer was surveyed 0 min ago (one survey per 90 days)"])
        #expect(decisions[10] == [
            "deferred review_invite #2: open conversation #\(conversation)",
            "skipped review_invite #5: the customer was invited for #1 0 min ago (one invite per 30 days)",
        ])
        #expect(decisions[15] == ["skipped review_invite #3: the order was refunded"])
        #expect(decisions.count == 4, "\(decisions)")

        // The shipped mail carries the first ETA in the customer's language: two working days.
        let shipped = try database.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT message FROM outbox WHERE kind = 'shipped' AND order_id = ?", arguments: [o[0]])!
        }
        #expect(try PythonEmail.parse(shipped).description.contains("Tahmini teslim: 3 Aralık Perşembe"))
        let eta = try database.pool.read { try Int64.fetchOne($0, sql: "SELECT eta FROM shipments WHERE order_id = ?", arguments: [o[0]]) }
        #expect(eta == Self.day(3, hour: 24).unixSeconds - 1) // the end of Thursday 3 December in İstanbul
        // The invite's decisions are in the order's timeline, by the automation.
        let timeline = try database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT action || ': ' || detail FROM activity_log WHERE subject_type = 'order' AND subject_id = ? AND actor = 'automation' ORDER BY id",
                                arguments: [o[1]])
        }
        #expect(timeline.contains("review invite deferred: open conversation #\(conversation)"))
        #expect(timeline.contains { $0.hasPrefix("review invite queued: mail ") && $0.hasSuffix("delivered 9 days ago") })
        // The invite links to the shop's review page for its order.
        let invite = try database.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT message FROM outbox WHERE kind = 'review_invite' AND order_id = ?", arguments: [o[0]])!
        }
        #expect(try PythonEmail.parse(invite).description.contains("https://aysenin-dukkani.example/review/1"))
    }

    @Test func aDryRunSaysWhatWouldGoAndWritesNothing() throws {
        _ = try database.write { w in try order(w, "#7", email: "ela@example.com", name: "Ela", language: "en", placed: Self.day(0, hour: 9)) }
        let before = try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox")! }
        let dry = try Automations(settings: Self.settings, mails: mails).run(on: database, now: Self.day(0), dryRun: true)
        #expect(dry.decisions.map(\.sentence) == ["queued thank you for #7 to ela@example.com: placed 60 min ago"])
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox")! } == before)
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM automation_cursors")! } == 0)
        // The real pass does what the dry one said; a second pass finds nothing left.
        #expect(try tick(Self.day(0)).decisions.map(\.sentence) == dry.decisions.map(\.sentence))
        #expect(try tick(Self.day(0)).decisions.isEmpty)
    }

    @Test func aCrashBetweenDecidingAndCommittingLosesAndDoublesNothing() throws {
        _ = try database.write { w in try order(w, "#8", email: "ela@example.com", name: "Ela", language: "en", placed: Self.day(0, hour: 9)) }
        // The composer fails on the mail after deciding: the pass's transaction rolls back whole.
        struct Crash: Error {}
        let crashing = Automations(settings: Self.settings, mails: mails)
        #expect(throws: Crash.self) {
            try database.runAutomations(Self.settings, now: Self.day(0), composer: { _, _ in throw Crash() })
        }
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox")! } == 0)
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM activity_log")! } == 0)
        #expect(try crashing.run(on: database, now: Self.day(0)).queued == 1)
        #expect(try crashing.run(on: database, now: Self.day(0)).queued == 0)
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox")! } == 1)
    }
}
