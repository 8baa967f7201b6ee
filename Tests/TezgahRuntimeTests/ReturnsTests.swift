import Foundation
import GRDB
import Testing
import Tezgah
import TezgahMail
@testable import TezgahStore
import TezgahTestSupport
@testable import TezgahRuntime

/// Returns (RMA): requested inside the window (or with a stated exception), approved, received and
/// refunded through the refund action, each step mailed; an open return holds the review invite.
@Suite struct ReturnsTests {
    @Test func aReturnFromRequestToRefund() throws {
        let journey = try AutomationJourneyTests()
        let database = journey.database
        var settings = LoyaltyLedgerTests.settings()
        settings.reviewInvite = AutomationJourneyTests.settings.reviewInvite
        let id = try database.write { w in
            try journey.order(w, "#81", email: "ela@example.com", name: "Ela Su", language: "tr", placed: AutomationJourneyTests.day(0, hour: 9))
        }
        _ = try journey.tick(AutomationJourneyTests.day(0), settings: settings)
        try journey.act(.ship(carrier: .yurtici, trackingNumber: "100000000081"), [id], AutomationJourneyTests.day(1))
        try journey.act(.markDelivered, [id], AutomationJourneyTests.day(2))
        _ = try journey.tick(AutomationJourneyTests.day(2), settings: settings)
        let returns = ReturnSettings()
        let mails = journey.mails
        let request = { (text: String, override: String?, day: Double) in
            try database.requestReturn(orderID: id, ReturnRequest.parse(text)!, override: override, settings: returns, actor: "ayse",
                                       now: AutomationJourneyTests.day(day), composer: mails.datedComposer)
        }
        #expect(throws: StoreError.self) { try request("3 KUPA: kırık", nil, 5) }
        do { _ = try request("TABAK: kırık", nil, 5) } catch let error as StoreError {
            #expect("\(error)".contains("Order #81 has no “TABAK”; it has KUPA."))
        }
        do { _ = try request("KUPA: kırık", nil, 20) } catch let error as StoreError {
            #expect("\(error)".contains("return window closed 4 days ago"))
        }
        let rma = try request("1 KUPA: kırık geldi", "müşteri tatilde", 20)
        let update = { try database.pool.read { try String.fetchAll($0, sql: "SELECT subject FROM outbox WHERE kind = 'return_update' ORDER BY id") } }
        #expect(try update() == ["#81 numaralı siparişinizin iadesi"])
        let body = try database.pool.read { try Data.fetchOne($0, sql: "SELECT message FROM outbox WHERE kind = 'return_update'")! }
        #expect(try PythonEmail.parse(body).description.contains("1× Seramik kupa"))
        // An open return holds the review invite like an open conversation.
        let deferred = try journey.tick(AutomationJourneyTests.day(21), settings: settings).decisions.map(\.sentence)
        #expect(deferred.contains { $0.hasPrefix("deferred review invite for #81") && $0.hasSuffix("return #R\(rma) under way") }, "\(deferred)")

        let advance = { (state: ReturnState, reason: String) in
            try database.advanceReturn(rma, to: state, reason: reason, settings: returns, actor: "ayse", now: AutomationJourneyTests.day(22),
                                       composer: mails.datedComposer, orderMail: mails.composer(now: AutomationJourneyTests.day(22)))
        }
        #expect(throws: StoreError.self) { try advance(.refunded, "") }
        try advance(.approved, "")
        try advance(.received, "")
        try advance(.refunded, "")
        let order = try database.pool.read { try Row.fetchOne($0, sql: "SELECT status, payment_status, refunded_minor FROM orders WHERE id = ?", arguments: [id])! }
        #expect(order[0] as String == "returned" && order[1] as String == "refunded" && order[2] as Int64 == 125_000)
        #expect(try update().count == 3, "requested, approved, received are mailed; the refund has its own mail")
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox WHERE kind = 'refunded'")! } == 1)
        // The returned order's points go back with the next pass.
        _ = try journey.tick(AutomationJourneyTests.day(23), settings: settings)
        let member = try database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM loyalty_accounts")! }
        #expect(try database.pointsBalance(account: member, now: AutomationJourneyTests.day(23)) == PointsBalance(available: 100, pending: 0))
        let timeline = try database.pool.read { try String.fetchAll($0, sql: "SELECT action FROM activity_log WHERE subject_type = 'order' AND subject_id = ? AND action LIKE 'return%' ORDER BY id", arguments: [id]) }
        #expect(timeline == ["return requested", "return approved", "return received", "return refunded"])
        #expect(ReturnRequest.parse("2 KUPA-01, 1× TABAK: kırık") == ReturnRequest(lines: [.init(quantity: 2, item: "KUPA-01"), .init(quantity: 1, item: "TABAK")], reason: "kırık"))
        #expect(ReturnRequest.parse("  ") == nil, "a return says why")
        #expect(ReturnRequest.parse("kırık geldi") == ReturnRequest(lines: [], reason: "kırık geldi"), "no items: all of it")
    }
}
