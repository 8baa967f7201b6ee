import Foundation
import GRDB
import Tezgah

/// The loyalty programme's share of an automation pass: points for delivered orders (pending
/// through the return window), their reversal on refund, and once a day tiers and expiry.
extension AutomationPass {
    /// An order's points: earned once it is delivered, by a member who joined before placing it,
    /// at the tier's rate; a refund takes back its share. Idempotent by the entries' keys.
    mutating func settlePoints(orderID: Int64) throws {
        let rules = settings.loyalty
        guard rules.enabled, let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT o.customer_id, o.number, o.total_minor, o.refunded_minor, o.currency, o.placed_at, o.status, \(ShopWriter.deliveredAt)
            FROM orders o WHERE o.id = ?
            """), arguments: [orderID]) else { return }
        guard let account = try writer.loyaltyAccount(customerID: row[0]) else { return }
        let joined = try Int64.fetchOne(db.cachedStatement(sql: "SELECT joined_at FROM loyalty_accounts WHERE id = ?"), arguments: [account.id]) ?? 0
        guard (row[5] as Int64) >= joined else { return }
        let number: String = row[1]
        let (total, refunded): (Int64, Int64) = (row[2], row[3])
        let status = OrderStatus(rawValue: row[6]) ?? .received
        let delivered: Int64? = row[7]
        let earned = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT points, available_at FROM points_ledger WHERE order_id = ? AND kind = 'earn' AND account_id = ?
            """), arguments: [orderID, account.id])
        if earned == nil, let delivered, status != .cancelled, status != .returned, refunded < total {
            let points = rules.points(for: Money(minorUnits: total, currency: .code(row[4])), tier: account.tier)
            let available = Date(unixSeconds: delivered).addingTimeInterval(rules.returnWindow)
            try writer.ledgerEntry(account: account.id, points: points, kind: .earn, reason: KeptPhrase.english(KeptPhrase.earnedOnOrder, ["number": number]), orderID: orderID, at: now,
                                   availableAt: available, actor: Self.actor, key: "earn:order:\(orderID)")
        }
        guard let earn = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT points, available_at FROM points_ledger WHERE order_id = ? AND kind = 'earn' AND account_id = ?
            """), arguments: [orderID, account.id]) else { return }
        let points: Int64 = earn[0]
        let owed = status == .returned || status == .cancelled ? points : LoyaltySettings.reversal(earned: points, total: total, refunded: refunded)
        let reversed = -(try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(sum(points), 0) FROM points_ledger WHERE order_id = ? AND kind = 'reversal' AND account_id = ?
            """), arguments: [orderID, account.id]) ?? 0)
        guard owed > reversed else { return }
        // Still pending, the share leaves the pending points; once available, it cannot take the
        // balance below zero (points already spent stay spent).
        let availableAt = (earn[1] as Int64?).map(Date.init(unixSeconds:))
        var amount = owed - reversed
        if let availableAt, availableAt > now {
            try writer.ledgerEntry(account: account.id, points: -amount, kind: .reversal, reason: KeptPhrase.english(KeptPhrase.refundOfOrder, ["number": number]), orderID: orderID,
                                   at: now, availableAt: availableAt, actor: Self.actor, key: "reversal:order:\(orderID):\(refunded):\(status.rawValue)")
        } else {
            amount = min(amount, max(0, try writer.balance(account: account.id, at: now).available))
            try writer.ledgerEntry(account: account.id, points: -amount, kind: .reversal, reason: KeptPhrase.english(KeptPhrase.refundOfOrder, ["number": number]), orderID: orderID,
                                   at: now, actor: Self.actor, key: "reversal:order:\(orderID):\(refunded):\(status.rawValue)")
        }
    }

    /// Once a day (in the shop's zone): each member's tier from the points of the last twelve
    /// months (a promotion at once, a demotion after its grace), and points unused for the expiry
    /// period expire, after one last-chance mail.
    mutating func dailyLoyalty() throws {
        let rules = settings.loyalty
        guard rules.enabled else { return }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = settings.timeZone
        let today = Int64(calendar.startOfDay(for: now).timeIntervalSince1970 / 86_400)
        let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT last_id FROM automation_cursors WHERE rule = 'loyalty-day'")) ?? 0
        guard today > last else { return }
        try db.cachedStatement(sql: """
            INSERT INTO automation_cursors(rule, last_id) VALUES ('loyalty-day', ?) ON CONFLICT(rule) DO UPDATE SET last_id = excluded.last_id
            """).execute(arguments: [today])
        try tiers(sinceDay: last)
        try expiry(sinceDay: last)
        try gifts(today: calendar.startOfDay(for: now), calendar: calendar)
    }

    /// `sinceDay` is the last day the pass ran (0 the first time): only members with ledger entries
    /// since then, or entries that have left the rolling year since then, or a demotion pending,
    /// can have a different tier today.
    private mutating func tiers(sinceDay: Int64) throws {
        let rules = settings.loyalty
        let yearAgo = now.addingTimeInterval(-365 * 86_400).unixSeconds
        let select = """
            SELECT a.id, a.tier, a.demotion_due_at, a.customer_id,
                   (SELECT coalesce(sum(p.points), 0) FROM points_ledger p
                    WHERE p.account_id = a.id AND p.kind IN ('earn', 'reversal') AND p.at > ?)
            FROM loyalty_accounts a
            """
        let rows: [Row]
        if sinceDay == 0 {
            rows = try Row.fetchAll(db, sql: select, arguments: [yearAgo])
        } else {
            let since = sinceDay * 86_400 - 86_400
            rows = try Row.fetchAll(db, sql: select + """
                 WHERE a.demotion_due_at IS NOT NULL
                    OR a.id IN (SELECT account_id FROM points_ledger WHERE at > ?)
                    OR a.id IN (SELECT account_id FROM points_ledger WHERE at > ? AND at <= ?)
                """, arguments: [yearAgo, since, since - 365 * 86_400, yearAgo])
        }
        for row in rows {
            let (account, customer, yearly): (Int64, Int64, Int64) = (row[0], row[3], row[4])
            let tier = LoyaltyTier(rawValue: row[1]) ?? .member
            let target = rules.tier(forYearlyPoints: yearly)
            let demotionDue: Int64? = row[2]
            if target > tier || (target < tier && demotionDue.map { $0 <= now.unixSeconds } == true) {
                try setTier(account, customer: customer, to: target, from: tier, yearly: yearly)
            } else if target < tier, demotionDue == nil {
                try db.cachedStatement(sql: "UPDATE loyalty_accounts SET demotion_due_at = ? WHERE id = ?")
                    .execute(arguments: [now.addingTimeInterval(rules.demotionGrace).unixSeconds, account])
                try writer.logActivity(at: now, actor: Self.actor, subjectType: "loyalty", subjectID: account, action: phrase("tier under review"),
                                       detail: KeptPhrase.english(KeptPhrase.tierUnderReview, ["points": String(yearly), "tier": target.title,
                                                                                                "days": String(Int(rules.demotionGrace / 86_400))]))
            } else if target >= tier, demotionDue != nil {
                try db.cachedStatement(sql: "UPDATE loyalty_accounts SET demotion_due_at = NULL WHERE id = ?").execute(arguments: [account])
            }
        }
    }

    private mutating func setTier(_ account: Int64, customer: Int64, to target: LoyaltyTier, from tier: LoyaltyTier, yearly: Int64) throws {
        let who = try AppDatabase.customer(db, id: customer)
        let code = try String.fetchOne(db.cachedStatement(sql: "SELECT referral_code FROM loyalty_accounts WHERE id = ?"), arguments: [account]) ?? ""
        try writer.setTier(accountID: account, tier: target, name: who.name, email: who.email, referralCode: code)
        try db.cachedStatement(sql: "UPDATE loyalty_accounts SET demotion_due_at = NULL WHERE id = ?").execute(arguments: [account])
        let demoted = target < tier
        try writer.logActivity(at: now, actor: Self.actor, subjectType: "loyalty", subjectID: account,
                               action: demoted ? phrase("tier lowered") : phrase("tier raised"), detail: KeptPhrase.english(KeptPhrase.tierChangeThisYear, ["from": tier.title, "to": target.title, "points": String(yearly)]))
        guard !who.email.isEmpty else { return }
        try writer.queueMembershipMail(.loyaltyTierChange, key: "loyalty_tier:account:\(account):\(target.rawValue):\(now.unixSeconds / 86_400)",
                                       to: who, values: ["tier": target.title, "points": String(yearly), "demoted": demoted ? "yes" : ""],
                                       at: now, composer: composer)
        report.decisions.append(.init(outcome: .queued, kind: .loyaltyTierChange, orderNumber: "", recipient: who.email,
                                      why: KeptPhrase.english(KeptPhrase.tierChange, ["from": tier.title, "to": target.title])))
    }

    /// Members expired on an earlier day hold nothing more (any new point would have moved their
    /// activity), so only those whose activity crossed a line since the last pass are read.
    private mutating func expiry(sinceDay: Int64) throws {
        let rules = settings.loyalty
        // Members whose last earning or redeeming is old enough to warn about (a range of the
        // activity index), with what they hold.
        let rows = try Row.fetchAll(db, sql: """
            SELECT a.id, a.customer_id, a.last_active_at,
                   (SELECT coalesce(sum(p.points), 0) FROM points_ledger p WHERE p.account_id = a.id
                      AND (p.available_at IS NULL OR p.available_at <= ?))
            FROM loyalty_accounts a WHERE a.last_active_at > ? AND a.last_active_at <= ?
            """, arguments: [now.unixSeconds, sinceDay == 0 ? Int64.min : sinceDay * 86_400 - 86_400 - Int64(rules.expiryAfter),
                             now.addingTimeInterval(rules.lastChance - rules.expiryAfter).unixSeconds])
        for row in rows {
            let (account, customer, active, available): (Int64, Int64, Int64, Int64) = (row[0], row[1], row[2], row[3])
            guard available > 0 else { continue }
            let expires = Date(unixSeconds: active).addingTimeInterval(rules.expiryAfter)
            if expires <= now {
                try writer.ledgerEntry(account: account, points: -available, kind: .expire, reason: KeptPhrase.english(KeptPhrase.unusedSince, ["day": Self.day(active)]),
                                       at: now, actor: Self.actor, key: "expire:account:\(account):\(active)")
                try writer.logActivity(at: now, actor: Self.actor, subjectType: "loyalty", subjectID: account, action: phrase("points expired"),
                                       detail: KeptPhrase.english(KeptPhrase.points, ["points": String(available)]))
                continue
            }
            let who = try AppDatabase.customer(db, id: customer)
            let values = ["points": String(available),
                          "expires_on": CustomerDate.day(expires, language: who.language, timeZone: settings.timeZone)]
            if try writer.queueMembershipMail(.pointsExpiring, key: "points_expiring:account:\(account):\(active)", to: who, values: values,
                                              at: now, composer: composer) != nil {
                report.decisions.append(.init(outcome: .queued, kind: .pointsExpiring, orderNumber: "", recipient: who.email,
                                              why: KeptPhrase.english(KeptPhrase.unusedPoints, ["points": String(available), "day": Self.day(active)])))
            }
        }
    }

    private static func day(_ seconds: Int64) -> String {
        let date = Date(unixSeconds: seconds)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

extension AutomationPass {
    /// The review bonus, when the shop gives one: points for each review a member leaves (found by
    /// the reviews' rowid since the last pass), whatever its rating says.
    mutating func reviewBonuses() throws {
        let rules = settings.loyalty
        let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT last_id FROM automation_cursors WHERE rule = 'reviews'")) ?? 0
        let rows = try Row.fetchAll(db, sql: "SELECT id, customer_id, order_id FROM reviews WHERE id > ? ORDER BY id", arguments: [last])
        guard let newest = rows.last?[0] as Int64? else { return }
        if rules.enabled, rules.reviewPoints > 0 {
            for row in rows {
                guard let customer: Int64 = row[1], let account = try writer.loyaltyAccount(customerID: customer) else { continue }
                try writer.ledgerEntry(account: account.id, points: rules.reviewPoints, kind: .review, reason: KeptPhrase.review, orderID: row[2], at: now,
                                       actor: Self.actor, key: "review:review:\(row[0] as Int64)")
            }
        }
        try db.execute(sql: "INSERT INTO automation_cursors(rule, last_id) VALUES ('reviews', ?) ON CONFLICT(rule) DO UPDATE SET last_id = excluded.last_id",
                       arguments: [newest])
    }

    /// Referrals whose order's return window has closed: the referrer earns, unless the order went
    /// back or they have had their yearly share already.
    mutating func settleReferrals() throws {
        let rules = settings.loyalty
        guard rules.enabled else { return }
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.id, r.referrer_account, o.id, o.number, o.status, o.payment_status,
                   \(ShopWriter.deliveredAt)
            FROM referrals r JOIN orders o ON o.id = r.order_id WHERE r.state = 'pending'
            """)
        for row in rows {
            let (id, referrer, number): (Int64, Int64, String) = (row[0], row[1], row[3])
            let status = OrderStatus(rawValue: row[4]) ?? .received
            var refusal = ""
            if status == .cancelled || status == .returned || (row[5] as String) == PaymentStatus.refunded.rawValue {
                refusal = "order \(number) did not stay"
            } else {
                guard let delivered: Int64 = row[6], Date(unixSeconds: delivered).addingTimeInterval(rules.returnWindow) <= now else { continue }
                let thisYear = try Int.fetchOne(db.cachedStatement(sql: """
                    SELECT count(*) FROM referrals WHERE referrer_account = ? AND state = 'rewarded' AND created_at > ?
                    """), arguments: [referrer, now.addingTimeInterval(-365 * 86_400).unixSeconds]) ?? 0
                if thisYear >= rules.referralsPerYear { refusal = "\(rules.referralsPerYear) referrals rewarded this year already" }
            }
            if refusal.isEmpty {
                try writer.ledgerEntry(account: referrer, points: rules.referralPoints, kind: .earn, reason: KeptPhrase.english(KeptPhrase.referral, ["number": number]),
                                       at: now, actor: Self.actor, key: "referral:order:\(row[2] as Int64)")
            }
            try db.cachedStatement(sql: "UPDATE referrals SET state = ?, reason = ? WHERE id = ?")
                .execute(arguments: [refusal.isEmpty ? "rewarded" : "refused", refusal, id])
            try writer.logActivity(at: now, actor: Self.actor, subjectType: "loyalty", subjectID: referrer,
                                   action: refusal.isEmpty ? phrase("referral rewarded") : phrase("referral refused"),
                                   detail: refusal.isEmpty ? KeptPhrase.english(KeptPhrase.referralRewarded, ["number": number, "points": String(rules.referralPoints)]) : refusal)
        }
    }
}
