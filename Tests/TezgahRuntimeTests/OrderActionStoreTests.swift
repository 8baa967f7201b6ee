import Foundation
import GRDB
import Testing
import Tezgah
import TezgahMail
import TezgahStore
import TezgahTestSupport
@testable import TezgahRuntime

/// Order actions on a real shop file: the change, its activity-log entry and the customer's mail
/// commit together; refused orders stay as they were; undo puts everything back.
@Suite struct OrderActionStoreTests {
    let folder = TemporaryFolder("tezgah-order-actions")
    let database: AppDatabase
    let mails: OrderMails
    let now = Date(timeIntervalSince1970: 1_795_400_000)
    /// Orders #1, #2 (paid) and #3 (payment pending).
    let orders: [Int64]

    init() throws {
        database = try AppDatabase(path: folder.file("shop.sqlite"))
        mails = OrderMails(composer: MailComposer(templates: try MailTemplateLibrary.load(overrides: nil),
                                                  sender: try MailAddress("destek@aysenin-dukkani.example", displayName: "Ayşe'nin Dükkanı")),
                           shopName: "Ayşe'nin Dükkanı", returnPolicy: "14 gün içinde ücretsiz iade.",
                           trackingLinks: TrackingLinks(templates: [.yurtici: "https://kargo.example/takip?no={n}"]))
        let placed = now.addingTimeInterval(-86_400)
        orders = try database.write { writer in
            try (1...3).map { n in
                try Self.insertOrder(writer, number: "#\(n)", name: "Işık Öztürk", email: "isik@example.com.tr", city: "İzmir",
                                     payment: n == 3 ? .pending : .paid, placedAt: placed.addingTimeInterval(Double(n)))
            }
        }
    }

    /// A received order of one ceramic mug (₺1.250,00), for a customer found or created by `email`.
    private static func insertOrder(_ writer: ShopWriter, number: String, name: String, email: String, city: String,
                                    payment: PaymentStatus, placedAt: Date) throws -> Int64 {
        let customer = try writer.findOrCreateCustomer(email: email, name: name, city: city, country: "TR", createdAt: placedAt).id
        return try writer.insertOrder(.init(number: number, platform: "manual", platformRef: nil, customerID: customer,
                                            customerName: name, customerEmail: email, city: city,
                                            status: .received, payment: payment, fulfillment: .unfulfilled,
                                            lines: [OrderLine(sku: "KUPA", name: "Seramik kupa", quantity: 1,
                                                              unitPrice: Money(minorUnits: 125_000, currency: .try_))],
                                            currency: .try_, total: nil, shippingAddress: city, tags: [], note: "",
                                            placedAt: placedAt))
    }

    private func apply(_ action: OrderAction, _ ids: [Int64], actor: String = "ayse") throws -> OrderActionReport {
        let now = self.now
        return try database.apply(action, to: ids, actor: actor, now: now, mail: mails.composer(now: now))
    }

    private func order(_ id: Int64) throws -> OrderDetail { try database.orderDetail(id: id) }

    private func queued() throws -> [OutboxSummary] { try database.outboxMails(states: [], limit: 50) }

    @Test func preparingWritesTheLogAndQueuesTheCustomersMailTogether() throws {
        let report = try apply(.markPreparing, [orders[0]])
        #expect(report.changed == [orders[0]])
        #expect(report.mailsQueued == 1)
        let detail = try order(orders[0])
        #expect(detail.summary.status == .preparing)
        #expect(detail.activity.first?.actor == "ayse")
        #expect(detail.activity.first?.action == "marked preparing")
        let mail = try #require(try queued().first)
        #expect(mail.kind == .orderPreparing)
        #expect(mail.toAddress == "isik@example.com.tr")
        let full = try database.outboxDetail(id: mail.id)
        #expect(full.dedupeKey == "order_preparing:order:\(orders[0])")
        let text = MIMEReader.preview(of: full.message).text
        #expect(text.contains("#1 numaralı siparişinizi hazırlamaya başladık")) // the customer's language (TR)
        // The status word is searchable at once.
        #expect(try database.count(.orders, filter: "preparing").value == 1)
        #expect(try database.count(.orders, filter: "status:preparing").value == 1)
    }

