import Foundation
import GRDB
import Tezgah

/// The outbox as the delivery worker and the operator see it. Every state change is one short write
/// transaction, so a worker killed at any instant leaves each row either claimed (and taken back
/// after its lease) or settled — never lost.
extension AppDatabase {
    /// Claims the next due mail for `worker`, or returns nil when nothing is due.
    ///
    /// On the way it settles what must not be sent: mail past its expiry fails, mail to a
    /// suppressed address (or, for marketing, an unsubscribed customer) is suppressed, and marketing
    /// mail over the frequency cap or inside quiet hours is postponed to when it may go.
    public func claimNextMail(now: Date, worker: String, lease: TimeInterval, limits: MarketingLimits) throws -> ClaimedMail? {
        try pool.write { db in try Self.claimNext(db, now: now, worker: worker, lease: lease, limits: limits) }
    }

    /// Settles a claimed mail and claims the next due one in the same transaction: one commit per
    /// mail instead of two. The settlement is committed before the next mail goes out, so a crash
    /// loses nothing the separate calls would not.
    public func settleMailAndClaimNext(id: Int64, worker: String, outcome: MailDeliveryOutcome, now: Date, lease: TimeInterval,
                                       limits: MarketingLimits) throws -> (MailSettlement, ClaimedMail?) {
        try pool.write { db in
            let settlement = try Self.settle(db, id: id, worker: worker, outcome: outcome, now: now)
            return (settlement, try Self.claimNext(db, now: now, worker: worker, lease: lease, limits: limits))
        }
    }

