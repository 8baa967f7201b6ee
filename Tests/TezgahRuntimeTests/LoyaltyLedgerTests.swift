import Foundation
import GRDB
import Testing
import Tezgah
import TezgahMail
@testable import TezgahStore
import TezgahTestSupport
@testable import TezgahRuntime

/// The loyalty ledger walked with a fixed clock: points earned at delivery and pending through the
/// return window, refunds taking back their share, tiers with a grace, expiry after a last chance,
/// rewards, and the ledger staying the only truth under random sequences.
@Suite struct LoyaltyLedgerTests {
    static func settings(autoJoin: Bool = true) -> AutomationSettings {
        var settings = AutomationJourneyTests.settings
        settings.loyalty.enabled = true
        settings.loyalty.autoJoin = autoJoin
        settings.thankYou.enabled = false
        settings.survey.enabled = false
        settings.reviewInvite.enabled = false
        return settings
    }

    func balance(_ journey: AutomationJourneyTests, _ account: Int64, _ day: Double) throws -> PointsBalance {
        try journey.database.pointsBalance(account: account, now: AutomationJourneyTests.day(day))
    }

    func account(_ journey: AutomationJourneyTests, email: String) throws -> Int64 {
        try journey.database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT a.id FROM loyalty_accounts a JOIN customers c ON c.id = a.customer_id WHERE c.email = ?",
                               arguments: [email])!
        }
    }

    @Test func earnPendingAvailableAndRefundsTakeTheirShare() throws {
        let journey = try AutomationJourneyTests()
        let settings = Self.settings()
        let tick = { (day: Double) in try journey.tick(AutomationJourneyTests.day(day), settings: settings) }
        let ids = try journey.database.write { w in [
            // ₺1.250,00 each: 1,250 points at the member's base rate.
            try journey.order(w, "#31", email: "ela@example.com", name: "Ela Su", language: "tr", placed: AutomationJourneyTests.day(0, hour: 9)),
            try journey.order(w, "#32", email: "ela@example.com", name: "Ela Su", language: "tr", placed: AutomationJourneyTests.day(0, hour: 9)),
        ] }
        _ = try tick(0)
        let member = try account(journey, email: "ela@example.com")
        #expect(try balance(journey, member, 0) == PointsBalance(available: 100, pending: 0), "the welcome points")
        let welcome = try journey.database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox WHERE kind = 'loyalty_welcome'")! }
        #expect(welcome == 1)
        for (id, number) in zip(ids, ["100000000031", "100000000032"]) {
            try journey.act(.ship(carrier: .yurtici, trackingNumber: number), [id], AutomationJourneyTests.day(1))
        }
        try journey.act(.markDelivered, ids, AutomationJourneyTests.day(3))
        _ = try tick(3)
        #expect(try balance(journey, member, 3) == PointsBalance(available: 100, pending: 2_500))
        // A partial refund of ₺100,01 takes back its share, rounded up: ceil(1250 × 10001/125000) = 101.
        try journey.act(.refund(Money(minorUnits: 10_001, currency: .try_)), [ids[0]], AutomationJourneyTests.day(5))
        _ = try tick(5)
        #expect(try balance(journey, member, 5) == PointsBalance(available: 100, pending: 2_399))
        _ = try tick(5)
        #expect(try balance(journey, member, 5).pending == 2_399, "a second pass takes nothing more")
        // The return window closes 14 days after delivery.
        #expect(try balance(journey, member, 16.9) == PointsBalance(available: 100, pending: 2_399))
        #expect(try balance(journey, member, 18) == PointsBalance(available: 2_499, pending: 0))
        // The rest refunded after the points became available: only what was left of the share.
        try journey.act(.refund(nil), [ids[0]], AutomationJourneyTests.day(20))
        _ = try tick(20)
        #expect(try balance(journey, member, 20) == PointsBalance(available: 1_350, pending: 0))
        #expect(LoyaltySettings.reversal(earned: 1_250, total: 125_000, refunded: 1) == 1)
        #expect(LoyaltySettings.reversal(earned: 1_250, total: 125_000, refunded: 125_000) == 1_250)
        #expect(LoyaltySettings.reversal(earned: 3, total: 1_000, refunded: 999) == 3)
        // Silver earns at 1.25 times the base, replacing it.
        #expect(settings.loyalty.points(for: Money(minorUnits: 125_000, currency: .try_), tier: .silver) == 1_562)
        #expect(settings.loyalty.points(for: Money(minorUnits: 1_999, currency: .eur), tier: .member) == 599)
    }

    @Test func tiersRiseAtOnceFallAfterGraceAndPointsExpireAfterALastChance() throws {
        let journey = try AutomationJourneyTests()
        var settings = Self.settings()
        settings.loyalty.tierThresholds = [.member: 0, .silver: 1_000, .gold: 5_000]
        let id = try journey.database.write { w in
            try journey.order(w, "#41", email: "can@example.com", name: "Can Ak", language: "en", placed: AutomationJourneyTests.day(0, hour: 9))
        }
        _ = try journey.tick(AutomationJourneyTests.day(0), settings: settings)
        let member = try account(journey, email: "can@example.com")
        try journey.act(.ship(carrier: .yurtici, trackingNumber: "100000000041"), [id], AutomationJourneyTests.day(1))
        try journey.act(.markDelivered, [id], AutomationJourneyTests.day(2))
        _ = try journey.tick(AutomationJourneyTests.day(2), settings: settings)
        let tier = { try journey.database.pool.read { try String.fetchOne($0, sql: "SELECT tier FROM loyalty_accounts WHERE id = ?", arguments: [member])! } }
        #expect(try tier() == "silver", "1,250 points this year: Silver at once")
        let mails = { try journey.database.pool.read { try String.fetchAll($0, sql: "SELECT subject FROM outbox WHERE kind IN ('loyalty_tier_change', 'points_expiring') ORDER BY id") } }
        #expect(try mails() == ["You are now Silver at Ayşe'nin Dükkanı"])
        // A year on, the points no longer count for the tier: it is kept 30 days, then lowered gently.
        _ = try journey.tick(AutomationJourneyTests.day(336), settings: settings)
        #expect(try mails().count == 1, "no last chance before 30 days ahead")
        _ = try journey.tick(AutomationJourneyTests.day(338), settings: settings)
        #expect(try mails().last == "Your 1350 points at Ayşe'nin Dükkanı expire on Thursday 2 December")
        _ = try journey.tick(AutomationJourneyTests.day(368), settings: settings)
        #expect(try tier() == "silver")
        _ = try journey.tick(AutomationJourneyTests.day(397), settings: settings)
        #expect(try tier() == "silver")
        _ = try journey.tick(AutomationJourneyTests.day(398), settings: settings)
        #expect(try tier() == "member")
        #expect(try mails().last == "Your membership at Ayşe'nin Dükkanı")
        // Unused since day 2 (the earning): the last chance 30 days before a year, then expiry in one entry.
        let expiring = try mails().filter { $0.contains("expire") }
        #expect(expiring.count == 1, "\(expiring)")
        #expect(try balance(journey, member, 398).available == 0)
        let expired = try journey.database.pool.read { try Row.fetchAll($0, sql: "SELECT points, kind FROM points_ledger WHERE account_id = ? AND kind = 'expire'", arguments: [member]) }
        #expect(expired.count == 1 && expired[0][0] as Int64 == -1_350)
    }

    @Test func rewardsAreUniqueUnguessableAndNeverOverspent() throws {
        var codes = Set<String>()
        for _ in 0..<1_000_000 { codes.insert(CouponCode.make()) }
        #expect(codes.count == 1_000_000)
        #expect(codes.allSatisfy { $0.count == 11 && !$0.contains(where: { "01OIL".contains($0) }) })

        let journey = try AutomationJourneyTests()
        var settings = Self.settings()
        settings.loyalty.rewardPoints = 500
        _ = try journey.database.write { w in
            try journey.order(w, "#51", email: "su@example.com", name: "Su Ay", language: "tr", placed: AutomationJourneyTests.day(0, hour: 9))
        }
        _ = try journey.tick(AutomationJourneyTests.day(0), settings: settings)
        let member = try account(journey, email: "su@example.com")
        _ = try journey.database.adjustPoints(accounts: [member], by: 500, reason: "goodwill", actor: "ayse", now: AutomationJourneyTests.day(0))
        #expect(throws: StoreError.self) {
            try journey.database.adjustPoints(accounts: [member], by: -601, reason: "typo", actor: "ayse", now: AutomationJourneyTests.day(0))
        }
        // 600 available, 500 a reward: two desks redeeming at once, one wins, the other is refused.
        let path = journey.database.path
        let results = try (0..<2).map { _ in try AppDatabase(path: path) }
        let outcomes = ConcurrentResults()
        let rules = settings.loyalty
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                _ = try results[index].redeemReward(account: member, settings: rules, actor: "ayse", now: AutomationJourneyTests.day(0))
                outcomes.add("won")
            } catch {
                outcomes.add("refused")
            }
        }
        #expect(outcomes.sorted == ["refused", "won"])
        #expect(try balance(journey, member, 0).available == 100)
        let shopify = try journey.database.exportCoupons(format: .shopify)
        let code = try journey.database.pool.read { try String.fetchOne($0, sql: "SELECT code FROM coupons")! }
        #expect(shopify == "Code\r\n\(code)\r\n")
        let plain = try journey.database.exportCoupons(format: .plain)
        #expect(plain.hasPrefix("code,kind,description,percent_off,amount,currency,created,expires,redeemed,customer_email\r\n\(code),reward,₺50,00 off,,50.00,TRY,2026-11-30,2027-02-28,,su@example.com\r\n")
                || plain.contains("\(code),reward,\"₺50,00 off\",,50.00,TRY,2026-11-30,2027-02-28,,su@example.com"), "\(plain)")
        let entries = try journey.database.pool.read { try String.fetchAll($0, sql: "SELECT kind || ' ' || points || ' ' || actor FROM points_ledger WHERE account_id = ? ORDER BY id", arguments: [member]) }
        #expect(entries == ["welcome 100 automation", "adjust 500 ayse", "redeem -500 ayse"])
    }

    /// Random orders, deliveries, refunds, rewards and passes: every balance is the sum of its
    /// ledger and never below zero, and the same events give the same ledger again.
    @Test(arguments: [1, 2, 3])
    func theLedgerHoldsUnderRandomSequences(seed: UInt64) throws {
        func run() throws -> [String] {
            let journey = try AutomationJourneyTests()
            let settings = Self.settings()
            var random = SplitMix64(seed: seed)
            var orders: [Int64] = []
            // Sixty busy days, then days a year apart, when unused points expire.
            for day in Array(0..<60) + [400, 800] {
                let now = AutomationJourneyTests.day(Double(day))
                switch day >= 400 ? 99 : random.next() % 7 {
                case 0, 1:
                    let n = orders.count
                    orders.append(try journey.database.write { w in
                        try journey.order(w, "#P\(n)", email: "p\(n % 4)@example.com", name: "P \(n % 4)", language: "en", placed: now.addingTimeInterval(-600))
                    })
                case 2:
                    if let id = orders.randomElement(using: &random) {
                        _ = try? journey.database.apply(.ship(carrier: .yurtici, trackingNumber: "2000000\(id)"), to: [id], actor: "t", now: now,
                                                        mail: journey.mails.composer(now: now))
                        _ = try? journey.database.apply(.markDelivered, to: [id], actor: "t", now: now, mail: journey.mails.composer(now: now))
                    }
                case 3:
                    if let id = orders.randomElement(using: &random) {
                        _ = try? journey.database.apply(.refund(Money(minorUnits: Int64(random.next() % 125_000) + 1, currency: .try_)), to: [id],
                                                        actor: "t", now: now, mail: journey.mails.composer(now: now))
                    }
                case 5:
                    // A return from request to refund.
                    if let id = orders.randomElement(using: &random),
                       let rma = try? journey.database.requestReturn(orderID: id, ReturnRequest(lines: [], reason: "r"), override: "test",
                                                                      settings: ReturnSettings(), actor: "t", now: now, composer: nil) {
                        for step in [ReturnState.approved, .received, .refunded] {
                            try? journey.database.advanceReturn(rma, to: step, settings: ReturnSettings(), actor: "t", now: now, composer: nil,
                                                                orderMail: journey.mails.composer(now: now))
                        }
                    }
                case 4:
                    let members = try journey.database.pool.read { try Int64.fetchAll($0, sql: "SELECT id FROM loyalty_accounts") }
                    if let member = members.randomElement(using: &random) {
                        _ = try? journey.database.redeemReward(account: member, settings: settings.loyalty, actor: "t", now: now)
                    }
                default: break
                }
                _ = try journey.tick(now, settings: settings)
                for member in try journey.database.pool.read({ try Int64.fetchAll($0, sql: "SELECT id FROM loyalty_accounts") }) {
                    let balance = try journey.database.pointsBalance(account: member, now: now)
                    let sum = try journey.database.pool.read { try Int64.fetchOne($0, sql: "SELECT coalesce(sum(points), 0) FROM points_ledger WHERE account_id = ?", arguments: [member])! }
                    #expect(balance.available >= 0 && balance.pending >= 0, "day \(day), member \(member): \(balance)")
                    #expect(balance.available + balance.pending == sum)
                }
            }
            let total = try journey.database.pool.read { try Int64.fetchOne($0, sql: "SELECT points FROM ledger_totals")! }
            let summed = try journey.database.pool.read { try Int64.fetchOne($0, sql: "SELECT coalesce(sum(points), 0) FROM points_ledger")! }
            #expect(total == summed, "the trigger-kept total is the ledger's sum")
            let kinds = Set(try journey.database.pool.read { try String.fetchAll($0, sql: "SELECT DISTINCT kind FROM points_ledger") })
            #expect(kinds.isSuperset(of: ["welcome", "earn", "expire"]), "the sequence reached earning and expiry: \(kinds)")
            // Coupon codes are drawn at random by design; everything else must repeat exactly.
            return try journey.database.pool.read { try String.fetchAll($0, sql: """
                SELECT account_id || ' ' || kind || ' ' || points || ' ' || CASE kind WHEN 'redeem' THEN '' ELSE reason END FROM points_ledger ORDER BY id
                """) }
        }
        let first = try run()
        #expect(!first.isEmpty)
        #expect(try run() == first)
    }
}

