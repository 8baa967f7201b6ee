import Foundation
import TezgahRuntime
import GRDB
import Testing
import TezgahTestSupport
@testable import Tezgah
@testable import TezgahStore

@Suite struct DemoShopTests {
    let database = DemoShopFixture.database

    private func values(_ sql: String) throws -> Set<String> {
        Set(try database.pool.read { try String.fetchAll($0, sql: sql) })
    }

    @Test func coversEveryStatusOfTheJourney() throws {
        #expect(try values("SELECT DISTINCT status FROM orders") == Set(OrderStatus.allCases.map(\.rawValue)))
        #expect(try values("SELECT DISTINCT payment_status FROM orders") == Set(PaymentStatus.allCases.map(\.rawValue)))
        #expect(try values("SELECT DISTINCT status FROM shipments") == Set(ShipmentStatus.allCases.map(\.rawValue)))
        #expect(try values("SELECT DISTINCT carrier FROM shipments") == Set(Carrier.allCases.map(\.rawValue)))
        #expect(try values("SELECT DISTINCT state FROM review_invites") == Set(ReviewInviteState.allCases.map(\.rawValue)))
        #expect(try values("SELECT DISTINCT status FROM conversations") == Set(ConversationStatus.allCases.map(\.rawValue)))
        #expect(try values("SELECT DISTINCT tier FROM loyalty_accounts") == Set(LoyaltyTier.allCases.map(\.rawValue)))
        #expect(try values("SELECT DISTINCT state FROM outbox") == Set(OutboxState.allCases.map(\.rawValue)))
        #expect(try values("SELECT DISTINCT currency FROM orders") == ["TRY", "EUR", "USD"])
    }

    @Test func spansEighteenMonthsAndHasRealisticText() throws {
        let (oldest, newest) = try database.pool.read { db in
            (try Int64.fetchOne(db, sql: "SELECT min(placed_at) FROM orders")!, try Int64.fetchOne(db, sql: "SELECT max(placed_at) FROM orders")!)
        }
        let months = Double(newest - oldest) / (30.4 * 86_400)
        #expect(months > 17 && months <= 18.1)
        #expect(newest <= Int64(testNow.timeIntervalSince1970))
        let names = try values("SELECT name FROM customers")
        #expect(names.contains { $0.contains("ı") || $0.contains("İ") })
        #expect(names.contains { $0.contains("ş") || $0.contains("ğ") })
        #expect(names.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
        #expect(names.contains { $0.contains("\u{1B}") }) // hostile input, drawn safely by the UI
        let messagesPerConversation = try database.pool.read { try Double.fetchOne($0, sql: "SELECT avg(message_count) FROM conversations")! }
        #expect(messagesPerConversation >= 2)
    }

