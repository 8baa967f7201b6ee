import ArgumentParser
import Foundation
import Tezgah
import TezgahRuntime
import TezgahStore
import TezgahUI

/// `tezgah report`: the Insight view's figures as text for a cron mail, or as JSON for scripts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: CommandLanguage.say("Print the shop's figures (as the Insight view shows them) for the last N days."),
        discussion: CommandLanguage.say("Orders and revenue per day and currency, repeat buyers, customers lapsing, support's first response (median and 90th percentile, in the [support] hours), review-invite conversion and ratings, CSAT, NPS and on-time delivery per carrier. With --json: one JSON object on one line. Exit status 0, 1 when the shop cannot be opened, 2 for a bad option or config."))

    @OptionGroup var shop: ShopOptions

    @Option(help: .phrase("How many days, today included."))
    var days = 30

    @Flag(help: .phrase("Print one JSON object instead of text."))
    var json = false

    @Option(help: ArgumentHelp(CommandLanguage.say("Report as if it were this moment (ISO 8601)."), visibility: .hidden))
    var at: String?

    func validate() throws {
        guard (1...3_660).contains(days) else { throw ValidationError(CommandLanguage.say("--days must be between 1 and 3660.")) }
    }

    func run() throws {
        let now = try moment(at)
        let config = try shop.loadConfig()
        let database = try shop.openDatabase()
        defer { try? database.close() }
        let settings = try ShopSettings.resolve(config: config, database: database)
        if !database.isReadOnly { try database.settleFirstResponses(hours: settings.businessHours) }
        let report = try database.insightReport(days: days, now: now, timeZone: settings.timeZone, churnDays: settings.churnDays,
                                                lapsingShown: json ? 100 : 10)
        if json {
            try JSONLines.print(Self.json(report))
            return
        }
        var view = InsightView(days: days)
        view.report = report
        var clock = ShopClock(timeZone: settings.timeZone, now: now)
        clock.language = CommandLanguage.current
        for line in InsightView.figureLines(view, width: 100, clock: clock, namesKeys: false) {
            print(TerminalSafeText.clean(line.segments.map(\.text).joined()))
        }
        print(CommandLanguage.say(report.lapsing.isEmpty ? phrase("Lapsing  {count} bought twice or more, none in {days} days")
                                  : phrase("Lapsing  {count} bought twice or more, none in {days} days:"),
                                  ["count": String(report.lapsingCount), "days": String(report.churnDays)]))
        for customer in report.lapsing {
            print(TerminalSafeText.clean("         \(customer.name) <\(customer.email)> · " + CommandLanguage.say("{count} orders · last {day}", [
                "count": String(customer.orders), "day": clock.day(customer.lastOrderAt).trimmingCharacters(in: .whitespaces)])))
        }
    }

    /// The figures under stable snake_case names, money in minor units beside its currency.
    static func json(_ report: InsightReport) -> [String: Any] {
        let iso = ISO8601DateFormatter()
        func rounded(_ value: Double?) -> Any { value.map { ($0 * 1_000).rounded() / 1_000 } ?? NSNull() }
        let object: [String: Any] = [
            "days": report.days, "from": iso.string(from: report.from), "to": iso.string(from: report.to),
            "sales": report.sales.map { ["currency": $0.currency, "orders": $0.totalOrders, "revenue_minor": $0.revenue.minorUnits,
                                         "orders_per_day": $0.orders, "revenue_minor_per_day": $0.revenueMinor] },
            "buyers": report.buyers, "repeat_buyers": report.repeatBuyers, "repeat_rate": rounded(report.repeatRate),
            "churn_days": report.churnDays, "lapsing_count": report.lapsingCount,
            "lapsing": report.lapsing.map { ["name": $0.name, "email": $0.email, "orders": $0.orders,
                                             "last_order_at": iso.string(from: $0.lastOrderAt)] },
            "first_response_seconds": ["median": report.firstResponseMedian as Any? ?? NSNull(),
                                       "p90": report.firstResponseP90 as Any? ?? NSNull(),
                                       "answered": report.answered, "unanswered": report.unanswered],
            "review_invites": ["sent": report.invitesSent, "reviewed": report.invitesReviewed,
                               "conversion": rounded(report.reviewConversion)],
            "ratings": ["counts": report.ratings, "average": rounded(report.averageRating)],
            "csat": ["counts": report.csat, "average": rounded(report.csatAverage)],
            "nps": ["counts": report.nps, "score": report.netPromoterScore as Any? ?? NSNull(),
                    "trend": report.npsTrend.map { InsightReport.netPromoterScore($0) as Any? ?? NSNull() }],
            "on_time": report.deliveries.map { ["carrier": $0.carrier, "delivered": $0.delivered, "with_eta": $0.withETA,
                                                "on_time": $0.onTime, "rate": rounded($0.onTimeRate)] },
        ]
        return object
    }
}
