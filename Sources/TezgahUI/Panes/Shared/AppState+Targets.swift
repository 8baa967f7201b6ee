import Tezgah

/// What an action on a pane applies to: the marked rows, else the selected one.
extension AppState {
    /// The rows an action applies to: the marked ones, else the selected one; with how to name them.
    func targets() -> (ids: [Int64], label: String)? {
        let marked = current.marked
        if !marked.isEmpty {
            let ids = marked.keys.sorted()
            return (ids, ids.count == 1 ? "\(pane.noun(1)) \(marked[ids[0]]!)" : "\(ids.count) marked \(pane.noun(ids.count))")
        }
        guard let selected = current.selected else { return nil }
        return ([selected.row.id], "\(pane.noun(1)) \(selected.row.label)")
    }

    /// Asks in the status bar for what an action on the marked rows (else the selected one) needs:
    /// a reason, a note, a tag, a snooze's end. Enter submits it.
    /// A prompt about the one selected row (a return is about one order at a time).
    mutating func askAboutSelectedOrder(_ purpose: Prompt.Purpose, _ question: (String) -> String) -> [Effect] {
        guard let row = current.selected?.row else { return [] }
        mode = .prompting(Prompt(purpose: purpose, label: question(row.label), ids: [row.id], targets: row.label))
        return []
    }

    mutating func askAboutTargets(_ purpose: Prompt.Purpose, _ question: (String) -> String) -> [Effect] {
        guard let (ids, label) = targets() else { return [] }
        mode = .prompting(Prompt(purpose: purpose, label: question(label), ids: ids, targets: label))
        return []
    }
}