final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    func add(_ value: String) { lock.lock(); values.append(value); lock.unlock() }
    var sorted: [String] { lock.lock(); defer { lock.unlock() }; return values.sorted() }
}

/// The daily pass's personal coupons: birthdays (29 February on the 28th in common years, none for
/// a birthday entered lately), joining anniversaries, and win-back once a year.
@Suite struct LoyaltyGiftTests {
    @Test func birthdaysAnniversariesAndWinBack() throws {
        let journey = try AutomationJourneyTests()
        let settings = LoyaltyLedgerTests.settings()
        let database = journey.database
        // Day 0 is Monday 30 November 2026. Two orders for Deniz, the last 120 days before day 10.
        let ids = try database.write { w in [
            try journey.order(w, "#61", email: "deniz@example.com", name: "Deniz", language: "tr", placed: AutomationJourneyTests.day(-200)),
            try journey.order(w, "#62", email: "deniz@example.com", name: "Deniz", language: "tr", placed: AutomationJourneyTests.day(-110, hour: 9)),
            try journey.order(w, "#63", email: "leap@example.com", name: "Leap", language: "en", placed: AutomationJourneyTests.day(0, hour: 9)),
        ] }
        _ = ids
        _ = try journey.tick(AutomationJourneyTests.day(0), settings: settings)
        let leap = try database.pool.read { try Int64.fetchOne($0, sql: "SELECT a.id FROM loyalty_accounts a JOIN customers c ON c.id = a.customer_id WHERE c.email = 'leap@example.com'")! }
        try database.setBirthday(accounts: [leap], to: "2004-02-29", actor: "ayse", now: AutomationJourneyTests.day(0))
        #expect(throws: StoreError.self) { try database.setBirthday(accounts: [leap], to: "2004-02-30", actor: "ayse", now: AutomationJourneyTests.day(0)) }
        let gifts = { (kind: String) in
            try database.pool.read { try String.fetchAll($0, sql: "SELECT date(created_at, 'unixepoch') FROM outbox WHERE kind = ? ORDER BY id", arguments: [kind]) }
        }
        // Every day for 500 days (the tick does its daily part once a day).
        for day in 1...500 { _ = try journey.tick(AutomationJourneyTests.day(Double(day)), settings: settings) }
        // 2027 is a common year: the 29 February birthday is on the 28th; 2028 has its own 29th.
        #expect(try gifts("birthday") == ["2027-02-28", "2028-02-29"])
        #expect(try gifts("anniversary") == ["2027-11-30"])
        // Deniz's last order was day -110: 120 days after it, one win-back; never a second within the year.
        #expect(try gifts("win_back") == ["2026-12-10"])
        let coupons = try database.pool.read { try String.fetchAll($0, sql: "SELECT kind || ' ' || percent_off FROM coupons ORDER BY id") }
        #expect(coupons == ["win_back 10", "birthday 10", "anniversary 10", "birthday 10"])
        // A birthday entered ten days before the day gets no coupon that year.
        let fresh = try AutomationJourneyTests()
        _ = try fresh.database.write { w in try fresh.order(w, "#71", email: "yeni@example.com", name: "Yeni", language: "tr", placed: AutomationJourneyTests.day(0, hour: 9)) }
        _ = try fresh.tick(AutomationJourneyTests.day(0), settings: settings)
        let member = try fresh.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM loyalty_accounts")! }
        try fresh.database.setBirthday(accounts: [member], to: "1990-12-10", actor: "ayse", now: AutomationJourneyTests.day(0))
        for day in 1...12 { _ = try fresh.tick(AutomationJourneyTests.day(Double(day)), settings: settings) }
        #expect(try fresh.database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox WHERE kind = 'birthday'")! } == 0)
    }
}

