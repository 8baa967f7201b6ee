import Foundation
import Tezgah

extension ShipmentDetail {
    /// The parcel's lines: where it is, why it needs attention, its tracking link and events.
    func lines(_ context: DetailContext) -> [StyledLine] {
        let (d, clock, rule, links, width) = (self, context.clock, context.attentionRule, context.trackingLinks, context.width)
        let s = d.summary
        var lines = [
            StyledLine([(s.carrier.title, .title), ("  ", .normal), (s.trackingNumber, .accent)]),
            StyledLine([(TextFitting.pad(context.say("Status"), to: 11), .dim), (context.say(s.status.title), s.status.role)]),
            .field(context.say("Order"), "\(s.orderNumber) · \(s.customerName)"),
            .field(context.say("Shipped"), DetailContext.when(s.shippedAt, clock)),
        ]
        if let eta = s.eta {
            var text = clock.day(eta)
            if let first = s.firstEta, first != eta { text += " " + context.say("(first promised {day})", ["day": clock.day(first)]) }
            lines.append(.field(context.say("ETA"), text, s.firstEta != nil && s.firstEta != eta ? .warning : .normal))
        }
        if let last = s.lastEventAt { lines.append(.field(context.say("Last event"), DetailContext.when(last, clock))) }
        for (index, reason) in rule.reasons(s, now: clock.now).enumerated() {
            lines.append(.field(index == 0 ? context.say("Attention") : "", reason.explanation(clock), .bad))
        }
        // The whole link, broken across lines if need be: a cut link cannot be copied.
        for (index, piece) in TextFitting.wrap(links.url(s.carrier, s.trackingNumber), to: max(10, width - 11)).enumerated() {
            lines.append(.field(index == 0 ? context.say("Track") : "", piece, .accent))
        }
        lines.append(StyledLine(context.say("Timeline"), .header))
        for event in d.events {
            lines.append(StyledLine([("  \(clock.short(event.at))  ", .dim), (context.say(event.status.title), event.status.role)]))
            let text = event.location.isEmpty ? event.description : "\(event.description) · \(event.location)"
            for piece in TextFitting.wrap(text, to: max(10, width - 6)) { lines.append(StyledLine("      " + piece)) }
        }
        return lines
    }
}

extension ShipmentAttention {
    /// "late: ETA was 21 Nov", "ETA slipped 2 days", "no tracking event for 4d".
    func explanation(_ clock: ShopClock) -> String {
        switch self {
        case .late(let since): clock.language.say("late: ETA was {day}", ["day": clock.day(since)])
        case .slipped(let by) where Int(by / 86_400) == 1: clock.language.say("ETA slipped 1 day")
        case .slipped(let by): clock.language.say("ETA slipped {days} days", ["days": String(Int(by / 86_400))])
        case .stalled(let since): clock.language.say("no tracking event since {day}", ["day": clock.day(since)])
        }
    }
}
