import Foundation
import Tezgah

/// The shop's health at a glance, over the panes (`I`, `:insight`): sales, repeat buyers,
/// support's first response, reviews, CSAT, NPS and on-time delivery for 30, 90 or 365 days, and
/// the repeat customers lapsing, a list that opens each one's customer view.
public struct InsightView: Equatable, Sendable {
    public static let periods = [30, 90, 365]
    public var days = 30
    public var report: InsightReport?
    /// The selected lapsing customer, and the first one on screen.
    public var cursor = 0
    public var top = 0

    public init(days: Int = 30) {
        self.days = days
    }
}

extension AppState {
    mutating func openInsight() -> [Effect] {
        let view = InsightView()
        mode = .insight(view)
        return [.loadInsight(days: view.days)]
    }

    mutating func insightLoaded(_ report: InsightReport) -> [Effect] {
        guard case .insight(var view) = mode, view.days == report.days else { return [] }
        view.report = report
        view.cursor = min(view.cursor, max(0, report.lapsing.count - 1))
        view.top = min(view.top, view.cursor)
        mode = .insight(view)
        return []
    }

    mutating func handleInsightKey(_ key: Key, _ view: InsightView) -> [Effect] {
        var view = view
        let count = view.report?.lapsing.count ?? 0
        let rows = max(1, insightListRows(view))
        switch key {
        case .escape, .character("q"), .character("I"):
            mode = .browsing
            return []
        case .character("p"), .tab:
            let index = InsightView.periods.firstIndex(of: view.days) ?? 0
            view = InsightView(days: InsightView.periods[(index + 1) % InsightView.periods.count])
            mode = .insight(view)
            return [.loadInsight(days: view.days)]
        case .character("r"):
            return [.loadInsight(days: view.days)]
        case .down, .character("j"), .control("n"): view.cursor = min(view.cursor + 1, max(0, count - 1))
        case .up, .character("k"), .control("p"): view.cursor = max(view.cursor - 1, 0)
        case .home, .character("g"): view.cursor = 0
        case .end, .character("G"): view.cursor = max(0, count - 1)
        case .enter, .right, .character("l"), .character("C"):
            guard let customer = view.report?.lapsing[safe: view.cursor] else { return [] }
            customerOpenedFromInsight = view
            return [.loadCustomerByID(customer.id)]
        case .character("?"):
            message = say("p period (30/90/365 days) · j/k lapsing customers · Enter opens one · r reload · Esc closes")
            return []
        default:
            return []
        }
        if view.cursor < view.top { view.top = view.cursor }
        if view.cursor >= view.top + rows { view.top = view.cursor - rows + 1 }
        mode = .insight(view)
        return []
    }

    /// Rows the lapsing list has on screen under the figures.
    func insightListRows(_ view: InsightView) -> Int {
        height - 2 - InsightView.figureLines(view, width: width, clock: clock).count - 1
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
