import Foundation
import GRDB
import Tezgah

extension AppDatabase {
    /// The customer a pane's row belongs to, or nil when it has none (a mail to an address the
    /// shop has no customer for).
    public func customerID(of subject: CustomerSubject) throws -> Int64? {
        try pool.read { db in
            let sql: String
            let id: Int64
            switch subject {
            case .order(let value): (sql, id) = ("SELECT customer_id FROM orders WHERE id = ?", value)
            case .shipment(let value):
                (sql, id) = ("SELECT o.customer_id FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = ?", value)
            case .invite(let value): (sql, id) = ("SELECT customer_id FROM review_invites WHERE id = ?", value)
            case .conversation(let value): (sql, id) = ("SELECT customer_id FROM conversations WHERE id = ?", value)
            case .member(let value): (sql, id) = ("SELECT customer_id FROM loyalty_accounts WHERE id = ?", value)
            case .mail(let value):
                // A mail written before its customer was known still names them by address.
                (sql, id) = ("""
                    SELECT coalesce(m.customer_id, (SELECT c.id FROM customers c WHERE c.email = m.to_address COLLATE NOCASE LIMIT 1))
                    FROM outbox m WHERE m.id = ?
                    """, value)
            }
            return try Int64.fetchOne(db, sql: sql, arguments: [id])
        }
    }

    /// The customers an owner's words name: an e-mail address exactly (any case), else a name or
    /// part of one, found through the orders' search text (as the Orders filter finds it), at
    /// most `limit` of them, most recent buyer first.
    public func findCustomers(_ text: String, limit: Int = 10) throws -> [Customer] {
        let words = text.trimmingCharacters(in: .whitespaces)
        guard !words.isEmpty else { return [] }
        return try pool.read { db in
            let byEmail = try Row.fetchAll(db, sql: "SELECT \(Self.customerColumns) FROM customers WHERE email = ? COLLATE NOCASE LIMIT ?",
                                           arguments: [words, limit]).map(Self.customer)
            if !byEmail.isEmpty { return byEmail }
            guard let match = SearchIndex.matchExpression(for: words) else { return [] }
            // The newest matching orders (FTS rowids descending), their customers once each: an
            // index walk, never a scan.
            let fts = SearchIndex.orders.rawValue
            let ids = try Int64.fetchAll(db, sql: """
                SELECT o.customer_id FROM (SELECT rowid FROM \(fts) WHERE \(fts) MATCH ? ORDER BY rowid DESC LIMIT 2000) f
                JOIN orders o ON o.id = f.rowid
                """, arguments: [match])
            var seen = Set<Int64>()
            let distinct = ids.filter { seen.insert($0).inserted }.prefix(limit)
            return try distinct.compactMap { id in
                try Row.fetchOne(db, sql: "SELECT \(Self.customerColumns) FROM customers WHERE id = ?", arguments: [id]).map(Self.customer)
            }
        }
    }

    /// Customers' e-mail addresses that start with `prefix` (any case), for Tab on `:customer`:
    /// a prefix range of the case-blind e-mail index.
    public func customerEmails(startingWith prefix: String, limit: Int = 20) throws -> [String] {
        let pattern = prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        return try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT email FROM customers INDEXED BY customers_by_email_nocase
                WHERE email LIKE ? ESCAPE '\\' AND email <> '' ORDER BY email COLLATE NOCASE LIMIT ?
                """, arguments: [pattern, limit])
        }
    }

    /// Everything the shop knows of one customer, each kind read by an index on the customer (or
    /// on their orders), newest first, at most `perKind` of each.
    public func customerProfile(id: Int64, perKind: Int = CustomerProfile.firstRead, now: Date = Date()) throws -> CustomerProfile {
        try pool.read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.customerColumns), unsubscribed_at FROM customers WHERE id = ?"),
                                             arguments: [id])
            else { throw StoreError.notFound(what: phrase("customer"), id: id) }
            var profile = CustomerProfile(customer: Self.customer(row), perKind: perKind)
            profile.unsubscribedAt = row.optionalDate(8)
            profile.suppression = try String.fetchOne(db.cachedStatement(sql: "SELECT reason FROM suppressions WHERE address = ?"),
                                                      arguments: [profile.customer.email])
            let spend = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT currency, count(*), sum(total_minor - refunded_minor) FROM orders WHERE customer_id = ?
                GROUP BY currency ORDER BY 3 DESC
                """), arguments: [id])
            profile.orderCount = spend.reduce(0) { $0 + ($1[1] as Int) }
            profile.spend = spend.map { Money(minorUnits: $0[2], currency: Currency.code($0[0])) }
            var reader = CustomerTimelineReader(db: db, customerID: id, now: now, limit: perKind)
            try reader.readAll(into: &profile)
            return profile
        }
    }

    static let customerColumns = "id, name, email, language, city, country, created_at, birthday"

    static func customer(_ row: Row) -> Customer {
        let birthday: String? = row[7]
        let parts = birthday?.split(separator: "-").compactMap { Int($0) } ?? []
        return Customer(id: row[0], name: row[1], email: row[2], language: row[3], city: row[4], country: row[5],
                        createdAt: row.date(6),
                        birthday: parts.count == 3 ? DateComponents(year: parts[0], month: parts[1], day: parts[2]) : nil)
    }
}
