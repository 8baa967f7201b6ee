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
    let limit: Int
    private var events: [CustomerEvent] = []
    /// The oldest event read of each kind that had more than `limit`: older than the newest of
    /// these, the merged timeline may miss rows.
    private var cutAt: Date?

    init(db: Database, customerID: Int64, now: Date, limit: Int) {
        (self.db, self.customerID, self.now, self.limit) = (db, customerID, now, limit)
        numbers = OrderNumbers(db: db)
    }

    /// The customer's newest orders, as a common table the other queries join to: twice the
    /// timeline's reach, because an older order's parcel or status change can come after newer
    /// orders were placed.
    private var newestOrders: String {
        "WITH o AS (SELECT id FROM orders WHERE customer_id = ? ORDER BY placed_at DESC LIMIT \(limit * 2))"
    }

    /// The numbers of the orders the timeline names, read with the newest orders once, so the other
    /// queries read order ids from the index alone; an older order's is looked up when named.
    private let numbers: OrderNumbers

    mutating func readAll(into profile: inout CustomerProfile) throws {
        try readOrders()
        try readParcels()
        try readMail()
        try readConversations()
        try readReviews()
        try readLoyalty(into: &profile)
        try readReturns()
        var timeline = events.sorted { $0.at != $1.at ? $0.at > $1.at : $0.kind.rawValue < $1.kind.rawValue }
        if let cutAt { timeline.removeAll { $0.at < cutAt } }
        profile.timeline = timeline
        profile.timelineIsCut = cutAt != nil
    }

    /// Runs one kind's query (which ends in `LIMIT ?`), noting when there was more than the limit.
    private mutating func read(_ sql: String, _ arguments: StatementArguments, _ make: (Row) -> CustomerEvent?) throws {
        // Cached: a dozen joins prepared again on every open cost more than reading their rows.
        let cursor = try Row.fetchCursor(try db.cachedStatement(sql: sql), arguments: arguments + [limit + 1])
        try add(cursor, make)
    }

    /// Adds the events of a cursor's first `limit` rows, noting when it had more. Rows are read
    /// where SQLite holds them, not copied first: copying every row was most of an open's time.
    /// `noting` sees every row, past the limit too, and then the cursor is read to its end.
    private mutating func add(_ cursor: RowCursor, noting: ((Row) -> Void)? = nil, _ make: (Row) throws -> CustomerEvent?) throws {
        var made: [CustomerEvent] = []
        var count = 0
        while let row = try cursor.next() {
            count += 1
            noting?(row)
            if count > limit {
                if noting == nil { break } else { continue }
            }
            if let event = try make(row) { made.append(event) }
        }
        add(made, hadMore: count > limit)
    }

    /// Adds one kind's events, the newest `limit` of it; `hadMore` says there were older ones.
    private mutating func add(_ made: [CustomerEvent], hadMore: Bool) {
        if hadMore, let oldest = made.map(\.at).min() { cutAt = max(cutAt ?? oldest, oldest) }
        events += made
    }

    private mutating func readOrders() throws {
        let numbers = self.numbers
        let orders = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, number, status, total_minor, currency, item_count, placed_at FROM orders WHERE customer_id = ?
            ORDER BY placed_at DESC LIMIT ?
            """), arguments: [customerID, limit * 2])
        try add(orders, noting: { numbers.known[$0[0]] = $0[1] }) { row in
            let total = Money(minorUnits: row[3], currency: Currency.code(row[4]))
            let status: OrderStatus = row.value(2, default: .received)
            let items: Int = row[5]
            let values = ["order": row[1] as String, "items": String(items)]
            return CustomerEvent(at: row.date(6), kind: .order,
                                 said: items == 1 ? Said("{order} placed · {total} · 1 item · now {status}", values,
                                                         phrases: ["status": status.title], amounts: ["total": total])
                                     : Said("{order} placed · {total} · {items} items · now {status}", values,
                                            phrases: ["status": status.title], amounts: ["total": total]),
                                 opens: .order(row[0]))
        }
        try read("""
            \(newestOrders)
            SELECT a.at, a.subject_id, a.action, a.detail, a.actor FROM o
            JOIN activity_log a ON a.subject_type = 'order' AND a.subject_id = o.id
            WHERE a.action <> 'order placed' ORDER BY a.at DESC LIMIT ?
            """, [customerID]) { row in
            let detail: String = row[3]
            // The action as the activity log keeps it, in English, is said in the desk's language
            // ("marked preparing"), and so is an automation's detail; a person's detail (a note, a
            // tag, a hold's reason) is their own words.
            let byAutomation = (row[4] as String) == ActivityEntry.automation
            let values = ["order": numbers[row[1]], "actor": row[4] as String].merging(byAutomation ? [:] : ["detail": detail]) { $1 }
            let action = ["action": row[2] as String].merging(byAutomation ? ["detail": detail] : [:]) { $1 }
            return CustomerEvent(at: row.date(0), kind: .orderChange,
                                 said: detail.isEmpty ? Said("{order} {action} ({actor})", values, phrases: action)
                                     : Said("{order} {action}: {detail} ({actor})", values, phrases: action),
                                 opens: .order(row[1]))
        }
    }

    private mutating func readParcels() throws {
        // Every parcel of the newest orders is read for the sort anyway (from the index alone);
        // their numbers name the tracking events below, and their last events choose whose
        // events are read.
        let parcels = try Row.fetchCursor(db.cachedStatement(sql: """
            \(newestOrders)
            SELECT s.id, s.shipped_at, s.order_id, s.carrier, s.tracking_number, s.status, s.last_event_at FROM o
            JOIN shipments s ON s.order_id = o.id ORDER BY s.shipped_at DESC
            """), arguments: [customerID])
        let numbers = self.numbers
        var trackingNumbers: [Int64: String] = [:]
        var lastEvents: [(shipment: Int64, at: Int64)] = []
        try add(parcels, noting: { row in
            trackingNumbers[row[0]] = row[4]
            // A parcel without a last event time is read rather than trusted to have no events.
            lastEvents.append((row[0], row[6] ?? Int64.max))
        }) { row in
            let carrier: String = row[3]
            let status: ShipmentStatus = row.value(5, default: .pending)
            return CustomerEvent(at: row.date(1), kind: .parcel,
                                 said: Said("{order} shipped with {carrier} {tracking} · now {status}",
                                            ["order": numbers[row[2]], "carrier": Carrier(rawValue: carrier)?.title ?? carrier, "tracking": row[4] as String],
                                            phrases: ["status": status.title]),
                                 isProblem: status == .exception || status == .returnedToSender, opens: .shipment(row[0]))
        }
        try readTrackingEvents(of: lastEvents, trackingNumbers: trackingNumbers)
    }

    /// The newest tracking events of these parcels. Parcels are visited newest last event first
    /// (a parcel's `last_event_at` is its newest event's time, kept by the tracking writes), and
    /// the visit stops at the first parcel whose newest event is older than all of the newest
    /// `limit + 1` found: a busy customer's older parcels are never read.
    private mutating func readTrackingEvents(of parcels: [(shipment: Int64, at: Int64)], trackingNumbers: [Int64: String]) throws {
        struct Found {
            var at: Int64, status: String, location: String, description: String, shipment: Int64
        }
        var found: [Found] = []
        let statement = try db.cachedStatement(sql: """
            SELECT at, status, location, description FROM tracking_events WHERE shipment_id = ? ORDER BY at DESC LIMIT ?
            """)
        for parcel in parcels.sorted(by: { $0.at > $1.at }) {
            if found.count > limit, parcel.at < found[limit].at { break }
            let rows = try Row.fetchCursor(statement, arguments: [parcel.shipment, limit + 1])
            while let row = try rows.next() {
                found.append(Found(at: row[0], status: row[1], location: row[2], description: row[3], shipment: parcel.shipment))
            }
            found.sort { $0.at > $1.at }
            if found.count > limit + 1 { found.removeLast(found.count - limit - 1) }
        }
        add(found.prefix(limit).map { event in
            let status = ShipmentStatus(rawValue: event.status)
            let title = status?.title ?? event.status
            // Carriers often repeat the status as the description ("Delivered"); once is enough.
            let place = [event.location, event.description.lowercased() == title.lowercased() ? "" : event.description]
                .filter { !$0.isEmpty }.joined(separator: " · ")
            let values = ["tracking": trackingNumbers[event.shipment] ?? "", "place": place]
            return CustomerEvent(at: Date(unixSeconds: event.at), kind: .tracking,
                                 said: place.isEmpty ? Said("{tracking} {status}", values, phrases: ["status": title])
                                     : Said("{tracking} {status} · {place}", values, phrases: ["status": title]),
                                 isProblem: status == .exception || status == .failedAttempt, opens: .shipment(event.shipment))
        }, hadMore: found.count > limit)
    }

    private mutating func readMail() throws {
        try read("""
            SELECT id, created_at, sent_at, subject, state, last_reply FROM outbox WHERE customer_id = ?
            ORDER BY created_at DESC LIMIT ?
            """, [customerID]) { row in
            let state: OutboxState = row.value(4, default: .queued)
            let reply: String = row[5]
            let failed = state == .failed || state == .suppressed
            let values = ["subject": row[3] as String, "reply": reply]
            return CustomerEvent(at: row.optionalDate(2) ?? row.date(1), kind: .mail,
                                 said: failed && !reply.isEmpty ? Said("{state}: {subject} — {reply}", values, phrases: ["state": state.title])
                                     : Said("{state}: {subject}", values, phrases: ["state": state.title]),
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
            let values = ["subject": row[2] as String, "count": String(count)]
            return CustomerEvent(at: row.date(1), kind: .conversation,
                                 said: count == 1 ? Said("“{subject}” · 1 message · now {status}", values, phrases: ["status": status.title])
                                     : Said("“{subject}” · {count} messages · now {status}", values, phrases: ["status": status.title]),
                                 opens: .conversation(row[0]))
        }
        try read("""
            SELECT m.at, m.direction, m.body, c.id FROM
            (SELECT id FROM conversations WHERE customer_id = ? ORDER BY last_message_at DESC LIMIT \(limit * 2)) c
            JOIN messages m ON m.conversation_id = c.id ORDER BY m.at DESC LIMIT ?
            """, [customerID]) { row in
            let inbound = (row[1] as String) == "inbound"
            let body: String = row[2]
            let firstLine = body.split(whereSeparator: \.isNewline).first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let values = ["text": String(firstLine ?? "")]
            return CustomerEvent(at: row.date(0), kind: .message,
                                 said: inbound ? Said("they wrote: {text}", values) : Said("we replied: {text}", values),
                                 opens: .conversation(row[3]))
        }
    }

    private mutating func readReviews() throws {
        let numbers = self.numbers
        try read("""
            SELECT i.id, i.state, i.due_at, i.sent_at, i.reason, i.order_id FROM review_invites i
            WHERE i.customer_id = ? ORDER BY coalesce(i.sent_at, i.due_at) DESC LIMIT ?
            """, [customerID]) { row in
            let state: ReviewInviteState = row.value(1, default: .scheduled)
            let reason: String = row[4]
            let values = ["order": numbers[row[5]], "reason": reason]
            return CustomerEvent(at: row.optionalDate(3) ?? row.date(2), kind: .invite,
                                 said: reason.isEmpty ? Said("review invite for {order}: {state}", values, phrases: ["state": state.title])
                                     : Said("review invite for {order}: {state} — {reason}", values, phrases: ["state": state.title]),
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
                let values = ["kind": kind, "score": String(score), "scale": String(scale), "comment": comment]
                return CustomerEvent(at: row.optionalDate(4) ?? row.date(2), kind: .survey,
                                     said: comment.isEmpty ? Said("{kind} answered {score}/{scale}", values)
                                         : Said("{kind} answered {score}/{scale}: {comment}", values),
                                     isProblem: kind == "NPS" ? score <= 6 : score <= 2, opens: opens)
            }
            guard let sent = row.optionalDate(2) else { return nil }
            return CustomerEvent(at: sent, kind: .survey, said: Said("{kind} survey sent, not answered", ["kind": kind]), opens: opens)
        }
    }

    private mutating func readLoyalty(into profile: inout CustomerProfile) throws {
        if let account = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT a.id, a.tier,
                   (SELECT coalesce(sum(points), 0) FROM points_ledger WHERE account_id = a.id AND (available_at IS NULL OR available_at <= ?)),
                   (SELECT coalesce(sum(points), 0) FROM points_ledger WHERE account_id = a.id AND available_at > ?)
            FROM loyalty_accounts a WHERE a.customer_id = ?
            """), arguments: [now.unixSeconds, now.unixSeconds, customerID]) {
            let accountID: Int64 = account[0]
            profile.loyaltyTier = LoyaltyTier(rawValue: account[1])
            profile.points = account[2]
            profile.pendingPoints = account[3]
            try read("""
                SELECT at, points, kind, reason, available_at FROM points_ledger WHERE account_id = ? ORDER BY at DESC LIMIT ?
                """, [accountID]) { [now] row in
                let points: Int64 = row[1]
                let pending = row.optionalDate(4).map { $0 > now } ?? false
                let values = ["points": "\(points > 0 ? "+" : "")\(points)", "reason": row[3] as String]
                let kind = ["kind": row[2] as String]
                return CustomerEvent(at: row.date(0), kind: .points,
                                     said: pending ? Said("{points} {kind}: {reason} (pending)", values, phrases: kind)
                                         : Said("{points} {kind}: {reason}", values, phrases: kind),
                                     opens: .member(accountID))
            }
        }
        try read("""
            SELECT created_at, code, kind, description, redeemed_at, expires_at, account_id FROM coupons
            WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?
            """, [customerID]) { [now] row in
            let state = row.optionalDate(4) != nil ? phrase("redeemed")
                : row.optionalDate(5).map { $0 < now ? phrase("expired") : phrase("open") } ?? phrase("open")
            return CustomerEvent(at: row.date(0), kind: .coupon,
                                 said: Said("{kind} coupon {code}: {description} · {state}",
                                            ["code": row[1] as String, "description": row[3] as String],
                                            phrases: ["kind": row[2] as String, "state": state]),
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
                                 said: Said("gift voucher {code}: {issued} issued, {left} left", ["code": row[1] as String],
                                            amounts: ["issued": issued, "left": balance]))
        }
    }

    private mutating func readReturns() throws {
        let numbers = self.numbers
        try read("""
            SELECT r.requested_at, r.state, r.reason, r.order_id FROM returns r
            WHERE r.customer_id = ? ORDER BY r.requested_at DESC LIMIT ?
            """, [customerID]) { row in
            let state = ReturnState(rawValue: row[1]) ?? .requested
            return CustomerEvent(at: row.date(0), kind: .returned,
                                 said: Said("return of {order}: {state} — {reason}", ["order": numbers[row[3]], "reason": row[2] as String],
                                            phrases: ["state": state.title]),
                                 isProblem: state == .requested || state == .rejected, opens: .order(row[3]))
        }
    }
}

/// Order numbers by id: the newest orders' from the read that listed them, any other one looked up
/// (and kept) when a row names it.
private final class OrderNumbers {
    let db: Database
    var known: [Int64: String] = [:]

    init(db: Database) {
        self.db = db
    }

    subscript(id: Int64) -> String {
        if let number = known[id] { return number }
        let number = (try? String.fetchOne(db.cachedStatement(sql: "SELECT number FROM orders WHERE id = ?"), arguments: [id])) ?? nil
        known[id] = number ?? "#?"
        return known[id]!
    }
}