/// Gift vouchers: redeemed in parts, never below zero, even with two desks at once.
@Suite struct VoucherTests {
    @Test func partialRedemptionsAndTwoConnectionsAtOnce() throws {
        let journey = try AutomationJourneyTests()
        let database = journey.database
        let now = AutomationJourneyTests.day(0)
        let code = try database.issueVoucher(Money(minorUnits: 50_000, currency: .try_), validity: 365 * 86_400, customerEmail: nil,
                                             note: "Ela'ya hediye", actor: "ayse", now: now)
        #expect(try database.redeemVoucher(code: code, amount: Money(minorUnits: 12_050, currency: .try_), reference: "#91", actor: "ayse", now: now).left
                == Money(minorUnits: 37_950, currency: .try_))
        #expect(throws: StoreError.self) { try database.redeemVoucher(code: code, amount: Money(minorUnits: 5_000, currency: .eur), reference: "", actor: "ayse", now: now) }
        // Two desks take ₺300 each from the ₺379,50 left: one wins, the other is told what is left.
        let connections = try (0..<2).map { _ in try AppDatabase(path: database.path) }
        let outcomes = ConcurrentResults()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                _ = try connections[index].redeemVoucher(code: code, amount: Money(minorUnits: 30_000, currency: .try_), reference: "desk \(index)",
                                                         actor: "ayse", now: now)
                outcomes.add("won")
            } catch {
                outcomes.add("refused")
            }
        }
        #expect(outcomes.sorted == ["refused", "won"])
        #expect(try database.voucherBalance(code: code)?.left == Money(minorUnits: 7_950, currency: .try_))
        // The schema itself refuses an entry that would go below zero.
        #expect(throws: DatabaseError.self) {
            try database.write { try $0.db.execute(sql: "INSERT INTO voucher_ledger(voucher_id, at, amount_minor) VALUES (1, 0, -8000)") }
        }
        #expect(try database.voucherBalance(code: code.lowercased())?.issued == Money(minorUnits: 50_000, currency: .try_))
        #expect(throws: StoreError.self) {
            try database.redeemVoucher(code: code, amount: Money(minorUnits: 100, currency: .try_), reference: "", actor: "ayse",
                                       now: AutomationJourneyTests.day(400))
        }
    }
}

