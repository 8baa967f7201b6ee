import Foundation
import Tezgah

/// A mail the worker has claimed under a lease: everything it needs to deliver it, frozen at enqueue.
public struct ClaimedMail: Sendable, Equatable {
    public var id: Int64
    public var kind: MailKind
    public var toAddress: String
    public var messageID: String
    /// The rendered message exactly as queued (CRLF line ends).
    public var message: Data
    /// Attempts including this one.
    public var attempt: Int
}

/// What settling a claimed mail did to its row.
public enum MailSettlement: Equatable, Sendable {
    case sent
    case deferred(until: Date)
    case failed
    /// The row was no longer ours (its lease had been taken back); nothing was changed.
    case notClaimed
}