    @Test func shippingCreatesTheShipmentAndMailsTheTrackingLink() throws {
        let report = try apply(.ship(carrier: .yurtici, trackingNumber: "123456789012"), [orders[0]])
        #expect(report.changed == [orders[0]])
        let detail = try order(orders[0])
        #expect(detail.summary.status == .shipped)
        #expect(detail.fulfillment == .fulfilled)
        #expect(detail.shipments.map(\.trackingNumber) == ["123456789012"])
        #expect(detail.shipments.first?.carrier == .yurtici)
        #expect(try database.count(.shipments, filter: "123456789012").value == 1)
        let mail = try #require(try queued().first { $0.kind == .shipped })
        let text = MIMEReader.preview(of: try database.outboxDetail(id: mail.id).message).text
        #expect(text.contains("https://kargo.example/takip?no=123456789012"))
        #expect(text.contains("Yurtiçi Kargo"))
        #expect(text.contains("14 gün içinde ücretsiz iade."))
        #expect(!text.contains("Tahmini teslim"))
        // The same parcel cannot belong to a second order, and nothing of that order changes.
        let again = try apply(.ship(carrier: .yurtici, trackingNumber: "123456789012"), [orders[1]])
        #expect(again.changed.isEmpty)
        #expect(again.problems.map(\.english) == ["Yurtiçi Kargo 123456789012 is already the parcel of order #1."])
        #expect(try order(orders[1]).summary.status == .received)
        #expect(throws: StoreError.self) { try apply(.ship(carrier: .ups, trackingNumber: "1Z999AA10123456784"), orders) }
    }

    @Test func aTrackingExportThatShowsEveryParcelArrivedDeliversTheOrder() throws {
        _ = try apply(.ship(carrier: .yurtici, trackingNumber: "123456789012"), [orders[0]])
        _ = try apply(.ship(carrier: .ups, trackingNumber: "1Z999AA10123456784"), [orders[0]])
        let csv = folder.file("portal.csv")
        try """
        Carrier,Tracking Number,Status,Time,Location
        Yurtiçi Kargo,123456789012,Teslim edildi,2026-11-24 10:15 +0300,İzmir
        UPS,1Z999AA10123456784,In transit,2026-11-24 09:00 +0300,Köln
        """.write(toFile: csv, atomically: true, encoding: .utf8)
        let composer = mails.composer(now: now)
        var summary = try database.importFile(csv, actor: "ayse", mail: composer, now: now)
        #expect(summary.ordersDelivered == 0) // one parcel is still on its way
        #expect(try order(orders[0]).summary.status == .shipped)
        try """
        Carrier,Tracking Number,Status,Time,Location
        UPS,1Z999AA10123456784,Delivered,2026-11-25 11:00 +0300,İzmir
        """.write(toFile: csv, atomically: true, encoding: .utf8)
        summary = try database.importFile(csv, actor: "ayse", mail: composer, now: now)
        #expect(summary.ordersDelivered == 1)
        #expect(summary.description.hasSuffix("1 orders delivered (1 customer mails queued)."))
        let detail = try order(orders[0])
        #expect(detail.summary.status == .delivered)
        #expect(detail.activity.first?.action == "delivered")
        #expect(try queued().filter { $0.kind == .delivered }.count == 1)
        // Importing the same export again delivers nothing twice.
        #expect(try database.importFile(csv, actor: "ayse", mail: composer, now: now).ordersDelivered == 0)
        #expect(try queued().filter { $0.kind == .delivered }.count == 1)
    }

    @Test func markedOrdersChangeTogetherAndRefusedOnesStayAsTheyWere() throws {
        _ = try apply(.cancel, [orders[1]])
        let report = try apply(.markPreparing, orders)
        #expect(report.changed == [orders[0], orders[2]])
        #expect(report.problems.map(\.english) == ["Order #2 is cancelled; only a received order can be marked preparing."])
        // The same sentence on a Turkish desk: the status inside it is said in Turkish too.
        #expect(report.problems.map(Language.turkish.say) == ["Sipariş #2 iptal durumunda; yalnızca alınmış bir sipariş hazırlığa alınabilir."])
        #expect(try order(orders[1]).summary.status == .cancelled)
        #expect(try queued().filter { $0.kind == .orderPreparing }.count == 2)
        // The refund of an unpaid order is refused; a partial refund says how much.
        let refund = try apply(.refund(Money(minorUnits: 25_000, currency: .try_)), [orders[0], orders[2]])
        #expect(refund.problems.map(\.english) == ["Order #3 is not paid; there is nothing to refund."])
        #expect(refund.problems.map(Language.turkish.say) == ["Sipariş #3 ödenmemiş; iade edilecek bir şey yok."])
        let refunded = try order(orders[0])
        #expect(refunded.summary.payment == .partiallyRefunded)
        #expect(refunded.refunded == Money(minorUnits: 25_000, currency: .try_))
        #expect(refunded.activity.first?.detail == "₺250,00")
        let mail = try #require(try queued().first { $0.kind == .refunded })
        #expect(MIMEReader.preview(of: try database.outboxDetail(id: mail.id).message).text.contains("₺250,00"))
    }

