import Tezgah

// `u` in Orders and Support: ask about the user's newest change there, then take it back.

extension AppState {
    mutating func undoFound(_ subject: UndoSubject, _ change: UndoableChange?) -> [Effect] {
        guard let change else {
            message = say("Nothing of yours to undo.")
            return []
        }
        mode = .confirming(Confirmation(question: say("Undo “{change}”? y/n", ["change": change.description]), effect: .undoChange(subject, batch: change.batch)))
        return []
    }

    mutating func changeUndone(_ report: UndoReport) -> [Effect] {
        let count = report.restored.count
        var text = count == 0 ? say("Nothing undone.") : count == 1 ? say("Undone.")
            : say("Undone on {count} {rows}.", ["count": count.grouped(in: language), "rows": say(report.subject.noun(count))])
        if report.mailsCancelled > 0 {
            text += " " + (report.mailsCancelled == 1 ? say("1 queued mail cancelled.")
                : say("{count} queued mails cancelled.", ["count": report.mailsCancelled.grouped(in: language)]))
        }
        if report.mailsAlreadySent > 0 {
            text += " " + (report.mailsAlreadySent == 1 ? say("1 mail had already gone to the customer.")
                : say("{count} mails had already gone to the customer.", ["count": report.mailsAlreadySent.grouped(in: language)]))
        }
        if let problem = report.problems.first { text += " " + say(problem) }
        message = text
        switch report.subject {
        case .order: return refreshAfterChange(to: .orders, alsoStale: [.shipments, .mail])
        case .conversation: return refreshAfterChange(to: .support, alsoStale: [.mail])
        case .invite: return refreshAfterChange(to: .reviews, alsoStale: [.mail]) + [.loadReviewFigures]
        }
    }
}
