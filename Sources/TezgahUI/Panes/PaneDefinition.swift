/// What makes one pane what it is, kept in the pane's folder under `Panes/`: its names, the view it
/// opens on, its list columns, its own keys and `:` commands, and the hints in its status bar. The
/// keys every pane shares are added around its own (`Pane.keyTable`).
struct PaneDefinition: Sendable {
    var title: String
    /// What one row is called, and several ("order", "orders"; "mail" for both).
    var singular: String
    var plural: String
    /// The view the pane opens on and `0` returns to; "" for everything.
    var defaultFilter = ""
    var columns: [Column]
    var keys: [KeyBinding] = []
    /// Keys named at the right of the status bar, most useful first.
    var hints: [StatusHint] = [StatusHint("/", "filter"), StatusHint("Enter", "verb|open"), StatusHint("?", "help"), StatusHint("q", "quit")]
}

/// A key named in the status bar with a word for what it does.
struct StatusHint: Sendable {
    static let customerView = [StatusHint("j/k", "move"), StatusHint("Enter", "verb|open"), StatusHint("Esc", "back")]
    static let insightView = [StatusHint("p", "period"), StatusHint("Enter", "customer"), StatusHint("Esc", "back")]
    static let firstRun = [StatusHint("q", "quit")]

    var key: String
    var text: String
    init(_ key: String, _ text: String) {
        self.key = key
        self.text = text
    }
}
