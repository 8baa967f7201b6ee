import Foundation
import Testing
@testable import Tezgah
@testable import TezgahUI

/// The owner's keys (keys.toml) in the reducer: theirs win, a pair waits for its second key, and
/// `?` lists them first.
@Suite struct UserKeysTests {
    @Test func theOwnersKeysWinAndPairsWait() throws {
        var state = Fixtures.ordersState()
        state.userKeys = [UserKey(pane: .orders, keys: [.character("P")], command: "preparing"),
                          UserKey(pane: .orders, keys: [.character("g"), .character("s")], command: "ship"),
                          UserKey(pane: nil, keys: [.character("J")], command: "down")]
        // A key of theirs runs the action as its own key would.
        let cursor = state.current.cursor
        _ = state.reduce(.keyPressed(.character("J")))
        #expect(state.current.cursor == cursor + 1)
        #expect(state.reduce(.keyPressed(.character("P"))) == state.reduceCopy(.keyPressed(.character("p"))))
        // g waits for s: the pair asks for the tracking number, as s would.
        #expect(state.reduce(.keyPressed(.character("g"))) == [])
        _ = state.reduce(.keyPressed(.character("s")))
        guard case .prompting(let prompt) = state.mode else { Issue.record("the ship question"); return }
        #expect(prompt.purpose == .ship)
        _ = state.reduce(.keyPressed(.escape))
        // g then something else: g does what it always did (the first row), then the other key.
        _ = state.reduce(.keyPressed(.character("j")))
        let effects = state.reduce(.keyPressed(.character("g")))
        #expect(effects.isEmpty)
        let after = state.reduce(.keyPressed(.character("G")))
        #expect(after.count == 2, "g's load of the top, then G's of the bottom: \(after)")
        // ? lists theirs first.
        _ = state.reduce(.keyPressed(.character("?")))
        let help = AppView.render(state).text
        #expect(help.contains("g s") && help.contains("(yours)"))
    }
}

extension AppState {
    /// What `action` asks for from a copy of this state, leaving this one as it is.
    func reduceCopy(_ action: Action) -> [Effect] {
        var copy = self
        return copy.reduce(action)
    }
}
