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

/// An operator's change to queued mail (`tezgah mail hold …`, the Mail pane's keys).
public enum MailQueueAction: String, CaseIterable, Sendable {
    case retry, hold, release, cancel

    /// The states the action applies to.
    public var fromStates: [OutboxState] {
        switch self {
        case .retry: [.queued, .deferred, .failed]
        case .hold: [.queued, .deferred]
        case .release: [.held]
        case .cancel: [.queued, .deferred, .held]
        }
    }

    public var pastTense: String {
        switch self {
        case .retry: "queued to go now"
        case .hold: "held"
        case .release: "released"
        case .cancel: "cancelled"
        }
    }
}
