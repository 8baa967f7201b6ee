import ArgumentParser
import Foundation
import Tezgah
import TezgahMail
import TezgahRuntime
import TezgahStore
import TezgahUI

@main
struct TezgahCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tezgah",
        abstract: CommandLanguage.say("A keyboard-driven desk for a small shop's after-sale work."),
        subcommands: [OpenCommand.self, DemoCommand.self, ImportCommand.self, TrackingCommand.self, MailCommand.self, ConfigCommand.self, InboxCommand.self, TickCommand.self, SurveyCommand.self, ExportCommand.self, VoucherCommand.self, ReportCommand.self],
        defaultSubcommand: OpenCommand.self)

    /// Runs the command; errors a user can cause (`UserFacingError`) end as one sentence on stderr,
    /// never a stack trace: a bad config, template or theme with status 2, a database that cannot be
    /// used with status 1.
    static func main() {
        // Everything tezgah creates holds customer data (the shop, its -wal and -shm, drafts, the
        // `:` history), so nothing it creates is readable by others, whatever umask it inherits.
        umask(0o077)
        do {
            // `tezgah` alone, the everyday start, opens the desk with its defaults without asking
            // ArgumentParser: a first parse costs it 3–4 ms of Swift runtime lookups (it reflects over
            // the command's properties, and each first cast scans the binary's 7,400 conformances),
            // an eighth of the desk's start. Anything on the command line is parsed by it as before.
            if CommandLine.arguments.count <= 1 {
                try DeskStart().run()
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch let error as any UserFacingError {
            printError(CommandLanguage.say(error.said))
            Foundation.exit(error.exitStatus)
        } catch {
            if let refusal = StoreError.said(for: error) {
                printError(CommandLanguage.say(refusal))
                Foundation.exit(1)
            }
            // ArgumentParser ends a usage mistake with 64 (EX_USAGE); what the owner typed wrong
            // ends with 2 in tezgah, as a mistake in the config does (the README's exit statuses).
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
