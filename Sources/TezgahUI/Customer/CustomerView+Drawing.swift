import Foundation
import Tezgah

extension CustomerView {
    /// The customer's details: who, how to reach them, what they are worth.
    func headerLines(width: Int, clock: ShopClock) -> [StyledLine] {
        let customer = profile.customer, language = clock.language
        var contact = [language.say("language {code}", ["code": customer.language])]
        let place = [customer.city, customer.country].filter { !$0.isEmpty }.joined(separator: " ")
        if !place.isEmpty { contact.append(place) }
        contact.append(language.say("since {day}", ["day": clock.day(customer.createdAt).trimmingCharacters(in: .whitespaces)]))
        if let birthday = customer.birthday, let month = birthday.month, let day = birthday.day {
            contact.append(language.say("birthday {day}", ["day": String(format: "%02d-%02d", month, day)]))
        }
        let orders = profile.orderCount == 1 ? language.say("1 order")
            : language.say("{count} orders", ["count": profile.orderCount.grouped(in: language)])
        var worth: [(String, StyleRole)] = [(orders, .normal)]
        for money in profile.spend.prefix(3) { worth.append((" · " + money.formatted(in: language), .money)) }
        if let tier = profile.loyaltyTier {
            worth.append((" · " + language.say("{tier} · {points} points", ["tier": language.say(tier.title),
                                                                             "points": Int(profile.points).grouped(in: language)]), .accent))
            if profile.pendingPoints != 0 {
                worth.append((" " + language.say("(+{points} pending)", ["points": Int(profile.pendingPoints).grouped(in: language)]), .dim))
            }
        }
        let count = (profile.timeline.count.grouped(in: language)) + (profile.timelineIsCut ? "+" : "")
        let title = (profile.timeline.count == 1 && !profile.timelineIsCut ? language.say("Timeline · 1 event, newest first")
            : language.say("Timeline · {count} events, newest first", ["count": count])) + " "
        return [
            StyledLine([(customer.name, .title), ("  " + customer.email, .accent)]),
            StyledLine([(contact.joined(separator: " · ") + " · ", .dim), mailing(clock)]),
            StyledLine(worth),
            StyledLine([("── ", .border), (title, .header), (String(repeating: "─", count: max(0, width - DisplayWidth.of(title) - 4)), .border)]),
        ]
    }
}

extension CustomerView {
    /// Whether mail reaches them: suppressed (none at all), no marketing, or both kinds.
    private func mailing(_ clock: ShopClock) -> (String, StyleRole) {
        let language = clock.language
        if let suppression = profile.suppression { return (language.say("no mail: {why}", ["why": suppression]), .bad) }
        if let at = profile.unsubscribedAt {
            return (language.say("no marketing since {day}", ["day": clock.day(at).trimmingCharacters(in: .whitespaces)]), .warning)
        }
        return (language.say("marketing ok"), .good)
    }
}

extension AppView {
    static func drawCustomer(_ buffer: inout Buffer, _ state: AppState, _ view: CustomerView) {
        let width = state.width - 2
        buffer.fill(x: 0, y: 1, width: state.width, height: state.height - 2, role: .normal)
        for (index, line) in view.headerLines(width: width, clock: state.clock).enumerated() {
            buffer.put(line, x: 1, y: 1 + index, width: width)
        }
        let top = 1 + CustomerView.headerLines
        let rows = state.customerTimelineRows
        let timeline = view.profile.timeline
        if timeline.isEmpty {
            buffer.put(state.say("Nothing has happened with this customer yet."), x: 1, y: top, maxWidth: width, role: .dim)
        }
        for index in view.top..<min(timeline.count, view.top + rows) {
            let event = timeline[index]
            let y = top + index - view.top
            let selected = index == view.cursor
            if selected { buffer.put("▸", x: 0, y: y, role: .selected) }
            var x = 1
            x += buffer.put(TextFitting.pad(state.clock.short(event.at), to: 12), x: x, y: y, role: selected ? .selected : .dim) + 1
            x += buffer.put(TextFitting.pad(state.say(event.kind.title), to: 8), x: x, y: y, role: .accent) + 1
            buffer.put(state.language.say(event.said), x: x, y: y, maxWidth: state.width - x - 1, role: event.isProblem ? .warning : .normal)
        }
        if view.top > 0 { buffer.put("↑", x: state.width - 1, y: top, role: .dim) }
        if view.top + rows < timeline.count { buffer.put("↓", x: state.width - 1, y: top + rows - 1, role: .dim) }
    }
}
