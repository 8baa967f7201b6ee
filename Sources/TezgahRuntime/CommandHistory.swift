import Foundation

/// The `:` commands a user typed, one per line in a file of their own (0600: commands can name
/// customers), newest last, at most `keeping` lines. A file that cannot be read or written loses
/// only the history, never the command.
enum CommandHistory {
    static func read(_ path: String, keeping limit: Int) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return Array(text.split(separator: "\n").map(String.init).suffix(limit))
    }

    static func append(_ command: String, to path: String, keeping limit: Int) {
        // One line per command: a line break typed into a command would make two.
        let line = command.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { return }
        _ = Array((line + "\n").utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        // Trimmed now and then rather than at every command: only when it has grown well past the limit.
        let lines = read(path, keeping: .max)
        if lines.count > limit * 2 {
            let kept = lines.suffix(limit).joined(separator: "\n") + "\n"
            let temporary = path + ".new"
            let out = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard out >= 0 else { return }
            _ = Array(kept.utf8).withUnsafeBytes { write(out, $0.baseAddress, $0.count) }
            close(out)
            rename(temporary, path)
        }
    }
}
