import Tezgah

/// Things that happened: keys, terminal changes, and the results of effects.
public enum Action: Equatable, Sendable {
    case keyPressed(Key)
    case terminalResized(width: Int, height: Int)
    case windowLoaded(Pane, ListWindow<PaneItem>, cursor: CursorTarget, generation: Int)
    case detailLoaded(Pane, id: Int64, PaneDetail)
    case countLoaded(Pane, filter: String, CappedCount)
    case mailStatesCounted([OutboxState: Int], problems: [MailProblemGroup])
    /// An operator's mail action was carried out; `problems` has a sentence per mail it did not fit.
    case mailActionApplied(MailQueueAction, ids: [Int64], problems: [Said])
    case shipmentsNeedingAttentionCounted(Int)
    case orderActionApplied(OrderActionReport)
    case undoFound(UndoSubject, UndoableChange?)
    case changeUndone(UndoReport)
    /// An invite action was carried out on `changed` invites; a sentence for each it did not fit.
    case inviteActionApplied(ReviewInviteAction, changed: Int, problems: [Said])
    case reviewFiguresLoaded(ReviewFigures)
    /// A loyalty change was made; the sentence says what.
    case loyaltyChanged(String)
    case loyaltyFiguresLoaded(LoyaltyFigures)
    /// A return was requested or moved on; the sentence says what.
    case returnChanged(String)
    /// A pane's saved filters (after loading, saving or deleting one); `message` says what changed.
    case savedFiltersLoaded(Pane, [SavedFilter], message: String?)
    /// A pane's filter could not be read; the sentence says why.
    case filterFailed(Pane, filter: String, String)
    case effectFailed(String)
    /// Another process committed to the shop (the mail worker, an import); `isEmpty` says whether
    /// the shop still has no data. What shows is read again where it is.
    case shopChangedElsewhere(isEmpty: Bool)
    /// A conversation action was carried out on `count` conversations.
    case conversationActionApplied(ConversationAction, count: Int)
    /// The reply's editor closed; the sentence says whether it went (or why not).
    case replyFinished(String)
    /// The running job got on ("1.2 of 3.4 MB").
    case jobProgressed(String)
    /// The running job ended; the sentence says how (a summary, why it failed, or that it stopped).
    case jobFinished(String)
    /// The clock moved on (the runtime ticks it so "3h ago" stays true).
    case clockTicked(ShopClock)
    /// A customer's details and timeline, for the customer view.
    case customerLoaded(CustomerProfile)
    /// The customers `:customer` words name (one opens; several are listed).
    case customersFound(String, [Customer])
    case insightLoaded(InsightReport)
    /// What Tab on the `:` line can complete `partial` with, from the store.
    case completionsFound(partial: String, [String])
}
