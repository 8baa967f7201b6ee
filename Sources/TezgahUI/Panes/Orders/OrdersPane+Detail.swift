import Foundation
import Tezgah

extension OrderDetail {
    /// The order's lines: its parties, items, parcels and timeline.
    func lines(_ context: DetailContext) -> [StyledLine] {
        let (d, clock, width) = (self, context.clock, context.width)
        let s = d.summary
        var lines = [
            StyledLine([(s.number, .title), ("  ", .normal), (s.customerName, .title), ("  ", .normal), (s.total.formatted(in: context.clock.language), .money)]),
            .field(context.say("Placed"), DetailContext.when(s.placedAt, clock)),
            StyledLine([(TextFitting.pad(context.say("Status"), to: 11), .dim), (context.say(s.status.title), s.status.role), (" · ", .dim),
                        (context.say(s.payment.title), s.payment.role), (" · ", .dim), (context.say(d.fulfillment.title), .normal)]),
            .field(context.say("Customer"), "\(d.customer.name) <\(d.customer.email)> · \(d.customer.language)"),
            .field(context.say("Ship to"), d.shippingAddress),
        ]
        if let reason = d.holdReason { lines.append(.field(context.say("On hold"), reason, .warning)) }
        if let refunded = d.refunded { lines.append(.field(context.say("Refunded"), refunded.formatted(in: context.clock.language), .money)) }
        if !d.tags.isEmpty { lines.append(.field(context.say("Tags"), d.tags.joined(separator: ", "), .accent)) }
        for (index, note) in d.note.split(separator: "\n").enumerated() {
            lines.append(.field(index == 0 ? context.say("Note") : "", String(note), .warning))
        }
        lines.append(StyledLine(context.say("Items"), .header))
        for line in d.lines {
            let amount = Money(minorUnits: line.amountMinorUnits, currency: line.unitPrice.currency)
            let quantity = "  \(line.quantity) × "
            let nameWidth = max(6, width - DisplayWidth.of(quantity) - 13)
            lines.append(StyledLine([(quantity, .dim), (TextFitting.pad(line.name, to: nameWidth), .normal),
                                     (TextFitting.pad(amount.formatted(in: context.clock.language), to: 13, alignRight: true), .money)]))
        }
        if !d.shipments.isEmpty {
            lines.append(StyledLine(context.say("Shipments"), .header))
            for shipment in d.shipments {
                lines.append(StyledLine([("  \(shipment.carrier.title) \(shipment.trackingNumber) · ", .normal),
                                         (context.say(shipment.status.title), shipment.status.role),
                                         (shipment.eta.map { " · " + context.say("ETA {day}", ["day": clock.day($0)]) } ?? "", .dim)]))
            }
        }
        if !d.activity.isEmpty {
            lines.append(StyledLine(context.say("Timeline"), .header))
            lines += d.activity.map(context.activityLine)
        }
        return lines
    }
}
