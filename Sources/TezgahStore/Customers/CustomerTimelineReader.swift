import Foundation
import GRDB
import Tezgah

/// Reads one customer's timeline kind by kind. Each query starts from an index on the customer
/// (or on their newest orders), and reads at most `CustomerProfile.perKind` rows, so the cost
/// follows what one customer did, never the shop's size.
struct CustomerTimelineReader {
    let db: Database
    let customerID: Int64
    let now: Date
    private var events: [CustomerEvent] = []
    private var isCut = false
    private let limit = CustomerProfile.perKind

    init(db: Database, customerID: Int64, now: Date) {
        (self.db, self.customerID, self.now) = (db, customerID, now)
    }

    /// The customer's newest orders, as a common table the other queries join to.
    private var newestOrders: String {
        "WITH o AS (SELECT id, number FROM orders WHERE customer_id = ? ORDER BY placed_at DESC LIMIT \(limit))"
    }

    mutating func readAll(into profile: inout CustomerProfile) throws {
        try readOrders()
        try readParcels()
        try readMail()
        try readConversations()
        try readReviews()
        try readLoyalty(into: &profile)
        try readReturns()
        profile.timeline = events.sorted { $0.at != $1.at ? $0.at > $1.at : $0.kind.rawValue < $1.kind.rawValue }
        profile.timelineIsCut = isCut
    }

