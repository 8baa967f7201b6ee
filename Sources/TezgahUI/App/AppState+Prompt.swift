import Tezgah

/// Typing in the status bar (`:` commands and the questions actions ask), marks, and saved filters.
extension AppState {
    mutating func handlePromptKey(_ key: Key, _ prompt: Prompt) -> [Effect] {
        var prompt = prompt
        switch key {
        case .escape:
            mode = .browsing
            if prompt.purpose != .command { message = say("Nothing changed.") }
            return []
        case .enter:
            guard prompt.purpose != .command else {
                mode = .browsing
                let remembered = remember(prompt.text)
                return runCommand(prompt.text) + remembered
            }
            // The answer's action moves on from the prompt; a wrong answer leaves it open to mend.
            return submitOrderPrompt(prompt)
        case .tab where prompt.purpose == .command:
            return completeCommand(prompt)
        case .up where prompt.purpose == .command, .down where prompt.purpose == .command:
            return walkHistory(prompt, older: key == .up)
        case .backspace, .delete:
            if prompt.text.isEmpty && prompt.purpose == .command { mode = .browsing; return [] }
            prompt.text = String(prompt.text.dropLast())
        case .control("u"):
            prompt.text = ""
        case .character(let c):
            prompt.text.append(c)
        default:
            return []
        }
        mode = .prompting(prompt)
        return []
    }

    /// Space marks (or unmarks) the selected row and steps down, so a run of rows is marked by holding it.
    mutating func toggleMark() -> [Effect] {
        guard let selected = current.selected else { return [] }
        if current.marked.removeValue(forKey: selected.row.id) == nil {
            current.marked[selected.row.id] = selected.row.label
        }
        return move(.down) ?? []
    }

    /// `1`–`9` recall the pane's saved filters; `0` returns to the pane's own view.
    mutating func recallSavedFilter(number: Int) -> [Effect] {
        if number == 0 {
            message = pane.defaultFilter.isEmpty ? say("All {rows}.", ["rows": say(pane.noun(2))])
                : say("Back to {filter}.", ["filter": pane.defaultFilter])
            return setFilter(pane.defaultFilter)
        }
        let saved = current.savedFilters
        guard saved.indices.contains(number - 1) else {
            message = saved.isEmpty ? say(Self.noSavedFilters)
                : say("Saved filters: {filters}. There is no {number}.", ["filters": savedFilterList(), "number": String(number)])
            return []
        }
        message = say("Filter {number}: {name}", ["number": String(number), "name": saved[number - 1].name])
        return setFilter(saved[number - 1].query)
    }

    static let noSavedFilters = phrase("No saved filters here yet: filter with /, then :filter save NAME.")

    func savedFilterList() -> String {
        current.savedFilters.enumerated().map { "\($0.offset + 1) \($0.element.name)" }.joined(separator: " · ")
    }

    /// Runs a `:` command. Order commands take their argument inline (`:hold waiting for stock`) or,
    /// without one, ask for it as the key would.
    mutating func runCommand(_ text: String) -> [Effect] {
        let words = text.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = words.first?.lowercased() else { return [] }
        let rest = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        if let target = Pane(named: verb) {
            // `:loyalty join` (as the owner may say it) is `:join` where the cursor is.
            if let command = rest.split(separator: " ").first, Self.command(command.lowercased(), in: pane) != nil {
                return runCommand(rest)
            }
            return show(target)
        }
        if verb == "filter" || verb == "filters" { return filterCommand(rest) }
        if verb == "customer" && !rest.isEmpty { return [.findCustomers(rest)] }
        if verb == "import" {
            guard !rest.isEmpty else { message = say("Name the file: :import orders_export.csv"); return [] }
            return start(.importFile(path: rest))
        }
        guard let (binding, key) = Self.command(verb, in: pane) else {
            if let elsewhere = Pane.allCases.first(where: { Self.command(verb, in: $0) != nil }) {
                message = say(":{command} works in the {pane} pane (F{key}).",
                              ["command": verb, "pane": say(elsewhere.title), "key": String(elsewhere.rawValue + 1)])
            } else {
                message = say("There is no command “:{command}”. Commands: {commands}.", ["command": verb, "commands": Self.commandNames])
            }
            return []
        }
        let effects = binding.run(&self, key)
        // An argument typed with the command answers the question the key would have asked.
        if !rest.isEmpty, case .prompting(var prompt) = mode, prompt.purpose != .command {
            prompt.text = rest
            return submitOrderPrompt(prompt)
        }
        return effects
    }

    /// The binding a `:` command names in `pane`'s key table, and the key it stands for: the key at
    /// the command's place in the binding (`:untag` is the second name of `t T`, so `T`).
    static func command(_ verb: String, in pane: Pane) -> (KeyBinding, Key)? {
        for binding in pane.keyTable {
            guard let index = binding.commands.firstIndex(of: verb) else { continue }
            return (binding, binding.keys[min(index, binding.keys.count - 1)])
        }
        return nil
    }

    /// Every command any pane's keys answer to, for the sentence that lists them.
    static let commandNames: String = {
        var names: [String] = []
        for pane in Pane.allCases {
            for binding in pane.keyTable {
                for command in binding.commands where !names.contains(command) { names.append(command) }
            }
        }
        return (names + ["customer EMAIL|NAME", "import FILE", "filter save NAME", "filter NAME", "filter delete NAME", "orders…mail"]).joined(separator: ", ")
    }()

    private mutating func filterCommand(_ text: String) -> [Effect] {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        switch words.first?.lowercased() {
        case nil:
            message = current.savedFilters.isEmpty ? say(Self.noSavedFilters) : say("Saved filters: {filters}", ["filters": savedFilterList()])
            return []
        case "save":
            guard words.count == 2 else { message = say("Name the filter: :filter save NAME"); return [] }
            guard !current.filter.isEmpty else { message = say("Type a filter with / first, then save it."); return [] }
            return [.saveFilter(pane, name: words[1], query: current.filter)]
        case "delete", "rm":
            guard words.count == 2 else { message = say("Name the filter: :filter delete NAME"); return [] }
            return [.deleteFilter(pane, name: words[1])]
        default:
            let name = SearchFolding.fold(text)
            guard let index = current.savedFilters.firstIndex(where: { SearchFolding.fold($0.name) == name }) else {
                message = say("There is no saved filter “{name}” here. Saved: {filters}.",
                              ["name": text, "filters": current.savedFilters.isEmpty ? say("none") : savedFilterList()])
                return []
            }
            return recallSavedFilter(number: index + 1)
        }
    }
}
