import Foundation
import Tezgah
import TezgahMail
import TezgahStore

/// Reads the shop's mailbox into the Support pane: runs the sync command if the config names one
/// (mbsync, getmail: an argument vector, never a shell), then reads the Maildir files not read
/// before and threads them in one transaction.
public struct InboxSync: Sendable {
    public var maildir: Maildir
    public var syncCommand: [String]?

    public init(maildir: String, syncCommand: [String]? = nil) {
        self.maildir = Maildir(path: maildir)
        self.syncCommand = syncCommand
    }

    /// Files read per transaction: a first sync of a large mailbox commits as it goes (each batch
    /// with its record of what was read), so an interrupted one goes on where it stopped.
    static let batchSize = 2_000

    public func run(into database: AppDatabase, now: Date = Date()) throws -> InboxSummary {
        if let syncCommand, !syncCommand.isEmpty { try Self.runSyncCommand(syncCommand) }
        guard maildir.exists else {
            throw InboxError(description: "\(maildir.path) is not a Maildir (it has no cur/ or new/ folder); set [inbox] maildir in config.toml or pass --maildir.")
        }
        let files = maildir.files(excluding: try database.readInboxFiles())
        var total = InboxSummary()
        for start in stride(from: 0, to: files.count, by: Self.batchSize) {
            let items = files[start..<min(start + Self.batchSize, files.count)].map(Self.item)
            let summary = try database.importInbox(items, now: now)
            total.add(summary)
        }
        // The worker syncs every minute, so a snooze's end shows within one.
        try database.wakeSnoozedConversations(now: now)
        return total
    }

    /// Syncs now and then every minute on a thread of its own until `stopRequested`, logging each
    /// sync that found something and each failure (a sync command that failed is tried again).
    public static func everyMinute(_ sync: InboxSync, into database: AppDatabase, log: @escaping @Sendable (String) -> Void,
                                   stopRequested: @escaping @Sendable () -> Bool) {
        EveryMinute.start("inbox", log: log, stopRequested: stopRequested) {
            let summary = try sync.run(into: database)
            return summary.read > 0 || !summary.skipped.isEmpty ? summary.description : nil
        }
    }

    /// One file read and parsed; a file that vanished since the listing (a client moved it) or is
    /// empty is recorded as skipped, with why.
    static func item(_ file: Maildir.File) -> InboxItem {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return InboxItem(key: file.key, mail: nil, receivedAt: file.modified, skipReason: KeptPhrase.fileGone)
        }
        guard !data.isEmpty else { return InboxItem(key: file.key, mail: nil, receivedAt: file.modified, skipReason: KeptPhrase.emptyFile) }
        let mail = InboundMailReader.read(data)
        // Mail nobody can be answered at (no From, or one that is no address) starts no
        // conversation and makes no customer; the summary names it.
        guard EmailAddressShape.isPlausible(mail.fromAddress) else {
            let from = mail.fromAddress.isEmpty ? "none" : "“\(mail.fromAddress.prefix(60))”"
            return InboxItem(key: file.key, mail: nil, receivedAt: file.modified, skipReason: KeptPhrase.english(KeptPhrase.noSender, ["from": from]))
        }
        return InboxItem(key: file.key, mail: mail, receivedAt: file.modified)
    }

    private static func runSyncCommand(_ command: [String]) throws {
        let process = Process()
        let program = command[0]
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? Array(command.dropFirst()) : command
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw InboxError(description: "The sync command \(command.joined(separator: " ")) could not be started: \(error.localizedDescription).")
        }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = String(decoding: output, as: UTF8.self).onOneLine.trimmingCharacters(in: .whitespaces).prefix(300)
            throw InboxError(description: "The sync command \(command.joined(separator: " ")) failed (status \(process.terminationStatus)): \(said)")
        }
    }
}

/// A mailbox that cannot be read, in one sentence.
public struct InboxError: UserFacingError, Equatable {
    public var description: String
    public var exitStatus: Int32 { 1 }
}

extension InboxSummary {
    mutating func add(_ other: InboxSummary) {
        read += other.read
        newMessages += other.newMessages
        threaded += other.threaded
        newConversations += other.newConversations
        newCustomers += other.newCustomers
        bounces += other.bounces
        autoReplies += other.autoReplies
        unsubscribes += other.unsubscribes
        duplicates += other.duplicates
        surveyAnswers += other.surveyAnswers
        skipped += other.skipped
    }
}
