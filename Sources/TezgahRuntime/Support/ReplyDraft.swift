import Foundation
import Tezgah

/// The file a reply is written in: `To:` and `Subject:` lines the owner may change, a blank line,
/// room for the reply, and the customer's message quoted below. Kept (0600, in the data folder)
/// until the reply is sent, so one left by a crash or a dropped SSH session is offered again.
public struct ReplyDraft: Equatable, Sendable {
    public var conversationID: Int64
    public var path: String
    /// The text the draft started with, to tell an unchanged draft from a written one.
    public var original: String

    /// The draft for `context` in `folder`: the one left from before if there is one (a crash, a
    /// dropped link), else a new one.
    /// `inserting` (a saved reply) goes where the reply is written, above what is there already.
    static func open(_ context: ReplyContext, in folder: String, inserting: String? = nil, clock: (Date) -> String) throws -> ReplyDraft {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = "\(folder)/conversation-\(context.conversationID).txt"
        let fresh = Self.fresh(context, clock: clock)
        let existing = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
        if existing != nil && inserting == nil { return ReplyDraft(conversationID: context.conversationID, path: path, original: fresh) }
        let text = inserting.map { Self.inserting($0, into: existing ?? fresh) } ?? fresh
        // With a saved reply in it, the draft counts as written only once the owner changes it.
        let draft = ReplyDraft(conversationID: context.conversationID, path: path, original: text)
        // Written whole to a new file then renamed over: a crash mid-write never leaves half a draft.
        let temporary = path + ".new"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
              rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return draft
    }

    /// `text` after the draft's `To:`/`Subject:` lines and blank line, before what follows.
    static func inserting(_ text: String, into draft: String) -> String {
        var lines = draft.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count, ["to:", "subject:"].contains(where: lines[index].lowercased().hasPrefix) { index += 1 }
        if index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
        let body = text.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(contentsOf: body + [""], at: index)
        return lines.joined(separator: "\n")
    }

    static func fresh(_ context: ReplyContext, clock: (Date) -> String) -> String {
        let subject = context.subject.lowercased().hasPrefix("re:") ? context.subject : "Re: \(context.subject)"
        var text = "To: \(context.to.onOneLine)\nSubject: \(subject.onOneLine)\n\n\n"
        if !context.lastMessage.isEmpty {
            let when = context.lastMessageAt.map { "On \(clock($0)), " } ?? ""
            text += "\(when)\(context.lastMessageFrom) wrote:\n"
            text += context.lastMessage.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// What the owner wrote: the recipient and subject lines, and the reply (the quote included, as
    /// mail clients send it). `isEmpty` when nothing but the quote is there.
    struct Written {
        var to: String?
        var subject: String?
        var text: String
        var isEmpty: Bool
    }

    static func read(_ text: String) -> Written {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)[...]
        var to: String?, subject: String?
        while let line = lines.first, !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let lower = line.lowercased()
            if lower.hasPrefix("to:") { to = line.dropFirst(3).trimmingCharacters(in: .whitespaces) }
            else if lower.hasPrefix("subject:") { subject = line.dropFirst(8).trimmingCharacters(in: .whitespaces) }
            else { break }
            lines = lines.dropFirst()
        }
        let body = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let own = lines.filter { !$0.hasPrefix(">") && !$0.hasSuffix(" wrote:") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return Written(to: to, subject: subject, text: body, isEmpty: own.isEmpty)
    }
}

/// The owner's editor: `$VISUAL`, else `$EDITOR`, else `vi`, run as an argument vector (the
/// variable split at spaces, as `git` and `mutt` do with `code -w`), never through a shell.
public enum ReplyEditor {
    public static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                return value.split(separator: " ").map(String.init)
            }
        }
        return ["vi"]
    }

    /// Runs the editor on `path` with the terminal's own input and output, and waits for it; true
    /// when it ended by itself. When `stopRequested` turns true first (SIGTERM, or SIGHUP from a
    /// dropped SSH link, which the editor hears too), the editor is asked to end, then made to, so
    /// no editor outlives the desk on a terminal nobody holds. The draft file stays as the editor
    /// left it, to be offered again.
    public static func run(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                           stopRequested: () -> Bool = { false }) throws -> Bool {
        let command = command(environment: environment)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0].hasPrefix("/") ? command[0] : "/usr/bin/env")
        process.arguments = (command[0].hasPrefix("/") ? Array(command.dropFirst()) : command) + [path]
        try process.run()
        while process.isRunning && !stopRequested() { usleep(20_000) }
        guard process.isRunning else { return !stopRequested() }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return false
    }
}
