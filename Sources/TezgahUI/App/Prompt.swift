import Tezgah

/// A line the user types into the status bar, and what Enter does with it.
public struct Prompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// A `:` command.
        case command
        case holdReason
        case note
        case addTag
        case removeTag
        /// A tracking number, optionally after the carrier's name (`yurtici 123456789012`).
        case ship
        /// An amount, or nothing for all that is left.
        case refund(currency: Currency)
        /// A private note on conversations.
        case conversationNote
        /// When a snoozed conversation comes back: `1h`, `tomorrow`, `monday`, or `reply`.
        case snooze
        /// The order a conversation is about, or nothing to untie it.
        case linkOrder
        /// The name of the saved reply to start the reply from.
        case savedReply
        /// Why an invite is skipped.
        case skipInvite
        /// A review recorded by hand: the rating 1–5, then the text.
        case recordReview
        /// Points to add or take away (`+50`, `-20`), then the reason.
        case adjustPoints
        /// A member's birthday, 1990-02-28.
        case birthday
        /// A gift voucher's value and, optionally, whom it is for.
        case voucher
        /// What comes back and why.
        case returnRequest
        /// The open return's next step.
        case returnStep
        /// A return for the order a conversation is about.
        case conversationReturn
        /// The referral code a customer named for an order.
        case referral
    }

    public var purpose: Purpose
    /// What the status bar shows before the typed text ("Hold order #1042 — reason: ").
    public var label: String
    public var text = ""
    /// Which earlier command ↑/↓ has put on the `:` line, if any.
    public var historyIndex: Int?
    /// The rows the answer applies to, fixed when the prompt opened.
    public var ids: [Int64]
    /// How those rows are named in questions and messages ("order #1042", "3 marked orders").
    public var targets: String

    public init(purpose: Purpose, label: String, ids: [Int64], targets: String) {
        self.purpose = purpose
        self.label = label
        self.ids = ids
        self.targets = targets
    }
}
