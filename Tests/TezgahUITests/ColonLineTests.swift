import Foundation
import Testing
@testable import Tezgah
@testable import TezgahUI

/// The `:` line: Tab completes as a shell does, ↑/↓ walk the commands typed before.
@Suite struct ColonLineTests {
    static func typing(_ text: String, into state: inout AppState) {
        _ = state.reduce(.keyPressed(.character(":")))
        for character in text { _ = state.reduce(.keyPressed(.character(character))) }
    }

    static func line(_ state: AppState) -> String? {
        if case .prompting(let prompt) = state.mode { prompt.text } else { nil }
    }

    @Test func tabCompletesCommandsPanesFiltersAndCarriers() {
        var state = Fixtures.ordersState()
        Self.typing("insi", into: &state)
        _ = state.reduce(.keyPressed(.tab))
        #expect(Self.line(state) == "insight ")
        _ = state.reduce(.keyPressed(.escape))

        Self.typing("sh", into: &state)
        _ = state.reduce(.keyPressed(.tab))
        #expect(Self.line(state) == "ship", "as far as ship and shipments agree")
        #expect(state.message?.contains("shipments") == true && state.message?.contains("ship ") == true)
        _ = state.reduce(.keyPressed(.escape))

        Self.typing("ship yurt", into: &state)
        _ = state.reduce(.keyPressed(.tab))
        #expect(Self.line(state) == "ship yurtici ")
        _ = state.reduce(.keyPressed(.escape))

        state.panes[.orders]!.savedFilters = [SavedFilter(name: "kargo-bekleyen", query: "status:preparing")]
        Self.typing("filter kar", into: &state)
        _ = state.reduce(.keyPressed(.tab))
        #expect(Self.line(state) == "filter kargo-bekleyen ")
        _ = state.reduce(.keyPressed(.escape))

        Self.typing("zzz", into: &state)
        _ = state.reduce(.keyPressed(.tab))
        #expect(Self.line(state) == "zzz" && state.message?.contains("Nothing to complete") == true)
    }

    @Test func customersEMailsComeFromTheStore() {
        var state = Fixtures.ordersState()
        Self.typing("customer ay", into: &state)
        #expect(state.reduce(.keyPressed(.tab)) == [.completeCustomerEmail("ay")])
        _ = state.reduce(.completionsFound(partial: "ay", ["ayse@example.com.tr"]))
        #expect(Self.line(state) == "customer ayse@example.com.tr ")
        // An answer for a line typed on since is not applied.
        _ = state.reduce(.keyPressed(.character("x")))
        _ = state.reduce(.completionsFound(partial: "ay", ["ayla@example.com"]))
        #expect(Self.line(state) == "customer ayse@example.com.tr x")
    }

    @Test func upAndDownWalkTheHistoryAndEnterAddsToIt() {
        var state = Fixtures.ordersState()
        state.commandHistory = ["shipments", "filter save acil"]
        Self.typing("", into: &state)
        _ = state.reduce(.keyPressed(.up))
        #expect(Self.line(state) == "filter save acil")
        _ = state.reduce(.keyPressed(.up))
        _ = state.reduce(.keyPressed(.up))
        #expect(Self.line(state) == "shipments", "the oldest stays")
        _ = state.reduce(.keyPressed(.down))
        _ = state.reduce(.keyPressed(.down))
        #expect(Self.line(state) == "")
        _ = state.reduce(.keyPressed(.escape))
        Self.typing("mail", into: &state)
        let effects = state.reduce(.keyPressed(.enter))
        #expect(effects.contains(.rememberCommand("mail")) && state.pane == .mail)
        #expect(state.commandHistory.last == "mail")
        Self.typing("mail", into: &state)
        #expect(!state.reduce(.keyPressed(.enter)).contains(.rememberCommand("mail")), "not twice in a row")
    }
}
