import Foundation

/// A customer mail an order causes (an action, an import, the demo), with the facts its template
/// needs. The store cannot render mail (templates and MIME are the mail module's), so the caller
/// passes a composer that turns this into a `ComposedMail`; the store queues it in the change's own
/// transaction.
public struct OrderMailRequest: Sendable {
    public var kind: MailKind
    /// Names the event, so the same event never mails twice (`shipped:shipment:88`).
    public var dedupeKey: String
    /// Nil for mail about the customer's membership rather than an order (loyalty).
    public var orderID: Int64?
    public var orderNumber: String
    public var customer: Customer
    public var total: Money
    /// The amount of this refund (refund mail only).
    public var refund: Money?
    /// The parcel (shipped mail only).
    public var carrier: Carrier?
    public var trackingNumber: String?
    /// When the parcel should arrive (shipped mail only).
    public var eta: Date?
    /// Other template values the kind needs that the order does not hold (`review_url` for an invite).
    public var values: [String: String]

    public init(kind: MailKind, dedupeKey: String, orderID: Int64?, orderNumber: String, customer: Customer, total: Money,
                refund: Money? = nil, carrier: Carrier? = nil, trackingNumber: String? = nil, eta: Date? = nil,
                values: [String: String] = [:]) {
        self.eta = eta
        self.kind = kind
        self.dedupeKey = dedupeKey
        self.orderID = orderID
        self.orderNumber = orderNumber
        self.customer = customer
        self.total = total
        self.refund = refund
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.values = values
    }
}

/// Renders an order's customer mail (see `MailComposer` and the runtime's `OrderMails`).
public typealias OrderMailComposer = @Sendable (OrderMailRequest) throws -> ComposedMail

/// As `OrderMailComposer`, dated by the caller: the demo writes a history of mail at many times.
public typealias DatedOrderMailComposer = @Sendable (OrderMailRequest, Date) throws -> ComposedMail
