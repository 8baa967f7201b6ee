import Foundation

/// What the owner does to an order, from a key in the Orders pane or a `:` command.
public enum OrderAction: Hashable, Sendable {
    case markPreparing
    case hold(reason: String)
    case release
    /// Hands the order to a carrier: creates the shipment with this (already checked) tracking number.
    case ship(carrier: Carrier, trackingNumber: String)
    case cancel
    /// The carrier delivered every parcel (the tracking import does this), or the owner handed it over.
    case markDelivered
    /// A refund of this amount, or of everything not yet refunded (nil).
    case refund(Money?)
    case addNote(String)
    case addTag(String)
    case removeTag(String)

    /// How the activity log, the timeline and the status bar name it.
    public var pastTense: String {
        switch self {
        case .markPreparing: "marked preparing"
        case .hold: "put on hold"
        case .release: "released"
        case .ship: "shipped"
        case .cancel: "cancelled"
        case .markDelivered: "delivered"
        case .refund: "refunded"
        case .addNote: "noted"
        case .addTag: "tagged"
        case .removeTag: "untagged"
        }
    }

    /// True for actions whose result a customer cares about enough to be told (the mail is queued in
    /// the same transaction as the change).
    public var customerMail: MailKind? {
        switch self {
        case .markPreparing: .orderPreparing
        case .ship: .shipped
        case .cancel: .cancelled
        case .markDelivered: .delivered
        case .refund: .refunded
        case .hold, .release, .addNote, .addTag, .removeTag: nil
        }
    }

    /// Whether one action may be applied to many marked orders at once. A tracking number belongs to
    /// one parcel, so shipping is one order at a time.
    public var appliesToMany: Bool {
        if case .ship = self { return false }
        return true
    }
}

/// The parts of an order the owner's actions change — and so what undo puts back.
public struct OrderFacts: Hashable, Sendable, Codable {
    public var status: OrderStatus
    public var payment: PaymentStatus
    public var fulfillment: FulfillmentStatus
    public var total: Int64
    public var refunded: Int64
    public var currency: String
    public var holdReason: String?
    /// The status an order on hold returns to when released.
    public var heldFrom: OrderStatus?
    public var note: String
    public var tags: [String]

    public init(status: OrderStatus, payment: PaymentStatus, fulfillment: FulfillmentStatus, total: Int64, refunded: Int64,
                currency: String, holdReason: String? = nil, heldFrom: OrderStatus? = nil, note: String = "", tags: [String] = []) {
        self.status = status
        self.payment = payment
        self.fulfillment = fulfillment
        self.total = total
        self.refunded = refunded
        self.currency = currency
        self.holdReason = holdReason
        self.heldFrom = heldFrom
        self.note = note
        self.tags = tags
    }
}

