import Foundation

public struct ReviewInviteSummary: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var orderNumber: String
    public var customerName: String
    public var state: ReviewInviteState
    public var dueAt: Date
    public var sentAt: Date?
    public var reminderAt: Date?
    /// Why the invite is deferred or held, when it is.
    public var reason: String
    /// The review, when one was recorded ("5★ Harika bir kupa"); read for the detail only.
    public var review: String?
    /// What the automation and the owner did with it, oldest first; read for the detail only.
    public var activity: [ActivityEntry] = []

    public init(id: Int64, orderNumber: String, customerName: String, state: ReviewInviteState, dueAt: Date,
                sentAt: Date?, reminderAt: Date?, reason: String) {
        self.id = id
        self.orderNumber = orderNumber
        self.customerName = customerName
        self.state = state
        self.dueAt = dueAt
        self.sentAt = sentAt
        self.reminderAt = reminderAt
        self.reason = reason
    }
}
