import Foundation
import GRDB
import Tezgah

extension ShopWriter {
    /// Writes one ledger entry, unless its key was written before (then nothing, and false).
    @discardableResult
    func ledgerEntry(account: Int64, points: Int64, kind: LedgerKind, reason: String, orderID: Int64? = nil, at: Date,
                     availableAt: Date? = nil, actor: String, key: String?) throws -> Bool {
        guard points != 0 else { return false }
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO points_ledger(account_id, at, points, reason, order_id, kind, available_at, actor, dedupe_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [account, at.unixSeconds, points, reason, orderID, kind.rawValue, availableAt?.unixSeconds, actor, key])
        return db.changesCount > 0
    }

    func balance(account: Int64, at now: Date) throws -> PointsBalance {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(sum(CASE WHEN available_at IS NULL OR available_at <= ? THEN points END), 0),
                   coalesce(sum(CASE WHEN available_at > ? THEN points END), 0)
            FROM points_ledger WHERE account_id = ?
            """), arguments: [now.unixSeconds, now.unixSeconds, account])!
        return PointsBalance(available: row[0], pending: row[1])
    }

    /// The member account of a customer, if they are one.
    func loyaltyAccount(customerID: Int64) throws -> (id: Int64, tier: LoyaltyTier)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, tier FROM loyalty_accounts WHERE customer_id = ?"), arguments: [customerID])
            .map { ($0[0], LoyaltyTier(rawValue: $0[1]) ?? .member) }
    }

    /// When an order (aliased `o`) was delivered: its first parcel's delivery scan, else, for an
    /// order the owner marked delivered by hand, the time of that change. Its return window and
    /// the invite after it start there.
    static let deliveredAt = "coalesce((SELECT min(delivered_at) FROM shipments WHERE order_id = o.id), CASE WHEN o.status = 'delivered' THEN o.updated_at END)"

    /// Where codes live: each kind of code is drawn until it is one its table does not hold yet.
    enum CodeTable: String {
        case coupons = "coupons WHERE code"
        case vouchers = "vouchers WHERE code"
        case referrals = "loyalty_accounts WHERE referral_code"
    }

    /// A new code (`CouponCode`) that no row of `table` has yet.
    func newCode(unusedIn table: CodeTable) throws -> String {
        while true {
            let code = CouponCode.make()
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table.rawValue) = ?)"), arguments: [code]) != true {
                return code
            }
        }
    }

    /// Queues a mail about the customer's membership rather than an order (welcome, tier, expiry,
    /// a personal coupon). Returns its id; nil when it was queued before or the customer cannot be mailed.
    @discardableResult
    func queueMembershipMail(_ kind: MailKind, key: String, to customer: Customer, values: [String: String], at: Date,
                             composer: DatedOrderMailComposer) throws -> Int64? {
        guard !customer.email.isEmpty else { return nil }
        let request = OrderMailRequest(kind: kind, dedupeKey: key, orderID: nil, orderNumber: "", customer: customer,
                                       total: Money(minorUnits: 0, currency: .try_), values: values)
        do { return try enqueueMail(try composer(request, at)) } catch is UnmailableRecipient { return nil }
    }

    /// Makes a customer a member (once): the account, the welcome points and the welcome mail with
    /// their referral code. Returns the account, and whether it is new.
    @discardableResult
    /// `since` dates the membership back to the order that made it, so that order earns too.
    func join(customerID: Int64, settings: LoyaltySettings, actor: String, at: Date, since: Date? = nil,
              composer: DatedOrderMailComposer?) throws -> (account: Int64, isNew: Bool) {
        if let existing = try loyaltyAccount(customerID: customerID) { return (existing.id, false) }
        let customer = try AppDatabase.customer(db, id: customerID)
        let code = try newCode(unusedIn: .referrals)
        let account = try insertLoyaltyAccount(customerID: customerID, customerName: customer.name, customerEmail: customer.email,
                                               joinedAt: min(since ?? at, at), referralCode: code)
        try ledgerEntry(account: account, points: settings.welcomePoints, kind: .welcome, reason: KeptPhrase.welcome, at: at, actor: actor,
                        key: "welcome:account:\(account)")
        try logActivity(at: at, actor: actor, subjectType: "loyalty", subjectID: account, action: "joined", detail: "referral code \(code)")
        if let composer {
            try queueMembershipMail(.loyaltyWelcome, key: "loyalty_welcome:account:\(account)", to: customer,
                                    values: ["points": String(settings.welcomePoints), "referral_code": code], at: at, composer: composer)
        }
        return (account, true)
    }
}
