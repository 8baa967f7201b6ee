import Foundation
import GRDB
import Tezgah

extension AppDatabase {
    /// Makes these customers members (each once, however many of their rows were marked, with the
    /// welcome points and mail). Returns how many joined now.
    public func joinLoyalty(customers ids: [Int64], settings: LoyaltySettings, actor: String, now: Date,
                            composer: DatedOrderMailComposer?) throws -> Int {
        try write { writer in
            var joined = 0
            for customer in Set(ids).sorted() where try writer.join(customerID: customer, settings: settings, actor: actor, at: now,
                                                                     composer: composer).isNew {
                joined += 1
            }
            return joined
        }
    }

    /// Adds (or takes away) points by hand, with the reason and the Unix user in the entry. Taking
    /// away more than a member has available is refused.
    public func adjustPoints(accounts ids: [Int64], by points: Int64, reason: String, actor: String, now: Date) throws -> Int {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.refused(Said("An adjustment needs a reason.")) }
        guard points != 0 else { throw StoreError.refused(Said("Adjust by a number of points other than zero, such as +50 or -20.")) }
        return try write { writer in
            for id in ids {
                if points < 0 {
                    let available = try writer.balance(account: id, at: now).available
                    guard available + points >= 0 else {
                        throw StoreError.refused(Said("Member {id} has {available} points available; {asked} cannot be taken away.",
                                                             ["id": String(id), "available": String(available), "asked": String(-points)]))
                    }
                }
                try writer.ledgerEntry(account: id, points: points, kind: .adjust, reason: reason, at: now, actor: actor,
                                       key: "adjust:account:\(id):\(now.timeIntervalSince1970):\(UUID().uuidString)")
                try writer.logActivity(at: now, actor: actor, subjectType: "loyalty", subjectID: id, action: "points adjusted",
                                       detail: "\(points > 0 ? "+" : "")\(points): \(reason)")
            }
            return ids.count
        }
    }

    /// Spends a member's points on a reward coupon: the redemption entry and the coupon commit
    /// together, and only if the points are there when the write begins; two redemptions at once
    /// take turns, and the second finds the balance the first left.
    public func redeemReward(account id: Int64, settings: LoyaltySettings, actor: String, now: Date) throws -> String {
        try write { writer in
            let available = try writer.balance(account: id, at: now).available
            guard available >= settings.rewardPoints else {
                throw StoreError.refused(Said("A reward costs {cost} points; this member has {available} available.",
                                                     ["cost": String(settings.rewardPoints), "available": String(available)]))
            }
            guard let customer = try Int64.fetchOne(writer.db, sql: "SELECT customer_id FROM loyalty_accounts WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(what: phrase("loyalty member"), id: id)
            }
            let code = try writer.newCode(unusedIn: .coupons)
            let description = settings.rewardPercent.map { KeptPhrase.english(KeptPhrase.percentOff, ["percent": String($0)]) }
                ?? KeptPhrase.english(KeptPhrase.amountOff, ["amount": settings.rewardValue.formatted])
            _ = try writer.run("""
                INSERT INTO coupons(code, customer_id, kind, description, percent_off, amount_minor, currency, created_at, expires_at,
                                    account_id, points_cost)
                VALUES (?, ?, 'reward', ?, ?, ?, ?, ?, ?, ?, ?)
                """, [code, customer, description, settings.rewardPercent, settings.rewardPercent == nil ? settings.rewardValue.minorUnits : nil,
                      settings.rewardPercent == nil ? settings.rewardValue.currency.code : nil, now.unixSeconds,
                      now.addingTimeInterval(settings.couponValidity).unixSeconds, id, settings.rewardPoints])
            try writer.ledgerEntry(account: id, points: -settings.rewardPoints, kind: .redeem, reason: KeptPhrase.english(KeptPhrase.redeemedFor, ["code": code]), at: now, actor: actor,
                                   key: "redeem:coupon:\(code)")
            try writer.logActivity(at: now, actor: actor, subjectType: "loyalty", subjectID: id, action: "reward redeemed",
                                   detail: "\(settings.rewardPoints) points for \(code) (\(description))")
            return code
        }
    }

    /// Sets the birthday ("1990-02-29") of these members' customers. A coupon never follows a
    /// birthday entered in the last 30 days.
    public func setBirthday(accounts ids: [Int64], to text: String, actor: String, now: Date) throws {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard parts.count == 3, (1900...2100).contains(parts[0]),
              let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              calendar.component(.month, from: date) == parts[1], date < now else {
            throw StoreError.refused(Said("“{text}” is not a birthday; type it as 1990-02-28.", ["text": text]))
        }
        let birthday = String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
        try write { writer in
            for id in ids {
                try writer.db.execute(sql: """
                    UPDATE customers SET birthday = ?, birthday_set_at = ? WHERE id = (SELECT customer_id FROM loyalty_accounts WHERE id = ?)
                    """, arguments: [birthday, now.unixSeconds, id])
                try writer.logActivity(at: now, actor: actor, subjectType: "loyalty", subjectID: id, action: "birthday set", detail: birthday)
            }
        }
    }

    /// A member's available and pending points now.
    public func pointsBalance(account id: Int64, now: Date) throws -> PointsBalance {
        try pool.read { db in try ShopWriter(db).balance(account: id, at: now) }
    }

    /// The Loyalty pane's figures. The ledger's total is kept by a trigger, and only the pending
    /// points (orders still in their return window) are summed, from an index of them.
    public func loyaltyFigures(now: Date, settings: LoyaltySettings) throws -> LoyaltyFigures {
        try pool.read { db in
            var figures = LoyaltyFigures()
            for row in try Row.fetchAll(db, sql: "SELECT tier, count(*) FROM loyalty_accounts GROUP BY tier") {
                if let tier = LoyaltyTier(rawValue: row[0]) { figures.tiers[tier] = row[1] }
            }
            figures.members = figures.tiers.values.reduce(0, +)
            let total = try Int64.fetchOne(db, sql: "SELECT points FROM ledger_totals") ?? 0
            figures.pendingPoints = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(points), 0) FROM points_ledger WHERE available_at > ?",
                                                       arguments: [now.unixSeconds]) ?? 0
            figures.availablePoints = total - figures.pendingPoints
            if settings.rewardPercent == nil, settings.rewardPoints > 0 {
                figures.liability = Money(minorUnits: figures.availablePoints * settings.rewardValue.minorUnits / settings.rewardPoints,
                                          currency: settings.rewardValue.currency)
            }
            return figures
        }
    }

    /// Coupons as a CSV for the shop platform: Shopify's discount-code import (one `Code` column;
    /// the discount itself is set up once in Shopify) or a plain sheet with everything tezgah knows.
    public func exportCoupons(format: CouponExportFormat, includeRedeemed: Bool = false) throws -> String {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT k.code, k.kind, k.description, k.percent_off, k.amount_minor, k.currency, k.created_at, k.expires_at, k.redeemed_at,
                       coalesce(c.email, '')
                FROM coupons k LEFT JOIN customers c ON c.id = k.customer_id
                WHERE (? OR k.redeemed_at IS NULL) ORDER BY k.created_at, k.id
                """, arguments: [includeRedeemed])
            switch format {
            case .shopify:
                return "Code\r\n" + rows.map { "\($0[0] as String)\r\n" }.joined()
            case .plain:
                var text = "code,kind,description,percent_off,amount,currency,created,expires,redeemed,customer_email\r\n"
                for row in rows {
                    let amount = (row[4] as Int64?).map { Money(minorUnits: $0, currency: .code(row[5] ?? "TRY")).plainAmount } ?? ""
                    let cells: [String] = [row[0], row[1], row[2], (row[3] as Int?).map(String.init) ?? "", amount, row[5] ?? "",
                                           Self.isoDay(row[6]), (row[7] as Int64?).map(Self.isoDay) ?? "",
                                           (row[8] as Int64?).map(Self.isoDay) ?? "", row[9]]
                    text += cells.map(CSVCell.quoted).joined(separator: ",") + "\r\n"
                }
                return text
            }
        }
    }

    private static func isoDay(_ seconds: Int64) -> String {
        String(ISO8601DateFormatter().string(from: Date(unixSeconds: seconds)).prefix(10))
    }
}

public enum CouponExportFormat: String, CaseIterable, Sendable {
    case shopify, plain
}

/// One CSV cell as RFC 4180 writes it, and made safe for spreadsheets: a cell that a spreadsheet
/// would run as a formula (`=`, `+`, `-`, `@`) gets a leading apostrophe.
enum CSVCell {
    static func quoted(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
