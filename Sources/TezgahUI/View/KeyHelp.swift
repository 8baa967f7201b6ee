/// The keys listed by `?`, per pane. Tests press every key listed here and check that it does what
/// it says, so this list cannot drift from the reducer.
public struct KeyHelp: Equatable, Sendable {
    public var keys: [Key]
    public var text: String

    public static func entries(for pane: Pane) -> [KeyHelp] {
        [
            KeyHelp(keys: [.character("j"), .down], text: "next row"),
            KeyHelp(keys: [.character("k"), .up], text: "previous row"),
            KeyHelp(keys: [.pageDown, .control("f")], text: "next page"),
            KeyHelp(keys: [.pageUp, .control("b")], text: "previous page"),
            KeyHelp(keys: [.character("g"), .home], text: "first row"),
            KeyHelp(keys: [.character("G"), .end], text: "last row"),
            KeyHelp(keys: [.enter], text: "open the \(pane.noun(1)) full screen (Esc back)"),
            KeyHelp(keys: [.character("/")], text: "filter \(pane.noun(2)) as you type (Enter keeps, Esc clears)"),
            KeyHelp(keys: [.escape], text: "clear the filter"),
        ] + (pane == .shipments ? [KeyHelp(keys: [.character("y")], text: "copy the tracking link (OSC 52, works over SSH)")] : [])
          + (pane == .mail ? [
            KeyHelp(keys: [.character("r")], text: "retry the mail now (also failed or expired mail)"),
            KeyHelp(keys: [.character("h")], text: "hold the mail (the worker leaves it alone)"),
            KeyHelp(keys: [.character("H")], text: "release a held mail"),
            KeyHelp(keys: [.character("x")], text: "cancel the mail (asks first)"),
            KeyHelp(keys: [.character("f")], text: "failures grouped by the server's reply"),
          ] : []) + [
            KeyHelp(keys: [.tab, .backTab], text: "next / previous pane"),
            KeyHelp(keys: (1...6).map { .character(Character(String($0))) }, text: "Orders Shipments Reviews Support Loyalty Mail"),
            KeyHelp(keys: [.character("?")], text: "this help"),
            KeyHelp(keys: [.character("q")], text: "quit"),
        ]
    }

    public var label: String {
        if keys.count == 6, keys.first == .character("1") { return "1–6" }
        return keys.map(\.label).joined(separator: " ")
    }
}
