import Foundation
import GRDB
import Testing
@testable import Tezgah
@testable import TezgahStore

@Suite struct CustomerProfileTests {
    /// The hand-made Insight shop, with Ayşe's mail, messages, points, coupon, voucher, return and
    /// tracking added, and another customer's rows that must not show.
    static func shop() throws -> (AppDatabase, orderID: Int64) {
        let database = try InsightReportTests.handMadeShop()
        let now = InsightReportTests.now
        let orderID = try database.pool.write { db -> Int64 in
            let orderID = try Int64.fetchOne(db, sql: "SELECT id FROM orders WHERE number = '#2001'")!
            let at = { (days: Int) in now.unixSeconds - Int64(days) * 86_400 }
            try db.execute(sql: """
                INSERT INTO activity_log(at, actor, subject_type, subject_id, action, detail) VALUES (?, 'ayse', 'order', ?, 'marked shipped', '');
                INSERT INTO tracking_events(shipment_id, at, status, location, description)
                    SELECT id, delivered_at, 'delivered', 'Kadıköy', 'Delivered' FROM shipments WHERE carrier = 'yurtici' LIMIT 1;
                INSERT INTO outbox(dedupe_key, kind, category, state, customer_id, order_id, to_address, subject, message_id, message,
                                   created_at, not_before, last_reply)
                    VALUES ('k1', 'shipped', 'transactional', 'failed', 1, ?, 'c1@example.com', 'Kargonuz yolda', 'm1@x', x'00', ?, ?,
                            '550 mailbox unavailable');
                INSERT INTO conversations(customer_id, subject, status, opened_at, last_message_at) VALUES (1, 'Kırık kupa', 'open', ?, ?);
                INSERT INTO messages(conversation_id, at, direction, from_address, body)
                    VALUES (last_insert_rowid(), ?, 'inbound', 'c1@example.com', '
                Kupam kırık geldi.
                Ayşe');
                INSERT INTO loyalty_accounts(customer_id, tier, joined_at, referral_code) VALUES (1, 'silver', ?, 'AYSE-7K');
                INSERT INTO points_ledger(account_id, at, points, reason, kind, available_at) VALUES (last_insert_rowid(), ?, 100, 'order #2001', 'earn', ?);
                INSERT INTO points_ledger(account_id, at, points, reason, kind) VALUES ((SELECT id FROM loyalty_accounts), ?, 50, 'welcome', 'welcome');
                INSERT INTO coupons(code, customer_id, kind, description, percent_off, created_at) VALUES ('BDAY-7Q2M', 1, 'birthday', '10% off', 10, ?);
                INSERT INTO vouchers(code, currency, customer_id, issued_at) VALUES ('GIFT-9XK4', 'TRY', 1, ?);
                INSERT INTO voucher_ledger(voucher_id, at, amount_minor) VALUES (last_insert_rowid(), ?, 50000);
                INSERT INTO returns(order_id, customer_id, state, lines, reason, requested_at, updated_at) VALUES (?, 1, 'requested', '1 KUPA', 'broken', ?, ?);
                INSERT INTO outbox(dedupe_key, kind, category, state, customer_id, to_address, subject, message_id, message, created_at, not_before)
                    VALUES ('k2', 'shipped', 'transactional', 'sent', 2, 'c2@example.com', 'Not Ayşe''s', 'm2@x', x'00', ?, ?);
                INSERT INTO suppressions(address, reason, created_at) VALUES ('C1@example.com', 'hard bounce 550', ?);
                """, arguments: [at(2), orderID, orderID, at(1), at(1), at(1), at(1), at(1), at(30), at(2), at(2) + 14 * 86_400,
                                 at(30), at(4), at(5), at(5), orderID, at(1), at(1), at(1), at(1), at(1)])
            return orderID
        }
        return (database, orderID)
    }

    @Test func oneTimelineAcrossEveryKindNewestFirst() throws {
        let (database, orderID) = try Self.shop()
        let profile = try database.customerProfile(id: 1, now: InsightReportTests.now)
        #expect(profile.customer.name == "Ayşe Yılmaz")
        #expect(profile.orderCount == 3)
        #expect(profile.spend == [Money(minorUnits: 20_000, currency: .code("TRY"))])
        #expect(profile.loyaltyTier == .silver && profile.points == 50 && profile.pendingPoints == 100)
        #expect(profile.suppression == "hard bounce 550", "the suppression list ignores the address's case")

        let kinds = Set(profile.timeline.map(\.kind))
        for kind in [CustomerEvent.Kind.order, .orderChange, .parcel, .tracking, .mail, .conversation, .message, .invite, .review,
                     .survey, .points, .coupon, .voucher, .returned] {
            #expect(kinds.contains(kind), "the timeline has a \(kind) row")
        }
        #expect(profile.timeline.map(\.at) == profile.timeline.map(\.at).sorted(by: >))
        #expect(!profile.timeline.contains { $0.text.contains("Not Ayşe") }, "another customer's mail stays out")

        let mail = try #require(profile.timeline.first { $0.kind == .mail })
        #expect(mail.text == "failed: Kargonuz yolda — 550 mailbox unavailable" && mail.isProblem)
        let message = try #require(profile.timeline.first { $0.kind == .message })
        #expect(message.text == "they wrote: Kupam kırık geldi.")
        let tracking = try #require(profile.timeline.first { $0.kind == .tracking })
        #expect(tracking.text.hasSuffix("delivered · Kadıköy"), "a description repeating the status is said once")
        #expect(profile.timeline.first { $0.kind == .returned }?.opens == .order(orderID))
        #expect(profile.timeline.first { $0.kind == .points }.map { $0.opens != nil } == true)
    }