/// Referral codes and coupons used in imported orders (Shopify's Discount Code column).
@Suite struct ReferralTests {
    @Test func aReferredFirstOrderRewardsItsMemberAfterTheReturnWindow() throws {
        let journey = try AutomationJourneyTests()
        let database = journey.database
        let settings = LoyaltyLedgerTests.settings()
        _ = try database.write { w in
            try journey.order(w, "#100", email: "ayse@example.com", name: "Ayşe", language: "tr", placed: AutomationJourneyTests.day(0, hour: 9))
        }
        _ = try journey.tick(AutomationJourneyTests.day(0), settings: settings)
        let (member, referral) = try database.pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, referral_code FROM loyalty_accounts")!
            return (row[0] as Int64, row[1] as String)
        }
        let coupon = try database.redeemReward(account: member, settings: { var rules = settings.loyalty; rules.rewardPoints = 100; return rules }(),
                                               actor: "ayse", now: AutomationJourneyTests.day(0))
        let csv = TemporaryFolder("tezgah-referrals")
        try FileManager.default.createDirectory(atPath: csv.path, withIntermediateDirectories: true)
        let file = csv.file("orders_export.csv")
        try """
            Name,Email,Financial Status,Fulfillment Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Shipping Address1,Shipping City,Discount Code,Id
            #201,yeni@example.com,paid,,TRY,500.00,2026-12-01 10:00:00 +0300,1,Kupa,500.00,KUPA,Yeni Müşteri,Bağdat Cad. 5,İstanbul,\(referral.lowercased()),9201
            #202,ayse@example.com,paid,,TRY,300.00,2026-12-01 11:00:00 +0300,1,Kupa,300.00,KUPA,Ayşe,Kordon 1,İzmir,\(referral),9202
            #203,eski@example.com,paid,,TRY,200.00,2026-12-01 12:00:00 +0300,1,Kupa,200.00,KUPA,Eski,Alsancak 3,İzmir,\(coupon),9203

            """.write(toFile: file, atomically: true, encoding: .utf8)
        _ = try database.importFile(file, now: AutomationJourneyTests.day(1))
        let referrals = try database.pool.read { try String.fetchAll($0, sql: "SELECT o.number || ' ' || r.state || ' ' || r.reason FROM referrals r JOIN orders o ON o.id = r.order_id ORDER BY o.number") }
        #expect(referrals == ["#201 pending ", "#202 refused the member's own order"])
        #expect(try database.pool.read { try Int64.fetchOne($0, sql: "SELECT redeemed_at FROM coupons WHERE code = ?", arguments: [coupon]) } != nil)
        // #201 is delivered on day 3; the member earns once its 14-day window has closed.
        let referred = try database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM orders WHERE number = '#201'")! }
        try journey.act(.ship(carrier: .yurtici, trackingNumber: "100000000201"), [referred], AutomationJourneyTests.day(2))
        try journey.act(.markDelivered, [referred], AutomationJourneyTests.day(3))
        _ = try journey.tick(AutomationJourneyTests.day(10), settings: settings)
        let rewarded = { try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM points_ledger WHERE reason LIKE 'referral:%'")! } }
        #expect(try rewarded() == 0)
        _ = try journey.tick(AutomationJourneyTests.day(18), settings: settings)
        #expect(try rewarded() == 1)
        _ = try journey.tick(AutomationJourneyTests.day(19), settings: settings)
        #expect(try rewarded() == 1, "once")
        #expect(try database.pool.read { try String.fetchOne($0, sql: "SELECT state FROM referrals WHERE order_id = ?", arguments: [referred]) } == "rewarded")
    }
}

