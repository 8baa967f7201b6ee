import ArgumentParser
import Foundation
import Tezgah
import TezgahRuntime
import TezgahStore
import TezgahUI

/// `tezgah tick`: one pass of the automation engine, as the mail worker runs every minute.
struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tick",
        abstract: CommandLanguage.say("Run the automations once: thank-you mail, ETAs, review invites, reminders and surveys that are due now."),
        discussion: CommandLanguage.say("Every mail goes through the outbox with a dedupe key, so running this twice, or from two processes at once, queues each mail once. With --dry-run it prints what would be queued now, for whom and why, and writes nothing. Exit status 0, 1 when the shop cannot be opened, 2 for a bad config."))

    @OptionGroup var shop: ShopOptions

    @Flag(help: .phrase("Print what would be queued now, writing nothing."))
    var dryRun = false

    @Option(help: ArgumentHelp(CommandLanguage.say("Run as if it were this moment (ISO 8601, e.g. 2026-12-24T09:00:00+03:00); for trying the rules."), visibility: .hidden))
    var at: String?

    func run() throws {
        let now = try moment(at)
        let paths = DataPaths()
        let config = try shop.loadConfig()
        let database = try shop.openDatabase()
        defer { try? database.close() }
        let settings = try ShopSettings.resolve(config: config, database: database)
        let automations = try Automations.configured(config, settings: settings, templates: paths.templatesFolder)
        let report = try automations.run(on: database, now: now, dryRun: dryRun)
        for decision in report.decisions {
            print(TerminalSafeText.clean(decision.sentence(in: CommandLanguage.current, wouldQueue: dryRun)))
        }
        print((dryRun ? CommandLanguage.say("dry run, nothing written: ") : "") + report.summary(in: CommandLanguage.current))
    }
}
