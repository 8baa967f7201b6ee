import Foundation
import GRDB
import Tezgah

/// Writes inside one open transaction, each keeping the store's invariants: a listed row and its
/// search text change together, a ledger entry never stands alone, an activity entry names its actor.
///
/// Importers, the demo builder and the TUI's actions all write through here, so there is one way
/// each thing enters the database.
public struct ShopWriter {
    let db: Database
    /// Search text waiting to be written, in a large write; nil writes it at once.
    let searchBatch: SearchIndexBatch?

    init(_ db: Database, searchBatch: SearchIndexBatch? = nil) {
        self.db = db
        self.searchBatch = searchBatch
    }

    /// Stores a row's search text now, or with the batch of a large write.
    func index(_ table: SearchIndex, id: Int64, parts: [String]) throws {
        try index(table, id: id, text: SearchIndex.text(parts))
    }

    /// Stores a row's search text, already folded (`SearchIndex.text`).
    func index(_ table: SearchIndex, id: Int64, text: String) throws {
        if let searchBatch {
            try searchBatch.add(table, id: id, text: text, db: db)
        } else {
            try table.write(db, rows: [(id: id, text: text)])
        }
    }

    private func run(_ sql: String, _ arguments: StatementArguments) throws -> Int64 {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
        return db.lastInsertedRowID
    }

