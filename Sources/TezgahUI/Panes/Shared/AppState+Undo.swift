import Tezgah

// `u` in Orders and Support: ask about the user's newest change there, then take it back.

extension AppState {
    mutating func undoFound(_ subject: UndoSubject, _ change: UndoableChange?) -> [Effect] {
        guard let change else {
            message = "Nothing of yours to undo."
            return []
        }
        mode = .confirming(Confirmation(question: "Undo “\(change.description)”? y/n", effect: .undoChange(subject, batch: change.batch)))
        return []
    }

    mutating func changeUndone(_ report: UndoReport) -> [Effect] {
        let count = report.restored.count
        var text = count == 0 ? "Nothing undone." : count == 1 ? "Undone." : "Undone on \(count) \(report.subject.noun(count))."
        if report.mailsCancelled > 0 { text += " \(report.mailsCancelled) queued mail\(report.mailsCancelled == 1 ? "" : "s") cancelled." }
        if report.mailsAlreadySent > 0 {
            text += " \(report.mailsAlreadySent) mail\(report.mailsAlreadySent == 1 ? " had" : "s had") already gone to the customer."
        }
        if let problem = report.problems.first { text += " " + problem }
        message = text
        switch report.subject {
        case .order: return refreshAfterChange(to: .orders, alsoStale: [.shipments, .mail])
        case .conversation: return refreshAfterChange(to: .support, alsoStale: [])
        case .invite: return refreshAfterChange(to: .reviews, alsoStale: [.mail]) + [.loadReviewFigures]
        }
    }
}
