import Foundation

/// One row of the Orders list.
public struct OrderSummary: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var number: String
    public var placedAt: Date
    public var customerName: String
    public var status: OrderStatus
    public var payment: PaymentStatus
    public var total: Money
    public var itemCount: Int
    /// The third axis, beside status and payment (shown where the list has room, and filterable).
    public var fulfillment: FulfillmentStatus = .unfulfilled

    public init(id: Int64, number: String, placedAt: Date, customerName: String, status: OrderStatus,
                payment: PaymentStatus, total: Money, itemCount: Int) {
        self.id = id
        self.number = number
        self.placedAt = placedAt
        self.customerName = customerName
        self.status = status
        self.payment = payment
        self.total = total
        self.itemCount = itemCount
    }
}

public struct OrderLine: Hashable, Sendable {
    public var sku: String
    public var name: String
    public var quantity: Int
    public var unitPrice: Money

    public init(sku: String, name: String, quantity: Int, unitPrice: Money) {
        self.sku = sku
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
    }

    /// What the line costs: its quantity times its unit price, in the price's minor units.
    public var amountMinorUnits: Int64 { unitPrice.minorUnits * Int64(quantity) }
}

extension Sequence<OrderLine> {
    /// What these lines cost together, in minor units: an order's total when the shop did not
    /// record one (no shipping, tax or discount known).
    public var amountMinorUnits: Int64 { reduce(0) { $0 + $1.amountMinorUnits } }
}

/// Everything the detail view shows about one order.
public struct OrderDetail: Hashable, Sendable {
    public var summary: OrderSummary
    public var customer: Customer
    public var fulfillment: FulfillmentStatus
    public var lines: [OrderLine]
    public var shippingAddress: String
    public var tags: [String]
    public var note: String
    public var shipments: [ShipmentSummary]
    public var activity: [ActivityEntry]
    /// Why the order is on hold, while it is.
    public var holdReason: String?
    /// How much has been refunded so far.
    public var refunded: Money?

    public init(summary: OrderSummary, customer: Customer, fulfillment: FulfillmentStatus, lines: [OrderLine],
                shippingAddress: String, tags: [String], note: String, shipments: [ShipmentSummary],
                activity: [ActivityEntry]) {
        self.summary = summary
        self.customer = customer
        self.fulfillment = fulfillment
        self.lines = lines
        self.shippingAddress = shippingAddress
        self.tags = tags
        self.note = note
        self.shipments = shipments
        self.activity = activity
    }
}
