import Tezgah

/// What an action on a pane applies to: the marked rows, else the selected one.
extension AppState {
    /// The rows an action applies to: the marked ones, else the selected one; with how to name them.
    func targets() -> (ids: [Int64], label: String)? {
        let marked = current.marked
        if !marked.isEmpty {
            let ids = marked.keys.sorted()
            return (ids, ids.count == 1 ? "\(say(pane.noun(1))) \(marked[ids[0]]!)"
                : say("{count} marked {rows}", ["count": ids.count.grouped(in: language), "rows": say(pane.noun(ids.count))]))
        }
        guard let selected = current.selected else { return nil }
        return ([selected.row.id], "\(say(pane.noun(1))) \(selected.row.label)")
    }

    /// Asks in the status bar for what an action on the marked rows (else the selected one) needs:
    /// a reason, a note, a tag, a snooze's end. Enter submits it.
    /// A prompt about the one selected row (a return is about one order at a time).
    /// `question` is a phrase (`phrase("Hold {target} — reason: ")`), said with the rows' name.
    mutating func askAboutSelectedOrder(_ purpose: Prompt.Purpose, _ question: String) -> [Effect] {
        guard let row = current.selected?.row else { return [] }
        mode = .prompting(Prompt(purpose: purpose, label: say(question, ["target": row.label]), ids: [row.id], targets: row.label))
        return []
    }

    mutating func askAboutTargets(_ purpose: Prompt.Purpose, _ question: String) -> [Effect] {
        guard let (ids, label) = targets() else { return [] }
        mode = .prompting(Prompt(purpose: purpose, label: say(question, ["target": label]), ids: ids, targets: label))
        return []
    }
}