    private static func claimNext(_ db: Database, now: Date, worker: String, lease: TimeInterval,
                                  limits: MarketingLimits) throws -> ClaimedMail? {
        let writer = ShopWriter(db)
        while true {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT id, kind, category, to_address, message_id, message, attempts, expires_at, customer_id
                FROM outbox WHERE state IN ('queued', 'deferred') AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT 1
                """), arguments: [now.unixSeconds]) else { return nil }
            let id: Int64 = row[0]
            let marketing = (row[2] as String) == MailCategory.marketing.rawValue
            let address: String = row[3]
            if let expires: Int64 = row[7], expires <= now.unixSeconds {
                try writer.settle(id: id, state: .failed, reply: "expired before it could be sent", now: now)
                continue
            }
            if let reason = try String.fetchOne(db.cachedStatement(sql: "SELECT reason FROM suppressions WHERE address = ?"),
                                                arguments: [address]) {
                try writer.settle(id: id, state: .suppressed, reply: "suppressed: the address is on the suppression list (\(reason))", now: now)
                continue
            }
            if marketing {
                if let customer: Int64 = row[8],
                   try Bool.fetchOne(db.cachedStatement(sql: "SELECT unsubscribed_at IS NOT NULL FROM customers WHERE id = ?"),
                                     arguments: [customer]) == true {
                    try writer.settle(id: id, state: .suppressed, reply: "suppressed: the customer unsubscribed", now: now)
                    continue
                }
                let previous = try Int64.fetchAll(db.cachedStatement(sql: """
                    SELECT coalesce(sent_at, ?) FROM outbox
                    WHERE to_address = ? COLLATE NOCASE AND category = 'marketing' AND state IN ('sent', 'sending')
                      AND coalesce(sent_at, ?) > ?
                    """), arguments: [now.unixSeconds, address, now.unixSeconds, now.unixSeconds - 30 * 86_400])
                let earliest = limits.earliestSend(at: now, previous: previous.map(Date.init(unixSeconds:)))
                if earliest > now {
                    let expires: Int64? = row[7]
                    let kind = MailKind(rawValue: row[1])
                    if earliest == .distantFuture
                        || (kind?.waitsOutMarketingLimits != true && expires.map({ earliest.unixSeconds >= $0 }) == true) {
                        try writer.settle(id: id, state: .failed, reply: "expired: held back by the marketing frequency cap or quiet hours", now: now)
                    } else {
                        let lifetime = kind?.lifetime ?? 0
                        try db.cachedStatement(sql: """
                            UPDATE outbox SET next_attempt_at = ?, expires_at = CASE WHEN ? THEN max(coalesce(expires_at, 0), ?) ELSE expires_at END
                            WHERE id = ?
                            """).execute(arguments: [earliest.unixSeconds, kind?.waitsOutMarketingLimits == true,
                                                     earliest.addingTimeInterval(lifetime).unixSeconds, id])
                    }
                    continue
                }
            }
            let attempt = (row[6] as Int) + 1
            try db.cachedStatement(sql: """
                UPDATE outbox SET state = 'sending', attempts = ?, lease_until = ?, lease_owner = ? WHERE id = ?
                """).execute(arguments: [attempt, now.addingTimeInterval(lease).unixSeconds, worker, id])
            return ClaimedMail(id: id, kind: MailKind(rawValue: row[1]) ?? .supportReply, toAddress: address,
                               messageID: row[4], message: row[5], attempt: attempt)
        }
    }

    /// Records how a claimed mail's attempt went. A deferred mail waits 1 min, 2, 4 … up to 4 h, and
    /// fails instead once the next attempt would fall after its expiry. A failure that names a
    /// missing mailbox puts the address on the suppression list. Only the worker holding the lease
    /// may settle: once a row was taken back (and perhaps claimed by another worker) it is not ours.
    @discardableResult
    public func settleMail(id: Int64, worker: String, outcome: MailDeliveryOutcome, now: Date) throws -> MailSettlement {
        try pool.write { db in try Self.settle(db, id: id, worker: worker, outcome: outcome, now: now) }
    }

    private static func settle(_ db: Database, id: Int64, worker: String, outcome: MailDeliveryOutcome,
                               now: Date) throws -> MailSettlement {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT attempts, expires_at, to_address FROM outbox WHERE id = ? AND state = 'sending' AND lease_owner = ?
            """), arguments: [id, worker]) else { return .notClaimed }
        let writer = ShopWriter(db)
        switch outcome {
        case .sent(let reply):
            try writer.settle(id: id, state: .sent, reply: reply, now: now)
            return .sent
        case .deferred(let reply):
            let next = now.addingTimeInterval(MailRetryPolicy.delay(afterAttempts: row[0]))
            if let expires: Int64 = row[1], next.unixSeconds >= expires {
                try writer.settle(id: id, state: .failed, reply: "expired after \(row[0] as Int) attempts; last reply: \(reply)", now: now)
                return .failed
            }
            try writer.settle(id: id, state: .deferred, reply: reply, now: now, next: next)
            return .deferred(until: next)
        case .failed(let reply, let suppress):
            try writer.settle(id: id, state: .failed, reply: reply, now: now)
            if suppress {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO suppressions(address, reason, created_at) VALUES (?, ?, ?)")
                    .execute(arguments: [row[2] as String, reply, now.unixSeconds])
            }
            return .failed
        }
    }

    /// Brings the search text of recently settled mail up to date with its state, in one commit.
    /// The delivery worker calls it every few hundred mails and whenever it runs out of due mail,
    /// so a search by state (`/failed`) trails the worker by at most that much.
    @discardableResult
    public func refreshMailSearch() throws -> Int {
        try pool.write { db in try ShopWriter(db).refreshMailSearch() }
    }

    /// Takes back mail claimed by workers that are gone: rows whose lease has run out, and rows
    /// held by any of `owners` (workers known to have died). They become due at once; their
    /// Message-ID is unchanged, so a mail that did leave before the crash is recognisable as a repeat.
    @discardableResult
    public func takeBackLeases(now: Date, owners: [String] = []) throws -> Int {
        try pool.write { db in
            var taken = 0
            let rows = try Row.fetchAll(db, sql: "SELECT id, lease_owner, lease_until FROM outbox WHERE state = 'sending'")
            let writer = ShopWriter(db)
            for row in rows {
                let owner: String? = row[1]
                let until: Int64? = row[2]
                guard owners.contains(owner ?? "") || (until ?? 0) <= now.unixSeconds else { continue }
                try writer.settle(id: row[0], state: .deferred, reply: "taken back: the worker \(owner ?? "?") stopped while sending",
                                  now: now, next: now)
                taken += 1
            }
            return taken
        }
    }

    /// The workers holding leases right now, for finding the dead ones.
    public func leaseOwners() throws -> [String] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT lease_owner FROM outbox WHERE state = 'sending' AND lease_owner IS NOT NULL")
        }
    }

    /// Applies an operator's action to mails, in one transaction, and logs it with the actor.
    /// Returns one sentence per mail the action could not apply to (and changes nothing for those).
    @discardableResult
    public func apply(_ action: MailQueueAction, to ids: [Int64], actor: String, now: Date) throws -> [Said] {
        try pool.write { db in
            let writer = ShopWriter(db)
            var problems: [Said] = []
            for id in ids {
                guard let row = try Row.fetchOne(db, sql: "SELECT state, expires_at FROM outbox WHERE id = ?", arguments: [id]) else {
                    problems.append(StoreError.notFound(what: phrase("mail"), id: id).said)
                    continue
                }
                let state = OutboxState(rawValue: row[0]) ?? .queued
                guard action.fromStates.contains(state) else {
                    problems.append(Said("Mail {id} is {state}; it cannot be {action} now.", ["id": String(id)],
                                         phrases: ["state": state.title, "action": action.pastTense]))
                    continue
                }
                switch action {
                case .retry, .release:
                    // An explicit retry outranks the expiry: the owner has decided it is still worth sending.
                    let expires: Int64? = row[1]
                    let extended = expires.map { max($0, now.unixSeconds + 86_400) }
                    try db.execute(sql: "UPDATE outbox SET expires_at = ? WHERE id = ?", arguments: [action == .retry ? extended : expires, id])
                    try writer.settle(id: id, state: .queued, reply: "\(action.pastTense) by \(actor)", now: now, next: now)
                case .hold:
                    try writer.settle(id: id, state: .held, reply: "held by \(actor)", now: now)
                case .cancel:
                    try writer.settle(id: id, state: .cancelled, reply: "cancelled by \(actor)", now: now)
                }
                try writer.logActivity(at: now, actor: actor, subjectType: "mail", subjectID: id, action: "mail \(action.rawValue)",
                                       detail: "was \(state.rawValue)")
            }
            // The owner searches right after acting; a handful of rows costs nothing to refresh.
            try writer.refreshMailSearch()
            return problems
        }
    }

    /// Mail in the given states (all when empty), newest first, at most `limit`.
    public func outboxMails(states: [OutboxState], limit: Int) throws -> [OutboxSummary] {
        try pool.read { db in
            let filter = states.isEmpty ? "" : "WHERE t.state IN (\(databaseQuestionMarks(count: states.count)))"
            let rows = try Row.fetchAll(db, sql: "\(ListSource.outbox.select) \(filter) ORDER BY t.created_at DESC, t.id DESC LIMIT ?",
                                        arguments: StatementArguments(states.map(\.rawValue) + [String(limit)]))
            return rows.map(ListSource.outbox.decode)
        }
    }

    /// Failed and deferred mail grouped by reply code, largest group first, for the Mail pane.
    public func outboxProblemGroups() throws -> [MailProblemGroup] {
        try pool.read { db in
            // The groups from the (state, reply_code) index alone, then each group's newest reply
            // by its id: reading the reply of every failed mail to keep the newest read the rows of
            // all of them (14,000 at 1M orders, 29 ms each time the Mail pane was shown).
            let reply = try db.cachedStatement(sql: "SELECT last_reply FROM outbox WHERE id = ?")
            return try Row.fetchAll(db, sql: """
                SELECT state, reply_code, count(*) AS n, max(id) FROM outbox
                WHERE state IN ('failed', 'deferred')
                GROUP BY state, reply_code ORDER BY n DESC, reply_code LIMIT 20
                """).map { group in
                let newest: Int64 = group[3]
                return MailProblemGroup(state: OutboxState(rawValue: group[0]) ?? .failed, code: group[1], count: group[2],
                                        example: try String.fetchOne(reply, arguments: [newest]) ?? "")
            }
        }
    }

    /// Marks a customer as unsubscribed from marketing mail (RFC 8058 one-click, or by hand).
    public func unsubscribe(customerID: Int64, now: Date) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE customers SET unsubscribed_at = coalesce(unsubscribed_at, ?) WHERE id = ?",
                           arguments: [now.unixSeconds, customerID])
        }
    }

    /// The addresses no mail goes to, with why.
    public func suppressedAddresses() throws -> [(address: String, reason: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT address, reason FROM suppressions ORDER BY created_at DESC").map { ($0[0], $0[1]) }
        }
    }
}

