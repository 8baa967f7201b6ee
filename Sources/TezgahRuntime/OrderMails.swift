import Foundation
import Tezgah
import TezgahMail
import TezgahStore

/// Turns the customer mail an order action asks for into a rendered outbox row, with the shop's
/// templates, sender and tracking links. The store queues it in the action's own transaction.
public struct OrderMails: Sendable {
    public var composer: MailComposer
    public var shopName: String
    public var returnPolicy: String
    public var trackingLinks: TrackingLinks
    public var timeZone: TimeZone

    public init(composer: MailComposer, shopName: String, returnPolicy: String = "", trackingLinks: TrackingLinks = TrackingLinks(),
                timeZone: TimeZone = .current) {
        self.composer = composer
        self.shopName = shopName
        self.returnPolicy = returnPolicy
        self.trackingLinks = trackingLinks
        self.timeZone = timeZone
    }

    /// The shop's order mails as its config describes them, signed with the name the desk shows
    /// (`ShopSettings`). Without a `[mail]` section there is no sender to write from: nil (actions
    /// then say that nobody was told), or the demo's undeliverable mail when `demo` is set.
    public static func configured(_ config: ShopConfig, settings: ShopSettings, templates folder: String?,
                                  demo: Bool = false) throws -> OrderMails? {
        guard config.hasMail else { return demo ? try .demo(shopName: settings.name) : nil }
        let mail = try config.mailSettings(resolvingPassword: false)
        return OrderMails(composer: MailComposer(templates: try MailTemplateLibrary.load(overrides: folder), sender: mail.from),
                          shopName: settings.name, returnPolicy: settings.returnPolicy,
                          trackingLinks: settings.trackingLinks, timeZone: settings.timeZone)
    }

    /// As above, for a caller that has only the name the database stores.
    public static func configured(_ config: ShopConfig, storedShopName: String?, templates folder: String?,
                                  demo: Bool = false) throws -> OrderMails? {
        let stored = StoredShopSettings(storedShopName.map { [.name: $0] } ?? [:])
        return try configured(config, settings: .resolve(config: config, stored: stored), templates: folder, demo: demo)
    }

    /// For `tezgah --demo` without a `[mail]` config: the demo shop's mail is written and queued (to
    /// show the whole flow) from an address that can never be delivered to (RFC 2606 `.invalid`).
    public static func demo(shopName: String = "Demo Shop") throws -> OrderMails {
        OrderMails(composer: MailComposer(templates: try MailTemplateLibrary.load(overrides: nil),
                                          sender: try MailAddress("shop@demo.invalid", displayName: shopName)),
                   shopName: shopName)
    }

    /// The composer the store calls inside an order action's (or an import's) transaction, dating
    /// its mail `now`.
    public func composer(now: Date) -> OrderMailComposer {
        { [self] request in try compose(request, now: now) }
    }

    public func compose(_ request: OrderMailRequest, now: Date) throws -> ShopWriter.NewMail {
        var values = [
            "shop_name": shopName, "customer_name": request.customer.name, "support_email": composer.sender.address,
            "order_number": request.orderNumber, "order_total": request.total.formatted,
        ]
        if let refund = request.refund { values["refund_amount"] = refund.formatted }
        if let carrier = request.carrier, let number = request.trackingNumber {
            values["carrier"] = carrier.title
            values["tracking_number"] = number
            values["tracking_url"] = trackingLinks.url(carrier, number)
            values["return_policy"] = returnPolicy
            // Carriers give an ETA with their first scan, after the parcel leaves: empty hides the line.
            values["eta"] = ""
        }
        let allowed = MailTemplateVariables.allowed(for: request.kind)
        let customer = request.customer
        return try composer.compose(request.kind,
                                    to: .init(customerID: customer.id, name: customer.name, address: customer.email,
                                              language: customer.language),
                                    values: values.filter { allowed.contains($0.key) }, dedupeKey: request.dedupeKey,
                                    orderID: request.orderID, now: now)
    }
}
