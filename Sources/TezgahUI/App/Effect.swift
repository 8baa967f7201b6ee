import Foundation
import Tezgah

/// Where the cursor should land when a window arrives.
public enum CursorTarget: Equatable, Sendable {
    case index(Int)
    case last
    /// Stay on this row if it is in the window, else keep the index.
    case row(id: Int64, fallbackIndex: Int)
}

/// Work the reducer asks the runtime to do; results come back as actions. Effects are values, so
/// tests can assert what a key press asks for without a database.
public enum Effect: Equatable, Sendable {
    case loadWindow(Pane, WindowRequest, size: Int, filter: String, cursor: CursorTarget, generation: Int)
    case loadDetail(Pane, id: Int64)
    case loadCount(Pane, filter: String)
    /// Mail counts by state and failures grouped by reply code.
    case countMailStates
    /// Retry now, hold, release or cancel mails; the runtime logs it under the Unix user.
    case applyMailAction(MailQueueAction, ids: [Int64])
    case countShipmentsNeedingAttention(ShipmentAttentionRule, now: Date)
    /// Put text on the user's clipboard through the terminal (OSC 52), which works over SSH.
    case copyToClipboard(String)
    /// An owner's action on orders (status, hold, ship, cancel, refund, note, tags); the runtime
    /// writes it with the activity log and the customer mail it causes in one transaction.
    case applyOrderAction(OrderAction, ids: [Int64])
    /// Find what `u` would undo (the user's newest change to orders, or to conversations), to ask
    /// before undoing it.
    case findUndo(UndoSubject)
    case undoChange(UndoSubject, batch: Int64)
    /// Sends now, holds, releases, skips or records a review for invites; logged under the Unix user.
    case applyInviteAction(ReviewInviteAction, ids: [Int64])
    /// The Reviews pane's figures for its status line.
    case loadReviewFigures
    /// Makes the customers of these rows (orders, conversations) loyalty members (welcome points and mail).
    case joinLoyalty([CustomerSubject])
    /// Adds or takes away points by hand, with the reason; logged under the Unix user.
    case adjustPoints(Int64, reason: String, accountIDs: [Int64])
    /// Spends a member's points on a reward coupon.
    case redeemReward(accountID: Int64)
    case setBirthday(String, accountIDs: [Int64])
    /// Issues a gift voucher of this value, for the customer with this e-mail if one is named.
    case issueVoucher(Money, forEmail: String?)
    /// Takes an amount off a gift voucher; `reference` says what it paid for.
    case redeemVoucher(code: String, Money, reference: String)
    /// Records a return request ("2 KUPA-01: broken", "| reason" outside the window).
    case requestReturn(orderID: Int64, text: String)
    /// The order came from this member's referral code.
    case setReferral(orderID: Int64, code: String)
    /// As `requestReturn`, for the order a conversation is linked to.
    case requestReturnForConversation(conversationID: Int64, text: String)
    /// The order's open return's next step: approve, receive, refund, or reject with why.
    case advanceReturn(orderID: Int64, text: String)
    case loadLoyaltyFigures
    case loadSavedFilters(Pane)
    case saveFilter(Pane, name: String, query: String)
    case deleteFilter(Pane, name: String)
    /// Closes, marks pending, snoozes or notes conversations; logged under the Unix user.
    case applyConversationAction(ConversationAction, ids: [Int64])
    /// Opens the reply to a conversation in the owner's editor (starting from a saved reply when
    /// one is named), then sends what they wrote.
    case editReply(conversationID: Int64, savedReply: String? = nil)
    /// Starts a long job (an import) off the key path; its progress and end come back as actions.
    case startJob(Job)
    /// Asks the running job to stop; it ends as if it had never run.
    case stopJob
    /// The customer of a pane's row, with their timeline.
    case loadCustomer(CustomerSubject)
    /// The customers an e-mail address or name names (`:customer`).
    case findCustomers(String)
    /// A customer by id, reading up to `perKind` of each kind of event (more as the owner scrolls).
    case loadCustomerByID(Int64, perKind: Int = CustomerProfile.firstRead)
    /// The shop's figures over the last `days` days.
    case loadInsight(days: Int)
    /// Customers' e-mails starting so, for Tab on `:customer`.
    case completeCustomerEmail(String)
    /// Adds a `:` command to the user's history file.
    case rememberCommand(String)
    case quit
}

/// Work that takes longer than a key should wait for.
public enum Job: Equatable, Sendable {
    /// Imports an export file, as `tezgah import` does.
    case importFile(path: String)

    /// "Importing orders_export.csv".
    public var title: String {
        switch self {
        case .importFile(let path): "Importing \(path.split(separator: "/").last.map(String.init) ?? path)"
        }
    }
}
