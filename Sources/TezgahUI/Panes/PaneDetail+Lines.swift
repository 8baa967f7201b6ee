import Foundation
import Tezgah

/// What a pane's detail lines are drawn with besides the row itself: the clock, the shop's rules and
/// the width the text wraps to.
struct DetailContext {
    var clock: ShopClock
    var attentionRule: ShipmentAttentionRule
    var trackingLinks: TrackingLinks
    var width: Int
    var businessHours: BusinessHours? = nil
    var showsQuotedText = false

    /// A phrase of the desk in its language (see `Language.say`).
    func say(_ phrase: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        clock.language.say(phrase, values)
    }

    /// An activity entry as a timeline line. The action, and an automation's detail, are kept
    /// phrases said in the language; a person's detail (a note, a hold's reason) is their own words.
    func activityLine(_ entry: ActivityEntry) -> StyledLine {
        let language = clock.language
        let detail = entry.actor == ActivityEntry.automation ? language.sayKept(entry.detail) : entry.detail
        return StyledLine([("  \(clock.short(entry.at)) ", .dim), (entry.actor, .accent), ("  " + language.sayKept(entry.action), .normal),
                           (detail.isEmpty ? "" : " — \(detail)", .dim)])
    }

    /// "2026-11-23 14:05 (3h ago)".
    static func when(_ date: Date, _ clock: ShopClock) -> String {
        "\(clock.full(date)) (\(clock.relative(date)))"
    }
}

extension PaneDetail {
    /// The detail of the selected row as lines, wrapped to the context's width where text runs long;
    /// each pane's lines are in its folder under `Panes/`.
    func lines(_ context: DetailContext) -> [StyledLine] {
        switch self {
        case .order(let detail): detail.lines(context)
        case .shipment(let detail): detail.lines(context)
        case .review(let invite): invite.lines(context)
        case .conversation(let detail): detail.lines(context)
        case .loyalty(let detail): detail.lines(context)
        case .mail(let detail): detail.lines(context)
        }
    }
}