extension OrderAction {
    /// The order after this action, or why it cannot be done (a sentence about the order, without its
    /// number: "is on hold (address check); release it first.").
    public func applied(to order: OrderFacts) -> Result<OrderFacts, OrderActionRefusal> {
        var next = order
        func refuse(_ why: Said) -> Result<OrderFacts, OrderActionRefusal> { .failure(OrderActionRefusal(why)) }
        let held = ["reason": order.holdReason ?? ""]
        let status = ["status": order.status.title]
        let onHold = order.holdReason == nil ? Said("is on hold; release it first.") : Said("is on hold ({reason}); release it first.", held)
        switch self {
        case .markPreparing:
            switch order.status {
            case .received: next.status = .preparing
            case .preparing: return refuse(Said("is already being prepared."))
            case .onHold: return refuse(onHold)
            default: return refuse(Said("is {status}; only a received order can be marked preparing.", phrases: status))
            }
        case .hold(let reason):
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { return refuse(Said("needs a reason to be put on hold.")) }
            guard [.received, .preparing].contains(order.status) else {
                return order.status == .onHold ? refuse(Said("is already on hold ({reason}).", held))
                    : refuse(Said("is {status}; only a received or preparing order can be put on hold.", phrases: status))
            }
            next.heldFrom = order.status
            next.status = .onHold
            next.holdReason = reason
        case .release:
            guard order.status == .onHold else { return refuse(Said("is not on hold.")) }
            next.status = order.heldFrom ?? .received
            next.heldFrom = nil
            next.holdReason = nil
        case .ship:
            switch order.status {
            case .received, .preparing, .shipped: break
            case .onHold: return refuse(onHold)
            default: return refuse(Said("is {status}; it cannot be shipped.", phrases: status))
            }
            next.status = .shipped
            next.fulfillment = .fulfilled
        case .cancel:
            switch order.status {
            case .received, .preparing, .onHold: break
            case .cancelled: return refuse(Said("is already cancelled."))
            default: return refuse(Said("is {status}; it cannot be cancelled — refund it instead.", phrases: status))
            }
            next.status = .cancelled
            next.holdReason = nil
            next.heldFrom = nil
        case .markDelivered:
            guard order.status == .shipped else {
                return order.status == .delivered ? refuse(Said("is already delivered.")) : refuse(Said("is {status}; only a shipped order can be delivered.", phrases: status))
            }
            next.status = .delivered
        case .refund(let amount):
            guard order.payment == .paid || order.payment == .partiallyRefunded else {
                return order.payment == .refunded ? refuse(Said("is already refunded in full.")) : refuse(Said("is not paid; there is nothing to refund."))
            }
            let left = order.total - order.refunded
            let money = amount ?? Money(minorUnits: left, currency: .code(order.currency))
            guard money.currency.code == order.currency else {
                return refuse(Said("is in {currency}, not {asked}.", ["currency": order.currency, "asked": money.currency.code]))
            }
            guard money.minorUnits > 0 else { return refuse(Said("needs a refund amount above zero.")) }
            guard money.minorUnits <= left else {
                return refuse(Said("has only {left} left to refund.", amounts: ["left": Money(minorUnits: left, currency: .code(order.currency))]))
            }
            next.refunded += money.minorUnits
            next.payment = next.refunded == order.total ? .refunded : .partiallyRefunded
        case .addNote(let text):
            let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return refuse(Said("needs the note's text.")) }
            next.note = order.note.isEmpty ? text : order.note + "\n" + text
        case .addTag(let tag):
            let tag = tag.trimmingCharacters(in: .whitespaces)
            guard !tag.isEmpty, !tag.contains(",") else { return refuse(Said("needs a tag without commas.")) }
            guard !order.tags.contains(where: { SearchFolding.fold($0) == SearchFolding.fold(tag) }) else {
                return refuse(Said("is already tagged {tag}.", ["tag": tag]))
            }
            next.tags.append(tag)
        case .removeTag(let tag):
            let folded = SearchFolding.fold(tag)
            guard order.tags.contains(where: { SearchFolding.fold($0) == folded }) else {
                return refuse(Said("has no tag {tag}.", ["tag": tag.trimmingCharacters(in: .whitespaces)]))
            }
            next.tags.removeAll { SearchFolding.fold($0) == folded }
        }
        return .success(next)
    }

    /// What the activity log says beside the action's name.
    public func logDetail(before: OrderFacts, after: OrderFacts) -> String {
        switch self {
        case .hold(let reason): reason.trimmingCharacters(in: .whitespacesAndNewlines)
        case .release: "back to \(after.status.title)"
        case let .ship(carrier, number): "\(carrier.title) \(number)"
        case .refund:
            Money(minorUnits: after.refunded - before.refunded, currency: .code(before.currency)).formatted
                + (after.payment == .refunded ? " (in full)" : "")
        case .addNote(let text): text.trimmingCharacters(in: .whitespacesAndNewlines)
        case .addTag(let tag), .removeTag(let tag): tag.trimmingCharacters(in: .whitespaces)
        case .markPreparing, .cancel, .markDelivered: ""
        }
    }
}

/// Why an action does not fit an order, as the end of a sentence about it ("Order {number} {reason}").
public struct OrderActionRefusal: Error, Hashable, Sendable {
    public var reason: Said
    public init(_ reason: Said) { self.reason = reason }
}
