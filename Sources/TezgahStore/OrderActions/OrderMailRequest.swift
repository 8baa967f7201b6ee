import Foundation
import Tezgah

/// A customer mail an order action causes, with the facts its template needs. The store cannot
/// render mail (templates and MIME live in the mail module, which builds on the store), so the caller
/// passes a composer that turns this into an outbox row; the store queues it in the action's own
/// transaction.
public struct OrderMailRequest: Sendable {
    public var kind: MailKind
    /// Names the event, so the same event never mails twice (`shipped:shipment:88`).
    public var dedupeKey: String
    public var orderID: Int64
    public var orderNumber: String
    public var customer: Customer
    public var total: Money
    /// The amount of this refund (refund mail only).
    public var refund: Money?
    /// The parcel (shipped mail only).
    public var carrier: Carrier?
    public var trackingNumber: String?
}

/// Renders an order's customer mail into an outbox row (see `MailComposer` and the runtime's glue).
public typealias OrderMailComposer = @Sendable (OrderMailRequest) throws -> ShopWriter.NewMail
