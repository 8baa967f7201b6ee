/// A key press, decoded by the terminal module from whatever the terminal sent.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)   // Ctrl plus a letter, e.g. .control("f")
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// F1…F12.
    case function(Int)
    /// A click or a turn of the wheel, when the owner turned the mouse on (`[ui] mouse`).
    case mouse(MouseEvent)
}

/// What the mouse did, in screen cells.
public enum MouseEvent: Hashable, Sendable {
    case click(x: Int, y: Int)
    case wheelUp, wheelDown
}

extension Key {
    /// The key as help screens write it.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-\(c.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .function(let n): "F\(n)"
        case .mouse(.click): "click"
        case .mouse: "wheel"
        }
    }
}
