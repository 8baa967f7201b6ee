import Foundation
import Tezgah

extension AppView {
    static func drawInsight(_ buffer: inout Buffer, _ state: AppState, _ view: InsightView) {
        let width = state.width - 2
        buffer.fill(x: 0, y: 1, width: state.width, height: state.height - 2, role: .normal)
        let figures = InsightView.figureLines(view, width: width, clock: state.clock)
        for (index, line) in figures.prefix(state.height - 2).enumerated() {
            buffer.put(line, x: 1, y: 1 + index, width: width)
        }
        guard let report = view.report else { return }
        let y = 1 + figures.count
        guard y < state.height - 1 else { return }
        let title = state.say("Lapsing · {count} bought twice or more, none in {days} days", [
            "count": report.lapsingCount.grouped(in: state.language), "days": String(report.churnDays)]) + " "
        buffer.put(StyledLine([("── ", .border), (title, .header),
                               (String(repeating: "─", count: max(0, width - DisplayWidth.of(title) - 4)), .border)]),
                   x: 1, y: y, width: width)
        let rows = state.insightListRows(view)
        if report.lapsing.isEmpty, rows > 0 {
            buffer.put(state.say("Nobody is lapsing."), x: 1, y: y + 1, maxWidth: width, role: .good)
        }
        for index in view.top..<min(report.lapsing.count, view.top + max(0, rows)) {
            let customer = report.lapsing[index]
            let row = y + 1 + index - view.top
            let selected = index == view.cursor
            if selected { buffer.put("▸", x: 0, y: row, role: .selected) }
            let orders = state.say("{count} orders", ["count": customer.orders.grouped(in: state.language)])
            let last = state.say("last {day}", ["day": state.clock.day(customer.lastOrderAt).trimmingCharacters(in: .whitespaces)])
            let fixed = 10 + 12 + 2
            let nameWidth = max(8, (width - fixed) / 2)
            var x = 1
            x += buffer.put(TextFitting.pad(customer.name, to: nameWidth), x: x, y: row, role: selected ? .selected : .normal) + 1
            x += buffer.put(TextFitting.pad(orders, to: 10), x: x, y: row, role: .money) + 1
            x += buffer.put(TextFitting.pad(last, to: 12), x: x, y: row, role: .dim) + 1
            buffer.put(customer.email, x: x, y: row, maxWidth: state.width - x - 1, role: .dim)
        }
    }
}
