import ArgumentParser
import Foundation
import Tezgah
import TezgahMail
import TezgahDelivery
import TezgahRuntime
import TezgahStore
import TezgahUI

/// `tezgah mail …`: the outbox from the shell — the delivery worker and the operator's commands.
struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: CommandLanguage.say("Deliver and manage the outbound mail queue."),
        subcommands: [Run.self, List.self, Show.self, Retry.self, Hold.self, Release.self, Cancel.self])

    /// Where the shop is and how it is set up; shared by every mail subcommand.
    typealias Place = ShopOptions

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: CommandLanguage.say("Deliver queued mail: keep running (for systemd), or with --once send what is due and exit (for cron)."))

        @OptionGroup var place: Place

        @Flag(help: .phrase("Send what is due now, then exit."))
        var once = false

        func run() throws {
            let config = try place.loadConfig()
            let settings = try config.mailSettings()
            let database = try place.openDatabase()
            let log: @Sendable (String) -> Void = { line in
                printError("\(ISO8601DateFormatter().string(from: Date())) \(TerminalSafeText.clean(line))")
            }
            // With [inbox] maildir, the worker also reads the shop's mailbox: once with --once, else
            // every minute beside the deliveries.
            let inbox = config.inboxMaildir.map { InboxSync(maildir: $0, syncCommand: config.inboxSyncCommand) }
            // The automation pass queues what is due (thank-you, invites, surveys); its mail goes
            // out with this worker's next claim.
            let automations = try Automations.configured(config, settings: try ShopSettings.resolve(config: config, database: database),
                                                         templates: DataPaths().templatesFolder)
            let worker = DeliveryWorker(database: database, settings: settings, log: log)
            TerminationSignals.install(including: [SIGINT])
            if once {
                if let inbox { print("inbox: \(try inbox.run(into: database).description)") }
                print("automations: \(try automations.run(on: database).summary)")
                try worker.takeBackFromStoppedWorkers()
                let tally = try worker.drain(stopRequested: { TerminationSignals.received })
                print("sent \(tally.sent), deferred \(tally.deferred), failed \(tally.failed)")
            } else {
                printError("tezgah mail worker \(worker.identity) started; Ctrl-C or SIGTERM stops it after the mail in hand.")
                if let inbox { InboxSync.everyMinute(inbox, into: database, log: log, stopRequested: { TerminationSignals.received }) }
                Automations.everyMinute(automations, on: database, log: log, stopRequested: { TerminationSignals.received })
                try worker.run(stopRequested: { TerminationSignals.received })
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: CommandLanguage.say("List queued and recent mail, newest first."))

        @OptionGroup var place: Place

        @Option(help: ArgumentHelp(CommandLanguage.say("Only these states (comma-separated): {states}.",
                                                       ["states": OutboxState.allCases.map(\.rawValue).joined(separator: ", ")])))
        var state: String?

        @Option(help: .phrase("At most this many rows."))
        var limit = 50

        @Flag(help: .phrase("Print one JSON object per mail."))
        var json = false

        func run() throws {
            var states: [OutboxState] = []
            for name in (state ?? "").split(separator: ",") {
                guard let state = OutboxState(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw CommandLineError(Said("\"{name}\" is not a mail state; states are {states}.",
                                                ["name": String(name), "states": OutboxState.allCases.map(\.rawValue).joined(separator: ", ")]), exitStatus: 2)
                }
                states.append(state)
            }
            let database = try place.openDatabase()
            let mails = try database.outboxMails(states: states, limit: limit)
            if json {
                let iso = ISO8601DateFormatter()
                for mail in mails {
                    try JSONLines.print([
                        "id": mail.id, "state": mail.state.rawValue, "kind": mail.kind.rawValue, "to": mail.toAddress,
                        "customer": mail.customerName, "subject": mail.subject, "created_at": iso.string(from: mail.createdAt),
                        "attempts": mail.attempts, "next_attempt_at": mail.nextAttemptAt.map { iso.string(from: $0) } as Any? ?? NSNull(),
                        "last_reply": mail.lastReply,
                    ])
                }
                return
            }
            for mail in mails {
                let when = mail.nextAttemptAt.map { " next \(ISO8601DateFormatter().string(from: $0))" } ?? ""
                let reply = mail.lastReply.isEmpty ? "" : "  \(mail.lastReply)"
                print(tabSeparated(["\(mail.id)", mail.state.rawValue, mail.kind.rawValue, mail.toAddress, mail.subject,
                                    "attempts \(mail.attempts)\(when)\(reply)"]))
            }
            if mails.isEmpty { printError(CommandLanguage.say(states.isEmpty ? phrase("No mail.") : phrase("No mail in that state."))) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: CommandLanguage.say("Show one mail: its state, last reply and the message as queued."))

        @OptionGroup var place: Place

        @Argument(help: .phrase("The mail's id (from `tezgah mail list`)."))
        var id: Int64

        func run() throws {
            let database = try place.openDatabase()
            let detail = try database.outboxDetail(id: id)
            let mail = detail.summary
            var lines = [
                "Mail \(mail.id): \(mail.state.rawValue), \(mail.kind.rawValue) (\(mail.kind.category.rawValue))",
                "To: \(mail.toAddress)", "Subject: \(mail.subject)", "Message-ID: \(detail.messageID)",
                "Dedupe key: \(detail.dedupeKey)", "Attempts: \(mail.attempts)",
            ]
            if let next = mail.nextAttemptAt { lines.append("Next attempt: \(ISO8601DateFormatter().string(from: next))") }
            if !mail.lastReply.isEmpty { lines.append("Last reply: \(mail.lastReply)") }
            lines.append("")
            lines.append(contentsOf: detail.message.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            for line in lines { print(TerminalSafeText.clean(line)) }
        }
    }

    /// retry, hold, release and cancel: the same shape, one action each.
    struct QueueAction {
        static func run(_ action: MailQueueAction, ids: [Int64], place: Place) throws {
            let database = try place.openDatabase()
            let problems = try database.apply(action, to: ids, actor: ProcessInfo.processInfo.userName, now: Date())
            for problem in problems { printError(CommandLanguage.say(problem)) }
            let done = ids.count - problems.count
            print(CommandLanguage.current.say(Said(done == 1 ? phrase("1 mail {action}.") : phrase("{count} mails {action}."), ["count": String(done)],
                                                 phrases: ["action": action.pastTense])))
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retry", abstract: CommandLanguage.say("Send deferred or failed mail again now."))
        @OptionGroup var place: Place
        @Argument(help: .phrase("Mail ids.")) var ids: [Int64]
        func run() throws { try QueueAction.run(.retry, ids: ids, place: place) }
    }

    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hold", abstract: CommandLanguage.say("Hold queued or deferred mail until released."))
        @OptionGroup var place: Place
        @Argument(help: .phrase("Mail ids.")) var ids: [Int64]
        func run() throws { try QueueAction.run(.hold, ids: ids, place: place) }
    }

    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "release", abstract: CommandLanguage.say("Release held mail to be sent."))
        @OptionGroup var place: Place
        @Argument(help: .phrase("Mail ids.")) var ids: [Int64]
        func run() throws { try QueueAction.run(.release, ids: ids, place: place) }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: CommandLanguage.say("Cancel mail that has not been sent."))
        @OptionGroup var place: Place
        @Argument(help: .phrase("Mail ids.")) var ids: [Int64]
        func run() throws { try QueueAction.run(.cancel, ids: ids, place: place) }
    }
}
