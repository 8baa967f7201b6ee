import Foundation
import Tezgah

extension ConversationDetail {
    /// The conversation's lines: its customer, order, first-response clock and messages.
    func lines(_ context: DetailContext) -> [StyledLine] {
        let (d, clock, width) = (self, context.clock, context.width)
        let s = d.summary
        var lines = [
            StyledLine(s.subject, .title),
            StyledLine([(TextFitting.pad("Status", to: 11), .dim), (s.status.title, s.status.role)]),
            .field("Customer", "\(s.customerName) <\(d.customerEmail)>"),
        ]
        if let number = d.orderNumber { lines.append(.field("Order", number, .accent)) }
        lines.append(.field("Opened", DetailContext.when(s.openedAt, clock)))
        if let first = s.firstResponseAt {
            let minutes = Int(first.timeIntervalSince(s.openedAt) / 60)
            lines.append(.field("Answered", minutes < 120 ? "in \(minutes) min" : "in \(minutes / 60) h"))
        } else if s.status != .closed {
            lines.append(.field("Waiting", "no reply yet, \(clock.relative(s.openedAt))", .bad))
        }
        for message in d.messages {
            let mine = message.direction == .outbound
            lines.append(StyledLine([("▸ \(clock.short(message.at)) ", .dim), (message.from, mine ? .good : .accent),
                                     (message.isAutoReply ? "  (automatic reply)" : "", .dim)]))
            for text in TextFitting.wrap(message.body, to: max(10, width - 2)) {
                lines.append(StyledLine("  " + text))
            }
            for attachment in message.attachments.split(separator: "\n") {
                lines.append(StyledLine([("  📎 ", .dim), (String(attachment), .accent)]))
            }
            for note in message.notes.split(separator: "\n") {
                lines.append(StyledLine("  ! \(note)", .warning))
            }
        }
        if !d.activity.isEmpty {
            lines.append(StyledLine("Notes and changes", .header))
            for entry in d.activity {
                lines.append(StyledLine([("  \(clock.short(entry.at)) ", .dim), (entry.actor, .accent), ("  \(entry.action)", .normal),
                                         (entry.detail.isEmpty ? "" : " — \(entry.detail)", .dim)]))
            }
        }
        return lines
    }
}
