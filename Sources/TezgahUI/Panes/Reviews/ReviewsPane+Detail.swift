import Foundation
import Tezgah

extension ReviewInviteSummary {
    /// The invite's lines: when it is due, sent and reminded, and why it waits.
    func lines(_ context: DetailContext) -> [StyledLine] {
        let (r, clock, width) = (self, context.clock, context.width)
        var lines = [
            StyledLine([(context.say("Review invite for") + " ", .dim), (r.orderNumber, .title), ("  ", .normal), (r.customerName, .title)]),
            StyledLine([(TextFitting.pad(context.say("State"), to: 11), .dim), (context.say(r.state.title), r.state.role)]),
            .field(context.say("Due"), DetailContext.when(r.dueAt, clock)),
        ]
        if let sent = r.sentAt { lines.append(.field(context.say("Sent"), DetailContext.when(sent, clock))) }
        if let reminder = r.reminderAt { lines.append(.field(context.say("Reminder"), DetailContext.when(reminder, clock))) }
        if !r.reason.isEmpty { lines.append(.field(context.say("Why"), clock.language.sayKept(r.reason), .warning)) }
        if let review = r.review { lines.append(.field(context.say("Review"), review, .good)) }
        if !r.activity.isEmpty {
            lines.append(StyledLine(context.say("Timeline"), .header))
            lines += r.activity.map(context.activityLine)
        }
        lines.append(StyledLine(""))
        for text in TextFitting.wrap(context.say("One rule for every customer: an invite waits while that customer has an open conversation, return or shipment exception, and is never dropped for it."), to: max(10, width)) {
            lines.append(StyledLine(text, .dim))
        }
        return lines
    }
}
