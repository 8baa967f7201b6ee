import Foundation
import GRDB
import Testing
import Tezgah
@testable import TezgahStore
import TezgahTestSupport
import TezgahShopTestSupport
@testable import TezgahDelivery
@testable import TezgahMail

/// The outbox's promises, checked on a real SQLite file: leases, take-backs, dedupe, suppression,
/// the marketing cap and quiet hours, and the operator's actions.
@Suite struct QueueTests {
    let limits = MarketingLimits()

    /// The Mail pane's status line counts the states it is asked for, and the problem groups put
    /// failed or deferred mail together by reply code, largest first, each with its newest reply.
    @Test func problemGroupsShowTheNewestReplyAndCountsKeepToTheStatesAsked() throws {
        let shop = try OutboxFixture()
        var ids: [Int64] = []
        for index in 0..<7 { ids.append(try shop.enqueue(to: "g\(index)@example.com")) }
        func set(_ index: Int, _ state: String, _ code: String, _ reply: String) throws {
            try shop.database.pool.write { db in
                try db.execute(sql: "UPDATE outbox SET state = ?, reply_code = ?, last_reply = ? WHERE id = ?",
                               arguments: [state, code, reply, ids[index]])
            }
        }
        try set(0, "failed", "550 5.1.1", "550 5.1.1 <g0@example.com>: Recipient address rejected")
        try set(1, "deferred", "451 4.7.1", "451 4.7.1 Greylisted, try again later")
        try set(2, "failed", "550 5.1.1", "550 5.1.1 <g2@example.com>: Recipient address rejected")
        try set(3, "failed", "550 5.1.1", "550 5.1.1 <g3@example.com>: User unknown")
        try set(4, "sent", "250", "250 2.0.0 Ok")
        try set(5, "sent", "250", "250 2.0.0 Ok")
        #expect(try shop.database.outboxProblemGroups() == [
            MailProblemGroup(state: .failed, code: "550 5.1.1", count: 3, example: "550 5.1.1 <g3@example.com>: User unknown"),
            MailProblemGroup(state: .deferred, code: "451 4.7.1", count: 1, example: "451 4.7.1 Greylisted, try again later"),
        ])
        #expect(try shop.database.outboxCountsByState([.queued, .failed, .held]) == [.queued: 1, .failed: 3])
        #expect(try shop.database.outboxCountsByState() == [.queued: 1, .failed: 3, .deferred: 1, .sent: 2])
    }

    @Test func enqueueingTheSameDedupeKeyTwiceIsANoOp() throws {
        let shop = try OutboxFixture()
        let first = try shop.enqueue(to: "a@example.com", key: "shipped:1042")
        let second = try shop.enqueue(to: "a@example.com", key: "shipped:1042")
        #expect(first > 0)
        #expect(second == -1)
        #expect(try shop.database.outboxMails(states: [], limit: 10).count == 1)
    }

    @Test func twoWorkersNeverClaimTheSameRowAndOnlyTheHolderSettles() throws {
        let shop = try OutboxFixture()
        for index in 0..<6 { try shop.enqueue(to: "m\(index)@example.com") }
        var claimed: [Int64] = []
        for round in 0..<3 {
            for worker in ["host:1", "host:2"] {
                let mail = try #require(try shop.database.claimNextMail(now: shop.clock.now, worker: worker, lease: 600, limits: limits),
                                        "round \(round)")
                claimed.append(mail.id)
                #expect(mail.attempt == 1)
                // The other worker may not settle it.
                let other = worker == "host:1" ? "host:2" : "host:1"
                #expect(try shop.database.settleMail(id: mail.id, worker: other, outcome: .sent(reply: "250 ok"), now: shop.clock.now)
                        == .notClaimed)
            }
        }
        #expect(Set(claimed).count == 6)
        #expect(try shop.database.claimNextMail(now: shop.clock.now, worker: "host:3", lease: 600, limits: limits) == nil)
        #expect(try shop.database.outboxMails(states: [.sending], limit: 10).count == 6)
    }

    @Test func claimsFromManyThreadsAtOnceAreDistinct() async throws {
        let shop = try OutboxFixture()
        for index in 0..<40 { try shop.enqueue(to: "p\(index)@example.com") }
        let database = shop.database, now = shop.clock.now, limits = limits
        let ids = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var mine: [Int64] = []
                    while let mail = try database.claimNextMail(now: now, worker: "w:\(worker)", lease: 600, limits: limits) {
                        mine.append(mail.id)
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(ids.count == 40)
        #expect(Set(ids).count == 40)
    }

    @Test func anExpiredLeaseComesBackWithTheSameMessageID() throws {
        let shop = try OutboxFixture()
        let id = try shop.enqueue(to: "lease@example.com")
        let messageID = try shop.mail(id).messageID
        let first = try #require(try shop.database.claimNextMail(now: shop.clock.now, worker: "gone:1", lease: 600, limits: limits))
        #expect(try shop.database.takeBackLeases(now: shop.clock.now.addingTimeInterval(599)) == 0)
        shop.clock.advance(601)
        #expect(try shop.database.takeBackLeases(now: shop.clock.now) == 1)
        #expect(try shop.mail(id).summary.state == .deferred)
        #expect(try shop.mail(id).summary.lastReply.contains("gone:1"))
        let again = try #require(try shop.database.claimNextMail(now: shop.clock.now, worker: "new:2", lease: 600, limits: limits))
        #expect(again.id == first.id)
        #expect(again.attempt == 2)
        #expect(again.messageID == messageID)
        #expect(again.message == first.message)
        // The first worker, waking late, cannot overwrite the new claim.
        #expect(try shop.database.settleMail(id: id, worker: "gone:1", outcome: .failed(reply: "550", suppressAddress: true),
                                             now: shop.clock.now) == .notClaimed)
        #expect(try shop.database.settleMail(id: id, worker: "new:2", outcome: .sent(reply: "250 ok"), now: shop.clock.now) == .sent)
        #expect(try shop.database.suppressedAddresses().isEmpty)
    }

    @Test func aRestartedWorkerTakesBackTheRowsOfADeadProcessAtOnce() throws {
        let shop = try OutboxFixture()
        let id = try shop.enqueue(to: "crash@example.com")
        // A process that has exited: its pid names a worker that is certainly gone.
        var pid: pid_t = 0
        var arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, &arguments, nil) == 0)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        free(arguments[0])
        let host = ProcessInfo.processInfo.hostName.isEmpty ? "localhost" : ProcessInfo.processInfo.hostName
        _ = try #require(try shop.database.claimNextMail(now: shop.clock.now, worker: "\(host):\(pid)", lease: 600, limits: limits))
        let alive = "\(host):\(getpid() == 1 ? 2 : 1)"  // pid 1 always runs
        let other = try shop.enqueue(to: "alive@example.com")
        _ = try #require(try shop.database.claimNextMail(now: shop.clock.now, worker: alive, lease: 600, limits: limits))
        let worker = shop.worker(try shop.settings(.sendmail(command: ["/bin/true"])))
        #expect(try worker.takeBackFromStoppedWorkers() == 1)
        #expect(try shop.mail(id).summary.state == .deferred)
        #expect(try shop.mail(other).summary.state == .sending)
    }

    @Test func suppressedAndUnsubscribedAddressesAreNotSent() throws {
        let shop = try OutboxFixture()
        let bounced = try shop.enqueue(to: "bounced@example.com")
        let claimed = try #require(try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: limits))
        #expect(claimed.id == bounced)
        try shop.database.settleMail(id: bounced, worker: "w", outcome: .failed(reply: "550 5.1.1 user unknown", suppressAddress: true),
                                     now: shop.clock.now)
        // Any later mail to that address (any case) is suppressed, transactional or not.
        let later = try shop.enqueue(to: "Bounced@Example.com", key: "later")
        // An unsubscribed customer still gets order mail, but no marketing.
        let orderMail = try shop.enqueue(to: "optout@example.com", key: "order")
        let winBack = try shop.enqueue(to: "optout@example.com", kind: .winBack, key: "winback")
        let customer = try shop.database.read { try Int64.fetchOne($0, sql: "SELECT customer_id FROM outbox WHERE id = ?", arguments: [winBack]) }
        try shop.database.unsubscribe(customerID: try #require(customer), now: shop.clock.now)
        var claimedIDs: [Int64] = []
        while let mail = try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: limits) {
            claimedIDs.append(mail.id)
        }
        #expect(claimedIDs == [orderMail])
        #expect(try shop.mail(later).summary.state == .suppressed)
        #expect(try shop.mail(winBack).summary.state == .suppressed)
        #expect(try shop.mail(winBack).summary.lastReply.contains("unsubscribed"))
    }

    @Test func marketingWaitsForTheCapButOrderMailDoesNot() throws {
        let shop = try OutboxFixture()
        let first = try shop.enqueue(to: "cap@example.com", kind: .winBack, key: "m1")
        let claimed = try #require(try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: limits))
        #expect(claimed.id == first)
        try shop.database.settleMail(id: first, worker: "w", outcome: .sent(reply: "250 ok"), now: shop.clock.now)
        let sentAt = shop.clock.now
        shop.clock.advance(3600)
        let second = try shop.enqueue(to: "cap@example.com", kind: .reviewInvite, key: "m2")
        let order = try shop.enqueue(to: "cap@example.com", kind: .shipped, key: "o1")
        let next = try #require(try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: limits))
        #expect(next.id == order)
        #expect(try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: limits) == nil)
        // Postponed, not failed: due again a day after the first marketing mail.
        #expect(try shop.mail(second).summary.state == .queued)
        #expect(try shop.mail(second).summary.nextAttemptAt == sentAt.addingTimeInterval(86_400))
        shop.clock.now = sentAt.addingTimeInterval(86_400)
        #expect(try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: limits)?.id == second)
    }

    @Test func quietHoursPostponeMarketingToTheMorningAndExpiryWins() throws {
        let shop = try OutboxFixture()
        let istanbul = TimeZone(identifier: "Europe/Istanbul")!
        let quiet = MarketingLimits(quietHours: QuietHours(parsing: "21:00-09:00", timeZone: istanbul))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = istanbul
        shop.clock.now = calendar.date(from: DateComponents(year: 2026, month: 11, day: 23, hour: 23))!
        let invite = try shop.enqueue(to: "night@example.com", kind: .reviewInvite, key: "invite")
        let order = try shop.enqueue(to: "night@example.com", kind: .shipped, key: "shipped")
        #expect(try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: quiet)?.id == order)
        #expect(try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: quiet) == nil)
        let morning = calendar.date(from: DateComponents(year: 2026, month: 11, day: 24, hour: 9))!
        #expect(try shop.mail(invite).summary.nextAttemptAt == morning)
        // A birthday mail (one day's worth) whose whole life falls in quiet hours and beyond its expiry fails instead.
        let never = MarketingLimits(perDay: 0)
        let birthday = try shop.enqueue(to: "bday@example.com", kind: .birthday, key: "bday")
        #expect(try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: never) == nil)
        #expect(try shop.mail(birthday).summary.state == .failed)
        #expect(try shop.mail(birthday).summary.lastReply.hasPrefix("expired"))
    }

    @Test func operatorActionsApplyOnlyToFittingStatesAndAreLogged() throws {
        let shop = try OutboxFixture()
        let a = try shop.enqueue(to: "a@example.com", key: "a")
        let b = try shop.enqueue(to: "b@example.com", key: "b")
        #expect(try shop.database.apply(.hold, to: [a], actor: "ayse", now: shop.clock.now).isEmpty)
        #expect(try shop.mail(a).summary.state == .held)
        // Held mail is never claimed.
        #expect(try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: limits)?.id == b)
        try shop.database.settleMail(id: b, worker: "w", outcome: .sent(reply: "250 ok"), now: shop.clock.now)
        // Sent mail cannot be held, cancelled or retried; the sentence says why and nothing changes.
        let problems = try shop.database.apply(.cancel, to: [b, a, 9999], actor: "ayse", now: shop.clock.now)
        #expect(problems.map(\.english) == ["Mail \(b) is sent; it cannot be cancelled now.", "There is no mail with id 9999."])
        #expect(try shop.mail(b).summary.state == .sent)
        #expect(try shop.mail(a).summary.state == .cancelled)
        #expect(try shop.database.apply(.release, to: [a], actor: "ayse", now: shop.clock.now).map(\.english)
                == ["Mail \(a) is cancelled; it cannot be released now."])
        let log = try shop.database.read {
            try Row.fetchAll($0, sql: "SELECT actor, action, detail FROM activity_log WHERE subject_type = 'mail' ORDER BY id")
                .map { "\($0[0] as String) \($0[1] as String) \($0[2] as String)" }
        }
        #expect(log == ["ayse mail hold was queued", "ayse mail cancel was held"])
    }

    @Test func searchByStateFollowsTheWorkerInBatchesAndTheOwnerAtOnce() throws {
        let shop = try OutboxFixture()
        let a = try shop.enqueue(to: "a@example.com", key: "a")
        let b = try shop.enqueue(to: "b@example.com", key: "b")
        func found(_ word: String) throws -> [Int64] {
            try shop.database.window(.outbox, .top, size: 10, filter: word).rows.map(\.item.id).sorted()
        }
        #expect(try found("queued") == [a, b])
        _ = try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: limits)
        try shop.database.settleMail(id: a, worker: "w", outcome: .sent(reply: "250 ok"), now: shop.clock.now)
        // The worker's settle leaves the search text for a batch refresh…
        #expect(try found("sent").isEmpty)
        #expect(try shop.database.refreshMailSearch() == 1)
        #expect(try found("sent") == [a])
        #expect(try found("queued") == [b])
        // …and an owner's action is searchable at once.
        try shop.database.apply(.hold, to: [b], actor: "ayse", now: shop.clock.now)
        #expect(try found("held") == [b])
        #expect(try shop.database.refreshMailSearch() == 0)
    }

    @Test func retryRevivesAFailedMailPastItsExpiry() throws {
        let shop = try OutboxFixture()
        let id = try shop.enqueue(to: "late@example.com")
        _ = try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: limits)
        try shop.database.settleMail(id: id, worker: "w", outcome: .failed(reply: "554 5.7.1 policy", suppressAddress: false),
                                     now: shop.clock.now)
        shop.clock.advance(10 * 86_400)
        #expect(try shop.database.apply(.retry, to: [id], actor: "ayse", now: shop.clock.now).isEmpty)
        let mail = try #require(try shop.database.claimNextMail(now: shop.clock.now, worker: "w", lease: 600, limits: limits))
        #expect(mail.id == id)
        #expect(mail.attempt == 2)
    }
}

extension AppDatabase {
    /// Reads for tests that check rows the app has no query for.
    func read<T>(_ block: (Database) throws -> T) throws -> T { try pool.read(block) }
}
