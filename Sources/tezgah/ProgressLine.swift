import Foundation
import TezgahUI

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressLine {
    private let total: Int
    private let label: String
    private let enabled = isatty(STDERR_FILENO) != 0

    init(total: Int, label: String) {
        self.total = max(total, 1)
        self.label = label
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let width = 30
        let filled = width * min(done, total) / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total) \(label)".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// An error sentence on stderr. Sentences quote what was read (a CSV cell, a mail's sender, a
/// config key), so each line goes through the same terminal-safe cleaning as the desk's text: an
/// escape sequence in a customer's cell must not reach the owner's terminal this way either.
func printError(_ message: String) {
    let safe = message.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafeText.clean(String($0)) }
    FileHandle.standardError.write(Data((safe.joined(separator: "\n") + "\n").utf8))
}

/// What a command says on stderr before it upgrades an existing shop's schema, which can take
/// seconds (the desk shows the same on its screen, `AppView.opening`).
func printUpgradeNotice() {
    printError(CommandLanguage.say("Upgrading the shop database for this version of tezgah (once; a shop with many orders takes a few seconds)…"))
}

/// One line of a command's tab-separated output, each field cleaned on its own (cleaning the whole
/// line would turn the tabs between fields into spaces, since a field may not hold one).
func tabSeparated(_ fields: [String]) -> String {
    fields.map(TerminalSafeText.clean).joined(separator: "\t")
}
