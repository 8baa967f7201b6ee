import Foundation
import Tezgah
import TezgahStore
import TezgahMail

/// Drains the outbox: claims due mail under a lease, hands it to the transport, records the
/// outcome, and goes on until nothing is due. Every outcome is committed, so a worker killed at any
/// instant loses nothing: at worst the mail in flight goes again, with the same Message-ID.
public final class DeliveryWorker {
    public struct Tally: Equatable, Sendable {
        public var sent = 0
        public var deferred = 0
        public var failed = 0
        public var total: Int { sent + deferred + failed }
    }

    private let database: AppDatabase
    /// One per lane; deliveries on different lanes run side by side.
    private let transports: [MailTransport]
    private let settings: MailSettings
    private let clock: @Sendable () -> Date
    private let log: (String) -> Void
    /// `host:pid`, written on each claimed row so a restarted worker can tell its dead predecessors.
    public let identity: String

    public init(database: AppDatabase, settings: MailSettings, transport: MailTransport? = nil, identity: String? = nil,
                clock: @escaping @Sendable () -> Date = Date.init, log: @escaping (String) -> Void = { _ in }) {
        self.database = database
        self.settings = settings
        self.transports = transport.map { [$0] } ?? (0..<settings.lanes).map { _ in settings.makeTransport() }
        self.clock = clock
        self.log = log
        self.identity = identity ?? "\(Self.hostName):\(getpid())"
    }

    private static var hostName: String {
        let name = ProcessInfo.processInfo.hostName
        return name.isEmpty ? "localhost" : name
    }

    /// Takes back the rows of workers on this host that no longer run (and of any whose lease ran
    /// out), so a restart after a crash resumes at once instead of waiting out the lease.
    @discardableResult
    public func takeBackFromStoppedWorkers() throws -> Int {
        let prefix = Self.hostName + ":"
        let dead = try database.leaseOwners().filter { owner in
            guard owner.hasPrefix(prefix), let pid = pid_t(owner.dropFirst(prefix.count)), pid != getpid() else { return false }
            return kill(pid, 0) != 0 && errno == ESRCH
        }
        let taken = try database.takeBackLeases(now: clock(), owners: dead)
        if taken > 0 { log("took back \(taken) mail(s) from stopped workers") }
        return taken
    }

    /// How many settled mails may wait for their search text to follow (see `refreshMailSearch`).
    static let searchRefreshInterval = 250

    /// Sends everything due now, then ends the transports' sessions.
    ///
    /// Each lane (a transport with its own session, see `SMTPSettings.connections`) holds one mail
    /// ahead: while its mail N is with the server, N+1 already waits at the lane's courier, so the
    /// lane goes on the moment N is answered, and meanwhile the worker records how N went and claims
    /// the lane's next mail in one commit. Every outcome is committed before the worker reads
    /// further, so a crash can repeat, per lane, only N (answered, not yet recorded) and N+1 (in
    /// flight); what is claimed but untouched simply comes back after the restart.
    @discardableResult
    public func drain(stopRequested: () -> Bool = { false }) throws -> Tally {
        var tally = Tally(), settled = 0, underway = 0
        let returns = DeliveryReturns()
        let couriers = transports.enumerated().map { Courier(transport: $1, lane: $0, returns: returns) }
        let sender = settings.from.address
        defer {
            // A transport is its courier's until every delivery handed to it has come back.
            while underway > 0 { _ = returns.next(); underway -= 1 }
            for transport in transports { transport.finish() }
        }
        func claim() throws -> ClaimedMail? {
            stopRequested() ? nil
                : try database.claimNextMail(now: clock(), worker: identity, lease: settings.lease, limits: settings.marketing)
        }
        // One mail per lane first, so a short queue is spread over the lanes; then one behind each.
        filling: for _ in 0..<2 {
            for courier in couriers {
                guard let mail = try claim() else { break filling }
                courier.start(mail, sender: sender)
                underway += 1
            }
        }
        // The lanes no session has been refused to in this drain. A relay that allows fewer
        // sessions than `connections` refuses the extra ones: their mail goes on a lane that still
        // works instead of waiting out a retry delay, and the refused lane rests until the next
        // drain. Only when no lane is left is a refusal recorded, as a deferral.
        var working = couriers
        while underway > 0 {
            let finished = returns.next()
            underway -= 1
            if finished.foundNoSession, working.contains(where: { $0 === finished.courier }) {
                working.removeAll { $0 === finished.courier }
                if !working.isEmpty { log("a session was refused (\(finished.outcome.reply)); going on with \(working.count)") }
            }
            if finished.foundNoSession, !stopRequested(), let other = working.first {
                other.start(finished.mail, sender: sender)
                underway += 1
                continue
            }
            let settlement: MailSettlement
            if stopRequested() {
                settlement = try database.settleMail(id: finished.mail.id, worker: identity, outcome: finished.outcome, now: clock())
            } else {
                let next: ClaimedMail?
                (settlement, next) = try database.settleMailAndClaimNext(
                    id: finished.mail.id, worker: identity, outcome: finished.outcome, now: clock(), lease: settings.lease,
                    limits: settings.marketing)
                if let next {
                    // A rested lane's next mail goes on a working one (or, with none left, still
                    // on its own, to be deferred like the rest).
                    let lane = working.contains { $0 === finished.courier } ? finished.courier : working.first ?? finished.courier
                    lane.start(next, sender: sender)
                    underway += 1
                }
            }
            record(settlement, of: finished.mail, outcome: finished.outcome, in: &tally)
            settled += 1
            if settled % Self.searchRefreshInterval == 0 { try database.refreshMailSearch() }
        }
        try database.refreshMailSearch()
        return tally
    }

    private func record(_ settlement: MailSettlement, of mail: ClaimedMail, outcome: MailDeliveryOutcome, in tally: inout Tally) {
        switch settlement {
        case .sent: tally.sent += 1
        case .deferred(let until): tally.deferred += 1; log("mail \(mail.id) to \(mail.toAddress) deferred until \(until): \(outcome.reply)")
        case .failed: tally.failed += 1; log("mail \(mail.id) to \(mail.toAddress) failed: \(outcome.reply)")
        case .notClaimed: log("mail \(mail.id) was taken back by another worker before its outcome was recorded")
        }
    }

    /// The long-running worker: drains, sleeps for the poll interval, and again, until asked to stop.
    public func run(stopRequested: () -> Bool) throws {
        try takeBackFromStoppedWorkers()
        while !stopRequested() {
            let tally = try drain(stopRequested: stopRequested)
            if tally.total > 0 { log("sent \(tally.sent), deferred \(tally.deferred), failed \(tally.failed)") }
            // Leases of workers on other hosts (or hung ones) come back once they run out.
            try database.takeBackLeases(now: clock())
            let wake = Date().addingTimeInterval(settings.pollInterval)
            while !stopRequested() && Date() < wake { usleep(100_000) }
        }
    }
}