/// Joining from a customers export, when the programme says so.
@Suite struct LoyaltyEnrolmentTests {
    @Test func aCustomersExportEnrolsThoseWhoAcceptMarketing() throws {
        let journey = try AutomationJourneyTests()
        let folder = TemporaryFolder("tezgah-enrol")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let file = folder.file("customers_export.csv")
        try """
            First Name,Last Name,Email,Accepts Email Marketing,Default Address City,Default Address Country Code,Birthday
            Ela,Su,ela@example.com,yes,İzmir,TR,1990-05-17
            Can,Ak,can@example.com,no,Ankara,TR,
            """.write(toFile: file, atomically: true, encoding: .utf8)
        var rules = LoyaltySettings()
        rules.enabled = true
        #expect(rules.enrolment(composer: nil) == nil, "only when join_from_customers_export says so")
        rules.joinFromCustomersExport = true
        let summary = try journey.database.importFile(file, now: AutomationJourneyTests.day(0),
                                                      enrol: rules.enrolment(composer: journey.mails.datedComposer))
        #expect(summary.description.hasSuffix("1 newly marked as not accepting marketing mail, 1 joined loyalty."), "\(summary.description)")
        let members = try journey.database.pool.read { try String.fetchAll($0, sql: "SELECT c.email || ' ' || c.birthday FROM loyalty_accounts a JOIN customers c ON c.id = a.customer_id") }
        #expect(members == ["ela@example.com 1990-05-17"])
        #expect(try journey.database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM outbox WHERE kind = 'loyalty_welcome'")! } == 1)
        // Importing it again enrols nobody twice.
        #expect(try journey.database.importFile(file, now: AutomationJourneyTests.day(1), enrol: rules.enrolment(composer: nil)).membersJoined == 0)
    }
}

