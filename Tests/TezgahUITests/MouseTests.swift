import Foundation
import Testing
@testable import Tezgah
@testable import TezgahUI

/// The mouse, as the terminal reports it: a click on a tab switches pane, on a row selects it,
/// on the selected row opens its detail; the wheel moves three rows; each view takes them alike.
@Suite struct MouseTests {
    @Test func aClickOnATabSwitchesPane() {
        var state = Fixtures.ordersState(width: 120, height: 40)
        let mail = AppView.tabs(state).first { $0.pane == .mail }!
        let effects = state.reduce(.keyPressed(.mouse(.click(x: mail.columns.lowerBound + 1, y: 0))))
        #expect(state.pane == .mail && !effects.isEmpty)
        // Between two tabs is no tab.
        let gap = AppView.tabs(state)[0].columns.upperBound
        _ = state.reduce(.keyPressed(.mouse(.click(x: gap, y: 0))))
        #expect(state.pane == .mail)
    }

    @Test func aClickSelectsARowAndASecondOpensIt() {
        var state = Fixtures.ordersState(width: 80, height: 24)
        let list = state.layout.list
        #expect(state.reduce(.keyPressed(.mouse(.click(x: 10, y: list.y + 1 + 4)))) == [])
        #expect(state.current.cursor == 4 && state.detailShown == .closed)
        let effects = state.reduce(.keyPressed(.mouse(.click(x: 10, y: list.y + 1 + 4))))
        #expect(state.detailShown == .open && effects.contains { if case .loadDetail = $0 { true } else { false } })
        // The header row and below the rows select nothing.
        let before = state.current.cursor
        _ = state.reduce(.keyPressed(.mouse(.click(x: 10, y: list.y))))
        #expect(state.current.cursor == before)
    }

    @Test func theWheelMovesThreeRows() {
        var state = Fixtures.ordersState(width: 80, height: 24)
        _ = state.reduce(.keyPressed(.mouse(.wheelDown)))
        #expect(state.current.cursor == 3)
        _ = state.reduce(.keyPressed(.mouse(.wheelUp)))
        #expect(state.current.cursor == 0)
    }

    @Test func theCustomerViewTakesClicksAndTheWheel() {
        var state = Fixtures.ordersState(width: 80, height: 24)
        _ = state.reduce(.customerLoaded(CustomerAndInsightViewTests.profile()))
        _ = state.reduce(.keyPressed(.mouse(.wheelDown)))
        guard case .customer(let scrolled) = state.mode else { Issue.record("still the customer view"); return }
        #expect(scrolled.cursor == 3)
        // The third timeline row: below the tab bar and the header lines.
        _ = state.reduce(.keyPressed(.mouse(.click(x: 5, y: 1 + CustomerView.headerLines + 2))))
        guard case .customer(let clicked) = state.mode else { Issue.record("still the customer view"); return }
        #expect(clicked.cursor == 2)
        // Clicking it again opens the mail it is about, as Enter would.
        _ = state.reduce(.keyPressed(.mouse(.click(x: 5, y: 1 + CustomerView.headerLines + 2))))
        #expect(state.pane == .mail && state.current.filter == "id:501")
    }
}
