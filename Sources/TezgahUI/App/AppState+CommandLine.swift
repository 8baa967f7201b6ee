import Tezgah

/// The `:` line's Tab completion and its history (↑ and ↓), as a shell's: Tab completes the word
/// under the cursor (a command or pane, a saved filter, a carrier, a customer's e-mail), and
/// names the choices when there are several; the history is kept per user by the runtime.
extension AppState {
    /// Every word `:` understands first: pane names, each binding's commands, and the few the
    /// command line reads itself.
    static let commandVerbs: [String] = {
        var verbs = Pane.allCases.map(\.storageName) + ["customer", "filter", "import"]
        for pane in Pane.allCases {
            for binding in pane.keyTable { verbs += binding.commands }
        }
        var seen = Set<String>()
        return verbs.filter { seen.insert($0).inserted }.sorted()
    }()

    /// Tab on the `:` line.
    mutating func completeCommand(_ prompt: Prompt) -> [Effect] {
        let text = prompt.text
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let partial = words.last ?? ""
        let verb = words.first?.lowercased() ?? ""
        if words.count <= 1 {
            return offer(Self.commandVerbs, for: partial, in: prompt)
        }
        switch verb {
        case "filter", "filters":
            return offer(words.count == 2 ? ["save", "delete"] + current.savedFilters.map(\.name) : [], for: partial, in: prompt)
        case "customer":
            // E-mails are the shop's, read from the store; the answer comes back as an action.
            return partial.isEmpty ? [] : [.completeCustomerEmail(partial)]
        default:
            // A carrier's name is the one word other commands take from a known list (`:ship yurtici …`).
            return offer(Carrier.allCases.map(\.rawValue), for: partial, in: prompt)
        }
    }

    /// Completes `partial` (the prompt's last word) from `options`: the one that fits whole, else as
    /// far as all that fit agree, naming them in the status bar.
    mutating func offer(_ options: [String], for partial: String, in prompt: Prompt) -> [Effect] {
        // Matched as the filter matches (Turkish case rules, ı and i apart), listed in the desk's
        // language's alphabetical order (ç after c, ş after s).
        let folded = SearchFolding.fold(partial)
        let fitting = options.filter { SearchFolding.fold($0).hasPrefix(folded) }.sorted(by: language.sortsBefore)
        guard let first = fitting.first else {
            message = say("Nothing to complete “{word}” with.", ["word": partial])
            return []
        }
        var prompt = prompt
        let head = String(prompt.text.dropLast(partial.count))
        if fitting.count == 1 {
            prompt.text = head + first + " "
        } else {
            var common = first.lowercased()
            for option in fitting.dropFirst() {
                while !option.lowercased().hasPrefix(common) { common.removeLast() }
            }
            prompt.text = head + (common.count > partial.count ? String(first.prefix(common.count)) : partial)
            message = fitting.prefix(12).joined(separator: "  ") + (fitting.count > 12 ? "  …" : "")
        }
        mode = .prompting(prompt)
        return []
    }

    /// The store's e-mails for a `:customer` Tab, if the line still ends with what was asked about.
    mutating func completionsFound(for partial: String, _ options: [String]) -> [Effect] {
        guard case .prompting(let prompt) = mode, prompt.purpose == .command, prompt.text.hasSuffix(partial) else { return [] }
        return offer(options, for: partial, in: prompt)
    }

    /// ↑ (`older`) or ↓ through the commands typed before.
    mutating func walkHistory(_ prompt: Prompt, older: Bool) -> [Effect] {
        guard !commandHistory.isEmpty else { return [] }
        var prompt = prompt
        let index = prompt.historyIndex ?? commandHistory.count
        let next = older ? max(0, index - 1) : index + 1
        if next >= commandHistory.count {
            prompt.historyIndex = nil
            prompt.text = ""
        } else {
            prompt.historyIndex = next
            prompt.text = commandHistory[next]
        }
        mode = .prompting(prompt)
        return []
    }

    /// A command run from the `:` line joins the history (not twice in a row).
    mutating func remember(_ command: String) -> [Effect] {
        let text = command.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, commandHistory.last != text else { return [] }
        commandHistory.append(text)
        if commandHistory.count > Self.historyKept { commandHistory.removeFirst(commandHistory.count - Self.historyKept) }
        return [.rememberCommand(text)]
    }

    public static let historyKept = 500
}
