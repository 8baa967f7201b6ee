/// The keys listed by `?`, per pane. Tests press every key listed here and check that it does what
/// it says, so this list cannot drift from the reducer.
public struct KeyHelp: Equatable, Sendable {
    public var keys: [Key]
    public var text: String
    /// Whether the key does its thing only while the detail is open (← closes it).
    public var needsOpenDetail = false

    /// Short texts: at 80 columns the Orders pane's keys are shown in two columns of about 22.
    public static func entries(for pane: Pane) -> [KeyHelp] {
        [
            KeyHelp(keys: [.character("j"), .down], text: "next row"),
            KeyHelp(keys: [.character("k"), .up], text: "previous row"),
            KeyHelp(keys: [.pageDown, .control("f")], text: "next page"),
            KeyHelp(keys: [.pageUp, .control("b")], text: "previous page"),
            KeyHelp(keys: [.character("g"), .home], text: "first row"),
            KeyHelp(keys: [.character("G"), .end], text: "last row"),
            KeyHelp(keys: [.enter], text: "detail; again: zoom"),
            KeyHelp(keys: [.left, .escape], text: "close the detail", needsOpenDetail: true),
            KeyHelp(keys: [.character("/")], text: "filter as you type"),
            KeyHelp(keys: [.escape], text: "clear: all \(pane.noun(2))"),
            KeyHelp(keys: [.character("0")], text: pane.defaultFilter.isEmpty ? "all \(pane.noun(2))"
                    : "\(pane.defaultFilter.dropFirst(3)) view"),
            KeyHelp(keys: [.character(" ")], text: "mark / unmark a row"),
        ] + (pane == .orders ? [
            KeyHelp(keys: [.character("p")], text: "preparing (mails)"),
            KeyHelp(keys: [.character("h")], text: "hold, with a reason"),
            KeyHelp(keys: [.character("H")], text: "release from hold"),
            KeyHelp(keys: [.character("s")], text: "ship: tracking number"),
            KeyHelp(keys: [.character("D")], text: "delivered (mails)"),
            KeyHelp(keys: [.character("x")], text: "cancel (asks; mails)"),
            KeyHelp(keys: [.character("R")], text: "refund (asks; mails)"),
            KeyHelp(keys: [.character("n")], text: "add a private note"),
            KeyHelp(keys: [.character("t"), .character("T")], text: "add / remove a tag"),
            KeyHelp(keys: [.character("u")], text: "undo my last change"),
        ] : []) + (pane == .shipments ? [KeyHelp(keys: [.character("y")], text: "copy link (OSC 52)")] : [])
          + (pane == .mail ? [
            KeyHelp(keys: [.character("r")], text: "retry now"),
            KeyHelp(keys: [.character("h")], text: "hold"),
            KeyHelp(keys: [.character("H")], text: "release"),
            KeyHelp(keys: [.character("x")], text: "cancel (asks first)"),
            KeyHelp(keys: [.character("f")], text: "failures by reply"),
          ] : []) + [
            KeyHelp(keys: [.character(":")], text: "command (:filter save)"),
            KeyHelp(keys: [.tab, .backTab], text: "next / previous pane"),
            KeyHelp(keys: (1...6).map { .function($0) }, text: "go to a pane"),
            KeyHelp(keys: (1...9).map { .character(Character(String($0))) }, text: "saved filter 1–9"),
            KeyHelp(keys: [.character("?")], text: "this help"),
            KeyHelp(keys: [.character("q")], text: "quit"),
        ]
    }

    public var label: String {
        if keys.count == 6, keys.first == .function(1) { return "F1–F6" }
        if keys.count == 9, keys.first == .character("1") { return "1–9" }
        if keys == [.tab, .backTab] { return "Tab S-Tab" }
        return keys.map(\.label).joined(separator: " ")
    }
}
