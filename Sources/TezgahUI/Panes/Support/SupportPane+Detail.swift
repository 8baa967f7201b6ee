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
            StyledLine([(TextFitting.pad("Status", to: 11), .dim), (s.status.title, s.status.role)]),
            .field("Customer", "\(s.customerName) <\(customerEmail)>"),
        ]
        if let number = orderNumber { lines.append(.field("Order", number, .accent)) }
        lines.append(.field("Opened", DetailContext.when(s.openedAt, clock)))
        let hours = context.businessHours ?? .always(in: clock.timeZone)
        let inHours = context.businessHours == nil ? "" : " of business hours"
        if let first = s.firstResponseAt {
            lines.append(.field("Answered", "in \(BusinessHours.duration(hours.seconds(from: s.openedAt, to: first)))\(inHours)"))
        }
        if s.status == .open, let since = s.waitingSince {
            let waited = BusinessHours.duration(hours.seconds(from: since, to: clock.now))
            lines.append(.field("Waiting", "\(waited)\(inHours), since \(clock.short(since))", .bad))
        } else if s.firstResponseAt == nil, s.status != .closed {
            lines.append(.field("Waiting", "no reply yet, \(clock.relative(s.openedAt))", .bad))
        }
        return lines
    }

    private func thread(_ context: DetailContext) -> [StyledLine] {
        let (clock, width) = (context.clock, context.width)
        var lines: [StyledLine] = []
        for message in messages {
            let mine = message.direction == .outbound
            lines.append(StyledLine([("▸ \(clock.short(message.at)) ", .dim), (message.from, mine ? .good : .accent),
                                     (message.isAutoReply ? "  (automatic reply)" : "", .dim)]))
            for part in QuotedText.parts(message.body) {
                switch part {
                case .text(let text):
                    for line in TextFitting.wrap(text.joined(separator: "\n"), to: max(10, width - 2)) { lines.append(StyledLine("  " + line)) }
                case .quote(let text), .signature(let text):
                    let what = if case .quote = part { "quoted" } else { "signature" }
                    if context.showsQuotedText {
                        for line in TextFitting.wrap(text.joined(separator: "\n"), to: max(10, width - 2)) { lines.append(StyledLine("  " + line, .dim)) }
                    } else {
                        let count = text.count
                        lines.append(StyledLine("  ┄ \(count) \(what) line\(count == 1 ? "" : "s") (f shows)", .dim))
                    }
                }
            }
            for attachment in message.attachments.split(separator: "\n") {
                lines.append(StyledLine([("  📎 ", .dim), (String(attachment), .accent)]))
            }
            for note in message.notes.split(separator: "\n") {
                lines.append(StyledLine("  ! \(note)", .warning))
            }
        }
        if !activity.isEmpty {
            lines.append(StyledLine("Notes and changes", .header))
            for entry in activity {
                lines.append(StyledLine([("  \(clock.short(entry.at)) ", .dim), (entry.actor, .accent), ("  \(entry.action)", .normal),
                                         (entry.detail.isEmpty ? "" : " — \(entry.detail)", .dim)]))
            }
        }
        return lines
    }

    /// The customer's orders, parcels, points, other conversations and mail, newest first.
    private func sidebar(width: Int, _ clock: ShopClock) -> [StyledLine] {
        let c = customer
        var lines = [StyledLine(TextFitting.truncate(summary.customerName, to: width), .header)]
        if let tier = c.loyaltyTier {
            lines.append(StyledLine([("Loyalty ", .dim), ("\(tier.capitalized), \(c.points) points", .normal)]))
        }
        if c.isUnsubscribed { lines.append(StyledLine("Unsubscribed from marketing", .dim)) }
        lines.append(StyledLine("Orders (\(c.orderCount))", .dim))
        for order in c.orders {
            lines.append(StyledLine([(order.number + " ", .accent), (order.status.title + " ", order.status.role), (order.total.formatted, .normal)]))
        }
        if !c.parcels.isEmpty {
            lines.append(StyledLine("Parcels", .dim))
            for parcel in c.parcels {
                lines.append(StyledLine([(parcel.orderNumber + " ", .accent), (parcel.carrier + " ", .normal), (parcel.status.title, .dim)]))
            }
        }
        if c.conversationCount > 0 {
            lines.append(StyledLine("Other conversations (\(c.conversationCount))", .dim))
            for other in c.conversations {
                lines.append(StyledLine([("\(clock.short(other.lastMessageAt)) ", .dim), (other.subject, other.status.role)]))
            }
        }
        lines.append(StyledLine("Mail sent (\(c.mailCount))", .dim))
        for mail in c.mails {
            lines.append(StyledLine([("\(clock.short(mail.at)) ", .dim), (mail.subject, mail.state == .failed ? .bad : .normal)]))
        }
        return lines
    }
}
