import Foundation

/// What an order action did: which orders changed, which could not, and the mail it queued.
public struct OrderActionReport: Equatable, Sendable {
    public var action: OrderAction
    public var changed: [Int64]
    /// One sentence per order the action did not fit; those orders are unchanged.
    public var problems: [Said]
    public var mailsQueued: Int
    /// Set when a customer should have been told but no mail could be queued (no `[mail]` in the
    /// config, a customer without an address or with one no mail can go to): the first such
    /// sentence, and how many orders in all went without their mail.
    public var mailNotice: Said?
    public var ordersUnmailed = 0

    public init(action: OrderAction, changed: [Int64], problems: [Said], mailsQueued: Int, mailNotice: Said? = nil) {
        self.action = action
        self.changed = changed
        self.problems = problems
        self.mailsQueued = mailsQueued
        self.mailNotice = mailNotice
    }

    /// Records that one order's customer was not told, and why.
    public mutating func noteUnmailed(_ sentence: Said) {
        if mailNotice == nil { mailNotice = sentence }
        ordersUnmailed += 1
    }
}
