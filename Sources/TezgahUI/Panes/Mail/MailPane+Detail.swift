import Foundation
import Tezgah

extension OutboxDetail {
    /// The mail's lines: its state, the message as the customer will read it, and other mail to them.
    func lines(_ context: DetailContext) -> [StyledLine] {
        let (d, clock, width) = (self, context.clock, context.width)
        let s = d.summary
        var lines = [
            StyledLine(s.subject, .title),
            StyledLine([(TextFitting.pad(context.say("State"), to: 11), .dim), (context.say(s.state.title), s.state.role), (" · \(context.say(s.kind.title)) (\(context.say(s.kind.category.rawValue)))", .dim)]),
            .field(context.say("To"), s.customerName.isEmpty ? s.toAddress : "\(s.customerName) <\(s.toAddress)>"),
            .field(context.say("Queued"), DetailContext.when(s.createdAt, clock)),
            .field(context.say("Attempts"), String(s.attempts)),
        ]
        if let next = s.nextAttemptAt { lines.append(.field(context.say("Next try"), DetailContext.when(next, clock), .warning)) }
        if !s.lastReply.isEmpty { lines.append(.field(context.say("Reply"), s.lastReply, s.state == .failed ? .bad : .normal)) }
        lines.append(.field(context.say("Dedupe key"), d.dedupeKey, .dim))
        lines.append(.field(context.say("Message-ID"), d.messageID, .dim))
        if let preview = d.preview {
            lines.append(StyledLine(preview.hasHTML ? context.say("Message (text part; an HTML part goes too)") : context.say("Message"), .header))
            for header in preview.headers {
                for (index, piece) in TextFitting.wrap(header.value, to: max(10, width - 13)).enumerated() {
                    lines.append(StyledLine([(TextFitting.pad(index == 0 ? "  \(header.name):" : "", to: 13), .dim), (piece, .normal)]))
                }
            }
            lines.append(StyledLine(""))
            for piece in TextFitting.wrap(preview.text, to: max(10, width - 2)) { lines.append(StyledLine("  " + piece)) }
        } else {
            lines.append(StyledLine(context.say("Message"), .header))
            for piece in TextFitting.wrap(d.message, to: max(10, width - 2)) { lines.append(StyledLine("  " + piece)) }
        }
        lines.append(StyledLine(context.say("Other mail to {address}", ["address": s.toAddress]), .header))
        if d.history.isEmpty { lines.append(StyledLine("  " + context.say("none"), .dim)) }
        for mail in d.history {
            lines.append(StyledLine([("  \(clock.day(mail.createdAt))  ", .dim), (TextFitting.pad(context.say(mail.state.title), to: 10), mail.state.role),
                                     (context.say(mail.kind.title), .normal)]))
        }
        return lines
    }
}