extension ShopWriter {
    /// Moves a mail to a new state, keeping its reply, reply code and lease in step. Its search text
    /// (which holds the state's name) is refreshed later, with others', by `refreshMailSearch`.
    func settle(id: Int64, state: OutboxState, reply: String, now: Date, next: Date? = nil) throws {
        try db.cachedStatement(sql: """
            UPDATE outbox SET state = ?, last_reply = ?, reply_code = ?, next_attempt_at = ?, lease_until = NULL,
                              lease_owner = NULL, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END
            WHERE id = ?
            """).execute(arguments: [state.rawValue, reply, MailReplyCode.of(reply), next?.unixSeconds, state.rawValue,
                                     now.unixSeconds, id])
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO outbox_search_stale(id) VALUES (?)").execute(arguments: [id])
    }

    /// Rewrites the search text of every mail noted as stale; returns how many.
    @discardableResult
    func refreshMailSearch() throws -> Int {
        let stale = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT s.id, o.state FROM outbox_search_stale s JOIN outbox o ON o.id = s.id
            """))
        for row in stale {
            try reindexMail(id: row[0], state: OutboxState(rawValue: row[1]) ?? .queued)
        }
        try db.execute(sql: "DELETE FROM outbox_search_stale")
        return stale.count
    }

    func reindexMail(id: Int64, state: OutboxState) throws {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT o.to_address, coalesce(c.name, ''), o.subject, o.kind FROM outbox o LEFT JOIN customers c ON c.id = o.customer_id
            WHERE o.id = ?
            """), arguments: [id])!
        try indexMail(id: id, toAddress: row[0], customerName: row[1], subject: row[2], kind: MailKind(rawValue: row[3]),
                      state: state)
    }
}
