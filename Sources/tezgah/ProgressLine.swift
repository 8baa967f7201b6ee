import Foundation

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

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// What a command says on stderr before it upgrades an existing shop's schema, which can take
/// seconds (the desk shows the same on its screen, `AppView.opening`).
func printUpgradeNotice() {
    printError("Upgrading the shop database for this version of tezgah (once; a shop with many orders takes a few seconds)…")
}