    /// Runs one kind's query (which ends in `LIMIT ?`), noting when there was more than the limit.
    private mutating func read(_ sql: String, _ arguments: StatementArguments, _ make: (Row) -> CustomerEvent?) throws {
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments + [limit + 1])
        if rows.count > limit { isCut = true }
        events += rows.prefix(limit).compactMap(make)
    }

    private mutating func readOrders() throws {
        try read("""
            SELECT id, number, status, total_minor, currency, item_count, placed_at FROM orders WHERE customer_id = ?
            ORDER BY placed_at DESC LIMIT ?
            """, [customerID]) { row in
            let total = Money(minorUnits: row[3], currency: Currency.code(row[4]))
            let status: OrderStatus = row.value(2, default: .received)
            let items: Int = row[5]
            return CustomerEvent(at: row.date(6), kind: .order,
                                 text: "\(row[1] as String) placed · \(total.formatted) · \(items) item\(items == 1 ? "" : "s") · now \(status.title)",
                                 opens: .order(row[0]))
        }
        try read("""
            \(newestOrders)
            SELECT a.at, o.number, a.action, a.detail, a.actor, o.id FROM o
            JOIN activity_log a ON a.subject_type = 'order' AND a.subject_id = o.id
            WHERE a.action <> 'order placed' ORDER BY a.at DESC LIMIT ?
            """, [customerID]) { row in
            let detail: String = row[3]
            return CustomerEvent(at: row.date(0), kind: .orderChange,
                                 text: "\(row[1] as String) \(row[2] as String)\(detail.isEmpty ? "" : ": " + detail) (\(row[4] as String))",
                                 opens: .order(row[5]))
        }
    }

    private mutating func readParcels() throws {
        try read("""
            \(newestOrders)
            SELECT s.id, s.shipped_at, o.number, s.carrier, s.tracking_number, s.status FROM o
            JOIN shipments s ON s.order_id = o.id ORDER BY s.shipped_at DESC LIMIT ?
            """, [customerID]) { row in
            let carrier: String = row[3]
            let status: ShipmentStatus = row.value(5, default: .pending)
            return CustomerEvent(at: row.date(1), kind: .parcel,
                                 text: "\(row[2] as String) shipped with \(Carrier(rawValue: carrier)?.title ?? carrier) \(row[4] as String) · now \(status.title)",
                                 isProblem: status == .exception || status == .returnedToSender, opens: .shipment(row[0]))
        }
        try read("""
            \(newestOrders)
            SELECT e.at, e.status, e.location, e.description, s.tracking_number, s.id FROM o
            JOIN shipments s ON s.order_id = o.id JOIN tracking_events e ON e.shipment_id = s.id
            ORDER BY e.at DESC LIMIT ?
            """, [customerID]) { row in
            let raw: String = row[1]
            let status = ShipmentStatus(rawValue: raw)
            let title = status?.title ?? raw
            // Carriers often repeat the status as the description ("Delivered"); once is enough.
            let description: String = row[3]
            let place = [row[2] as String, description.lowercased() == title.lowercased() ? "" : description]
                .filter { !$0.isEmpty }.joined(separator: " · ")
            return CustomerEvent(at: row.date(0), kind: .tracking,
                                 text: "\(row[4] as String) \(title)\(place.isEmpty ? "" : " · " + place)",
                                 isProblem: status == .exception || status == .failedAttempt, opens: .shipment(row[5]))
        }
    }

    private mutating func readMail() throws {
        try read("""
            SELECT id, created_at, sent_at, subject, state, last_reply FROM outbox WHERE customer_id = ?
            ORDER BY created_at DESC LIMIT ?
            """, [customerID]) { row in
            let state: OutboxState = row.value(4, default: .queued)
            let reply: String = row[5]
            let failed = state == .failed || state == .suppressed
            return CustomerEvent(at: row.optionalDate(2) ?? row.date(1), kind: .mail,
                                 text: "\(state.title): \(row[3] as String)\(failed && !reply.isEmpty ? " — " + reply : "")",
                                 isProblem: failed || state == .deferred, opens: .mail(row[0]))
        }
    }

    private mutating func readConversations() throws {
        try read("""
            SELECT id, opened_at, subject, status, message_count FROM conversations WHERE customer_id = ?
            ORDER BY opened_at DESC LIMIT ?
            """, [customerID]) { row in
            let status: ConversationStatus = row.value(3, default: .open)
            let count: Int = row[4]
            return CustomerEvent(at: row.date(1), kind: .conversation,
                                 text: "“\(row[2] as String)” · \(count) message\(count == 1 ? "" : "s") · now \(status.title)",
                                 opens: .conversation(row[0]))
        }
        try read("""
            SELECT m.at, m.direction, m.body, c.id FROM
            (SELECT id FROM conversations WHERE customer_id = ? ORDER BY last_message_at DESC LIMIT \(limit)) c
            JOIN messages m ON m.conversation_id = c.id ORDER BY m.at DESC LIMIT ?
            """, [customerID]) { row in
            let inbound = (row[1] as String) == "inbound"
            let body: String = row[2]
            let firstLine = body.split(whereSeparator: \.isNewline).first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return CustomerEvent(at: row.date(0), kind: .message,
                                 text: (inbound ? "they wrote: " : "we replied: ") + String(firstLine ?? ""),
                                 opens: .conversation(row[3]))
        }
    }

    private mutating func readReviews() throws {
        try read("""
            SELECT i.id, i.state, i.due_at, i.sent_at, i.reason, o.number FROM review_invites i JOIN orders o ON o.id = i.order_id
            WHERE i.customer_id = ? ORDER BY coalesce(i.sent_at, i.due_at) DESC LIMIT ?
            """, [customerID]) { row in
            let state: ReviewInviteState = row.value(1, default: .scheduled)
            let reason: String = row[4]
            return CustomerEvent(at: row.optionalDate(3) ?? row.date(2), kind: .invite,
                                 text: "review invite for \(row[5] as String): \(state.title)\(reason.isEmpty ? "" : " — " + reason)",
                                 isProblem: state == .deferred, opens: .invite(row[0]))
        }
        try read("""
            SELECT r.reviewed_at, r.rating, r.title, r.body, r.order_id, r.source FROM reviews r
            WHERE r.customer_id = ? ORDER BY r.reviewed_at DESC LIMIT ?
            """, [customerID]) { row in
            let rating: Int = row[1]
            let words = [row[2] as String, row[3] as String].filter { !$0.isEmpty }.joined(separator: " — ")
            let stars = String(repeating: "★", count: rating) + String(repeating: "☆", count: max(0, 5 - rating))
            return CustomerEvent(at: row.date(0), kind: .review, text: "\(stars) \(words) (\(row[5] as String))",
                                 isProblem: rating <= 2, opens: (row[4] as Int64?).map(CustomerSubject.order))
        }
        try read("""
            SELECT kind, state, sent_at, score, answered_at, comment, order_id FROM surveys
            WHERE customer_id = ? AND state IN ('sent', 'answered') ORDER BY coalesce(answered_at, sent_at) DESC LIMIT ?
            """, [customerID]) { row in
            let kind = (row[0] as String).uppercased()
            let opens = (row[6] as Int64?).map(CustomerSubject.order)
            if let score = row[3] as Int? {
                let comment: String = row[5]
                let scale = kind == "NPS" ? 10 : 5
                return CustomerEvent(at: row.optionalDate(4) ?? row.date(2), kind: .survey,
                                     text: "\(kind) answered \(score)/\(scale)\(comment.isEmpty ? "" : ": " + comment)",
                                     isProblem: kind == "NPS" ? score <= 6 : score <= 2, opens: opens)
            }
            guard let sent = row.optionalDate(2) else { return nil }
            return CustomerEvent(at: sent, kind: .survey, text: "\(kind) survey sent, not answered", opens: opens)
        }
    }

    private mutating func readLoyalty(into profile: inout CustomerProfile) throws {
        if let account = try Row.fetchOne(db, sql: """
            SELECT a.id, a.tier,
                   (SELECT coalesce(sum(points), 0) FROM points_ledger WHERE account_id = a.id AND (available_at IS NULL OR available_at <= ?)),
                   (SELECT coalesce(sum(points), 0) FROM points_ledger WHERE account_id = a.id AND available_at > ?)
            FROM loyalty_accounts a WHERE a.customer_id = ?
            """, arguments: [now.unixSeconds, now.unixSeconds, customerID]) {
            let accountID: Int64 = account[0]
            profile.loyaltyTier = LoyaltyTier(rawValue: account[1])
            profile.points = account[2]
            profile.pendingPoints = account[3]
            try read("""
                SELECT at, points, kind, reason, available_at FROM points_ledger WHERE account_id = ? ORDER BY at DESC LIMIT ?
                """, [accountID]) { [now] row in
                let points: Int64 = row[1]
                let pending = row.optionalDate(4).map { $0 > now } ?? false
                return CustomerEvent(at: row.date(0), kind: .points,
                                     text: "\(points > 0 ? "+" : "")\(points) \(row[2] as String): \(row[3] as String)\(pending ? " (pending)" : "")",
                                     opens: .member(accountID))
            }
        }
        try read("""
            SELECT created_at, code, kind, description, redeemed_at, expires_at, account_id FROM coupons
            WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?
            """, [customerID]) { [now] row in
            let state = row.optionalDate(4) != nil ? "redeemed"
                : row.optionalDate(5).map { $0 < now ? "expired" : "open" } ?? "open"
            return CustomerEvent(at: row.date(0), kind: .coupon,
                                 text: "\(row[2] as String) coupon \(row[1] as String): \(row[3] as String) · \(state)",
                                 opens: (row[6] as Int64?).map(CustomerSubject.member))
        }
        try read("""
            SELECT v.issued_at, v.code, v.currency, (SELECT coalesce(sum(amount_minor), 0) FROM voucher_ledger WHERE voucher_id = v.id),
                   (SELECT amount_minor FROM voucher_ledger WHERE voucher_id = v.id ORDER BY id LIMIT 1)
            FROM vouchers v WHERE v.customer_id = ? ORDER BY v.issued_at DESC LIMIT ?
            """, [customerID]) { row in
            let currency = Currency.code(row[2])
            let balance = Money(minorUnits: row[3], currency: currency)
            let issued = Money(minorUnits: (row[4] as Int64?) ?? 0, currency: currency)
            return CustomerEvent(at: row.date(0), kind: .voucher,
                                 text: "gift voucher \(row[1] as String): \(issued.formatted) issued, \(balance.formatted) left")
        }
    }

    private mutating func readReturns() throws {
        try read("""
            SELECT r.requested_at, r.state, r.reason, o.number, o.id FROM returns r JOIN orders o ON o.id = r.order_id
            WHERE r.customer_id = ? ORDER BY r.requested_at DESC LIMIT ?
            """, [customerID]) { row in
            let state = ReturnState(rawValue: row[1]) ?? .requested
            return CustomerEvent(at: row.date(0), kind: .returned,
                                 text: "return of \(row[3] as String): \(state.rawValue) — \(row[2] as String)",
                                 isProblem: state == .requested || state == .rejected, opens: .order(row[4]))
        }
    }
}
