import Foundation
import GRDB
import Tezgah

/// A gift voucher as the shop sees it: its value left, from its own ledger.
public struct VoucherBalance: Equatable, Sendable {
    public var code: String
    public var issued: Money
    public var left: Money
    public var expiresAt: Date?
}

extension AppDatabase {
    /// Issues a gift voucher of `value`, valid for `validity` (nil: no end), optionally for a customer.
    public func issueVoucher(_ value: Money, validity: TimeInterval?, customerEmail: String?, note: String, actor: String, now: Date) throws -> String {
        guard value.minorUnits > 0 else { throw StoreError.refused(Said("A voucher needs a value above zero.")) }
        return try write { writer in
            var customer: Int64?
            if let email = customerEmail?.trimmingCharacters(in: .whitespaces), !email.isEmpty {
                customer = try Int64.fetchOne(writer.db, sql: "SELECT id FROM customers WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1", arguments: [email])
                guard customer != nil else { throw StoreError.refused(Said("No customer has the address {email}.", ["email": email])) }
            }
            let code = try writer.newCode(unusedIn: .vouchers)
            let id = try writer.run("INSERT INTO vouchers(code, currency, customer_id, note, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                                    [code, value.currency.code, customer, note, now.unixSeconds, validity.map { now.addingTimeInterval($0).unixSeconds }])
            _ = try writer.run("INSERT INTO voucher_ledger(voucher_id, at, amount_minor, reference, actor) VALUES (?, ?, ?, 'issued', ?)",
                               [id, now.unixSeconds, value.minorUnits, actor])
            try writer.logActivity(at: now, actor: actor, subjectType: "voucher", subjectID: id, action: "voucher issued",
                                   detail: "\(code) \(value.formatted)")
            return code
        }
    }

    /// Takes `amount` off a voucher (part of it is fine). Two redemptions at once take turns; one
    /// that would take the voucher below zero is refused, by this check and by the schema's trigger.
    public func redeemVoucher(code: String, amount: Money, reference: String, actor: String, now: Date) throws -> VoucherBalance {
        try write { writer in
            guard let row = try Row.fetchOne(writer.db, sql: "SELECT id, currency, expires_at FROM vouchers WHERE code = ?",
                                             arguments: [code.uppercased()]) else {
                throw StoreError.refused(Said("There is no voucher {code}.", ["code": code]))
            }
            let id: Int64 = row[0]
            guard (row[1] as String) == amount.currency.code else {
                throw StoreError.refused(Said("Voucher {code} is in {currency}, not {asked}.", ["code": code, "currency": row[1] as String, "asked": amount.currency.code]))
            }
            if let expires: Int64 = row[2], expires < now.unixSeconds { throw StoreError.refused(Said("Voucher {code} has expired.", ["code": code])) }
            let left = try Int64.fetchOne(writer.db, sql: "SELECT coalesce(sum(amount_minor), 0) FROM voucher_ledger WHERE voucher_id = ?",
                                          arguments: [id]) ?? 0
            guard amount.minorUnits > 0, amount.minorUnits <= left else {
                throw StoreError.refused(Said("Voucher {code} has {left} left.", ["code": code], amounts: ["left": Money(minorUnits: left, currency: amount.currency)]))
            }
            _ = try writer.run("INSERT INTO voucher_ledger(voucher_id, at, amount_minor, reference, actor) VALUES (?, ?, ?, ?, ?)",
                               [id, now.unixSeconds, -amount.minorUnits, reference, actor])
            try writer.logActivity(at: now, actor: actor, subjectType: "voucher", subjectID: id, action: "voucher redeemed",
                                   detail: "\(amount.formatted) \(reference)")
            return try Self.voucher(writer.db, id: id)
        }
    }

    public func voucherBalance(code: String) throws -> VoucherBalance? {
        try pool.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM vouchers WHERE code = ?", arguments: [code.uppercased()]) else { return nil }
            return try Self.voucher(db, id: id)
        }
    }

    private static func voucher(_ db: Database, id: Int64) throws -> VoucherBalance {
        let row = try Row.fetchOne(db, sql: """
            SELECT v.code, v.currency, v.expires_at,
                   (SELECT amount_minor FROM voucher_ledger WHERE voucher_id = v.id ORDER BY id LIMIT 1),
                   (SELECT sum(amount_minor) FROM voucher_ledger WHERE voucher_id = v.id)
            FROM vouchers v WHERE v.id = ?
            """, arguments: [id])!
        let currency = Currency.code(row[1])
        return VoucherBalance(code: row[0], issued: Money(minorUnits: row[3], currency: currency),
                              left: Money(minorUnits: row[4], currency: currency), expiresAt: row.optionalDate(2))
    }
}
