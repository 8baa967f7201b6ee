/// The keys every pane has: moving, the detail, filtering, marks, panes, saved filters, help and quit.
/// A pane's own keys go between the first group and the second, as `?` lists them.
enum SharedKeys {
    static func table(for pane: PaneDefinition) -> [KeyBinding] {
        // Where a pane has no `h` or `l` of its own, they close and open the detail as vim's
        // "left" and "right" would.
        let paneTakesH = pane.keys.contains { $0.allKeys.contains(.character("h")) }
        let paneTakesL = pane.keys.contains { $0.allKeys.contains(.character("l")) }
        return moving + detail(closesWithH: !paneTakesH, opensWithL: !paneTakesL) + viewing(pane) + pane.keys + switching
    }

    private static let moving: [KeyBinding] = [
        KeyBinding([.character("j"), .down], "next row", also: [.control("n")], commands: ["down"]) { state, key in state.move(key) ?? [] },
        KeyBinding([.character("k"), .up], "previous row", also: [.control("p")], commands: ["up"]) { state, key in state.move(key) ?? [] },
        KeyBinding([.pageDown, .control("f")], "next page", also: [.control("d")], commands: ["page-down"]) { state, key in state.move(key) ?? [] },
        KeyBinding([.pageUp, .control("b")], "previous page", also: [.control("u")], commands: ["page-up"]) { state, key in state.move(key) ?? [] },
        KeyBinding([.character("g"), .home], "first row", commands: ["top"]) { state, key in state.move(key) ?? [] },
        KeyBinding([.character("G"), .end], "last row", commands: ["bottom"]) { state, key in state.move(key) ?? [] },
    ]

    private static func detail(closesWithH: Bool, opensWithL: Bool) -> [KeyBinding] {
        [
            KeyBinding([.enter], "detail; again: zoom", also: [.right] + (opensWithL ? [.character("l")] : []), commands: ["open-detail"]) { state, key in
                if state.detailShown == .closed {
                    return state.current.selected == nil ? [] : state.showDetail(.open)
                }
                // → and l open the detail; only Enter zooms it.
                return key == .enter ? state.showDetail(state.isDetailFullScreen ? .closed : .fullScreen) : []
            },
            KeyBinding([.left, .escape], "close the detail", also: [.character("q")] + (closesWithH ? [.character("h")] : []),
                       commands: ["close-detail"], needsOpenDetail: true) { state, _ in state.showDetail(.closed) },
        ]
    }

    private static func viewing(_ pane: PaneDefinition) -> [KeyBinding] { [
        KeyBinding([.character("/")], "filter as you type", commands: ["find"]) { state, _ in
            // Typing narrows the view on screen: "is:needs-action" becomes "is:needs-action ayşe".
            if let last = state.current.filter.last, last != " " { state.current.filter += " " }
            state.mode = .filtering
            return []
        },
        KeyBinding([.escape], "clear: all \(pane.plural)", commands: ["clear"]) { state, _ in state.current.filter.isEmpty ? [] : state.setFilter("") },
        KeyBinding([.character("0")], pane.defaultFilter.isEmpty ? "all \(pane.plural)" : "\(pane.defaultFilter.dropFirst(3)) view",
                   commands: ["view"]) { state, _ in
            state.recallSavedFilter(number: 0)
        },
        KeyBinding([.character(" ")], "mark / unmark a row", commands: ["mark"]) { state, _ in state.toggleMark() },
    ] }

    private static let switching: [KeyBinding] = [
        KeyBinding([.character(":")], "command (:filter save)") { state, _ in
            state.mode = .prompting(Prompt(purpose: .command, label: ":", ids: [], targets: ""))
            return []
        },
        KeyBinding([.tab, .backTab], "next / previous pane", commands: ["next-pane", "previous-pane"]) { state, key in state.show(key == .tab ? state.pane.next : state.pane.previous) },
        KeyBinding((1...Pane.allCases.count).map { .function($0) }, "go to a pane") { state, key in
            guard case .function(let n) = key, let target = Pane(rawValue: n - 1) else { return [] }
            return state.show(target)
        },
        KeyBinding((1...9).map { .character(Character(String($0))) }, "saved filter 1–9") { state, key in
            guard case .character(let c) = key else { return [] }
            return state.recallSavedFilter(number: c.wholeNumberValue ?? 0)
        },
        KeyBinding([.character("C"), .character("I")], "row's customer / insight", commands: ["customer", "insight"]) { state, key in
            key == .character("C") ? state.openCustomerOfSelectedRow() : state.openInsight()
        },
        KeyBinding([.character("S")], "stop an import (:import)", commands: ["stop"]) { state, _ in state.stopJob() },
        KeyBinding([.character("?")], "this help", commands: ["help"]) { state, _ in
            state.mode = .help
            return []
        },
        KeyBinding([.character("q")], "quit", also: [.control("c")], commands: ["q", "quit"]) { state, _ in state.quit() },
    ]
}
