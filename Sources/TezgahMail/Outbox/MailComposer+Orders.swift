import Foundation
import Tezgah

/// What a shop's order mail says besides the order itself.
public struct ShopMailDetails: Sendable {
    public var shopName: String
    /// A sentence for the shipped mail about returns.
    public var returnPolicy: String
    public var trackingLinks: TrackingLinks
    /// The shop's zone, in which an ETA's day is named.
    public var timeZone: TimeZone

    public init(shopName: String, returnPolicy: String = "", trackingLinks: TrackingLinks = TrackingLinks(), timeZone: TimeZone = .current) {
        self.timeZone = timeZone
        self.shopName = shopName
        self.returnPolicy = returnPolicy
        self.trackingLinks = trackingLinks
    }
}

extension MailComposer {
    /// The customer mail an order asks for: the template's variables filled from the request and
    /// the shop, and only those the kind's template may use.
    public func compose(_ request: OrderMailRequest, shop: ShopMailDetails, now: Date) throws -> ComposedMail {
        var values = request.values.merging([
            "shop_name": shop.shopName, "customer_name": request.customer.name, "support_email": sender.address,
            "order_number": request.orderNumber, "order_total": request.total.formatted,
        ]) { $1 }
        if let refund = request.refund { values["refund_amount"] = refund.formatted }
        if let carrier = request.carrier, let number = request.trackingNumber {
            values["carrier"] = carrier.title
            values["tracking_number"] = number
            values["tracking_url"] = shop.trackingLinks.url(carrier, number)
            values["return_policy"] = shop.returnPolicy
            // In the customer's language ("9 Aralık Çarşamba"); none (no transit times) hides the line.
            values["eta"] = request.eta.map { CustomerDate.day($0, language: request.customer.language, timeZone: shop.timeZone) } ?? ""
        }
        let allowed = MailTemplateVariables.allowed(for: request.kind)
        let customer = request.customer
        return try compose(request.kind,
                           to: .init(customerID: customer.id, name: customer.name, address: customer.email, language: customer.language),
                           values: values.filter { allowed.contains($0.key) }, dedupeKey: request.dedupeKey,
                           orderID: request.orderID, now: now)
    }
}
