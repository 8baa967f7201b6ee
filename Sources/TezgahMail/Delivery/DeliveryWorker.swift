import Foundation
import Tezgah
import TezgahStore

/// Drains the outbox: claims one due mail under a lease, hands it to the transport, records the
/// outcome, and goes on until nothing is due. Each step is its own transaction, so a worker killed
/// at any instant loses nothing: at worst the one mail in flight goes again, with the same Message-ID.
public final class DeliveryWorker {
    public struct Tally: Equatable, Sendable {
        public var sent = 0
        public var deferred = 0
        public var failed = 0
        public var total: Int { sent + deferred + failed }
    }

    private let database: AppDatabase
    private let transport: MailTransport
    private let settings: MailSettings
    private let clock: @Sendable () -> Date
    private let log: (String) -> Void
    /// `host:pid`, written on each claimed row so a restarted worker can tell its dead predecessors.
    public let identity: String

    public init(database: AppDatabase, settings: MailSettings, transport: MailTransport? = nil, identity: String? = nil,
                clock: @escaping @Sendable () -> Date = Date.init, log: @escaping (String) -> Void = { _ in }) {
        self.database = database
        self.settings = settings
        self.transport = transport ?? settings.makeTransport()
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

    /// Sends everything due now, then ends the transport's session.
    @discardableResult
    public func drain(stopRequested: () -> Bool = { false }) throws -> Tally {
        var tally = Tally()
        defer { transport.finish() }
        var next = stopRequested() ? nil
            : try database.claimNextMail(now: clock(), worker: identity, lease: settings.lease, limits: settings.marketing)
        while let mail = next {
            let outcome = transport.deliver(message: mail.message, sender: settings.from.address, recipient: mail.toAddress)
            let settlement: MailSettlement
            if stopRequested() {
                settlement = try database.settleMail(id: mail.id, worker: identity, outcome: outcome, now: clock())
                next = nil
            } else {
                (settlement, next) = try database.settleMailAndClaimNext(id: mail.id, worker: identity, outcome: outcome, now: clock(),
                                                                         lease: settings.lease, limits: settings.marketing)
            }
            switch settlement {
            case .sent: tally.sent += 1
            case .deferred(let until): tally.deferred += 1; log("mail \(mail.id) to \(mail.toAddress) deferred until \(until): \(outcome.reply)")
            case .failed: tally.failed += 1; log("mail \(mail.id) to \(mail.toAddress) failed: \(outcome.reply)")
            case .notClaimed: log("mail \(mail.id) was taken back by another worker before its outcome was recorded")
            }
        }
        return tally
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
