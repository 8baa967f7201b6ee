import Foundation
import Tezgah
import TezgahMail
import TezgahStore

/// The automation engine as a process runs it: the shop's rules and its mail, one pass at a time
/// (`tezgah tick`), or every minute inside the mail worker.
public struct Automations: Sendable {
    public var settings: AutomationSettings
    public var mails: OrderMails
    /// The hours support's first responses are counted in, for the Insight figures.
    public var businessHours: BusinessHours?

    public init(settings: AutomationSettings, mails: OrderMails, businessHours: BusinessHours? = nil) {
        self.settings = settings
        self.mails = mails
        self.businessHours = businessHours
    }

    /// The shop's automations as its config sets them; they write mail, so a `[mail]` section is needed.
    public static func configured(_ config: ShopConfig, settings: ShopSettings, templates folder: String?) throws -> Automations {
        guard let mails = try OrderMails.configured(config, settings: settings, templates: folder) else {
            throw ConfigError(Said("{file}: there is no [mail] section; automations write mail, so add one with from = \"Shop <shop@example.com>\" and a transport (see the README).",
                                   ["file": config.file ?? "config.toml"]))
        }
        return Automations(settings: settings.automations, mails: mails, businessHours: settings.businessHours)
    }

    public func run(on database: AppDatabase, now: Date = Date(), dryRun: Bool = false) throws -> AutomationReport {
        let report = try database.runAutomations(settings, now: now, composer: mails.datedComposer, dryRun: dryRun)
        // Summary upkeep for the Insight figures, and snoozes that have ended, for a shop whose
        // worker reads no inbox (a dry run writes nothing, these included).
        if !dryRun {
            try database.settleFirstResponses(hours: businessHours)
            try database.wakeSnoozedConversations(now: now)
        }
        return report
    }

    /// Runs a pass every minute beside the worker's deliveries, logging what each pass did.
    public static func everyMinute(_ automations: Automations, on database: AppDatabase, log: @escaping @Sendable (String) -> Void,
                                   stopRequested: @escaping @Sendable () -> Bool) {
        EveryMinute.start("automations", log: log, stopRequested: stopRequested) {
            let report = try automations.run(on: database)
            return report.decisions.isEmpty && report.etasSet == 0 ? nil : report.summary
        }
    }
}
