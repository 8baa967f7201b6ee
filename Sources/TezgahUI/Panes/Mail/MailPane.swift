import Tezgah

extension PaneDefinition {
    /// The outbound mail queue: what waits, what failed and why.
    static let mail = PaneDefinition(
        title: "Mail", singular: "mail", plural: "mail",
        columns: [
            Column(title: "State", width: 10) { row, state in row.asMail.map { (state.say($0.state.title), $0.state.role) } ?? ("", .normal) },
            Column(title: "Kind", width: 14, dropOrder: 2) { row, state in (row.asMail.map { state.say($0.kind.title) } ?? "", .dim) },
            Column(title: "To", width: 14, flexible: true, maxWidth: 36) { row, _ in (row.asMail?.toAddress ?? "", .normal) },
            Column(title: "Subject", width: 14, flexible: true, maxWidth: 60, dropOrder: 3) { row, _ in (row.asMail?.subject ?? "", .normal) },
            Column(title: "Created", width: 12, dropOrder: 1) { row, state in (row.asMail.map { state.clock.short($0.createdAt) } ?? "", .dim) },
        ],
        keys: [
            KeyBinding([.character("r")], "retry now", commands: ["retry"]) { state, _ in state.applyToMail(.retry) },
            KeyBinding([.character("h")], "hold") { state, _ in state.applyToMail(.hold) },
            KeyBinding([.character("H")], "release") { state, _ in state.applyToMail(.release) },
            KeyBinding([.character("x")], "cancel (asks first)") { state, _ in state.confirmCancellingMail() },
            KeyBinding([.character("f")], "failures by reply", commands: ["failures"]) { state, _ in
                state.mode = .mailProblems
                return [.countMailStates]
            },
        ],
        hints: [StatusHint("r", "retry"), StatusHint("h", "hold"), StatusHint("x", "cancel"), StatusHint("f", "failures"),
                StatusHint("?", "help")])
}

extension AppState {
    /// Retry now, hold or release the marked mails, else the selected one.
    mutating func applyToMail(_ action: MailQueueAction) -> [Effect] {
        guard let (ids, _) = targets() else { return [] }
        return [.applyMailAction(action, ids: ids)]
    }

    mutating func confirmCancellingMail() -> [Effect] {
        guard let (ids, label) = targets() else { return [] }
        let address = ids.count == 1 ? current.selected?.row.asMail?.toAddress : nil
        let question = address.map { say("Cancel {target} to {address}? It will never be sent. y/n", ["target": label, "address": $0]) }
            ?? say("Cancel {target}? It will never be sent. y/n", ["target": label])
        mode = .confirming(Confirmation(question: question,
                                        effect: .applyMailAction(.cancel, ids: ids)))
        return []
    }
}
