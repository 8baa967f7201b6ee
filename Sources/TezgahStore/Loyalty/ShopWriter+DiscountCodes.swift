import Foundation
import GRDB
import Tezgah

/// The discount codes an export's orders used (Shopify's `Discount Code`), gathered while reading.
final class DiscountCodes {
    var used: [(number: String, code: String, at: Date)] = []
}

extension ShopWriter {
    /// What imported orders' discount codes mean to tezgah: a coupon it issued is now redeemed, and
    /// a member's referral code on a customer's first order is a referral, rewarded (by the
    /// automation pass) once that order's return window has closed. A referral is refused, with the
    /// reason, for the member themselves or someone at their address or e-mail.
    func applyDiscountCodes(_ used: [(number: String, code: String, at: Date)]) throws {
        for (number, text, at) in used {
            for code in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).uppercased() }) where !code.isEmpty {
                try db.cachedStatement(sql: "UPDATE coupons SET redeemed_at = coalesce(redeemed_at, ?) WHERE code = ?")
                    .execute(arguments: [at.unixSeconds, code])
                guard let referrer = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT a.id, a.customer_id, c.email FROM loyalty_accounts a JOIN customers c ON c.id = a.customer_id WHERE a.referral_code = ?
                    """), arguments: [code]),
                      let order = try Row.fetchOne(db.cachedStatement(sql: """
                        SELECT o.id, o.customer_id, c.email, o.shipping_address,
                               (SELECT count(*) FROM orders p WHERE p.customer_id = o.customer_id AND p.placed_at < o.placed_at)
                        FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.number = ?
                        """), arguments: [number]) else { continue }
                let (orderID, customer): (Int64, Int64) = (order[0], order[1])
                var refusal = ""
                if customer == referrer[1] as Int64 || (order[2] as String).caseInsensitiveCompare(referrer[2] as String) == .orderedSame {
                    refusal = "the member's own order"
                } else if (order[4] as Int) > 0 {
                    refusal = "not the customer's first order"
                } else if let address = order[3] as String?, !address.isEmpty, try Bool.fetchOne(db.cachedStatement(sql: """
                    SELECT EXISTS (SELECT 1 FROM orders WHERE customer_id = ? AND shipping_address = ?)
                    """), arguments: [referrer[1] as Int64, address]) == true {
                    refusal = "sent to the member's own address"
                }
                try db.cachedStatement(sql: """
                    INSERT OR IGNORE INTO referrals(order_id, referrer_account, referred_customer, state, reason, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [orderID, referrer[0] as Int64, customer, refusal.isEmpty ? "pending" : "refused", refusal, at.unixSeconds])
            }
        }
    }
}

extension AppDatabase {
    /// Records by hand that an order came from a member's referral code (the customer said so).
    /// Returns the referral's state: pending (rewarded after the return window) or refused, with why.
    public func recordReferral(orderID: Int64, code: String, now: Date) throws -> String {
        try write { writer in
            let code = code.trimmingCharacters(in: .whitespaces).uppercased()
            guard try Bool.fetchOne(writer.db, sql: "SELECT EXISTS (SELECT 1 FROM loyalty_accounts WHERE referral_code = ?)", arguments: [code]) == true else {
                throw StoreError.refused(Said("No member has the referral code {code}.", ["code": code]))
            }
            guard let number = try String.fetchOne(writer.db, sql: "SELECT number FROM orders WHERE id = ?", arguments: [orderID]) else {
                throw StoreError.notFound(what: phrase("order"), id: orderID)
            }
            try writer.applyDiscountCodes([(number, code, now)])
            let row = try Row.fetchOne(writer.db, sql: "SELECT state, reason FROM referrals WHERE order_id = ?", arguments: [orderID])
            guard let row else { return "not recorded" }
            let reason: String = row[1]
            return reason.isEmpty ? row[0] : "\(row[0] as String): \(reason)"
        }
    }
}
