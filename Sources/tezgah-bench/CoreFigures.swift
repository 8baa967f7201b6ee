import Foundation
import Tezgah
import TezgahRuntime
import TezgahStore
import TezgahUI

/// Figures measured in-process on the app core: reduce + queries + render into the buffer, which is
/// all a key costs before ncurses diffs the frame.
enum CoreFigures {
    /// Milliseconds per key for a fixed mix of moves, pages and pane switches at 120×40, the medians
    /// of each kind, and the pane slowest to switch to (by its median). The last is there because a
    /// median over all keys hides one slow pane: switching to Shipments at 1M orders once took
    /// 260 ms (its count read every shipment) while the median key stayed under a millisecond.
    ///
    /// Each visit to a pane pages down twice and up twice, so a list stays near where the visits
    /// began and both shops do the same work. The mix once paged down twice as often as up: the
    /// 10k shop's shorter lists (774 conversations, 762 loyalty members) then ran out, and about a
    /// fifth of its page keys read nothing, which made 10k look cheaper per key than it is. The
    /// figure's note says how many page keys read a new window, to show both shops did the same.
    static func keyToFrame(database path: String, keys: Int, language: Language = .english) throws -> KeyFigures {
        let core = try DeskCore(database: try AppDatabase.forDesk(path: path), width: 120, height: 40, language: language)
        core.send(.keyPressed(.escape)) // every order, as before the "needs action" view, so 10k and 1M compare
        _ = core.frame()
        let pattern: [(Key, String)] = [
            (.character("j"), "move"), (.character("j"), "move"), (.character("j"), "move"), (.character("j"), "move"),
            (.pageDown, "page"), (.character("k"), "move"), (.character("j"), "move"), (.pageDown, "page"),
            (.pageUp, "page"), (.pageUp, "page"), (.tab, "switch"), (.character("j"), "move"),
        ]
        var times: [String: [Double]] = [:]
        var switches: [Pane: [Double]] = [:]
        var all: [Double] = []
        var pagesReading = 0
        let clock = ContinuousClock()
        for index in 0..<keys {
            let (key, kind) = pattern[index % pattern.count]
            let shown = core.state.current.window.rows.map(\.key)
            let elapsed = clock.measure {
                core.send(.keyPressed(key))
                _ = core.frame()
            }
            if kind == "page" && core.state.current.window.rows.map(\.key) != shown { pagesReading += 1 }
            times[kind, default: []].append(elapsed.milliseconds)
            if kind == "switch" { switches[core.state.pane, default: []].append(elapsed.milliseconds) }
            all.append(elapsed.milliseconds)
        }
        let slowest = switches.mapValues(median).max { $0.value < $1.value }
        return KeyFigures(all: median(all), moves: median(times["move"] ?? []), pages: median(times["page"] ?? []),
                          switches: median(times["switch"] ?? []), slowestSwitch: slowest.map { ($0.key.title, $0.value) },
                          pagesReading: pagesReading, pageKeys: times["page"]?.count ?? 0)
    }

    struct KeyFigures {
        var all, moves, pages, switches: Double
        var slowestSwitch: (pane: String, ms: Double)?
        /// Page keys that brought a new window into view, of all page keys.
        var pagesReading, pageKeys: Int

        var note: String {
            let slowest = slowestSwitch.map { String(format: "; slowest pane to switch to: %@ %.3f", $0.pane, $0.ms) } ?? ""
            return String(format: "move %.3f, page %.3f, switch %.3f", moves, pages, switches) + slowest
                + "; \(pagesReading) of \(pageKeys) page keys read a new window"
        }
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