    @Test func derivedFieldsAgreeWithTheirSources() throws {
        try database.pool.read { db in
            let badTotals = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM orders o WHERE total_minor <> (SELECT sum(quantity * unit_price_minor) FROM order_lines WHERE order_id = o.id)
                """)
            #expect(badTotals == 0)
            let badCounts = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM conversations c WHERE message_count <> (SELECT count(*) FROM messages WHERE conversation_id = c.id)
                """)
            #expect(badCounts == 0)
            let searchRows = try Int.fetchOne(db, sql: "SELECT count(*) FROM orders_fts")
            #expect(searchRows == DemoShopFixture.orders)
            let deliveredWithoutInvite = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM orders o WHERE status = 'delivered' AND NOT EXISTS (SELECT 1 FROM review_invites WHERE order_id = o.id)
                """)
            #expect(deliveredWithoutInvite == 0)
            // What was refunded agrees with the payment: all of a refunded order, part of a partly
            // refunded one, nothing of the rest.
            let refunds = try Row.fetchAll(db, sql: """
                SELECT payment_status, count(*),
                       sum(CASE payment_status WHEN 'refunded' THEN refunded_minor = total_minor
                                               WHEN 'partially_refunded' THEN refunded_minor > 0 AND refunded_minor < total_minor
                                               ELSE refunded_minor = 0 END)
                FROM orders GROUP BY payment_status
                """)
            #expect(refunds.count == 4)
            for row in refunds { #expect(row[1] as Int == row[2] as Int, "\(row[0] as String)") }
        }
    }

    @Test func everyTrackingNumberPassesItsCarriersCheck() throws {
        let rows = try database.pool.read { try Row.fetchAll($0, sql: "SELECT carrier, tracking_number FROM shipments") }
        #expect(rows.count > 1_000)
        #expect(firstFailingCheck(rows.map { (Carrier(rawValue: $0[0])!, $0[1] as String) }) == nil)
    }

    /// The first number (with its carrier) that fails its carrier's check, if any.
    private func firstFailingCheck(_ numbers: [(Carrier, String)]) -> String? {
        numbers.first { carrier, number in
            if case .valid = TrackingNumber.check(number, as: carrier) { return false }
            return true
        }.map { "\($0.0) \($0.1)" }
    }

    /// A million-order shop sends some 150,000 parcels with DHL, whose numbers have nine free digits:
    /// drawn at random, about a dozen repeat and the build stops on the shipments' unique key.
    @Test func trackingNumbersDoNotRepeatAcrossAMillionOrderShopsParcels() {
        var random = SplitMix64(seed: 42)
        var seen = Set<String>()
        for orderID in Int64(1)...200_000 {
            seen.insert(DemoShop.trackingNumber(for: .dhl, orderID: orderID, using: &random))
        }
        #expect(seen.count == 200_000)
        for carrier in Carrier.allCases {
            let numbers = (Int64(1)...2_000).map { DemoShop.trackingNumber(for: carrier, orderID: $0 * 7_919, using: &random) }
            #expect(Set(numbers).count == numbers.count, "\(carrier)")
            // Carriers without a check-digit rule keep their drawn last digit (DHL's mod 7 has seven).
            #expect(Set(numbers.map(\.last)).count >= 7, "\(carrier)")
            #expect(firstFailingCheck(numbers.map { (carrier, $0) }) == nil)
        }
    }

    @Test func deferredInvitesBelongToCustomersWithSomethingOpen() throws {
        let reasons = try values("SELECT DISTINCT reason FROM review_invites WHERE state = 'deferred'")
        #expect(!reasons.isEmpty)
        // Worded as the automation engine words them, so a Turkish desk says them in Turkish.
        #expect(reasons.allSatisfy { $0.hasSuffix("has a delivery exception") || $0.contains(" conversation #") }, "\(reasons.prefix(3))")
        #expect(reasons.allSatisfy { Language.turkish.sayKept($0) != $0 }, "\(reasons.prefix(3))")
    }

    @Test func sameSeedBuildsTheSameShop() throws {
        let folder = TemporaryFolder()
        func fingerprint(_ path: String) throws -> [String] {
            let database = try AppDatabase(path: path)
            return try database.pool.read { db in
                try String.fetchAll(db, sql: """
                    SELECT number || status || total_minor || placed_at || c.name FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id
                    """) + String.fetchAll(db, sql: "SELECT tracking_number || status FROM shipments ORDER BY id")
                    + String.fetchAll(db, sql: "SELECT dedupe_key || state FROM outbox ORDER BY id")
            }
        }
        try DemoShop.mailed(orders: 300, seed: 11, now: testNow).build(at: folder.file("a.sqlite"))
        try DemoShop.mailed(orders: 300, seed: 11, now: testNow).build(at: folder.file("b.sqlite"))
        try DemoShop.mailed(orders: 300, seed: 12, now: testNow).build(at: folder.file("c.sqlite"))
        #expect(try fingerprint(folder.file("a.sqlite")) == fingerprint(folder.file("b.sqlite")))
        #expect(try fingerprint(folder.file("a.sqlite")) != fingerprint(folder.file("c.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: folder.file("a.sqlite.building")))
        let mode = try FileManager.default.attributesOfItem(atPath: folder.file("a.sqlite"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func detailsLoadForEveryPane() throws {
        let order = try database.window(.orders, .top, size: 1).rows[0].item
        let detail = try database.orderDetail(id: order.id)
        #expect(detail.summary == order)
        #expect(!detail.lines.isEmpty)
        let shipment = try database.window(.shipments, .bottom, size: 1).rows[0].item
        #expect(try database.shipmentDetail(id: shipment.id).summary == shipment)
        let conversation = try database.window(.conversations, .top, size: 1).rows[0].item
        #expect(try database.conversationDetail(id: conversation.id).messages.count == conversation.messageCount)
        let member = try database.window(.loyaltyAccounts, .top, size: 1).rows[0].item
        let loyalty = try database.loyaltyDetail(id: member.id)
        #expect(loyalty.ledger.reduce(0) { $0 + $1.points } == member.balance || loyalty.ledger.count == 50)
        let mail = try database.window(.outbox, .top, size: 1).rows[0].item
        #expect(try database.outboxDetail(id: mail.id).message.contains("Subject:"))
        #expect(throws: StoreError.notFound(what: "order", id: 987_654_321)) { try database.orderDetail(id: 987_654_321) }
    }
}

/// The demo's mail is written by the composer real mail goes through, so a relay without SMTPUTF8
/// or 8BITMIME takes it and a standards check finds nothing: before, the demo wrote raw 8-bit
/// Subject headers and 8-bit bodies with no transfer encoding.
@Suite struct DemoMailTests {
    @Test func everyDemoMailIsSevenBitMIMEExceptAnInternationalAddress() throws {
        let database = DemoShopFixture.database
        let rows = try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT to_address, message FROM outbox ORDER BY id")
        }
        #expect(rows.count > 100)
        for row in rows {
            let address: String = row[0]
            let message: Data = row[1]
            let text = String(decoding: message, as: UTF8.self)
            let (head, body) = (text.components(separatedBy: "\r\n\r\n")[0], text.components(separatedBy: "\r\n\r\n").dropFirst().joined())
            for line in head.components(separatedBy: "\r\n") where !line.unicodeScalars.allSatisfy(\.isASCII) {
                // Only an address in another script may be 8-bit (RFC 6532), and only in To.
                #expect(line.hasPrefix("To:") && !address.unicodeScalars.allSatisfy(\.isASCII), "\(line)")
            }
            let sevenBit = body.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(sevenBit, "an 8-bit body to \(address)")
            #expect(head.contains("Content-Transfer-Encoding: "), "no transfer encoding to \(address)")
        }
        // Python's reader, independent of ours, finds no defect in a sample across every kind.
        let kinds = try database.pool.read { db in
            try Data.fetchAll(db, sql: "SELECT message FROM outbox WHERE id IN (SELECT min(id) FROM outbox GROUP BY kind)")
        }
        for message in kinds {
            let parsed = try PythonEmail.parse(message)
            #expect((parsed["defects"] as? [String]) == [], "\(parsed)")
            #expect(!((parsed["Subject"] as? String) ?? "").isEmpty)
        }
    }
}

@Suite struct ShipmentAttentionStoreTests {
    /// The SQL count and the Swift rule must agree on every shipment of the shop.
    @Test func countAgreesWithTheRuleOnEveryShipment() throws {
        let database = DemoShopFixture.database
        let rule = ShipmentAttentionRule()
        var window = try database.window(.shipments, .top, size: 500)
        var shipments = window.rows.map(\.item)
        while window.hasAfter {
            let last = window.rows.last!.key
            window = try database.window(.shipments, .startingAt(last), size: 500)
            shipments += window.rows.filter { $0.key < last }.map(\.item)
        }
        let expected = shipments.filter { !rule.reasons($0, now: testNow).isEmpty }.count
        #expect(expected > 0)
        #expect(try database.countShipmentsNeedingAttention(rule: rule, now: testNow) == expected)
        let patient = ShipmentAttentionRule(stalledAfter: 20 * 86_400, slipAllowance: 10 * 86_400)
        #expect(try database.countShipmentsNeedingAttention(rule: patient, now: testNow)
                == shipments.filter { !patient.reasons($0, now: testNow).isEmpty }.count)
        // The pane's own count of its default view agrees too.
        let context = FilterContext(now: testNow, attentionRule: rule)
        #expect(try database.count(.shipments, filter: "is:attention", context: context).value == expected)
    }

    /// The "needs attention" view's condition is its partial index's, and both name exactly the
    /// statuses that are not final.
    @Test func theAttentionConditionIsItsIndexs() throws {
        let database = DemoShopFixture.database
        let open = ShipmentStatus.allCases.filter { !$0.isFinal }.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        #expect(ShipmentAttentionSQL.inFlight.trimmingCharacters(in: .whitespacesAndNewlines) == "t.status IN (\(open))")
        let indexSQL = try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = ?", arguments: [ShipmentAttentionSQL.index])
        }
        #expect(indexSQL?.hasSuffix("WHERE status IN (\(open))") == true)

        // How SQLite reads the view: `ListPlanTests.theAttentionViewReadsOnlyTheParcelsInFlight`.
    }
}