    public func setSetting(_ key: String, _ value: String) throws {
        _ = try run("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, value])
    }

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

    public struct NewShipment {
        public var orderID: Int64
        public var orderNumber: String
        public var customerName: String
        public var carrier: Carrier
        public var trackingNumber: String
        public var shippedAt: Date
        public var firstEta: Date?
        public var eta: Date?
        public var events: [TrackingEvent]
    }

    /// Inserts a shipment and its tracking events; its status and last-event time follow the latest event.
    @discardableResult
    public func insertShipment(_ shipment: NewShipment) throws -> Int64 {
        let events = shipment.events.sorted { $0.at < $1.at }
        let status = events.last?.status ?? .pending
        let deliveredAt = events.last { $0.status == .delivered }?.at
        let id = try run("""
            INSERT INTO shipments(order_id, carrier, tracking_number, status, shipped_at, first_eta, eta, last_event_at, delivered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [shipment.orderID, shipment.carrier.rawValue, shipment.trackingNumber, status.rawValue,
                  shipment.shippedAt.unixSeconds, shipment.firstEta?.unixSeconds, shipment.eta?.unixSeconds,
                  events.last?.at.unixSeconds, deliveredAt?.unixSeconds])
        for event in events {
            _ = try run("INSERT INTO tracking_events(shipment_id, at, status, location, description) VALUES (?, ?, ?, ?, ?)",
                        [id, event.at.unixSeconds, event.status.rawValue, event.location, event.description])
        }
        try indexShipment(id: id, trackingNumber: shipment.trackingNumber, carrier: shipment.carrier.title,
                          orderNumber: shipment.orderNumber, customerName: shipment.customerName, status: status)
        return id
    }

    /// A shipment's search text: its number, carrier, order, customer and status.
    func indexShipment(id: Int64, trackingNumber: String, carrier: String, orderNumber: String, customerName: String,
                       status: ShipmentStatus) throws {
        try index(.shipments, id: id, parts: [trackingNumber, carrier, orderNumber, customerName, status.title])
    }

    @discardableResult
    public func insertReviewInvite(orderID: Int64, orderNumber: String, customerID: Int64, customerName: String,
                                   state: ReviewInviteState, dueAt: Date, sentAt: Date?, reminderAt: Date?,
                                   reason: String, now: Date) throws -> Int64 {
        let id = try run("""
            INSERT INTO review_invites(order_id, customer_id, state, due_at, sent_at, reminder_at, reason, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [orderID, customerID, state.rawValue, dueAt.unixSeconds, sentAt?.unixSeconds, reminderAt?.unixSeconds,
                  reason, now.unixSeconds])
        try index(.reviewInvites, id: id, parts: [orderNumber, customerName, state.title])
        return id
    }

    public func insertSurvey(customerID: Int64, orderID: Int64?, kind: String, sentAt: Date, score: Int?,
                             answeredAt: Date?, comment: String) throws {
        _ = try run("""
            INSERT INTO surveys(customer_id, order_id, kind, sent_at, score, answered_at, comment) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [customerID, orderID, kind, sentAt.unixSeconds, score, answeredAt?.unixSeconds, comment])
    }

    /// Inserts a conversation with its messages; counts, last-message and first-response times are
    /// derived from the messages so they cannot disagree with them.
    @discardableResult
    public func insertConversation(customerID: Int64, customerName: String, customerEmail: String, orderID: Int64?,
                                   orderNumber: String?, subject: String, status: ConversationStatus,
                                   messages: [SupportMessage]) throws -> Int64 {
        let messages = messages.sorted { $0.at < $1.at }
        guard let first = messages.first, let last = messages.last else {
            throw StoreError.refused("A conversation needs at least one message.")
        }
        let firstResponse = messages.first { $0.direction == .outbound }?.at
        let id = try run("""
            INSERT INTO conversations(customer_id, order_id, subject, status, opened_at, last_message_at, first_response_at, message_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [customerID, orderID, subject, status.rawValue, first.at.unixSeconds, last.at.unixSeconds,
                  firstResponse?.unixSeconds, messages.count])
        for message in messages {
            _ = try run("INSERT INTO messages(conversation_id, at, direction, from_address, body) VALUES (?, ?, ?, ?, ?)",
                        [id, message.at.unixSeconds, message.direction.rawValue, message.from, message.body])
        }
        try index(.conversations, id: id, parts: [subject, customerName, customerEmail, orderNumber ?? "",
                                                                status.title])
        return id
    }

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

    public struct NewMail {
        public var dedupeKey: String
        public var kind: MailKind
        public var customerID: Int64?
        public var customerName: String
        public var orderID: Int64?
        public var toAddress: String
        public var subject: String
        public var messageID: String
        public var message: Data
        public var createdAt: Date
        public var expiresAt: Date?

        public init(dedupeKey: String, kind: MailKind, customerID: Int64?, customerName: String, orderID: Int64?,
                    toAddress: String, subject: String, messageID: String, message: Data, createdAt: Date, expiresAt: Date?) {
            self.dedupeKey = dedupeKey
            self.kind = kind
            self.customerID = customerID
            self.customerName = customerName
            self.orderID = orderID
            self.toAddress = toAddress
            self.subject = subject
            self.messageID = messageID
            self.message = message
            self.createdAt = createdAt
            self.expiresAt = expiresAt
        }
    }

    /// Queues a mail. The dedupe key is unique: queueing the same key again does nothing and returns nil.
    @discardableResult
    public func enqueueMail(_ mail: NewMail, state: OutboxState = .queued, attempts: Int = 0, nextAttemptAt: Date? = nil,
                            lastReply: String = "", sentAt: Date? = nil, leaseUntil: Date? = nil) throws -> Int64? {
        try db.cachedStatement(sql: """
            INSERT INTO outbox(dedupe_key, kind, category, state, customer_id, order_id, to_address, subject, message_id,
                               message, created_at, not_before, expires_at, attempts, next_attempt_at, last_reply, sent_at,
                               lease_until, reply_code)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(dedupe_key) DO NOTHING
            """).execute(arguments: [
                mail.dedupeKey, mail.kind.rawValue, mail.kind.category.rawValue, state.rawValue, mail.customerID, mail.orderID,
                mail.toAddress, mail.subject, mail.messageID, mail.message, mail.createdAt.unixSeconds,
                mail.createdAt.unixSeconds, mail.expiresAt?.unixSeconds, attempts,
                // Queued mail is due from its creation; the worker finds due mail by this column alone.
                (nextAttemptAt ?? ([.queued, .held].contains(state) ? mail.createdAt : nil))?.unixSeconds, lastReply,
                sentAt?.unixSeconds, leaseUntil?.unixSeconds, lastReply.isEmpty ? "" : MailReplyCode.of(lastReply)])
        guard db.changesCount > 0 else { return nil }
        let id = db.lastInsertedRowID
        try indexMail(id: id, toAddress: mail.toAddress, customerName: mail.customerName, subject: mail.subject,
                      kind: mail.kind, state: state)
        return id
    }

    /// A mail's search text: what the owner types to find it in the Mail pane.
    func indexMail(id: Int64, toAddress: String, customerName: String, subject: String, kind: MailKind?,
                           state: OutboxState) throws {
        try index(.outbox, id: id, parts: [toAddress, customerName, subject, kind?.title ?? "", state.title])
    }

    /// Sets a queued mail's delivery state. Internal: only the demo builder stages states this way;
    /// the delivery worker moves mail through its own checked transitions.
    func setMailState(id: Int64, state: OutboxState, reply: String, attempts: Int, nextAttemptAt: Date?,
                      leaseUntil: Date?) throws {
        _ = try run("""
            UPDATE outbox SET state = ?, last_reply = ?, reply_code = ?, attempts = ?, next_attempt_at = ?, lease_until = ?,
                              sent_at = NULL
            WHERE id = ?
            """, [state.rawValue, reply, reply.isEmpty ? "" : MailReplyCode.of(reply), attempts, nextAttemptAt?.unixSeconds,
                  leaseUntil?.unixSeconds, id])
        try reindexMail(id: id, state: state)
    }

    @discardableResult
    public func logActivity(at: Date, actor: String, subjectType: String, subjectID: Int64, action: String,
                            detail: String = "") throws -> Int64 {
        try run("INSERT INTO activity_log(at, actor, subject_type, subject_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)",
                    [at.unixSeconds, actor, subjectType, subjectID, action, detail])
    }
}

extension AppDatabase {
    /// Runs `changes` as one transaction: all of it commits, or none of it does.
    public func write<T>(_ changes: (ShopWriter) throws -> T) throws -> T {
        try pool.write { db in try changes(ShopWriter(db)) }
    }

    /// One transaction too large for SQLite's defaults, such as an import. Most writes open a
    /// statement journal, which SQLite moves to a temporary file past 64 KiB: a 100k-order import
    /// made 1.5 million pwrite calls (3.2 GB) for a 60 MB database. With `temp_store = MEMORY` the
    /// journals stay in memory (each holds only what one statement changed). A 16 MB page cache
    /// instead of 2 MB takes the same import from 14.7 s to 12.0 s, peak memory from 42 to 57 MB
    /// (64 MB would save 0.3 s more for 45 MB more).
    ///
    /// CHECK constraints are not evaluated inside: SQLite checks `status IN (...)` through a b-tree
    /// it builds again for every row of a many-row INSERT, which was half of inserting an order.
    /// What a large write stores in checked columns comes from Swift enums whose raw values are
    /// exactly the schema's lists (`SchemaCheckTests` holds them together) or from validated cells
    /// (an item's quantity above zero). (Turning the checks on and off per statement would not do:
    /// SQLite discards every prepared statement when the setting changes.)
    ///
    /// All three settings are put back afterwards. Search text is written in batches (see
    /// `SearchIndexBatch`); nothing inside `changes` may read the search index. List counts are
    /// taken once at the end (see `ListCounts.countingOnce`); nothing inside may read them.
    func largeWrite<T>(cacheMegabytes: Int = 16, _ changes: (ShopWriter) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
            let previousTemp = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
            try db.execute(sql: "PRAGMA cache_size = \(-cacheMegabytes * 1_024); PRAGMA temp_store = MEMORY; PRAGMA ignore_check_constraints = ON")
            defer {
                try? db.execute(sql: "PRAGMA cache_size = \(previous); PRAGMA temp_store = \(previousTemp); PRAGMA ignore_check_constraints = OFF")
            }
            var result: T?
            try db.inTransaction(.immediate) {
                try ListCounts.countingOnce(db) {
                    let batch = SearchIndexBatch()
                    result = try changes(ShopWriter(db, searchBatch: batch))
                    try batch.flush(db)
                }
                return .commit
            }
            return result!
        }
    }
}

extension ShopWriter {
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
