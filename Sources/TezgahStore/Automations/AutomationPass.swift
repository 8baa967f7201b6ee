import Foundation
import GRDB
import Tezgah

/// The work of one automation pass, inside its transaction. Each step reads only what is new (by a
/// rowid cursor), what a trigger noted (a parcel just delivered), or what is due (by an index on
/// state and time), so a pass with nothing to do costs a few index lookups at any shop size.
struct AutomationPass {
    let writer: ShopWriter
    let settings: AutomationSettings
    let now: Date
    let composer: DatedOrderMailComposer
    let dryRun: Bool
    var report = AutomationReport()

    var db: Database { writer.db }
    static let actor = ActivityEntry.automation
    private static let day: TimeInterval = 86_400
    /// A survey not sent this long after it was due is left: asking weeks later is noise.
    private static let surveyLateness: TimeInterval = 14 * 86_400
    /// Reminders look back this far beyond their delay: an invite ignored for months is not reminded.
    private static let reminderWindow: TimeInterval = 7 * 86_400

    mutating func run() throws {
        try newOrders()
        try newShipments()
        try deliveries()
        try dueInvites()
        try dueReminders()
        try dueSurveys()
        try dailyLoyalty()
        try settleReferrals()
        try reviewBonuses()
    }

    // MARK: - What is new

