import Foundation

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

/// Failed or deferred mail sharing one reply code, for "what is going wrong" at a glance.
public struct MailProblemGroup: Hashable, Sendable {
    public var state: OutboxState
    /// `550 5.1.1`, `451`, or the words of a non-SMTP reply ("connection lost").
    public var code: String
    public var count: Int
    /// The most recent reply in the group, in the server's words.
    public var example: String

    public init(state: OutboxState, code: String, count: Int, example: String) {
        self.state = state
        self.code = code
        self.count = count
        self.example = example
    }
}
