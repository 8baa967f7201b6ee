import Foundation
import Tezgah
import TezgahMail
import TezgahRuntime
import TezgahStore

/// The automation figures: one pass of the engine over the large demo shop with nothing due, and a
/// pass that queues 1,000 review invites. Measured on a copy, so the cached shop stays as built.
enum AutomationFigure {
    /// The median time to read the busiest member's detail, in ms (set by `measure`).
    nonisolated(unsafe) static var memberDetail = 0.0

    static func measure(shop: String, folder: String, passes: Int)
        throws -> (idle: Double, idleNote: String, thousand: Double, queued: Int, loyaltyDay: Double, members: Int,
                   firstDay: Double, firstDayMails: Int) {
        let copy = "\(folder)/automation-bench.sqlite"
        removeDatabaseFiles(copy)
        try FileManager.default.copyItem(atPath: shop, toPath: copy)
        defer { removeDatabaseFiles(copy) }
        // Brought up to date first (a cached shop may predate the automation tables).
        try AppDatabase(path: copy).close()
        let now = Date()
        let seconds = Int64(now.timeIntervalSince1970)
        // The engine has walked the shop before (as on a shop it runs every minute beside).
        try sqlite(copy, """
            INSERT OR REPLACE INTO automation_cursors(rule, last_id) VALUES ('orders', (SELECT max(id) FROM orders)),
                ('shipments', (SELECT max(id) FROM shipments));
            DELETE FROM journey_changes;
            """)
        let database = try AppDatabase(path: copy)
        var settings = AutomationSettings()
        settings.timeZone = TimeZone(identifier: "Europe/Istanbul")!
        settings.reviewInvite.enabled = true
        settings.reviewInvite.url = "https://aysenin-dukkani.example/review/{order}"
        let mails = OrderMails(composer: MailComposer(templates: try MailTemplateLibrary.load(overrides: nil),
                                                      sender: try MailAddress("destek@aysenin-dukkani.example", displayName: "Ayşe'nin Dükkanı")),
                               shopName: "Ayşe'nin Dükkanı", timeZone: settings.timeZone)
        let automations = Automations(settings: settings, mails: mails)
        // The first pass does what the shop's age left due (reminders, ended deferrals); then idle.
        _ = try automations.run(on: database, now: now)
        var times: [Double] = []
        var deferred = 0
        for _ in 0..<passes {
            let start = ContinuousClock.now
            let report = try automations.run(on: database, now: now)
            times.append((ContinuousClock.now - start).milliseconds)
            deferred = report.decisions.count
        }
        let waiting = Int(try sqlite(copy, "SELECT count(*) FROM review_invites WHERE state = 'deferred';")) ?? 0

        // 1,000 invites due now, for customers nothing holds back, each customer invited once.
        try sqlite(copy, """
                UPDATE review_invites SET state = 'scheduled', sent_at = NULL, reminder_at = NULL, due_at = \(seconds - 60), expires_at = \(seconds + 86_400)
                WHERE id IN (
                    SELECT max(i.id) FROM review_invites i JOIN orders o ON o.id = i.order_id
                    WHERE i.state IN ('sent', 'reminded', 'reviewed') AND o.status = 'delivered' AND o.payment_status <> 'refunded'
                      AND NOT EXISTS (SELECT 1 FROM conversations t WHERE t.customer_id = i.customer_id AND t.status IN ('open', 'pending'))
                    GROUP BY i.customer_id ORDER BY max(i.id) DESC LIMIT 1000);
                DELETE FROM outbox WHERE kind = 'review_invite' AND order_id IN (SELECT order_id FROM review_invites WHERE state = 'scheduled' AND due_at = \(seconds - 60));
                """)
        settings.reviewInvite.customerGap = 0
        let start = ContinuousClock.now
        let report = try Automations(settings: settings, mails: mails).run(on: database, now: now)
        let thousand = (ContinuousClock.now - start).milliseconds / 1_000

        // The daily loyalty pass: every member's tier from their rolling year, and expiry.
        settings.reviewInvite.enabled = false
        settings.loyalty.enabled = true
        let members = Int(try sqlite(copy, "SELECT count(*) FROM loyalty_accounts;")) ?? 0
        // The first day catches up on what the demo's history left (tiers it set by another rule,
        // members idle for a year); the next is a day like any other.
        var dayStart = ContinuousClock.now
        let firstReport = try Automations(settings: settings, mails: mails).run(on: database, now: now.addingTimeInterval(86_400))
        let firstDay = (ContinuousClock.now - dayStart).milliseconds / 1_000
        dayStart = ContinuousClock.now
        _ = try Automations(settings: settings, mails: mails).run(on: database, now: now.addingTimeInterval(2 * 86_400))
        let loyaltyDay = (ContinuousClock.now - dayStart).milliseconds / 1_000

        // Opening the member with the longest ledger: the read behind the detail's frame.
        let busiest = Int64(try sqlite(copy, "SELECT account_id FROM points_ledger GROUP BY account_id ORDER BY count(*) DESC LIMIT 1;")) ?? 1
        var details: [Double] = []
        for _ in 0..<passes {
            let start = ContinuousClock.now
            _ = try database.loyaltyDetail(id: busiest)
            details.append((ContinuousClock.now - start).milliseconds)
        }
        details.sort()
        memberDetail = details[details.count / 2]
        times.sort()
        return (times[times.count / 2], "median of \(passes) passes; \(waiting) deferred invites sifted by one statement each pass\(deferred > 0 ? ", \(deferred) decisions" : "")",
                thousand, report.queued, loyaltyDay, members, firstDay, firstReport.queued)
    }

    /// Runs SQL on the copy with the `sqlite3` shell (the benchmark keeps SQLite's library behind the
    /// store, as the app does) and returns what it printed, trimmed.
    @discardableResult
    static func sqlite(_ path: String, _ sql: String) throws -> String {
        try MailFigure.run("/usr/bin/sqlite3", [path, sql]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
