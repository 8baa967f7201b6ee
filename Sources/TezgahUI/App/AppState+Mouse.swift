/// The mouse, when the owner turned it on (`[ui] mouse = true`): a click selects a tab or a row
/// (a click on the selected row opens its detail), the wheel moves three rows. Each becomes what
/// the keys would do, so nothing the mouse does is out of the keyboard's reach.
extension AppState {
    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        let steps = 3
        switch (mode, event) {
        case (.browsing, .wheelUp), (.browsing, .wheelDown):
            return (0..<steps).flatMap { _ in move(event == .wheelUp ? .up : .down) ?? [] }
        case let (.browsing, .click(x, y)):
            if y == 0 {
                guard let tab = AppView.tabs(self).first(where: { $0.columns.contains(x) }) else { return [] }
                return tab.pane == pane ? [] : show(tab.pane)
            }
            let list = layout.list
            let index = y - list.y - 1
            guard x >= list.x, x < list.x + list.width, index >= 0, index < min(current.window.rows.count, list.height - 1)
            else { return [] }
            if index == current.cursor {
                return detailShown == .closed ? showDetail(.open) : []
            }
            current.cursor = index
            return detailShownEffect()
        case (.customer(var view), .wheelUp), (.customer(var view), .wheelDown):
            for _ in 0..<steps { _ = view.move(event == .wheelUp ? .up : .down, rows: customerTimelineRows) }
            mode = .customer(view)
            return []
        case let (.customer(view), .click(_, y)):
            let index = view.top + y - 1 - CustomerView.headerLines
            guard index >= view.top, index < view.profile.timeline.count else { return [] }
            if index == view.cursor { return handleCustomerKey(.enter, view) }
            var moved = view
            moved.cursor = index
            mode = .customer(moved)
            return []
        case (.insight, .wheelUp), (.insight, .wheelDown):
            var effects: [Effect] = []
            for _ in 0..<steps {
                if case .insight(let now) = mode { effects += handleInsightKey(event == .wheelUp ? .up : .down, now) }
            }
            return effects
        case let (.insight(view), .click(_, y)):
            let first = 1 + InsightView.figureLines(view, width: width - 2, clock: clock).count + 1
            let index = view.top + y - first
            guard let report = view.report, y >= first, index < report.lapsing.count else { return [] }
            if index == view.cursor { return handleInsightKey(.enter, view) }
            var moved = view
            moved.cursor = index
            mode = .insight(moved)
            return []
        default:
            return []
        }
    }

    /// The selected row's detail, when it is open (a click moved the cursor).
    private func detailShownEffect() -> [Effect] {
        guard detailShown != .closed, let selected = current.selected else { return [] }
        return [.loadDetail(pane, id: selected.row.id)]
    }
}
