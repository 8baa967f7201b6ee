import Foundation
import GRDB
import Testing
@testable import Tezgah
@testable import TezgahStore

/// Etsy's sold-orders export, written here from its header: one order per row, US dates, buyers
/// known by user name only, refunds as an adjusted total.
@Suite struct EtsySoldOrdersImportTests {
    let folder = TemporaryFolder()
    let database: AppDatabase

    init() throws {
        database = try AppDatabase(path: folder.file("shop.sqlite"))
    }

    static let header = "Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,Payment Method,Date Shipped,Street 1,Street 2,Ship City,Ship State,Ship Zipcode,Ship Country,Currency,Order Value,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Shipping,Sales Tax,Order Total,Status,Card Processing Fees,Order Net,Adjusted Order Total,Adjusted Card Processing Fees,Adjusted Net Order Amount,Buyer,Order Type,Payment Type,InPerson Discount,InPerson Location,SKU"

    static let export = """
    \(header)
    11/20/26,3012345678,88123,Ayşe Yılmaz,Ayşe,Yılmaz,2,Etsy Payments,11/21/26,"Bağdat Cad. No 5, Daire 3",,İstanbul,,34710,Turkey,TRY,1149.80,,,0,0,49.90,0,1199.70,Completed,36.00,1163.70,,,,aysey,online,online_cc,,,KUPA-01
    11/22/26,3012345699,90555,Oliver Smith,Oliver,Smith,1,Etsy Payments,,1 Main St,,Austin,TX,78701,United States,USD,20.00,SAVE10,10% off,2.00,0,5.00,0,23.00,Completed,0.99,22.01,13.00,0.60,12.40,olivers,online,online_cc,,,TOWEL-L
    11/22/26,3012345700,88123,Ayşe Yılmaz,Ayşe,Yılmaz,1,Etsy Payments,,"Bağdat Cad. No 5, Daire 3",,İstanbul,,34710,Turkey,TRY,349.90,,,0,0,0,0,349.90,Completed,10.50,339.40,0.00,0,0,aysey,online,online_cc,,,KUPA-01
    """

    private func write(_ text: String, _ name: String = "EtsySoldOrders2026-11.csv") throws -> String {
        let path = folder.file(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func importsOrdersBuyersAndRefundsAndReimportsInPlace() throws {
        let path = try write(Self.export)
        let summary = try database.importFile(path)
        #expect(summary.format == .etsySoldOrders)
        #expect(summary.description == "Etsy sold-orders export: 3 new orders, 0 updated, 2 new customers (Etsy gives shops no buyer e-mail, so tezgah cannot mail them).")
        #expect(summary.sentence(in: .turkish)
                == "Etsy satılan siparişler dışa aktarımı: 3 yeni sipariş, 0 güncellendi, 2 yeni müşteri (Etsy dükkânlara alıcının e-postasını vermez; tezgah onlara e-posta gönderemez).")
        let orders = try database.window(.orders, .top, size: 10).rows.map(\.item)
        #expect(Set(orders.map(\.number)) == ["#3012345678", "#3012345699", "#3012345700"])
        let shipped = try database.orderDetail(id: try #require(orders.first { $0.number == "#3012345678" }).id)
        #expect(shipped.summary.status == .shipped && shipped.summary.payment == .paid)
        #expect(shipped.summary.itemCount == 2 && shipped.lines.isEmpty)
        #expect(shipped.summary.total == Money(minorUnits: 119_970, currency: .try_))
        #expect(shipped.customer.name == "Ayşe Yılmaz" && shipped.customer.email.isEmpty && shipped.customer.language == "tr")
        #expect(shipped.shippingAddress == "Bağdat Cad. No 5, Daire 3, 34710 İstanbul, Turkey")
        #expect(shipped.summary.placedAt == Date(timeIntervalSince1970: 1_795_176_000)) // 20 Nov 2026, noon UTC
        let partly = try database.orderDetail(id: try #require(orders.first { $0.number == "#3012345699" }).id)
        #expect(partly.summary.payment == .partiallyRefunded)
        #expect(partly.refunded == Money(minorUnits: 1_000, currency: .usd))
        #expect(partly.note == "Coupon SAVE10")
        let refunded = try database.orderDetail(id: try #require(orders.first { $0.number == "#3012345700" }).id)
        #expect(refunded.summary.status == .cancelled && refunded.summary.payment == .refunded)
        #expect(refunded.customer.id == shipped.customer.id) // the same buyer, by Etsy user name

        let again = try database.importFile(path)
        #expect(again.ordersCreated == 0 && again.ordersUpdated == 0 && again.ordersUnchanged == 3 && again.customersCreated == 0)
        #expect(try database.count(.orders).value == 3)
        #expect(try database.count(.orders, filter: "ayse").value == 2)
    }

    @Test func aBadCellStopsTheFileAndWritesNothing() throws {
        let path = try write(Self.export.replacingOccurrences(of: "11/22/26,3012345700", with: "22/11/26,3012345700"))
        #expect {
            try database.importFile(path)
        } throws: { error in
            "\(error)" == "EtsySoldOrders2026-11.csv:4: column \"Sale Date\": \"22/11/26\" is not a date like 11/20/26."
        }
        #expect(try database.count(.orders).value == 0)
        #expect(EtsySoldOrdersImport.date("2026-02-30") == nil)
        #expect(EtsySoldOrdersImport.date("02/28/2026") != nil)
    }
}
