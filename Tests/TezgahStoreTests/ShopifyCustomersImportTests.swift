import Foundation
import GRDB
import Testing
@testable import Tezgah
@testable import TezgahStore

/// Shopify customers exports, written here from the published header (current and older column
/// names): customers matched by e-mail, filled in, never duplicated; opt-outs recorded, never undone.
@Suite struct ShopifyCustomersImportTests {
    let folder = TemporaryFolder()
    let database: AppDatabase

    init() throws {
        database = try AppDatabase(path: folder.file("shop.sqlite"))
    }

    static let current = """
    First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags
    Ayşe,Yılmaz,AYSE@example.com.tr,yes,,"Bağdat Cad. No 5, Daire 3",,İstanbul,,TR,34710,,,no,1199.70,1,"Sever, hediye paketi",no,vip
    Oliver,Smith,oliver@example.com,no,,1 Main St,,Austin,TX,US,78701,,,no,25.00,1,,no,
    Işık,Öztürk,isik@example.com.tr,no,,,,İzmir,,TR,,,,no,0.00,0,,no,
    """

    private func write(_ text: String, _ name: String = "customers_export.csv") throws -> String {
        let path = folder.file(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func customer(_ email: String) throws -> Row? {
        try database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT name, city, country, language, unsubscribed_at FROM customers WHERE email = ?",
                             arguments: [email])
        }
    }

    @Test func importsCustomersWithTheirConsentAndReimportsInPlace() throws {
        // Oliver is known from an order, by his address only.
        _ = try database.write { try $0.findOrCreateCustomer(email: "oliver@example.com", name: "oliver@example.com", city: "",
                                                                country: "", createdAt: Date(timeIntervalSince1970: 1_700_000_000)) }
        let path = try write(Self.current)
        var summary = try database.importFile(path, now: Date(timeIntervalSince1970: 1_795_400_000))
        #expect(summary.format == .shopifyCustomers)
        #expect(summary.description == "Shopify customers export: 2 new customers, 1 updated, 2 newly marked as not accepting marketing mail.")
        let ayse = try #require(try customer("ayse@example.com.tr"))
        #expect(ayse["name"] as String == "Ayşe Yılmaz")
        #expect(ayse["language"] as String == "tr")
        #expect((ayse["unsubscribed_at"] as Int64?) == nil)
        let oliver = try #require(try customer("oliver@example.com"))
        #expect(oliver["name"] as String == "Oliver Smith")
        #expect(oliver["city"] as String == "Austin")
        #expect((oliver["unsubscribed_at"] as Int64?) == 1_795_400_000)

        // Again, later: nobody is duplicated, no opt-out is new, and the dates stand.
        summary = try database.importFile(path, now: Date(timeIntervalSince1970: 1_795_500_000))
        #expect(summary.customersCreated == 0 && summary.customersUpdated == 3 && summary.marketingOptOuts == 0)
        #expect((try customer("oliver@example.com")?["unsubscribed_at"] as Int64?) == 1_795_400_000)
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM customers") } == 3)

        // An unsubscribe recorded in tezgah is not overturned by an older export's "yes".
        let ayseID = try database.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM customers WHERE email = 'ayse@example.com.tr'")! }
        try database.unsubscribe(customerID: ayseID, now: Date(timeIntervalSince1970: 1_795_600_000))
        _ = try database.importFile(path)
        #expect((try customer("ayse@example.com.tr")?["unsubscribed_at"] as Int64?) == 1_795_600_000)
    }

    @Test func olderHeaderNamesWork() throws {
        let path = try write("""
        First Name,Last Name,Email,Company,Address1,Address2,City,Province,Province Code,Country,Country Code,Zip,Phone,Accepts Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt
        Şükrü,Çelik,sukru@example.com.tr,,,,Bursa,,,Turkey,TR,,,no,349.90,1,,,no
        """)
        let summary = try database.importFile(path)
        #expect(summary.customersCreated == 1 && summary.marketingOptOuts == 1)
        #expect(try customer("sukru@example.com.tr")?["city"] as String? == "Bursa")
    }

    @Test func aBadCellStopsTheFileAndWritesNothing() throws {
        let path = try write(Self.current + "\nEve,Mallory,not-an-address,yes,,,,,,,,,,no,0,0,,no,")
        #expect {
            try database.importFile(path)
        } throws: { error in
            "\(error)" == "customers_export.csv:5: column \"Email\": \"not-an-address\" is not an e-mail address."
        }
        #expect(try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM customers") } == 0)
        let consent = try write(Self.current.replacingOccurrences(of: "oliver@example.com,no", with: "oliver@example.com,maybe"), "c2.csv")
        #expect {
            try database.importFile(consent)
        } throws: { error in
            "\(error)" == "c2.csv:3: column \"Accepts Email Marketing\": \"maybe\" is not yes or no."
        }
    }
}
