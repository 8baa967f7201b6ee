import Foundation
import GRDB
import Tezgah

/// The personal coupons of the daily loyalty pass: on a member's birthday (29 February on the 28th
/// in common years; never for a birthday entered in the last 30 days), on the anniversary of
/// joining, and once a year to a repeat customer who has stopped ordering.
extension AutomationPass {
    mutating func gifts(today: Date, calendar: Calendar) throws {
        let rules = settings.loyalty
        let parts = calendar.dateComponents([.year, .month, .day], from: today)
        let (year, month, day) = (parts.year ?? 0, parts.month ?? 1, parts.day ?? 1)
        var days = [String(format: "-%02d-%02d", month, day)]
        let leap = calendar.range(of: .day, in: .month, for: calendar.date(from: DateComponents(year: year, month: 2))!)?.count == 29
        if month == 2, day == 28, !leap { days.append("-02-29") }
        let recentlySet = now.addingTimeInterval(-30 * 86_400).unixSeconds
        for row in try Row.fetchAll(db, sql: """
            SELECT c.id FROM loyalty_accounts a JOIN customers c ON c.id = a.customer_id
            WHERE c.birthday IS NOT NULL AND substr(c.birthday, 5) IN (\(databaseQuestionMarks(count: days.count)))
              AND coalesce(c.birthday_set_at, 0) <= ?
            """, arguments: StatementArguments(days + [recentlySet])) {
            try gift(.birthday, customerID: row[0], percent: rules.birthdayPercent, key: "birthday:customer:\(row[0] as Int64):\(year)",
                     why: KeptPhrase.birthday)
            if rules.birthdayPoints > 0, let account = try writer.loyaltyAccount(customerID: row[0]) {
                try writer.ledgerEntry(account: account.id, points: rules.birthdayPoints, kind: .birthday, reason: KeptPhrase.english(KeptPhrase.birthdayOf, ["year": String(year)]), at: now,
                                       actor: Self.actor, key: "birthday:account:\(account.id):\(year)")
            }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT customer_id, joined_at FROM loyalty_accounts
            WHERE strftime('-%m-%d', joined_at + ?, 'unixepoch') IN (\(databaseQuestionMarks(count: days.count)))
            """, arguments: StatementArguments([settings.timeZone.secondsFromGMT(for: now)] + days)) {
            let joined = calendar.component(.year, from: Date(unixSeconds: row[1]))
            guard joined < year else { continue }
            try gift(.anniversary, customerID: row[0], percent: rules.anniversaryPercent, key: "anniversary:customer:\(row[0] as Int64):\(year)",
                     why: year - joined == 1 ? KeptPhrase.oneYearAMember : KeptPhrase.english(KeptPhrase.yearsAMember, ["years": String(year - joined)]))
        }
        // Repeat customers whose last order is `winBackAfter` old today: the orders of that one day,
        // then whether each is still their last, and not their first.
        let from = now.addingTimeInterval(-rules.winBackAfter - 86_400).unixSeconds, to = now.addingTimeInterval(-rules.winBackAfter).unixSeconds
        for customer in try Int64.fetchAll(db, sql: """
            SELECT DISTINCT o.customer_id FROM orders o WHERE o.placed_at > ? AND o.placed_at <= ?
              AND NOT EXISTS (SELECT 1 FROM orders n WHERE n.customer_id = o.customer_id AND n.placed_at > ?)
              AND (SELECT count(*) FROM orders p WHERE p.customer_id = o.customer_id) >= 2
            """, arguments: [from, to, to]) {
            let lastYear = now.addingTimeInterval(-365 * 86_400).unixSeconds
            guard try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM coupons WHERE customer_id = ? AND kind = 'win_back' AND created_at > ?)
                """), arguments: [customer, lastYear]) != true else { continue }
            try gift(.winBack, customerID: customer, percent: rules.winBackPercent, key: "win_back:customer:\(customer):\(now.unixSeconds / 86_400)",
                     why: KeptPhrase.english(KeptPhrase.noOrderFor, ["days": String(Int(rules.winBackAfter / 86_400))]))
        }
    }

    /// A personal coupon and its mail, together; nothing when the customer cannot be mailed.
    private mutating func gift(_ kind: MailKind, customerID: Int64, percent: Int, key: String, why: String) throws {
        let customer = try AppDatabase.customer(db, id: customerID)
        guard !customer.email.isEmpty,
              try String.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM outbox WHERE dedupe_key = ?"), arguments: [key]) == nil else { return }
        let code = try writer.newCode(unusedIn: .coupons)
        let expires = now.addingTimeInterval(settings.loyalty.giftValidity)
        let description = KeptPhrase.english(KeptPhrase.percentOff, ["percent": String(percent)])
        let values = ["coupon_code": code, "coupon_description": description,
                      "coupon_expires": CustomerDate.day(expires, language: customer.language, timeZone: settings.timeZone)]
        guard try writer.queueMembershipMail(kind, key: key, to: customer, values: values, at: now, composer: composer) != nil else { return }
        let couponKind = kind == .winBack ? "win_back" : kind.rawValue
        try db.cachedStatement(sql: """
            INSERT INTO coupons(code, customer_id, kind, description, percent_off, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [code, customerID, couponKind, description, percent, now.unixSeconds, expires.unixSeconds])
        report.decisions.append(.init(outcome: .queued, kind: kind, orderNumber: "", recipient: customer.email, why: why))
    }
}
