import Foundation
import GRDB
import Tezgah

extension ShopWriter {
    @discardableResult
    public func insertCustomer(name: String, email: String, language: String, city: String, country: String,
                               birthday: DateComponents?, createdAt: Date) throws -> Int64 {
        let birthdayText = birthday.flatMap { b in
            b.year.map { String(format: "%04d-%02d-%02d", $0, b.month ?? 1, b.day ?? 1) }
        }
        return try run("""
            INSERT INTO customers(name, email, language, city, country, birthday, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [name, email, language, city, country, birthdayText, createdAt.unixSeconds])
    }

    /// The customer with this e-mail (or, without one, this name), created if new; a known customer
    /// gets what it was missing (a name where only the address was known, a city, a country) and
    /// keeps what it had, so an old export never overwrites what the shop has since learned.
    func upsertCustomer(email: String, name: String, city: String, country: String,
                        createdAt: Date) throws -> (id: Int64, created: Bool) {
        let found = try findOrCreateCustomer(email: email, name: name, city: city, country: country, createdAt: createdAt)
        guard !found.created else { return found }
        try db.cachedStatement(sql: """
            UPDATE customers SET name = CASE WHEN name = '' OR name = email THEN ? ELSE name END,
                                 city = CASE WHEN city = '' THEN ? ELSE city END,
                                 country = CASE WHEN country = '' THEN ? ELSE country END
            WHERE id = ? AND (name = '' OR name = email OR city = '' OR country = '')
            """).execute(arguments: [name, city, country, found.id])
        if db.changesCount > 0 {
            // The customer's name is in their orders' search text.
            for order in try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM orders WHERE customer_id = ?"),
                                            arguments: [found.id]) {
                try reindexOrder(id: order)
            }
        }
        return found
    }

    /// Records that a customer does not accept marketing mail (keeping an earlier date); says
    /// whether this is new.
    func optOutOfMarketing(customerID: Int64, at: Date) throws -> Bool {
        try db.cachedStatement(sql: "UPDATE customers SET unsubscribed_at = ? WHERE id = ? AND unsubscribed_at IS NULL")
            .execute(arguments: [at.unixSeconds, customerID])
        return db.changesCount > 0
    }

    /// The customer with this e-mail (or, without one, this name), created if new.
    public func findOrCreateCustomer(email: String, name: String, city: String, country: String,
                                     createdAt: Date) throws -> (id: Int64, created: Bool) {
        let existing = email.isEmpty
            ? try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM customers WHERE email = '' AND name = ? LIMIT 1"),
                                 arguments: [name])
            : try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM customers WHERE email = ? LIMIT 1"), arguments: [email])
        if let existing { return (existing, false) }
        let id = try insertCustomer(name: name, email: email, language: Customer.language(forCountry: country),
                                    city: city, country: country, birthday: nil, createdAt: createdAt)
        return (id, true)
    }
}
