import Foundation
import Tezgah

extension OrderDetail {
    /// The order's lines: its parties, items, parcels and timeline.
    func lines(_ context: DetailContext) -> [StyledLine] {
        let (d, clock, width) = (self, context.clock, context.width)
        let s = d.summary
        var lines = [
            StyledLine([(s.number, .title), ("  ", .normal), (s.customerName, .title), ("  ", .normal), (s.total.formatted, .money)]),
            .field("Placed", DetailContext.when(s.placedAt, clock)),
            StyledLine([(TextFitting.pad("Status", to: 11), .dim), (s.status.title, s.status.role), (" · ", .dim),
                        (s.payment.title, s.payment.role), (" · ", .dim), (d.fulfillment.title, .normal)]),
            .field("Customer", "\(d.customer.name) <\(d.customer.email)> · \(d.customer.language)"),
            .field("Ship to", d.shippingAddress),
        ]
        if let reason = d.holdReason { lines.append(.field("On hold", reason, .warning)) }
        if let refunded = d.refunded { lines.append(.field("Refunded", refunded.formatted, .money)) }
        if !d.tags.isEmpty { lines.append(.field("Tags", d.tags.joined(separator: ", "), .accent)) }
        for (index, note) in d.note.split(separator: "\n").enumerated() {
            lines.append(.field(index == 0 ? "Note" : "", String(note), .warning))
        }
        lines.append(StyledLine("Items", .header))
        for line in d.lines {
            let amount = Money(minorUnits: line.amountMinorUnits, currency: line.unitPrice.currency)
            let quantity = "  \(line.quantity) × "
            let nameWidth = max(6, width - DisplayWidth.of(quantity) - 13)
            lines.append(StyledLine([(quantity, .dim), (TextFitting.pad(line.name, to: nameWidth), .normal),
                                     (TextFitting.pad(amount.formatted, to: 13, alignRight: true), .money)]))
        }
        if !d.shipments.isEmpty {
            lines.append(StyledLine("Shipments", .header))
            for shipment in d.shipments {
                lines.append(StyledLine([("  \(shipment.carrier.title) \(shipment.trackingNumber) · ", .normal),
                                         (shipment.status.title, shipment.status.role),
                                         (shipment.eta.map { " · ETA \(clock.day($0))" } ?? "", .dim)]))
            }
        }
        if !d.activity.isEmpty {
            lines.append(StyledLine("Timeline", .header))
            for entry in d.activity {
                lines.append(StyledLine([("  \(clock.short(entry.at)) ", .dim), (entry.actor, .accent),
                                         ("  \(entry.action)", .normal), (entry.detail.isEmpty ? "" : " — \(entry.detail)", .dim)]))
            }
        }
        return lines
    }
}
