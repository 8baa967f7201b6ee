import ArgumentParser
import Foundation
import TezgahUI
import TezgahMail
import TezgahRuntime
import TezgahStore

/// `tezgah import FILE…`: brings a shop's exports in, each file all-or-nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: CommandLanguage.say("Import a shop's CSV exports (Shopify orders and customers, WooCommerce orders, Etsy sold orders, tracking status). Each file goes in whole or not at all; re-importing updates in place."))

    @Option(help: .phrase("The format, when the header does not tell."))
    var format: ImportFormat?

    @Option(help: .phrase("The shop database (default: $TEZGAH_DB, else $XDG_DATA_HOME/tezgah/shop.sqlite)."))
    var db: String?

    @Option(help: .phrase("The config file (its [mail] section writes the \"delivered\" mail for orders a tracking export completes)."))
    var config: String?

    @Flag(help: .phrase("Print each file's summary as one JSON object (a failure still goes to stderr, with its exit status)."))
    var json = false

    @Argument(help: .phrase("CSV files to import."))
    var files: [String]

    func run() throws {
        let paths = DataPaths()
        let shopConfig = try paths.loadConfig(override: config)
        let database = try ShopAccess.open(paths.database(override: db), config: shopConfig)
        let settings = try ShopSettings.resolve(config: shopConfig, database: database)
        let mails = try OrderMails.configured(shopConfig, settings: settings, templates: paths.templatesFolder)
        let composer = mails?.composer(now: Date())
        for file in files {
            let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
            let progress = ProgressLine(total: max(size / 1_024, 1), label: "KB of \((file as NSString).lastPathComponent)")
            do {
                let summary = try database.importFile(file, format: format,
                                                      actor: ProcessInfo.processInfo.userName, mail: composer,
                                                      timeZone: settings.timeZone,
                                                      enrol: settings.automations.loyalty.enrolment(composer: mails?.datedComposer)) { read, _ in
                    progress.update(read / 1_024)
                }
                progress.finish()
                if json {
                    try JSONLines.print(summary, adding: ["file": file, "summary": summary.description])
                } else {
                    print(TerminalSafeText.clean("\(file): \(summary.sentence(in: CommandLanguage.current))"))
                }
            } catch let error as ImportError {
                progress.finish()
                throw CommandLineError(sentence: error.sentence(in: CommandLanguage.current), exitStatus: error.exitStatus)
            } catch {
                progress.finish()
                guard let said = StoreError.said(for: error) else { throw error }
                throw CommandLineError(sentence: "\(file): \(CommandLanguage.say(said))", exitStatus: 1)
            }
        }
    }
}
