import Foundation
import GRDB
import Testing
@testable import Tezgah
@testable import TezgahStore

/// WooCommerce orders exports as the Advanced Order Export plugin writes them with its default
/// labels (plus Currency), one row per item, local times in the site's zone.
@Suite struct WooCommerceImportTests {
    let folder = TemporaryFolder()
    let database: AppDatabase

    init() throws {
        database = try AppDatabase(path: folder.file("shop.sqlite"))
        try database.write { try $0.setSetting("shop.timezone", "Europe/Istanbul") }
    }

    static let header = "Order Number,Order Status,Order Date,Customer Note,First Name (Billing),Last Name (Billing),Email (Billing),Address 1&2 (Shipping),City (Shipping),Postcode (Shipping),Country Code (Shipping),Payment Method Title,Order Refund Amount,Order Total Amount,Currency,SKU,Item #,Item Name,Quantity,Item Cost"

    static let export = """
    \(header)
    5001,processing,2026-11-20 14:05,"Zili çalmayın, kapıya bırakın
    teşekkürler",Ayşe,Yılmaz,AYSE@example.com.tr,"Bağdat Cad. No 5, Daire 3",İstanbul,34710,TR,Kapıda ödeme,0,1149.70,TRY,KUPA-01,1,El yapımı seramik kupa,2,349.90
    5001,,,,,,,,,,,,,,,PES-TRK,2,Peştemal – Turkuaz,1,449.90
    5002,completed,2026-11-21 09:30:12,,Oliver,Smith,oliver@example.com,1 Main St,Austin,78701,US,Stripe,-5.00,25.00,USD,TOWEL-L,1,"Linen tea towel, natural",1,20.00
    5003,refunded,2026-11-22 10:00,,Işık,Öztürk,isik@example.com.tr,,İzmir,,TR,Stripe,-99.00,99.00,TRY,BARDAK,1,Bardak,1,99.00
    """

    private func write(_ text: String, _ name: String = "orders-2026-11.csv") throws -> String {
        let path = folder.file(name)
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func order(_ number: String) throws -> OrderDetail {
        let id = try database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM orders WHERE number = ?", arguments: [number]) }
        return try database.orderDetail(id: try #require(id))
    }

    @Test func importsItemsStatusesRefundsAndLocalTimes() throws {
        let summary = try database.importFile(try write(Self.export))
        #expect(summary == ImportSummary(format: .wooCommerceOrders, ordersCreated: 3, ordersUpdated: 0, customersCreated: 3, lines: 4))
        let ayse = try order("#5001")
        #expect(ayse.summary.status == .received && ayse.summary.payment == .paid && ayse.fulfillment == .unfulfilled)
        #expect(ayse.lines.map(\.name) == ["El yapımı seramik kupa", "Peştemal – Turkuaz"])
        #expect(ayse.summary.itemCount == 3)
        #expect(ayse.summary.total == Money(minorUnits: 114_970, currency: .try_))
        #expect(ayse.note == "Zili çalmayın, kapıya bırakın\nteşekkürler")
        #expect(ayse.customer.email == "ayse@example.com.tr" && ayse.customer.language == "tr")
        #expect(ayse.summary.placedAt == Date(timeIntervalSince1970: 1_795_172_700)) // 14:05 in İstanbul is 11:05 UTC
        let oliver = try order("#5002")
        #expect(oliver.summary.status == .shipped && oliver.fulfillment == .fulfilled)
        #expect(oliver.summary.payment == .partiallyRefunded && oliver.refunded == Money(minorUnits: 500, currency: .usd))
        let isik = try order("#5003")
        #expect(isik.summary.status == .cancelled && isik.summary.payment == .refunded)
        // Paid and not shipped: it waits in the needs-action view.
        #expect(try database.count(.orders, filter: "is:needs-action").value == 1)

        let again = try database.importFile(try write(Self.export))
        #expect(again.ordersCreated == 0 && again.ordersUpdated == 0 && again.ordersUnchanged == 3 && again.customersCreated == 0)
        #expect(try database.count(.orders).value == 3)
    }

    @Test func aBadRowAtTheEndWritesNothing() throws {
        let path = try write(Self.export + "\n5004,shipped-ish,2026-11-22 10:00,,A,B,a@example.com,,,,TR,,0,10.00,TRY,X,1,X,1,10.00")
        #expect {
            try database.importFile(path)
        } throws: { error in
            "\(error)" == "orders-2026-11.csv:7: column \"Order Status\": \"shipped-ish\" is not a WooCommerce order status (processing, completed, on-hold, pending, cancelled, refunded, failed)."
        }
        #expect(try database.count(.orders).value == 0)
    }
}
