import ArgumentParser
import Tezgah
import Foundation
import TezgahUI
import TezgahRuntime
import TezgahStore

/// `tezgah inbox sync`: reads the shop's mailbox into the Support pane once.
struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: CommandLanguage.say("Read the shop's mailbox (a Maildir) into the Support pane."),
        subcommands: [Sync.self])

    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: CommandLanguage.say("Run [inbox] sync_command if set, then read the Maildir's new mail once and print one summary line."),
            discussion: CommandLanguage.say("The Maildir's files are only read: never changed, moved or deleted. Mail read before is not read again."))

        @Option(help: .phrase("The Maildir (default: [inbox] maildir in config.toml)."))
        var maildir: String?

        @OptionGroup var shop: ShopOptions

        @Flag(help: .phrase("Print the summary as one JSON object."))
        var json = false

        func run() throws {
            let paths = DataPaths()
            let shopConfig = try paths.loadConfig(override: shop.config)
            guard let folder = maildir ?? shopConfig.inboxMaildir else {
                throw CommandLineError(Said("No mailbox to read: pass --maildir PATH or set [inbox] maildir in config.toml."), exitStatus: 2)
            }
            let database = try ShopAccess.open(paths.database(override: shop.db), readOnly: shop.readonly, config: shopConfig)
            defer { try? database.close() }
            // --maildir reads that folder as it is; the sync command belongs to the configured mailbox.
            let sync = InboxSync(maildir: folder, syncCommand: maildir == nil ? shopConfig.inboxSyncCommand : nil)
            let summary = try sync.run(into: database)
            if json {
                try JSONLines.print(summary, adding: ["maildir": folder, "summary": summary.description])
            } else {
                print(TerminalSafeText.clean("\(folder): \(summary.sentence(in: CommandLanguage.current))"))
            }
        }
    }
}