/// Referrals set by hand and their yearly cap; the optional review and birthday points.
@Suite struct LoyaltyBonusTests {
    @Test func referralsByHandStopAtTheCapAndBonusesFollowTheConfig() throws {
        let journey = try AutomationJourneyTests()
        let database = journey.database
        var settings = LoyaltyLedgerTests.settings()
        settings.loyalty.referralsPerYear = 2
        settings.loyalty.reviewPoints = 25
        _ = try database.write { w in
            try journey.order(w, "#300", email: "ayse@example.com", name: "Ayşe", language: "tr", placed: AutomationJourneyTests.day(0, hour: 9))
        }
        _ = try journey.tick(AutomationJourneyTests.day(0), settings: settings)
        let (member, code) = try database.pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, referral_code FROM loyalty_accounts")!
            return (row[0] as Int64, row[1] as String)
        }
        #expect(throws: StoreError.self) { try database.recordReferral(orderID: 1, code: "NOPE1-NOPE2", now: AutomationJourneyTests.day(1)) }
        #expect(try database.recordReferral(orderID: 1, code: code.lowercased(), now: AutomationJourneyTests.day(1)) == "refused: the member's own order")
        // Three friends' first orders name the code; the cap of two a year rewards two.
        var friends: [Int64] = []
        for n in 1...3 {
            let id = try database.write { w in
                let id = try journey.order(w, "#30\(n)", email: "friend\(n)@example.com", name: "Friend \(n)", language: "en", placed: AutomationJourneyTests.day(1, hour: 9))
                try w.db.execute(sql: "UPDATE orders SET shipping_address = ? WHERE id = ?", arguments: ["Kordon \(n), İzmir", id])
                return id
            }
            #expect(try database.recordReferral(orderID: id, code: code, now: AutomationJourneyTests.day(1)) == "pending")
            try journey.act(.ship(carrier: .yurtici, trackingNumber: "10000000030\(n)"), [id], AutomationJourneyTests.day(1))
            try journey.act(.markDelivered, [id], AutomationJourneyTests.day(2))
            friends.append(id)
        }
        _ = try journey.tick(AutomationJourneyTests.day(20), settings: settings)
        let states = try database.pool.read { try String.fetchAll($0, sql: "SELECT state || ' ' || reason FROM referrals WHERE order_id IN (\(friends.map(String.init).joined(separator: ","))) ORDER BY order_id") }
        #expect(states == ["rewarded ", "rewarded ", "refused 2 referrals rewarded this year already"])
        // A review left for the member's order earns the review bonus once, whatever its rating.
        _ = try database.write { w in
            try w.db.execute(sql: """
                INSERT INTO reviews(order_id, customer_id, rating, reviewed_at, source, source_key, created_at)
                VALUES (1, (SELECT customer_id FROM loyalty_accounts WHERE id = ?), 2, 0, 'csv', 'k1', 0)
                """, arguments: [member])
        }
        _ = try journey.tick(AutomationJourneyTests.day(21), settings: settings)
        _ = try journey.tick(AutomationJourneyTests.day(22), settings: settings)
        let kinds = try database.pool.read { try String.fetchAll($0, sql: "SELECT kind || ' ' || points FROM points_ledger WHERE account_id = ? ORDER BY id", arguments: [member]) }
        #expect(kinds == ["welcome 100", "earn 200", "earn 200", "review 25"])
    }
}

