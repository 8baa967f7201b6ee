import Tezgah

extension PaneDefinition {
    /// Review invites waiting to go out, deferred or sent.
    static let reviews = PaneDefinition(
        title: "Reviews", singular: "invite", plural: "invites",
        columns: [
            Column(title: "Order", width: 8) { row, _ in (row.asReview?.orderNumber ?? "", .accent) },
            Column(title: "Customer", width: 12, flexible: true) { row, _ in (row.asReview?.customerName ?? "", .normal) },
            Column(title: "State", width: 9) { row, _ in row.asReview.map { ($0.state.title, $0.state.role) } ?? ("", .normal) },
            Column(title: "Due", width: 12) { row, state in (row.asReview.map { state.clock.short($0.dueAt) } ?? "", .dim) },
            Column(title: "Why", width: 20, dropOrder: 1) { row, _ in (row.asReview?.reason ?? "", .warning) },
        ],
        keys: [
            KeyBinding([.character("o")], "open the order", commands: ["order"]) { state, _ in
                guard let invite = state.current.selected?.row.asReview else { return [] }
                return state.openOrder(number: invite.orderNumber)
            },
        ])
}

extension AppState {
    /// Shows one order, by its number, in the Orders pane with its detail open: the way from an
    /// invite (or, later, a conversation) to the order it is about. `0` there returns to the queue.
    mutating func openOrder(number: String) -> [Effect] {
        let effects = show(.orders)
        let digits = number.filter(\.isNumber)
        guard !digits.isEmpty else { return effects }
        detailShown = detailShown == .closed ? .open : detailShown
        message = "Order \(number); 0 goes back to the queue."
        return effects.filter { if case .loadWindow = $0 { false } else { true } } + setFilter(digits)
    }
}
