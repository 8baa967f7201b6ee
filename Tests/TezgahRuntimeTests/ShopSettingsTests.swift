import Foundation
import TezgahTestSupport
import Testing
import Tezgah
import TezgahStore
import TezgahUI
@testable import TezgahRuntime

/// The shop's settings, resolved once: the config file, then the shop database, then defaults.
@Suite struct ShopSettingsTests {
    let folder = TemporaryFolder("tezgah-settings")

    func config(_ text: String) throws -> ShopConfig {
        let path = folder.file("config-\(UUID()).toml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ShopConfig.load(path: path, required: true)
    }

    @Test func theConfigFileComesFirstThenTheDatabaseThenDefaults() throws {
        let stored = StoredShopSettings([.name: "Stored", .timeZone: "Europe/Berlin"])
        let both = ShopSettings.resolve(config: try config("[shop]\nname = \"Ayşe'nin Dükkanı\"\ntime_zone = \"Europe/Istanbul\""), stored: stored)
        #expect(both.name == "Ayşe'nin Dükkanı" && both.nameSource == .config)
        #expect(both.timeZone.identifier == "Europe/Istanbul" && both.timeZoneSource == .config)
        let storedOnly = ShopSettings.resolve(config: .defaults, stored: stored)
        #expect(storedOnly.name == "Stored" && storedOnly.nameSource == .database)
        #expect(storedOnly.timeZone.identifier == "Europe/Berlin" && storedOnly.timeZoneSource == .database)
        let neither = ShopSettings.resolve(config: .defaults, stored: StoredShopSettings([.timeZone: "Mars/Olympus"]))
        #expect(neither.name == "tezgah" && neither.nameSource == .defaults)
        #expect(neither.timeZone == .current && neither.timeZoneSource == .defaults, "a stored zone that is no zone is passed over")
    }

    /// A WooCommerce export writes the site's local times. With the shop's zone only in config.toml
    /// (the database stores none), an order placed at 01:30 in İstanbul is 22:30 UTC the day before,
    /// and the desk shows it at 01:30 again. `tezgah import` used to read it in UTC.
    @Test func aWooCommerceOrderAt0130InIstanbulIsStoredOnTheDayBefore() throws {
        let database = try AppDatabase(path: folder.file("shop.sqlite"))
        let config = try config("[shop]\ntime_zone = \"Europe/Istanbul\"")
        let export = folder.file("orders-2026-11.csv")
        try """
            Order Number,Order Status,Order Date,Customer Note,First Name (Billing),Last Name (Billing),Email (Billing),Address 1&2 (Shipping),City (Shipping),Postcode (Shipping),Country Code (Shipping),Payment Method Title,Order Refund Amount,Order Total Amount,Currency,SKU,Item #,Item Name,Quantity,Item Cost\r
            5001,processing,2026-11-21 01:30,,Ayşe,Yılmaz,ayse@example.com.tr,Bağdat Cad. No 5,İstanbul,34710,TR,Kapıda ödeme,0,349.90,TRY,KUPA-01,1,El yapımı seramik kupa,1,349.90\r

            """.write(toFile: export, atomically: true, encoding: .utf8)
        let settings = try ShopSettings.resolve(config: config, database: database)
        _ = try database.importFile(export, timeZone: settings.timeZone)
        let placed = try #require(try database.orderDetail(id: 1).summary.placedAt)
        #expect(placed == ISO8601DateFormatter().date(from: "2026-11-20T22:30:00Z"))

        let core = try DeskCore(database: database, width: 100, height: 30, now: ISO8601DateFormatter().date(from: "2026-11-25T12:00:00Z")!,
                                config: config)
        core.send(.keyPressed(.escape))
        #expect(core.state.clock.timeZone.identifier == "Europe/Istanbul")
        #expect(core.frame().lines.contains { $0.contains("#5001") && $0.contains("21 Nov 01:30") }, "\(core.frame().text)")
    }
}