/// Etsy's Coupon Code column redeems a coupon tezgah issued.
@Suite struct EtsyCouponTests {
    @Test func anEtsyOrderRedeemsACoupon() throws {
        let journey = try AutomationJourneyTests()
        let settings = LoyaltyLedgerTests.settings()
        _ = try journey.database.write { w in
            try journey.order(w, "#400", email: "su@example.com", name: "Su", language: "tr", placed: AutomationJourneyTests.day(0, hour: 9))
        }
        _ = try journey.tick(AutomationJourneyTests.day(0), settings: settings)
        let member = try journey.database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM loyalty_accounts")! }
        var rules = settings.loyalty
        rules.rewardPoints = 100
        let code = try journey.database.redeemReward(account: member, settings: rules, actor: "ayse", now: AutomationJourneyTests.day(0))
        let folder = TemporaryFolder("tezgah-etsy-coupon")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let file = folder.file("EtsySoldOrders.csv")
        try "Sale Date,Order ID,Buyer,Full Name,Number of Items,Currency,Order Total,Coupon Code,Ship City,Ship Country\n12/01/26,3001234567,su_etsy,Su,1,TRY,500.00,\(code),İzmir,Turkey\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        _ = try journey.database.importFile(file, now: AutomationJourneyTests.day(1))
        #expect(try journey.database.pool.read { try Int64.fetchOne($0, sql: "SELECT redeemed_at FROM coupons WHERE code = ?", arguments: [code]) } != nil)
        #expect(try journey.database.exportCoupons(format: .shopify) == "Code\r\n", "a redeemed coupon is not exported again")
    }
}

