import Foundation
import TezgahTerminal

/// The line on stderr, after the desk closes, that says which locale drew it when that was not the
/// environment's own (`tr_TR.UTF-8` not installed on the server, say).
///
/// Said once, not at every start: the line last said is kept in the data folder, and only a
/// different one is said again.
struct LocaleNotice {
    let locale: TerminalLocale
    let folder: String

    var file: String { folder + "/locale-notice" }

    func printOnce() {
        guard let note = locale.note else { return }
        let said = (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .newlines)
        guard said != note else { return }
        printError(note)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        try? (note + "\n").write(toFile: file, atomically: true, encoding: .utf8)
    }
}