    @Test func everyPanesRowFindsItsCustomer() throws {
        let (database, orderID) = try Self.shop()
        let ids = try database.pool.read { db in
            (shipment: try Int64.fetchOne(db, sql: "SELECT id FROM shipments LIMIT 1")!,
             invite: try Int64.fetchOne(db, sql: "SELECT id FROM review_invites LIMIT 1")!,
             member: try Int64.fetchOne(db, sql: "SELECT id FROM loyalty_accounts")!,
             conversation: try Int64.fetchOne(db, sql: "SELECT id FROM conversations WHERE customer_id = 1")!,
             mail: try Int64.fetchOne(db, sql: "SELECT id FROM outbox WHERE dedupe_key = 'k1'")!)
        }
        for subject in [CustomerSubject.order(orderID), .shipment(ids.shipment), .invite(ids.invite), .member(ids.member),
                        .conversation(ids.conversation), .mail(ids.mail)] {
            #expect(try database.customerID(of: subject) == 1, "\(subject)")
        }
        #expect(try database.customerID(of: .order(99_999)) == nil)
        #expect(try database.findCustomers("C2@EXAMPLE.com").map(\.name) == ["Burak Kaya"])
    }

    @Test func aNameFindsItsCustomerThroughTheOrdersSearch() throws {
        let database = DemoShopFixture.database
        let (name, email) = try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT c.name, c.email FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.name LIKE 'Ş%' LIMIT 1")
                .map { ($0[0] as String, $0[1] as String) }!
        }
        // Folded as the filter folds it: "sukru" finds "Şükrü".
        let folded = SearchFolding.fold(name)
        let found = try database.findCustomers(folded)
        #expect(found.contains { $0.email == email }, "\(folded) finds \(name)")
        #expect(try database.findCustomers("zzzz-nobody").isEmpty)
    }

    @Test func aShortReadIsTheExactNewestStretchOfTheWholeTimeline() throws {
        let database = DemoShopFixture.database
        let busiest = try database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT customer_id FROM orders GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1")!
        }
        let whole = try database.customerProfile(id: busiest, perKind: 10_000, now: testNow)
        let short = try database.customerProfile(id: busiest, perKind: 3, now: testNow)
        #expect(!whole.timelineIsCut && short.timelineIsCut)
        #expect(short.timeline.count >= 3 && short.timeline.count < whole.timeline.count)
        #expect(Array(whole.timeline.prefix(short.timeline.count)) == short.timeline, "nothing newer is missing from the short read")
    }

    /// Tracking events are read parcel by parcel, newest last event first, stopping early: the
    /// parcel shipped longest ago can still hold the newest event, and no short read skips one.
    @Test func trackingEventsAreTheNewestWhicheverParcelHoldsThem() throws {
        let (database, _) = try Self.shop()
        let now = InsightReportTests.now.unixSeconds
        let oldest = try database.pool.write { db -> Int64 in
            let parcels = try Int64.fetchAll(db, sql: """
                SELECT s.id FROM shipments s JOIN orders o ON o.id = s.order_id WHERE o.customer_id = 1 ORDER BY s.shipped_at
                """)
            #expect(parcels.count >= 4)
            for (n, parcel) in parcels.enumerated() {
                for step in 0..<3 {
                    // The first parcel's last event is the newest of all: it came back yesterday.
                    let at = n == 0 && step == 2 ? now - 86_400 : now - Int64(n + 1) * 200_000 - Int64(step) * 1_000
                    try db.execute(sql: """
                        INSERT INTO tracking_events(shipment_id, at, status, location, description) VALUES (?, ?, 'in_transit', 'Hub \(n)', '')
                        """, arguments: [parcel, at])
                }
            }
            try db.execute(sql: "UPDATE shipments SET last_event_at = (SELECT max(at) FROM tracking_events WHERE shipment_id = shipments.id)")
            return parcels[0]
        }
        let whole = try database.customerProfile(id: 1, perKind: 10_000, now: InsightReportTests.now)
        #expect(whole.timeline.filter { $0.kind == .tracking }.count == 5 * 3 + 1)
        #expect(whole.timeline.first { $0.kind == .tracking }?.opens == .shipment(oldest))
        for perKind in 1...8 {
            let short = try database.customerProfile(id: 1, perKind: perKind, now: InsightReportTests.now)
            #expect(Array(whole.timeline.prefix(short.timeline.count)) == short.timeline, "perKind \(perKind)")
            #expect(short.timeline.filter { $0.kind == .tracking }.count == min(perKind, 16) || short.timelineIsCut)
        }
    }

    @Test func theIdFilterShowsOneRowInAnyPane() throws {
        let (database, orderID) = try Self.shop()
        let window = try database.window(.orders, .top, size: 10, filter: "id:\(orderID)")
        #expect(window.rows.map(\.item.id) == [orderID])
        #expect(throws: (any Error).self) { try database.window(.orders, .top, size: 10, filter: "id:abc") }
    }
}
