/// What a piece of the screen is, not what colour it has; themes map roles to colours.
public enum StyleRole: String, CaseIterable, Sendable, Codable {
    case normal, dim, title, border
    case tabActive = "tab_active", tabInactive = "tab_inactive"
    case header, selected, statusBar = "status_bar", statusKey = "status_key"
    case accent, good, warning, bad, money
    case filter, helpKey = "help_key", helpText = "help_text", message

    /// One letter per role, for the style layer of view snapshots.
    public var letter: Character {
        switch self {
        case .normal: "."
        case .dim: "d"
        case .title: "T"
        case .border: "b"
        case .tabActive: "A"
        case .tabInactive: "a"
        case .header: "h"
        case .selected: "S"
        case .statusBar: "s"
        case .statusKey: "k"
        case .accent: "c"
        case .good: "g"
        case .warning: "w"
        case .bad: "x"
        case .money: "m"
        case .filter: "f"
        case .helpKey: "K"
        case .helpText: "H"
        case .message: "M"
        }
    }
}
