import Foundation
import Tezgah
import TezgahMail
import TezgahDelivery
import TezgahTestSupport
import TezgahStore

/// A clock the tests move by hand, so backoff times are exact.
public final class TestClock: @unchecked Sendable {
    public var now = Date(timeIntervalSince1970: 1_795_400_000)
    public init() {}
    public func advance(_ seconds: TimeInterval) { now = now.addingTimeInterval(seconds) }
}

/// A shop database on disk with a composer, queueing real rendered mail.
public struct OutboxFixture {
    public let folder = TemporaryFolder("tezgah-delivery")
    public let database: AppDatabase
    public let clock = TestClock()
    public let composer: MailComposer

    public init(path: String? = nil) throws {
        database = try AppDatabase(path: path ?? folder.file("shop.sqlite"))
        composer = MailComposer(templates: try MailTemplateLibrary.load(overrides: nil),
                                sender: try MailAddress("destek@aysenin-dukkani.example", displayName: "Ayşe'nin Dükkanı"))
    }

    /// Queues a thank-you (transactional) or a win-back (marketing) mail to `address`.
    @discardableResult
    public func enqueue(to address: String, name: String = "Işık Öztürk", kind: MailKind = .thankYou, key: String? = nil,
                 language: String = "tr") throws -> Int64 {
        let customer = try database.write { try $0.findOrCreateCustomer(email: address, name: name, city: "", country: "TR",
                                                                           createdAt: clock.now).id }
        let values: [String: String] = [
            "shop_name": "Ayşe'nin Dükkanı", "customer_name": name, "support_email": "destek@aysenin-dukkani.example",
            "order_number": "#1042", "order_total": "₺1.250,00", "coupon_code": "GERI10", "coupon_description": "%10 indirim",
            "coupon_expires": "31 Aralık", "unsubscribe_url": "mailto:destek@aysenin-dukkani.example",
            "review_url": "https://aysenin-dukkani.example/r/1042", "survey_url": "https://aysenin-dukkani.example/s/1042",
            "carrier": "Yurtiçi Kargo", "tracking_number": "123456789012", "tracking_url": "https://kargo.example/123456789012",
            "eta": "25 Kasım", "return_policy": "14 gün içinde iade", "refund_amount": "₺1.250,00", "points": "120",
            "tier": "Gümüş", "referral_code": "AYSE10", "conversation_subject": "Kargom nerede?", "reply_text": "Yarın yola çıkıyor.",
        ]
        let mail = try composer.compose(kind, to: .init(customerID: customer, name: name, address: address, language: language),
                                        values: values, dedupeKey: key ?? "\(kind.rawValue):\(address)", now: clock.now)
        return try database.write { try $0.enqueueMail(mail) } ?? -1
    }

    public func settings(_ transport: MailSettings.Transport, marketing: MarketingLimits = MarketingLimits()) throws -> MailSettings {
        MailSettings(from: try MailAddress("destek@aysenin-dukkani.example"), transport: transport, lease: 600, marketing: marketing)
    }

    public func worker(_ settings: MailSettings) -> DeliveryWorker {
        let clock = self.clock
        return DeliveryWorker(database: database, settings: settings, clock: { clock.now })
    }

    public func mail(_ id: Int64) throws -> OutboxDetail { try database.outboxDetail(id: id) }
}