    @Test func aMailThatCannotBeWrittenLeavesTheOrderUntouched() throws {
        struct Broken: Error {}
        #expect(throws: Broken.self) {
            try database.apply(.markPreparing, to: [orders[0]], actor: "ayse", now: now, mail: { _ in throw Broken() })
        }
        let detail = try order(orders[0])
        #expect(detail.summary.status == .received)
        #expect(detail.activity.isEmpty)
        #expect(try queued().isEmpty)
        // Without a mail config the change is made and the report says nobody was told.
        let report = try database.apply(.markPreparing, to: [orders[0]], actor: "ayse", now: now, mail: nil)
        #expect(report.changed == [orders[0]])
        #expect(report.mailNotice?.english == "no mail queued: the config has no [mail] section")
    }

    /// An address no mail can go to (a typo in an export) never stops the change itself: the
    /// other orders' customers are mailed, and the report names the order whose customer was not.
    /// A tracking import that delivers such an order imports all the same.
    @Test func anAddressNoMailCanGoToDoesNotStopTheChange() throws {
        let typo = "kaya.example.com"
        let placed = now.addingTimeInterval(-60)
        let other = try database.write { writer in
            try Self.insertOrder(writer, number: "#4", name: "Ayşe Kaya", email: typo, city: "Bursa", payment: .paid, placedAt: placed)
        }
        let report = try apply(.markPreparing, [orders[0], other, orders[1]])
        #expect(report.changed == [orders[0], other, orders[1]])
        #expect(report.mailsQueued == 2)
        #expect(report.mailNotice?.english == "no mail queued for order #4: “kaya.example.com” is not an e-mail address like name@example.com")
        #expect(report.mailNotice.map(Language.turkish.say)
                == "sipariş #4 için e-posta sıraya alınmadı: “kaya.example.com”, ad@example.com gibi bir e-posta adresi değil")
        #expect(report.ordersUnmailed == 1)
        #expect(try order(other).summary.status == .preparing)
        #expect(try queued().map(\.toAddress) == ["isik@example.com.tr", "isik@example.com.tr"])

        _ = try apply(.ship(carrier: .yurtici, trackingNumber: "123456789012"), [other])
        let csv = folder.file("portal.csv")
        try """
        Carrier,Tracking Number,Status,Time,Location
        Yurtiçi Kargo,123456789012,Teslim edildi,2026-11-24 10:15 +0300,Bursa
        """.write(toFile: csv, atomically: true, encoding: .utf8)
        let summary = try database.importFile(csv, actor: "ayse", mail: mails.composer(now: now), now: now)
        #expect(summary.ordersDelivered == 1)
        #expect(summary.description.hasSuffix("1 orders delivered (0 customer mails queued; no mail queued for order #4: "
                                              + "“kaya.example.com” is not an e-mail address like name@example.com)."))
        #expect(try order(other).summary.status == .delivered)
    }

    @Test func undoPutsBackTheLastBatchOfThisUserOnly() throws {
        _ = try apply(.addNote("Hediye paketi"), [orders[0]], actor: "mehmet")
        _ = try apply(.ship(carrier: .yurtici, trackingNumber: "123456789012"), [orders[0]])
        _ = try apply(.hold(reason: "stok bekleniyor"), [orders[1], orders[2]])
        let last = try #require(try database.lastUndoableOrderChange(actor: "ayse"))
        #expect(last.description == "put on hold on 2 orders (#2, #3)")
        let report = try database.undoOrderChange(batch: last.batch, actor: "ayse", now: now)
        #expect(Set(report.restored) == [orders[1], orders[2]])
        #expect(try order(orders[1]).summary.status == .received)
        #expect(try order(orders[1]).holdReason == nil)
        #expect(try order(orders[1]).activity.first?.action == "undid")

        // Undoing the shipment removes the parcel and cancels the mail still waiting in the queue.
        let ship = try #require(try database.lastUndoableOrderChange(actor: "ayse"))
        #expect(ship.description == "shipped (Yurtiçi Kargo 123456789012) on order #1")
        let undone = try database.undoOrderChange(batch: ship.batch, actor: "ayse", now: now)
        #expect(undone.mailsCancelled == 1)
        let detail = try order(orders[0])
        #expect(detail.summary.status == .received)
        #expect(detail.shipments.isEmpty)
        #expect(detail.note == "Hediye paketi") // mehmet's note is his to undo
        #expect(try database.count(.shipments).value == 0)
        #expect(try queued().first { $0.kind == .shipped }?.state == .cancelled)
        #expect(try database.lastUndoableOrderChange(actor: "ayse") == nil)
        #expect(try database.lastUndoableOrderChange(actor: "mehmet")?.description == "noted (Hediye paketi) on order #1")
    }

    @Test func undoLeavesAnOrderThatChangedSince() throws {
        _ = try apply(.markPreparing, [orders[0]], actor: "ayse")
        _ = try apply(.hold(reason: "adres eksik"), [orders[0]], actor: "mehmet")
        let change = try #require(try database.lastUndoableOrderChange(actor: "ayse"))
        let report = try database.undoOrderChange(batch: change.batch, actor: "ayse", now: now)
        #expect(report.restored.isEmpty)
        #expect(report.problems.map(\.english) == ["Order #1 changed since it was marked preparing (it is on hold now); left as it is."])
        #expect(try order(orders[0]).summary.status == .onHold)
        #expect(try database.lastUndoableOrderChange(actor: "ayse") == nil)
    }
}