/// The loyalty words the owner types at the desk: `:loyalty join` on an order or a conversation's
/// customer, and `:voucher issue` / `:voucher redeem` in the Loyalty pane.
@Suite struct LoyaltyDeskTests {
    func command(_ text: String, _ core: DeskCore) {
        core.send(.keyPressed(.character(":")))
        for c in text { core.send(.keyPressed(.character(c))) }
        core.send(.keyPressed(.enter))
    }

    func members(_ database: AppDatabase, email: String) throws -> Int {
        try database.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM loyalty_accounts a JOIN customers c ON c.id = a.customer_id WHERE c.email = ? COLLATE NOCASE
                """, arguments: [email])!
        }
    }

    @Test func joiningFromAConversationOrAnOrderAndVouchersIssuedAndRedeemed() throws {
        let (core, database, _) = try SupportDeskTests().deskWithAConversation()
        // The conversation's sender, known only from their mail, joins from Support.
        #expect(try members(database, email: "elif@example.net") == 0)
        command("loyalty join", core)
        #expect(core.state.message == "Joined loyalty; welcome mail queued.")
        #expect(try members(database, email: "elif@example.net") == 1)
        core.send(.keyPressed(.character("L")))
        #expect(core.state.message == "Already a member.")

        // In Orders the same words join the selected order's customer.
        command("orders", core)
        core.send(.keyPressed(.escape)) // every order, not only those needing action
        let selected = try #require(core.state.current.selected?.row.id)
        let email = try #require(try database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?", arguments: [selected])
        })
        let wasMember = try members(database, email: email) == 1
        command("loyalty join", core)
        #expect(core.state.message == (wasMember ? "Already a member." : "Joined loyalty; welcome mail queued."))
        #expect(try members(database, email: email) == 1)

        command("loyalty", core)
        command("voucher issue 500 TRY elif@example.net", core)
        let code = try #require(try database.pool.read { try String.fetchOne($0, sql: "SELECT code FROM vouchers ORDER BY id DESC LIMIT 1") })
        let issued = Money(minorUnits: 50_000, currency: .try_)
        #expect(core.state.message == "Voucher \(code) issued for \(issued.formatted).")
        command("voucher redeem \(code.lowercased()) 120,50 TRY order 1042", core)
        let left = Money(minorUnits: 37_950, currency: .try_)
        #expect(core.state.message == "\(code): \(left.formatted) left of \(issued.formatted).")
        command("voucher redeem \(code) 1000 TRY", core)
        #expect(core.state.message == "Voucher \(code) has \(left.formatted) left.")
        #expect(try database.voucherBalance(code: code)?.left == left)
        command("voucher 500", core)
        #expect(core.state.message == "Type the value and currency, such as 500 TRY (and an e-mail if it is for someone), or Esc.")
        core.send(.keyPressed(.escape))
        command("voucher redeem \(code) 10", core)
        #expect(core.state.message == "Type the voucher's code, the amount and the currency, such as redeem K7QM2-WX9PA 120 TRY, or Esc.")
        core.send(.keyPressed(.escape))
        command("voucher kullan \(code) 79,50 TRY", core) // the Turkish desk's word
        #expect(try database.voucherBalance(code: code)?.left == Money(minorUnits: 30_000, currency: .try_))
    }
}