    /// Thanks each order that arrives within `maxAge` of being placed, once; walks orders by rowid
    /// from where the last pass stopped.
    private mutating func newOrders() throws {
        var cursor = try self.cursor("orders")
        while true {
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, placed_at, status, payment_status FROM orders WHERE id > ? ORDER BY id LIMIT 5000
                """), arguments: [cursor])
            guard let last = rows.last else { break }
            cursor = last[0]
            let rules = settings.loyalty
            let autoJoin = rules.enabled && rules.autoJoin
            guard settings.thankYou.enabled || autoJoin else { continue }
            for row in rows {
                let placed: Int64 = row[1]
                let age = now.timeIntervalSince(Date(unixSeconds: placed))
                // Only fresh orders: importing a shop's history thanks nobody and enrols nobody.
                guard age <= settings.thankYou.maxAge else { continue }
                let order = try orderForMail(id: row[0])
                if autoJoin, [.paid, .partiallyRefunded].contains(order.facts.payment), order.facts.status != .cancelled {
                    try writer.join(customerID: order.customer.id, settings: rules, actor: Self.actor, at: now, since: Date(unixSeconds: placed),
                                    composer: composer)
                }
                guard settings.thankYou.enabled else { continue }
                if order.facts.status == .cancelled || order.facts.payment == .refunded {
                    try decide(.skipped, .thankYou, order, why: order.facts.status == .cancelled ? KeptPhrase.arrivedCancelled : KeptPhrase.arrivedRefunded)
                    continue
                }
                try queue(.thankYou, for: order, dedupeKey: "thank_you:order:\(order.id)", why: KeptPhrase.english(KeptPhrase.placed, ["ago": Self.ago(age)]))
            }
        }
        try setCursor("orders", cursor)
    }

    /// Gives each new parcel its first ETA and plans its order's invite and survey.
    private mutating func newShipments() throws {
        var cursor = try self.cursor("shipments")
        while true {
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, order_id, carrier, shipped_at, first_eta, eta, status FROM shipments WHERE id > ? ORDER BY id LIMIT 5000
                """), arguments: [cursor])
            guard let last = rows.last else { break }
            cursor = last[0]
            for row in rows {
                let status = ShipmentStatus(rawValue: row[6]) ?? .pending
                if settings.eta.enabled, (row[4] as Int64?) == nil, (row[5] as Int64?) == nil, !status.isFinal,
                   let carrier = Carrier(rawValue: row[2]) {
                    let eta = settings.eta.transit.eta(carrier: carrier, shippedAt: Date(unixSeconds: row[3]), timeZone: settings.timeZone)
                    try db.cachedStatement(sql: "UPDATE shipments SET first_eta = ?, eta = ? WHERE id = ?")
                        .execute(arguments: [eta.unixSeconds, eta.unixSeconds, row[0] as Int64])
                    report.etasSet += 1
                }
                try plan(orderID: row[1])
            }
        }
        try setCursor("shipments", cursor)
    }

    /// Orders whose parcel was delivered since the last pass (noted by a trigger).
    private mutating func deliveries() throws {
        let orders = try Int64.fetchAll(db, sql: "SELECT order_id FROM journey_changes ORDER BY order_id")
        for order in orders { try plan(orderID: order) }
        if !orders.isEmpty { try db.execute(sql: "DELETE FROM journey_changes") }
    }

    /// Creates or moves the order's invite (delivered + N days, else shipped + M) and, once it is
    /// delivered, its survey. History too old to act on gets neither.
    private mutating func plan(orderID: Int64) throws {
        try settlePoints(orderID: orderID)
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT o.customer_id, o.status, o.payment_status, min(s.shipped_at), \(ShopWriter.deliveredAt), o.number
            FROM orders o JOIN shipments s ON s.order_id = o.id WHERE o.id = ? GROUP BY o.id
            """), arguments: [orderID]) else { return }
        let customer: Int64 = row[0]
        let status = OrderStatus(rawValue: row[1]) ?? .received
        let payment = PaymentStatus(rawValue: row[2]) ?? .pending
        guard status != .cancelled, status != .returned, payment != .refunded else { return }
        let shipped = Date(unixSeconds: row[3])
        let delivered = (row[4] as Int64?).map(Date.init(unixSeconds:))
        let invite = settings.reviewInvite
        if invite.enabled {
            let due = delivered.map { $0.addingTimeInterval(invite.afterDelivery) } ?? shipped.addingTimeInterval(invite.afterShipping)
            let expires = due.addingTimeInterval(invite.expiresAfter)
            if let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, state, due_at FROM review_invites WHERE order_id = ?"),
                                               arguments: [orderID]) {
                let state = ReviewInviteState(rawValue: existing[1]) ?? .scheduled
                if [.scheduled, .deferred].contains(state), (existing[2] as Int64) != due.unixSeconds {
                    try db.cachedStatement(sql: "UPDATE review_invites SET due_at = ?, expires_at = ?, updated_at = ? WHERE id = ?")
                        .execute(arguments: [due.unixSeconds, expires.unixSeconds, now.unixSeconds, existing[0] as Int64])
                }
            } else if expires > now {
                let name = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM customers WHERE id = ?"), arguments: [customer]) ?? ""
                let id = try writer.insertReviewInvite(orderID: orderID, orderNumber: row[5], customerID: customer, customerName: name,
                                                       state: .scheduled, dueAt: due, sentAt: nil, reminderAt: nil, reason: "", now: now)
                try db.cachedStatement(sql: "UPDATE review_invites SET expires_at = ? WHERE id = ?").execute(arguments: [expires.unixSeconds, id])
            }
        }
        if settings.survey.enabled, let delivered {
            let due = delivered.addingTimeInterval(settings.survey.afterDelivery)
            if due.addingTimeInterval(Self.surveyLateness) > now {
                try db.cachedStatement(sql: """
                    INSERT INTO surveys(customer_id, order_id, kind, state, due_at) VALUES (?, ?, ?, 'scheduled', ?)
                    ON CONFLICT DO NOTHING
                    """).execute(arguments: [customer, orderID, settings.survey.kind.rawValue, due.unixSeconds])
            }
        }
    }

    // MARK: - What is due

    /// Sends the invites that are due, unless something the customer is going through holds them
    /// back (deferred, with the reason, until it ends), the customer was invited lately, or the
    /// order was cancelled or refunded meanwhile. Whom to invite never depends on how happy they seem.
    private mutating func dueInvites() throws {
        guard settings.reviewInvite.enabled else { return }
        // A deferred invite is looked at again only once its blocker is gone or it has expired:
        // one statement sifts them, where asking about each in turn cost a pass 0.4 s at 4,000.
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, order_id, customer_id, state, due_at, expires_at, reason FROM review_invites
            WHERE state = 'scheduled' AND due_at <= ?
            UNION ALL
            SELECT id, order_id, customer_id, state, due_at, expires_at, reason FROM review_invites i
            WHERE state = 'deferred' AND due_at <= ? AND (expires_at <= ? OR (
                \(Self.nothingHoldsBack)))
            ORDER BY 5, 1
            """), arguments: [now.unixSeconds, now.unixSeconds, now.unixSeconds])
        for row in rows {
            let id: Int64 = row[0]
            let order = try orderForMail(id: row[1])
            let state = ReviewInviteState(rawValue: row[3]) ?? .scheduled
            if let refusal = Self.refusal(order.facts) {
                try setInvite(id, .skipped, reason: refusal)
                try decide(.skipped, .reviewInvite, order, why: refusal)
                continue
            }
            if let expires: Int64 = row[5], expires <= now.unixSeconds {
                let why = KeptPhrase.english(KeptPhrase.notSentInTime, ["days": String(Int(settings.reviewInvite.expiresAfter / Self.day))])
                try setInvite(id, .expired, reason: why)
                try decide(.expired, .reviewInvite, order, why: why)
                continue
            }
            if let blocker = try blocker(customerID: row[2], orderID: order.id) {
                if state != .deferred || (row[6] as String) != blocker {
                    try setInvite(id, .deferred, reason: blocker)
                    try decide(.deferred, .reviewInvite, order, why: blocker)
                }
                continue
            }
            if let recent = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT o.number, i.sent_at FROM review_invites i JOIN orders o ON o.id = i.order_id
                WHERE i.customer_id = ? AND i.sent_at > ? AND i.id <> ? ORDER BY i.sent_at DESC LIMIT 1
                """), arguments: [row[2] as Int64, (now.addingTimeInterval(-settings.reviewInvite.customerGap)).unixSeconds, id]) {
                let why = KeptPhrase.english(KeptPhrase.invitedLately, ["number": recent[0] as String, "ago": Self.ago(now.timeIntervalSince(Date(unixSeconds: recent[1]))),
                                                               "days": String(Int(settings.reviewInvite.customerGap / Self.day))])
                try setInvite(id, .skipped, reason: why)
                try decide(.skipped, .reviewInvite, order, why: why)
                continue
            }
            let why = try deliveryWhy(orderID: order.id)
            if try queue(.reviewInvite, for: order, dedupeKey: "review_invite:order:\(order.id)", why: why,
                         values: ["review_url": settings.reviewInvite.link(orderNumber: order.number)]) {
                try db.cachedStatement(sql: "UPDATE review_invites SET state = 'sent', sent_at = ?, reason = '', updated_at = ? WHERE id = ?")
                    .execute(arguments: [now.unixSeconds, now.unixSeconds, id])
                try reindexInvite(id)
            } else {
                try setInvite(id, .skipped, reason: report.decisions.last?.why ?? KeptPhrase.noMailWritten)
            }
        }
    }

    /// One reminder, R days after the invite, while no review has come and nothing holds it back.
    private mutating func dueReminders() throws {
        let delay = settings.reviewInvite.reminderAfter
        guard settings.reviewInvite.enabled else { return }
        // What holds a reminder back is sifted in the statement, so an idle pass does not ask
        // about the same held-back invites again and again.
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT i.id, i.order_id, i.customer_id FROM review_invites i JOIN orders o ON o.id = i.order_id
            WHERE i.state = 'sent' AND i.sent_at <= ? AND i.sent_at > ?
              AND o.status NOT IN ('cancelled', 'returned') AND o.payment_status <> 'refunded'
              AND \(Self.nothingHoldsBack)
            ORDER BY i.sent_at, i.id
            """), arguments: [now.addingTimeInterval(-delay).unixSeconds, now.addingTimeInterval(-delay - Self.reminderWindow).unixSeconds])
        for row in rows {
            let id: Int64 = row[0]
            let order = try orderForMail(id: row[1])
            if try queue(.reviewReminder, for: order, dedupeKey: "review_reminder:order:\(order.id)",
                         why: KeptPhrase.english(KeptPhrase.noReviewYet, ["days": String(Int(delay / Self.day))]),
                         values: ["review_url": settings.reviewInvite.link(orderNumber: order.number)]) {
                try db.cachedStatement(sql: "UPDATE review_invites SET state = 'reminded', reminder_at = ?, updated_at = ? WHERE id = ?")
                    .execute(arguments: [now.unixSeconds, now.unixSeconds, id])
                try reindexInvite(id)
            }
        }
    }

    /// Surveys due after delivery, at most one per customer in the gap, never for a cancelled or
    /// refunded order.
    private mutating func dueSurveys() throws {
        guard settings.survey.enabled else { return }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, order_id, customer_id, kind, due_at FROM surveys WHERE state = 'scheduled' AND due_at <= ? ORDER BY due_at, id
            """), arguments: [now.unixSeconds])
        for row in rows {
            let id: Int64 = row[0]
            guard let orderID: Int64 = row[1] else { continue }
            let order = try orderForMail(id: orderID)
            let kind = SurveyKind(rawValue: row[3]) ?? .csat
            var skip = Self.refusal(order.facts)
            if skip == nil, Date(unixSeconds: row[4]).addingTimeInterval(Self.surveyLateness) <= now {
                skip = KeptPhrase.english(KeptPhrase.notSentInTime, ["days": String(Int(Self.surveyLateness / Self.day))])
            }
            if skip == nil, let recent = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT sent_at FROM surveys WHERE customer_id = ? AND sent_at > ? AND id <> ? ORDER BY sent_at DESC LIMIT 1
                """), arguments: [row[2] as Int64, now.addingTimeInterval(-settings.survey.customerGap).unixSeconds, id]) {
                skip = KeptPhrase.english(KeptPhrase.surveyedLately, ["ago": Self.ago(now.timeIntervalSince(Date(unixSeconds: recent))),
                                                            "days": String(Int(settings.survey.customerGap / Self.day))])
            }
            if let skip {
                try db.cachedStatement(sql: "UPDATE surveys SET state = 'skipped', reason = ? WHERE id = ?").execute(arguments: [skip, id])
                try decide(.skipped, kind.mailKind, order, why: skip)
                continue
            }
            if try queue(kind.mailKind, for: order, dedupeKey: "\(kind.mailKind.rawValue):order:\(order.id)", why: try deliveryWhy(orderID: order.id)) {
                try db.cachedStatement(sql: "UPDATE surveys SET state = 'sent', sent_at = ? WHERE id = ?").execute(arguments: [now.unixSeconds, id])
            } else {
                try db.cachedStatement(sql: "UPDATE surveys SET state = 'skipped', reason = ? WHERE id = ?")
                    .execute(arguments: [report.decisions.last?.why ?? "", id])
            }
        }
    }

    // MARK: - Pieces

    /// Why an order gets no invite or survey at all.
    static func refusal(_ facts: OrderFacts) -> String? {
        if facts.status == .cancelled { return KeptPhrase.orderCancelled }
        if facts.status == .returned { return KeptPhrase.orderReturned }
        if facts.payment == .refunded { return KeptPhrase.orderRefunded }
        return nil
    }

    /// `blocker(customerID:orderID:)` as a condition on an invite aliased `i`, for the statements
    /// that sift many invites at once; the two must name the same things.
    static let nothingHoldsBack = """
        NOT EXISTS (SELECT 1 FROM conversations c WHERE c.customer_id = i.customer_id AND c.status IN ('open', 'pending'))
        AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.customer_id = i.customer_id AND r.state IN ('requested', 'approved', 'received'))
        AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = i.order_id AND s.status = 'exception')
        """

    /// What the customer is going through that holds an invite back: a conversation the shop has
    /// not finished, or the order's parcel in trouble.
    func blocker(customerID: Int64, orderID: Int64) throws -> String? {
        if let conversation = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, status FROM conversations WHERE customer_id = ? AND status IN ('open', 'pending') ORDER BY id LIMIT 1
            """), arguments: [customerID]) {
            return KeptPhrase.english(KeptPhrase.conversationWaiting, ["status": conversation[1] as String, "id": String(conversation[0] as Int64)])
        }
        if let open = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM returns WHERE customer_id = ? AND state IN ('requested', 'approved', 'received') ORDER BY id LIMIT 1
            """), arguments: [customerID]) {
            return KeptPhrase.english(KeptPhrase.returnUnderWay, ["id": String(open)])
        }
        if let tracking = try String.fetchOne(db.cachedStatement(sql: """
            SELECT tracking_number FROM shipments WHERE order_id = ? AND status = 'exception' LIMIT 1
            """), arguments: [orderID]) {
            return KeptPhrase.english(KeptPhrase.parcelException, ["tracking": tracking])
        }
        return nil
    }

    private func deliveryWhy(orderID: Int64) throws -> String {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT min(shipped_at) FROM shipments WHERE order_id = o.id), \(ShopWriter.deliveredAt)
            FROM orders o WHERE o.id = ?
            """), arguments: [orderID])
        if let delivered: Int64 = row?[1] { return KeptPhrase.english(KeptPhrase.delivered, ["ago": Self.ago(now.timeIntervalSince(Date(unixSeconds: delivered)))]) }
        if let shipped: Int64 = row?[0] { return KeptPhrase.english(KeptPhrase.shippedNotDelivered, ["ago": Self.ago(now.timeIntervalSince(Date(unixSeconds: shipped)))]) }
        return KeptPhrase.due
    }

    private func orderForMail(id: Int64) throws -> OrderForAction {
        guard let order = try writer.orderFacts(id: id) else { throw StoreError.notFound(what: phrase("order"), id: id) }
        return order
    }

    /// Composes and queues one mail; says whether it was queued (or, dry, would be). A customer no
    /// mail can reach is a decision too, logged with why.
    @discardableResult
    private mutating func queue(_ kind: MailKind, for order: OrderForAction, dedupeKey: String, why: String,
                                values: [String: String] = [:]) throws -> Bool {
        let currency = Currency.code(order.facts.currency)
        let request = OrderMailRequest(kind: kind, dedupeKey: dedupeKey, orderID: order.id, orderNumber: order.number,
                                       customer: order.customer, total: Money(minorUnits: order.facts.total, currency: currency),
                                       values: values)
        let mail: ComposedMail
        do {
            guard !order.customer.email.isEmpty else { throw UnmailableRecipient(address: "", reason: KeptPhrase.noAddress) }
            mail = try composer(request, now)
        } catch let unmailable as UnmailableRecipient {
            let reason = unmailable.reason.hasSuffix(".") ? String(unmailable.reason.dropLast()) : unmailable.reason
            try decide(.skipped, kind, order, why: reason)
            return false
        }
        guard let mailID = try writer.enqueueMail(mail) else { return false }
        try decide(.queued, kind, order, why: why, detail: KeptPhrase.english(KeptPhrase.mailQueuedTo, ["id": String(mailID), "address": mail.toAddress, "why": why]))
        return true
    }

    /// Records a decision in the report and in the order's timeline.
    private mutating func decide(_ outcome: AutomationReport.Decision.Outcome, _ kind: MailKind, _ order: OrderForAction,
                                 why: String, detail: String? = nil) throws {
        report.decisions.append(.init(outcome: outcome, kind: kind, orderNumber: order.number, recipient: order.customer.email, why: why))
        try writer.logActivity(at: now, actor: Self.actor, subjectType: "order", subjectID: order.id,
                               action: KeptPhrase.english(KeptPhrase.decision(outcome), ["kind": kind.title]), detail: detail ?? why)
    }

    private func setInvite(_ id: Int64, _ state: ReviewInviteState, reason: String) throws {
        try db.cachedStatement(sql: "UPDATE review_invites SET state = ?, reason = ?, updated_at = ? WHERE id = ?")
            .execute(arguments: [state.rawValue, reason, now.unixSeconds, id])
        try reindexInvite(id)
    }

    private func reindexInvite(_ id: Int64) throws {
        try writer.reindexReviewInvite(id)
    }

    private func cursor(_ rule: String) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT last_id FROM automation_cursors WHERE rule = ?"), arguments: [rule]) ?? 0
    }

    private func setCursor(_ rule: String, _ value: Int64) throws {
        // Unchanged, nothing is written: an idle pass then commits no page at all.
        guard try cursor(rule) != value else { return }
        try db.cachedStatement(sql: """
            INSERT INTO automation_cursors(rule, last_id) VALUES (?, ?) ON CONFLICT(rule) DO UPDATE SET last_id = excluded.last_id
            """).execute(arguments: [rule, value])
    }

    /// "3 h ago", "7 days ago".
    static func ago(_ seconds: TimeInterval) -> String {
        if seconds < 2 * 3_600 { return KeptPhrase.english(KeptPhrase.minutesAgo, ["minutes": String(max(0, Int(seconds / 60)))]) }
        if seconds < 2 * day { return KeptPhrase.english(KeptPhrase.hoursAgo, ["hours": String(Int(seconds / 3_600))]) }
        return KeptPhrase.english(KeptPhrase.daysAgo, ["days": String(Int(seconds / day))])
    }
}
