import Foundation
import Tezgah

extension PaneDetail {
    /// The detail of the selected row as lines, wrapped to `width` where text runs long.
    func lines(clock: ShopClock, rule: ShipmentAttentionRule, links: TrackingLinks, width: Int) -> [StyledLine] {
        switch self {
        case .order(let detail): Self.order(detail, clock, width)
        case .shipment(let detail): Self.shipment(detail, clock, rule, links, width)
        case .review(let invite): Self.review(invite, clock, width)
        case .conversation(let detail): Self.conversation(detail, clock, width)
        case .loyalty(let detail): Self.loyalty(detail, clock)
        case .mail(let detail): Self.mail(detail, clock, width)
        }
    }

    private static func when(_ date: Date, _ clock: ShopClock) -> String {
        "\(clock.full(date)) (\(clock.relative(date)))"
    }

    private static func order(_ d: OrderDetail, _ clock: ShopClock, _ width: Int) -> [StyledLine] {
        let s = d.summary
        var lines = [
            StyledLine([(s.number, .title), ("  ", .normal), (s.customerName, .title), ("  ", .normal), (s.total.formatted, .money)]),
            .field("Placed", when(s.placedAt, clock)),
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

    private static func shipment(_ d: ShipmentDetail, _ clock: ShopClock, _ rule: ShipmentAttentionRule, _ links: TrackingLinks,
                                 _ width: Int) -> [StyledLine] {
        let s = d.summary
        var lines = [
            StyledLine([(s.carrier.title, .title), ("  ", .normal), (s.trackingNumber, .accent)]),
            StyledLine([(TextFitting.pad("Status", to: 11), .dim), (s.status.title, s.status.role)]),
            .field("Order", "\(s.orderNumber) · \(s.customerName)"),
            .field("Shipped", when(s.shippedAt, clock)),
        ]
        if let eta = s.eta {
            var text = clock.day(eta)
            if let first = s.firstEta, first != eta { text += " (first promised \(clock.day(first)))" }
            lines.append(.field("ETA", text, s.firstEta != nil && s.firstEta != eta ? .warning : .normal))
        }
        if let last = s.lastEventAt { lines.append(.field("Last event", when(last, clock))) }
        for (index, reason) in rule.reasons(s, now: clock.now).enumerated() {
            lines.append(.field(index == 0 ? "Attention" : "", reason.explanation(clock), .bad))
        }
        // The whole link, broken across lines if need be: a cut link cannot be copied.
        for (index, piece) in TextFitting.wrap(links.url(s.carrier, s.trackingNumber), to: max(10, width - 11)).enumerated() {
            lines.append(.field(index == 0 ? "Track" : "", piece, .accent))
        }
        lines.append(StyledLine("Timeline", .header))
        for event in d.events {
            lines.append(StyledLine([("  \(clock.short(event.at))  ", .dim), (event.status.title, event.status.role)]))
            let text = event.location.isEmpty ? event.description : "\(event.description) · \(event.location)"
            for piece in TextFitting.wrap(text, to: max(10, width - 6)) { lines.append(StyledLine("      " + piece)) }
        }
        return lines
    }

    private static func review(_ r: ReviewInviteSummary, _ clock: ShopClock, _ width: Int) -> [StyledLine] {
        var lines = [
            StyledLine([("Review invite for ", .dim), (r.orderNumber, .title), ("  ", .normal), (r.customerName, .title)]),
            StyledLine([(TextFitting.pad("State", to: 11), .dim), (r.state.title, r.state.role)]),
            .field("Due", when(r.dueAt, clock)),
        ]
        if let sent = r.sentAt { lines.append(.field("Sent", when(sent, clock))) }
        if let reminder = r.reminderAt { lines.append(.field("Reminder", when(reminder, clock))) }
        if !r.reason.isEmpty { lines.append(.field("Why", r.reason, .warning)) }
        lines.append(StyledLine(""))
        for text in TextFitting.wrap("One rule for every customer: an invite waits while that customer has an open conversation, return or shipment exception, and is never dropped for it.", to: max(10, width)) {
            lines.append(StyledLine(text, .dim))
        }
        return lines
    }

    private static func conversation(_ d: ConversationDetail, _ clock: ShopClock, _ width: Int) -> [StyledLine] {
        let s = d.summary
        var lines = [
            StyledLine(s.subject, .title),
            StyledLine([(TextFitting.pad("Status", to: 11), .dim), (s.status.title, s.status.role)]),
            .field("Customer", "\(s.customerName) <\(d.customerEmail)>"),
        ]
        if let number = d.orderNumber { lines.append(.field("Order", number, .accent)) }
        lines.append(.field("Opened", when(s.openedAt, clock)))
        if let first = s.firstResponseAt {
            let minutes = Int(first.timeIntervalSince(s.openedAt) / 60)
            lines.append(.field("Answered", minutes < 120 ? "in \(minutes) min" : "in \(minutes / 60) h"))
        } else if s.status != .closed {
            lines.append(.field("Waiting", "no reply yet, \(clock.relative(s.openedAt))", .bad))
        }
        for message in d.messages {
            let mine = message.direction == .outbound
            lines.append(StyledLine([("▸ \(clock.short(message.at)) ", .dim), (message.from, mine ? .good : .accent)]))
            for text in TextFitting.wrap(message.body, to: max(10, width - 2)) {
                lines.append(StyledLine("  " + text))
            }
        }
        return lines
    }

    private static func loyalty(_ d: LoyaltyDetail, _ clock: ShopClock) -> [StyledLine] {
        let s = d.summary
        var lines = [
            StyledLine([(s.customerName, .title), ("  ", .normal), (s.tier.title, s.tier.role)]),
            .field("E-mail", d.customerEmail),
            .field("Points", Int(s.balance).grouped, .money),
            .field("Joined", when(s.joinedAt, clock)),
            .field("Referral", s.referralCode, .accent),
        ]
        if !d.coupons.isEmpty {
            lines.append(StyledLine("Coupons", .header))
            for coupon in d.coupons {
                let state = coupon.redeemedAt.map { "redeemed \(clock.day($0))" } ?? coupon.expiresAt.map { "until \(clock.day($0))" } ?? ""
                lines.append(StyledLine([("  \(coupon.code) ", .accent), (coupon.description, .normal), ("  \(state)", .dim)]))
            }
        }
        lines.append(StyledLine("Points ledger", .header))
        for entry in d.ledger {
            lines.append(StyledLine([("  \(clock.day(entry.at)) ", .dim),
                                     (TextFitting.pad((entry.points > 0 ? "+" : "") + Int(entry.points).grouped, to: 8, alignRight: true),
                                      entry.points > 0 ? .good : .warning),
                                     ("  \(entry.reason)", .normal)]))
        }
        return lines
    }

    private static func mail(_ d: OutboxDetail, _ clock: ShopClock, _ width: Int) -> [StyledLine] {
        let s = d.summary
        var lines = [
            StyledLine(s.subject, .title),
            StyledLine([(TextFitting.pad("State", to: 11), .dim), (s.state.title, s.state.role), (" · \(s.kind.title) (\(s.kind.category.rawValue))", .dim)]),
            .field("To", s.customerName.isEmpty ? s.toAddress : "\(s.customerName) <\(s.toAddress)>"),
            .field("Queued", when(s.createdAt, clock)),
            .field("Attempts", String(s.attempts)),
        ]
        if let next = s.nextAttemptAt { lines.append(.field("Next try", when(next, clock), .warning)) }
        if !s.lastReply.isEmpty { lines.append(.field("Reply", s.lastReply, s.state == .failed ? .bad : .normal)) }
        lines.append(.field("Dedupe key", d.dedupeKey, .dim))
        lines.append(.field("Message-ID", d.messageID, .dim))
        if let preview = d.preview {
            lines.append(StyledLine("Message" + (preview.hasHTML ? " (text part; an HTML part goes too)" : ""), .header))
            for header in preview.headers {
                for (index, piece) in TextFitting.wrap(header.value, to: max(10, width - 13)).enumerated() {
                    lines.append(StyledLine([(TextFitting.pad(index == 0 ? "  \(header.name):" : "", to: 13), .dim), (piece, .normal)]))
                }
            }
            lines.append(StyledLine(""))
            for piece in TextFitting.wrap(preview.text, to: max(10, width - 2)) { lines.append(StyledLine("  " + piece)) }
        } else {
            lines.append(StyledLine("Message", .header))
            for piece in TextFitting.wrap(d.message, to: max(10, width - 2)) { lines.append(StyledLine("  " + piece)) }
        }
        lines.append(StyledLine("Other mail to \(s.toAddress)", .header))
        if d.history.isEmpty { lines.append(StyledLine("  none", .dim)) }
        for mail in d.history {
            lines.append(StyledLine([("  \(clock.day(mail.createdAt))  ", .dim), (TextFitting.pad(mail.state.title, to: 10), mail.state.role),
                                     (mail.kind.title, .normal)]))
        }
        return lines
    }
}

extension ShipmentAttention {
    /// "late: ETA was 21 Nov", "ETA slipped 2 days", "no tracking event for 4d".
    func explanation(_ clock: ShopClock) -> String {
        switch self {
        case .late(let since): "late: ETA was \(clock.day(since))"
        case .slipped(let by): "ETA slipped \(Int(by / 86_400)) day\(Int(by / 86_400) == 1 ? "" : "s")"
        case .stalled(let since): "no tracking event since \(clock.day(since))"
        }
    }
}
