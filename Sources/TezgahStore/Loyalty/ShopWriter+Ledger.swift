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

    /// A referral code no member has yet.
    func newReferralCode() throws -> String {
        while true {
            let code = CouponCode.make()
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM loyalty_accounts WHERE referral_code = ?)"),
                                 arguments: [code]) != true { return code }
        }
    }

    /// Makes a customer a member (once): the account, the welcome points and the welcome mail with
    /// their referral code. Returns the account, and whether it is new.
    @discardableResult
    /// `since` dates the membership back to the order that made it, so that order earns too.
    func join(customerID: Int64, settings: LoyaltySettings, actor: String, at: Date, since: Date? = nil,
              composer: DatedOrderMailComposer?) throws -> (account: Int64, isNew: Bool) {
        if let existing = try loyaltyAccount(customerID: customerID) { return (existing.id, false) }
        let customer = try AppDatabase.customer(db, id: customerID)
        let code = try newReferralCode()
        let account = try insertLoyaltyAccount(customerID: customerID, customerName: customer.name, customerEmail: customer.email,
                                               joinedAt: min(since ?? at, at), referralCode: code)
        try ledgerEntry(account: account, points: settings.welcomePoints, kind: .welcome, reason: "welcome", at: at, actor: actor,
                        key: "welcome:account:\(account)")
        try logActivity(at: at, actor: actor, subjectType: "loyalty", subjectID: account, action: "joined", detail: "referral code \(code)")
        if let composer, !customer.email.isEmpty {
            let request = OrderMailRequest(kind: .loyaltyWelcome, dedupeKey: "loyalty_welcome:account:\(account)", orderID: nil,
                                           orderNumber: "", customer: customer, total: Money(minorUnits: 0, currency: .try_),
                                           values: ["points": String(settings.welcomePoints), "referral_code": code])
            do { _ = try enqueueMail(try composer(request, at)) } catch is UnmailableRecipient {}
        }
        return (account, true)
    }
}
