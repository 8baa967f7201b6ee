import Foundation
import Testing
@testable import TezgahRuntime
@testable import TezgahUI

/// keys.toml: the owner's keys win, pairs wait for their second key, and every mistake is one
/// sentence with the file and line.
@Suite struct KeymapTests {
    @Test func keysParsePerPaneAndForAll() throws {
        let keys = try Keymap.parse("""
            [all]
            next-pane = "Ctrl-N"
            [orders]
            preparing = "P"
            ship = "g s"
            """, file: "keys.toml")
        #expect(keys.contains(UserKey(pane: nil, keys: [.control("n")], command: "next-pane")))
        #expect(keys.contains(UserKey(pane: .orders, keys: [.character("P")], command: "preparing")))
        #expect(keys.contains(UserKey(pane: .orders, keys: [.character("g"), .character("s")], command: "ship")))
    }

    @Test func mistakesNameFileAndLine() {
        func error(_ text: String) -> String? {
            do { _ = try Keymap.parse(text, file: "keys.toml"); return nil } catch { return "\(error)" }
        }
        #expect(error("[orders]\nprepare_it = \"P\"")?.hasPrefix("keys.toml:2:") == true)
        #expect(error("[orders]\nprepare_it = \"P\"")?.contains("is not an action of the Orders pane") == true)
        #expect(error("[ordres]\npreparing = \"P\"")?.hasPrefix("keys.toml:1:") == true)
        #expect(error("[orders]\npreparing = \"Hyper-P\"")?.contains("“Hyper-P” is not a key") == true)
        #expect(error("[orders]\npreparing = \"P\"\nship = \"P\"")?.contains("is already preparing") == true)
        #expect(error("[orders]\npreparing = \"g\"\nship = \"g s\"")?.contains("start alike") == true)
        #expect(error("[all]\nship = \"X\"")?.contains("not an action of every pane") == true, "ship is the Orders pane's")
    }
}
