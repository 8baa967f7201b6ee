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
        try configured(config, settings: .resolve(config: config, stored: StoredShopSettings(name: storedShopName)), templates: folder,
                       demo: demo)
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

    /// The composer the store calls with each mail's own time (the automation pass, invite keys).
    public var datedComposer: DatedOrderMailComposer {
        { [self] request, at in try compose(request, now: at) }
    }

    /// The composer the store calls to queue the owner's support reply.
    public var replyComposer: SupportReplyComposer {
        { [self] reply, now in try composer.compose(reply, shopName: shopName, now: now) }
    }

    public func compose(_ request: OrderMailRequest, now: Date) throws -> ComposedMail {
        try composer.compose(request, shop: ShopMailDetails(shopName: shopName, returnPolicy: returnPolicy, trackingLinks: trackingLinks,
                                                            timeZone: timeZone), now: now)
    }
}

extension DemoShop {
    /// A demo shop whose mail history is written by the composer the desk's own actions use:
    /// templates, encoded headers, a transfer encoding a plain relay takes. It is signed from the demo
    /// shop's address, which no mail can reach (RFC 2606 `.example`).
    public static func mailed(orders: Int = DemoShop().orders, seed: UInt64 = 42, now: Date = Date()) throws -> DemoShop {
        let sender = try MailAddress("destek@aysenin-dukkani.example", displayName: DemoShop.shopName)
        let mails = OrderMails(composer: MailComposer(templates: try MailTemplateLibrary.load(overrides: nil), sender: sender),
                               shopName: DemoShop.shopName)
        return DemoShop(orders: orders, seed: seed, now: now, mail: { request, at in try mails.compose(request, now: at) })
    }
}
