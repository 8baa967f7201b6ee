import Foundation
import Tezgah
import TezgahRuntime
import TezgahStore
import TezgahUI

/// Figures measured in-process on the app core: reduce + queries + render into the buffer, which is
/// all a key costs before ncurses diffs the frame.
enum CoreFigures {
    /// Milliseconds per key for a fixed mix of moves, pages and pane switches at 120×40.
    static func keyToFrame(database path: String, keys: Int) throws -> (all: Double, moves: Double, pages: Double, switches: Double) {
        let core = try DeskCore(database: try AppDatabase.forDesk(path: path), width: 120, height: 40)
        core.send(.keyPressed(.escape)) // every order, as before the "needs action" view, so 10k and 1M compare
        _ = core.frame()
        let pattern: [(Key, String)] = [
            (.character("j"), "move"), (.character("j"), "move"), (.character("j"), "move"), (.character("j"), "move"),
            (.pageDown, "page"), (.character("k"), "move"), (.character("j"), "move"), (.pageDown, "page"),
            (.pageUp, "page"), (.tab, "switch"), (.character("j"), "move"), (.pageDown, "page"),
        ]
        var times: [String: [Double]] = [:]
        var all: [Double] = []
        let clock = ContinuousClock()
        for index in 0..<keys {
            let (key, kind) = pattern[index % pattern.count]
            let elapsed = clock.measure {
                core.send(.keyPressed(key))
                _ = core.frame()
            }
            times[kind, default: []].append(elapsed.milliseconds)
            all.append(elapsed.milliseconds)
        }
        return (median(all), median(times["move"] ?? []), median(times["page"] ?? []), median(times["switch"] ?? []))
    }

    /// Milliseconds per keystroke while typing a 6-letter query that needs Turkish folding.
    static func filterKeystroke(database path: String, rounds: Int) throws -> Double {
        let core = try DeskCore(database: try AppDatabase.forDesk(path: path), width: 120, height: 40)
        core.send(.keyPressed(.escape)) // search every order
        var times: [Double] = []
        let clock = ContinuousClock()
        for round in 0..<rounds {
            let query = round % 2 == 0 ? "ışıklı" : "şükrüç" // typed as Turkish letters, folded to isikli / sukruc
            core.send(.keyPressed(.character("/")))
            for character in query {
                let elapsed = clock.measure {
                    core.send(.keyPressed(.character(character)))
                    _ = core.frame()
                }
                times.append(elapsed.milliseconds)
            }
            core.send(.keyPressed(.escape))
        }
        return median(times)
    }
}
