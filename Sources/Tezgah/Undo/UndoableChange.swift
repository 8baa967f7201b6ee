/// What `u` takes back in a pane: the user's own newest change to orders, or to conversations.
public enum UndoSubject: String, Equatable, Sendable {
    /// The raw values are the activity log's subject types.
    case order, conversation
    case invite = "review_invite"

    /// "order", "orders".
    public func noun(_ count: Int) -> String {
        let one = self == .invite ? "invite" : rawValue
        return count == 1 ? one : one + "s"
    }
}

/// The last change a user can take back, described before it is undone.
public struct UndoableChange: Equatable, Sendable {
    public var subject: UndoSubject
    public var batch: Int64
    /// "marked preparing on order #1042", "closed on 3 conversations (#12, #14, #15)".
    public var description: String

    public init(subject: UndoSubject, batch: Int64, description: String) {
        self.subject = subject
        self.batch = batch
        self.description = description
    }
}

/// What an undo did.
public struct UndoReport: Equatable, Sendable {
    public var subject: UndoSubject
    public var restored: [Int64]
    /// One sentence per row left as it is (changed since, or an order's parcel already moving).
    public var problems: [Said]
    /// Queued customer mail that was cancelled with the change, and mail that had already gone.
    public var mailsCancelled: Int
    public var mailsAlreadySent: Int

    public init(subject: UndoSubject, restored: [Int64] = [], problems: [Said] = [], mailsCancelled: Int = 0, mailsAlreadySent: Int = 0) {
        self.subject = subject
        self.restored = restored
        self.problems = problems
        self.mailsCancelled = mailsCancelled
        self.mailsAlreadySent = mailsAlreadySent
    }
}
