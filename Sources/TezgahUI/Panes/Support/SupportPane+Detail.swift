import Foundation
import Tezgah

extension ConversationDetail {
    /// The conversation: its header and thread, with what the shop knows of the customer beside it
    /// when the detail is wide enough, else below the header.
    func lines(_ context: DetailContext) -> [StyledLine] {
        let sidebarWidth = 34
        if context.width >= 90 {
            var narrower = context
            narrower.width = context.width - sidebarWidth - 3
            return StyledLine.sideBySide(header(narrower) + thread(narrower), width: narrower.width,
                                         sidebar(width: sidebarWidth, context.clock), gap: " │ ")
        }
        return header(context) + sidebar(width: context.width, context.clock) + thread(context)
    }

    private func header(_ context: DetailContext) -> [StyledLine] {
        let (s, clock) = (summary, context.clock)
        var lines = [
            StyledLine(s.subject, .title),
            StyledLine([(TextFitting.pad(context.say("Status"), to: 11), .dim), (context.say(s.status.title), s.status.role)]),
            .field(context.say("Customer"), "\(s.customerName) <\(customerEmail)>"),
        ]
        if let number = orderNumber { lines.append(.field(context.say("Order"), number, .accent)) }
        lines.append(.field(context.say("Opened"), DetailContext.when(s.openedAt, clock)))
        let hours = context.businessHours ?? .always(in: clock.timeZone)
        let counted = context.businessHours != nil
        if let first = s.firstResponseAt {
            let took = BusinessHours.duration(hours.seconds(from: s.openedAt, to: first))
            lines.append(.field(context.say("Answered"), counted ? context.say("in {time} of business hours", ["time": took])
                                                                 : context.say("in {time}", ["time": took])))
        }
        if s.status == .open, let since = s.waitingSince {
            let waited = BusinessHours.duration(hours.seconds(from: since, to: clock.now))
            let values: KeyValuePairs<String, String> = ["time": waited, "since": clock.short(since)]
            lines.append(.field(context.say("Waiting"), counted ? context.say("{time} of business hours, since {since}", values)
                                                                : context.say("{time}, since {since}", values), .bad))
        } else if s.firstResponseAt == nil, s.status != .closed {
            lines.append(.field(context.say("Waiting"), context.say("no reply yet, {ago}", ["ago": clock.relative(s.openedAt)]), .bad))
        }
        return lines
    }

    private func thread(_ context: DetailContext) -> [StyledLine] {
        let (clock, width) = (context.clock, context.width)
        var lines: [StyledLine] = []
        for message in messages {
            let mine = message.direction == .outbound
            lines.append(StyledLine([("▸ \(clock.short(message.at)) ", .dim), (message.from, mine ? .good : .accent),
                                     (message.isAutoReply ? "  " + context.say("(automatic reply)") : "", .dim)]))
            for part in QuotedText.parts(message.body) {
                switch part {
                case .text(let text):
                    for line in TextFitting.wrap(text.joined(separator: "\n"), to: max(10, width - 2)) { lines.append(StyledLine("  " + line)) }
                case .quote(let text), .signature(let text):
                    let quoted = if case .quote = part { true } else { false }
                    if context.showsQuotedText {
                        for line in TextFitting.wrap(text.joined(separator: "\n"), to: max(10, width - 2)) { lines.append(StyledLine("  " + line, .dim)) }
                    } else {
                        let count = text.count
                        let folded = switch (quoted, count == 1) {
                        case (true, true): context.say("1 quoted line (f shows)")
                        case (true, false): context.say("{count} quoted lines (f shows)", ["count": String(count)])
                        case (false, true): context.say("1 signature line (f shows)")
                        case (false, false): context.say("{count} signature lines (f shows)", ["count": String(count)])
                        }
                        lines.append(StyledLine("  ┄ " + folded, .dim))
                    }
                }
            }
            for attachment in message.attachments.split(separator: "\n") {
                lines.append(StyledLine([("  📎 ", .dim), (String(attachment), .accent)]))
            }
            for note in message.notes.split(separator: "\n") {
                lines.append(StyledLine("  ! " + context.clock.language.sayKept(String(note)), .warning))
            }
        }
        if !activity.isEmpty {
            lines.append(StyledLine(context.say("Notes and changes"), .header))
            lines += activity.map(context.activityLine)
        }
        return lines
    }

    /// The customer's orders, parcels, points, other conversations and mail, newest first.
    private func sidebar(width: Int, _ clock: ShopClock) -> [StyledLine] {
        let c = customer
        var lines = [StyledLine(TextFitting.truncate(summary.customerName, to: width), .header)]
        if let tier = c.loyaltyTier {
            lines.append(StyledLine([(clock.language.say("Loyalty") + " ", .dim),
                                     (clock.language.say("{tier}, {points} points", ["tier": clock.language.say(tier.capitalized),
                                                                                     "points": c.points.grouped(in: clock.language)]), .normal)]))
        }
        if c.isUnsubscribed { lines.append(StyledLine(clock.language.say("Unsubscribed from marketing"), .dim)) }
        lines.append(StyledLine(clock.language.say("Orders ({count})", ["count": c.orderCount.grouped(in: clock.language)]), .dim))
        for order in c.orders {
            lines.append(StyledLine([(order.number + " ", .accent), (clock.language.say(order.status.title) + " ", order.status.role), (order.total.formatted(in: clock.language), .normal)]))
        }
        if !c.parcels.isEmpty {
            lines.append(StyledLine(clock.language.say("Parcels"), .dim))
            for parcel in c.parcels {
                lines.append(StyledLine([(parcel.orderNumber + " ", .accent), (parcel.carrier + " ", .normal), (clock.language.say(parcel.status.title), .dim)]))
            }
        }
        if c.conversationCount > 0 {
            lines.append(StyledLine(clock.language.say("Other conversations ({count})", ["count": c.conversationCount.grouped(in: clock.language)]), .dim))
            for other in c.conversations {
                lines.append(StyledLine([("\(clock.short(other.lastMessageAt)) ", .dim), (other.subject, other.status.role)]))
            }
        }
        lines.append(StyledLine(clock.language.say("Mail sent ({count})", ["count": c.mailCount.grouped(in: clock.language)]), .dim))
        for mail in c.mails {
            lines.append(StyledLine([("\(clock.short(mail.at)) ", .dim), (mail.subject, mail.state == .failed ? .bad : .normal)]))
        }
        return lines
    }
}
