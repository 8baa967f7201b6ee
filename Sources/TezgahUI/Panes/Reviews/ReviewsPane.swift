import Tezgah

extension PaneDefinition {
    /// Review invites: planned, deferred with the reason, sent and reviewed. The automation engine
    /// sends them; these keys let the owner steer one.
    static let reviews = PaneDefinition(
        title: "Reviews", singular: "invite", plural: "invites",
        columns: [
            Column(title: "Order", width: 8) { row, _ in (row.asReview?.orderNumber ?? "", .accent) },
            Column(title: "Customer", width: 12, flexible: true, maxWidth: 28) { row, _ in (row.asReview?.customerName ?? "", .normal) },
            Column(title: "State", width: 9) { row, state in row.asReview.map { (state.say($0.state.title), $0.state.role) } ?? ("", .normal) },
            Column(title: "Due", width: 12) { row, state in (row.asReview.map { state.clock.short($0.dueAt) } ?? "", .dim) },
            Column(title: "Why", width: 20, flexible: true, dropOrder: 1) { row, state in (state.language.sayKept(row.asReview?.reason ?? ""), .warning) },
        ],
        keys: [
            KeyBinding([.character("s")], "send now", commands: ["send"]) { state, _ in state.applyToInvites(.sendNow) },
            KeyBinding([.character("h")], "hold / release", commands: ["hold", "release"]) { state, _ in
                state.applyToInvites(state.current.selected?.row.asReview?.state == .held ? .release : .hold)
            },
            KeyBinding([.character("x")], "skip, with a reason", commands: ["skip"]) { state, _ in
                state.askAboutTargets(.skipInvite, phrase("Skip the invite for {target} — reason: "))
            },
            KeyBinding([.character("R")], "record a review (rating and text)", commands: ["review"]) { state, _ in
                state.askAboutTargets(.recordReview, phrase("Review of {target} — rating 1–5, then the text: "))
            },
            KeyBinding([.character("u")], "undo my last change", commands: ["undo"]) { _, _ in [.findUndo(.invite)] },
            KeyBinding([.character("o")], "open the order", commands: ["order"]) { state, _ in
                guard let invite = state.current.selected?.row.asReview else { return [] }
                return state.openOrder(number: invite.orderNumber)
            },
        ],
        hints: [StatusHint("s", "send"), StatusHint("h", "hold"), StatusHint("x", "skip"), StatusHint("?", "help")])
}

extension AppState {
    mutating func applyToInvites(_ action: ReviewInviteAction) -> [Effect] {
        guard let (ids, _) = targets() else { return [] }
        return [.applyInviteAction(action, ids: ids)]
    }

    /// Enter in a Reviews prompt: the skip's reason, or the review typed by hand.
    mutating func submitReviewsPrompt(_ prompt: Prompt) -> [Effect] {
        let text = prompt.text.trimmingCharacters(in: .whitespaces)
        if prompt.purpose == .skipInvite {
            guard !text.isEmpty else {
                message = say("Say why it is skipped, or Esc to leave {target} as it is.", ["target": prompt.targets])
                return []
            }
            mode = .browsing
            return [.applyInviteAction(.skip(reason: text), ids: prompt.ids)]
        }
        guard let review = ReviewInviteAction.review(from: text) else {
            message = say("Start with the rating, 1 to 5, then the text: “5 Lovely mug, fast delivery”.")
            return []
        }
        mode = .browsing
        return [.applyInviteAction(review, ids: prompt.ids)]
    }

    /// Shows one order, by its number, in the Orders pane with its detail open: the way from an
    /// invite (or, later, a conversation) to the order it is about. `0` there returns to the queue.
    mutating func openOrder(number: String) -> [Effect] {
        let effects = show(.orders)
        let digits = number.filter(\.isNumber)
        guard !digits.isEmpty else { return effects }
        detailShown = detailShown == .closed ? .open : detailShown
        message = say("Order {number}; 0 goes back to the queue.", ["number": number])
        return effects.filter { if case .loadWindow = $0 { false } else { true } } + setFilter(digits)
    }
}
