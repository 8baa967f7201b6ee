import Foundation
import GRDB
import Tezgah

extension ListSource where Item == LoyaltySummary {
    /// Loyalty members, most recently joined first. The balance is summed from the ledger per shown
    /// row (an index lookup each), so no stored balance can drift from the ledger.
    public static let loyaltyAccounts = ListSource(
        select: """
            SELECT t.joined_at, t.id, c.name, t.tier, t.referral_code,
                   (SELECT coalesce(sum(points), 0) FROM points_ledger p WHERE p.account_id = t.id
                      AND (p.available_at IS NULL OR p.available_at <= CAST(strftime('%s', 'now') AS INTEGER))),
                   (SELECT coalesce(sum(points), 0) FROM points_ledger p WHERE p.account_id = t.id
                      AND p.available_at > CAST(strftime('%s', 'now') AS INTEGER)),
                   (SELECT max(placed_at) FROM orders o WHERE o.customer_id = t.customer_id),
                   (SELECT currency FROM orders o WHERE o.customer_id = t.customer_id ORDER BY placed_at DESC LIMIT 1),
                   (SELECT coalesce(sum(total_minor - refunded_minor), 0) FROM orders o WHERE o.customer_id = t.customer_id
                      AND o.placed_at > CAST(strftime('%s', 'now') AS INTEGER) - 365 * 86400
                      AND o.currency = (SELECT currency FROM orders x WHERE x.customer_id = t.customer_id ORDER BY placed_at DESC LIMIT 1))
            FROM loyalty_accounts t JOIN customers c ON c.id = t.customer_id
            """,
        sortColumn: "t.joined_at", table: "loyalty_accounts", search: .loyaltyAccounts,
        fields: ["tier": .choice("t.tier", LoyaltyTier.self, field: "tier", title: \.title)],
        decode: { row in
            var member = LoyaltySummary(id: row[1], customerName: row[2], tier: row.value(3, default: .member), balance: row[5],
                                        joinedAt: row.date(0), referralCode: row[4])
            member.pending = row[6]
            member.lastOrderAt = row.optionalDate(7)
            member.yearlySpend = (row[8] as String?).map { Money(minorUnits: row[9], currency: .code($0)) }
            return member
        })
}

extension AppDatabase {
    public func loyaltyDetail(id: Int64) throws -> LoyaltyDetail {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "\(ListSource.loyaltyAccounts.select) WHERE t.id = ?", arguments: [id])
            else { throw StoreError.notFound(what: phrase("loyalty member"), id: id) }
            let customerID = try Int64.fetchOne(db, sql: "SELECT customer_id FROM loyalty_accounts WHERE id = ?", arguments: [id])!
            let email = try String.fetchOne(db, sql: "SELECT email FROM customers WHERE id = ?", arguments: [customerID]) ?? ""
            let ledger = try Row.fetchAll(db, sql: """
                SELECT at, points, reason, actor, available_at, kind FROM points_ledger WHERE account_id = ? ORDER BY at DESC, id DESC LIMIT 50
                """, arguments: [id]).map {
                var entry = PointsEntry(at: $0.date(0), points: $0[1], reason: $0[2])
                entry.actor = $0[3]
                entry.availableAt = $0.optionalDate(4)
                entry.kind = LedgerKind(rawValue: $0[5])
                return entry
            }
            let coupons = try Row.fetchAll(db, sql: """
                SELECT code, description, expires_at, redeemed_at FROM coupons WHERE customer_id = ? ORDER BY created_at DESC
                """, arguments: [customerID]).map {
                Coupon(code: $0[0], description: $0[1], expiresAt: $0.optionalDate(2), redeemedAt: $0.optionalDate(3))
            }
            var detail = LoyaltyDetail(summary: ListSource.loyaltyAccounts.decode(row), customerEmail: email,
                                       ledger: ledger, coupons: coupons)
            detail.referrals = try Row.fetchAll(db, sql: """
                SELECT o.number, c.name, r.state, r.reason FROM referrals r JOIN orders o ON o.id = r.order_id
                JOIN customers c ON c.id = r.referred_customer WHERE r.referrer_account = ? ORDER BY r.created_at DESC LIMIT 20
                """, arguments: [id]).map { "\($0[0] as String) \($0[1] as String) — \($0[2] as String)\(($0[3] as String).isEmpty ? "" : ": \($0[3] as String)")" }
            return detail
        }
    }
}
