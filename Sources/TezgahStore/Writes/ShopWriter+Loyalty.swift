import Foundation
import GRDB
import Tezgah

extension ShopWriter {
    @discardableResult
    public func insertLoyaltyAccount(customerID: Int64, customerName: String, customerEmail: String,
                                     joinedAt: Date, referralCode: String) throws -> Int64 {
        let id = try run("INSERT INTO loyalty_accounts(customer_id, tier, joined_at, referral_code) VALUES (?, 'member', ?, ?)",
                         [customerID, joinedAt.unixSeconds, referralCode])
        try indexLoyalty(id: id, name: customerName, email: customerEmail, referralCode: referralCode, tier: .member)
        return id
    }

    public func addPoints(accountID: Int64, points: Int64, reason: String, orderID: Int64?, at: Date) throws {
        _ = try run("INSERT INTO points_ledger(account_id, at, points, reason, order_id) VALUES (?, ?, ?, ?, ?)",
                    [accountID, at.unixSeconds, points, reason, orderID])
    }

    public func setTier(accountID: Int64, tier: LoyaltyTier, name: String, email: String, referralCode: String) throws {
        _ = try run("UPDATE loyalty_accounts SET tier = ? WHERE id = ?", [tier.rawValue, accountID])
        try indexLoyalty(id: accountID, name: name, email: email, referralCode: referralCode, tier: tier)
    }

    private func indexLoyalty(id: Int64, name: String, email: String, referralCode: String, tier: LoyaltyTier) throws {
        try index(.loyaltyAccounts, id: id, parts: [name, email, referralCode, tier.title])
    }

    public func insertCoupon(code: String, customerID: Int64?, kind: String, description: String, percentOff: Int?,
                             createdAt: Date, expiresAt: Date?, redeemedAt: Date?) throws {
        _ = try run("""
            INSERT INTO coupons(code, customer_id, kind, description, percent_off, created_at, expires_at, redeemed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [code, customerID, kind, description, percentOff, createdAt.unixSeconds, expiresAt?.unixSeconds,
                  redeemedAt?.unixSeconds])
    }
}
