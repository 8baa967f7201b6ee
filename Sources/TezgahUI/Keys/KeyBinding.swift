/// One line of a pane's key table: the keys, what `?` says about them, the `:` commands that do the
/// same, and what they do. The one table drives key handling, `:` commands and `?`, so a key listed
/// is a key handled and a handled key is listed.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    /// Keys other tools have taught (Ctrl-N for j, → for Enter): handled alike, and named on the
    /// last line of `?` rather than beside each key, where they would crowd the text at 80 columns.
    public var alternatives: [Key]
    public var text: String
    /// `:` command names that run the binding (`:preparing`); the rest of the line answers the
    /// question the key would ask (`:hold waiting for stock`).
    public var commands: [String]
    /// Whether the key does its thing only while the detail is open (← closes it).
    public var needsOpenDetail: Bool
    /// What the key does; the key pressed is passed so one binding can serve several keys.
    let run: @Sendable (inout AppState, Key) -> [Effect]

    init(_ keys: [Key], _ text: String, also alternatives: [Key] = [], commands: [String] = [],
         needsOpenDetail: Bool = false, run: @escaping @Sendable (inout AppState, Key) -> [Effect]) {
        self.keys = keys
        self.alternatives = alternatives
        self.text = text
        self.commands = commands
        self.needsOpenDetail = needsOpenDetail
        self.run = run
    }

    /// Every key the binding handles.
    public var allKeys: [Key] { keys + alternatives }

    public var label: String {
        if keys.count == 6, keys.first == .function(1) { return "F1–F6" }
        if keys.count == 9, keys.first == .character("1") { return "1–9" }
        if keys == [.tab, .backTab] { return "Tab S-Tab" }
        return keys.map(\.label).joined(separator: " ")
    }

    /// Whether the binding takes `key` in `state` (a detail key only while the detail is open).
    func handles(_ key: Key, in state: AppState) -> Bool {
        allKeys.contains(key) && (!needsOpenDetail || state.detailShown != .closed)
    }
}
