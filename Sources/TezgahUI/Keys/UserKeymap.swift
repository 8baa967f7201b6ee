/// The owner's own keys (`keys.toml`): a key, or two in a row, that runs one of the desk's actions
/// by its `:` command name, in one pane or in all. They win over the keys the desk ships with;
/// those actions stay reachable by their `:` commands.
public struct UserKey: Equatable, Sendable {
    /// nil for every pane.
    public var pane: Pane?
    public var keys: [Key]
    public var command: String

    public init(pane: Pane?, keys: [Key], command: String) {
        (self.pane, self.keys, self.command) = (pane, keys, command)
    }

    /// "g s".
    public var label: String { keys.map(\.label).joined(separator: " ") }
}

extension Key {
    /// A key as keys.toml writes it: a character (`P`, `ş`), `Space`, `Enter`, `Tab`, `Esc`,
    /// `Backspace`, `Delete`, arrows (`Up`…), `PgUp`, `PgDn`, `Home`, `End`, `Ctrl-X`, `F1`–`F12`.
    public init?(named name: String) {
        let lower = name.lowercased()
        let named: [String: Key] = [
            "space": .character(" "), "enter": .enter, "return": .enter, "tab": .tab, "shift-tab": .backTab, "esc": .escape,
            "escape": .escape, "backspace": .backspace, "delete": .delete, "del": .delete, "up": .up, "down": .down,
            "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
            "home": .home, "end": .end,
        ]
        if let key = named[lower] {
            self = key
        } else if lower.hasPrefix("ctrl-"), lower.count == 6, let letter = lower.last, letter.isLetter, letter.isASCII {
            self = .control(letter)
        } else if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) {
            self = .function(number)
        } else if name.count == 1, let character = name.first, !character.isWhitespace, character.isASCII ? character.asciiValue! >= 0x20 : true {
            self = .character(character)
        } else {
            return nil
        }
    }
}

extension Pane {
    /// Whether `command` names an action of this pane (its own keys or those every pane shares).
    public func knows(command: String) -> Bool {
        AppState.command(command, in: self) != nil
    }

    /// Every action name this pane's keys answer to, for the sentence that lists them.
    public var commandNames: [String] { keyTable.flatMap(\.commands) }
}

extension AppState {
    /// The owner's keys first (a first key of two waits for the second); then the pane's table.
    /// A first key whose second never completes a pair does what it would have done alone.
    mutating func handleUserKey(_ key: Key) -> [Effect]? {
        let mine = userKeys.filter { $0.pane == nil || $0.pane == pane }
        guard !mine.isEmpty || !pendingKeys.isEmpty else { return nil }
        let typed = pendingKeys + [key]
        // A pane's own binding of a sequence wins over one for every pane.
        if let exact = mine.first(where: { $0.keys == typed && $0.pane != nil }) ?? mine.first(where: { $0.keys == typed }) {
            pendingKeys = []
            return runUserKey(exact)
        }
        if mine.contains(where: { $0.keys.count > typed.count && Array($0.keys.prefix(typed.count)) == typed }) {
            pendingKeys = typed
            message = typed.map(\.label).joined(separator: " ") + " …"
            return []
        }
        guard !pendingKeys.isEmpty else { return nil }
        let earlier = pendingKeys
        pendingKeys = []
        return earlier.flatMap { handleTableKey($0) } + handleTableKey(key)
    }

    private mutating func runUserKey(_ userKey: UserKey) -> [Effect] {
        guard let (binding, key) = Self.command(userKey.command, in: pane), binding.handles(key, in: self) else { return [] }
        return binding.run(&self, key)
    }
}
