import Foundation
import GRDB
import Tezgah

extension AppDatabase {
    /// One pass of the automation engine at `now`: what is new since the last pass is planned
    /// (a thank-you for a fresh order, a first ETA, an invite and a survey for each parcel), and what
    /// is due is queued through the outbox with its dedupe key, each decision in the activity log
    /// under the actor `automation`.
    ///
    /// The whole pass is one write transaction: two processes running it at once take turns, and
    /// the second finds the first's work done; a crash at any point leaves the shop as before the
    /// pass. `dryRun` runs the same pass and rolls it back, so its report says exactly what a real
    /// pass would do now, and nothing is written.
    public func runAutomations(_ settings: AutomationSettings, now: Date, composer: @escaping DatedOrderMailComposer,
                               dryRun: Bool = false) throws -> AutomationReport {
        var report = AutomationReport()
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                // The pass never reads the search index, so its text is written in a few statements.
                let search = SearchIndexBatch()
                var pass = AutomationPass(writer: ShopWriter(db, searchBatch: search), settings: settings, now: now, composer: composer,
                                          dryRun: dryRun)
                try pass.run()
                try search.flush(db)
                report = pass.report
                return dryRun ? .rollback : .commit
            }
        }
        return report
    }
}
