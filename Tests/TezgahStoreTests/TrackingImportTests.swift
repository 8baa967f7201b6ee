import Foundation
import GRDB
import Testing
@testable import Tezgah
@testable import TezgahStore

/// Tracking-status exports: one event per row, appended to the shipment the row names; the
/// shipment's status follows its latest event; re-importing adds only what is new.
@Suite struct TrackingImportTests {
    let folder = TemporaryFolder()
    let database: AppDatabase
    let ups: Int64, yurtici: Int64

    init() throws {
        database = try AppDatabase(path: folder.file("shop.sqlite"))
        let shipped = Date(timeIntervalSince1970: 1_795_000_000)
        (ups, yurtici) = try database.write { writer in
            let customer = try writer.findOrCreateCustomer(email: "ayse@example.com.tr", name: "Ayşe Yılmaz", city: "İstanbul",
                                                           country: "TR", createdAt: shipped).id
            func order(_ number: String) throws -> Int64 {
                try writer.insertOrder(.init(number: number, platform: "manual", platformRef: nil, customerID: customer,
                                             customerName: "Ayşe Yılmaz", customerEmail: "ayse@example.com.tr", city: "İstanbul",
                                             status: .shipped, payment: .paid, fulfillment: .fulfilled,
                                             lines: [OrderLine(sku: "KUPA", name: "Kupa", quantity: 1, unitPrice: Money(minorUnits: 100, currency: .try_))],
                                             currency: .try_, total: Money(minorUnits: 100, currency: .try_), shippingAddress: "",
                                             tags: [], note: "", placedAt: shipped))
            }
            func shipment(_ order: Int64, _ number: String, _ carrier: Carrier) throws -> Int64 {
                try writer.insertShipment(.init(orderID: order, orderNumber: number, customerName: "Ayşe Yılmaz", carrier: carrier,
                                                trackingNumber: number == "#1" ? "1Z999AA10123456784" : "112233445566",
                                                shippedAt: shipped, firstEta: nil, eta: nil,
                                                events: [TrackingEvent(at: shipped, status: .infoReceived, location: "", description: "")]))
            }
            return (try shipment(try order("#1"), "#1", .ups), try shipment(try order("#2"), "#2", .yurtici))
        }
    }

    static let header = "Carrier,Tracking Number,Status,Time,Location,Description"
    static let portal = """
    \(header)
    UPS,1Z 999 AA1 0123 456 784,In Transit,2026-11-20 08:00:00 +0300,"Köln, DE",Departed facility
    UPS,1Z999AA10123456784,Out for Delivery,2026-11-21 07:30,"İstanbul, TR",
    Yurtiçi Kargo,112233445566,Dağıtımda,2026-11-21T09:00:00Z,Kadıköy,
    ,112233445566,Teslim edildi,2026-11-21 15:10:00 +0300,Kadıköy,"Alıcıya teslim edildi, imza: A.Y."
    Aras,999000111222,Yolda,2026-11-21 10:00,Ankara,
    """

    private func write(_ text: String, _ name: String = "tracking.csv") throws -> String {
        let path = folder.file(name)
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func shipment(_ id: Int64) throws -> ShipmentDetail { try database.shipmentDetail(id: id) }

    private func eventCount() throws -> Int {
        try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM tracking_events")! }
    }

    @Test func appendsEventsAndTheStatusFollowsTheLatest() throws {
        let summary = try database.importFile(try write(Self.portal))
        #expect(summary.format == .trackingStatus)
        #expect(summary.eventsAdded == 4 && summary.eventsKnown == 0 && summary.shipmentsUpdated == 2)
        #expect(summary.rowsSkipped == 1 && summary.unknownParcels == ["999000111222"])
        #expect(summary.description.contains("Skipped 1 rows for 1 parcels tezgah has no shipment for: 999000111222."))

        let parcel = try shipment(ups)
        #expect(parcel.summary.status == .outForDelivery)
        #expect(parcel.events.map(\.status) == [.outForDelivery, .inTransit, .infoReceived])
        #expect(parcel.events[1].location == "Köln, DE" && parcel.events[1].description == "Departed facility")
        // No offset means UTC; "+0300" is the shop's time.
        #expect(parcel.events[0].at == Date(timeIntervalSince1970: 1_795_246_200)) // 2026-11-21 07:30 UTC
        #expect(parcel.events[1].at == Date(timeIntervalSince1970: 1_795_150_800)) // 2026-11-20 05:00 UTC

        let delivered = try shipment(yurtici)
        #expect(delivered.summary.status == .delivered)
        let deliveredAt = try database.pool.read { try Int64.fetchOne($0, sql: "SELECT delivered_at FROM shipments WHERE id = ?", arguments: [yurtici]) }
        #expect(deliveredAt == 1_795_263_000) // 12:10 UTC
        #expect(delivered.events.first?.description == "Alıcıya teslim edildi, imza: A.Y.")
        // The search text follows the status.
        #expect(try database.window(.shipments, .top, size: 5, filter: "delivered").rows.map(\.item.id) == [yurtici])
    }

    @Test func reimportingAnOverlappingExportAddsOnlyWhatIsNew() throws {
        _ = try database.importFile(try write(Self.portal))
        let before = try eventCount()
        let later = Self.portal + "\nUPS,1Z999AA10123456784,Delivered,2026-11-21 16:45:00 +0300,\"İstanbul, TR\",Front door"
        let summary = try database.importFile(try write(later, "tracking-2.csv"))
        #expect(summary.eventsAdded == 1 && summary.eventsKnown == 4)
        #expect(try eventCount() == before + 1)
        #expect(try shipment(ups).summary.status == .delivered)
    }

    @Test func anOlderEventDoesNotRewindTheStatus() throws {
        _ = try database.importFile(try write(Self.portal))
        let late = "\(Self.header)\nUPS,1Z999AA10123456784,Exception,2026-11-19 12:00:00 +0300,Louisville,Weather delay"
        _ = try database.importFile(try write(late, "late.csv"))
        #expect(try shipment(ups).summary.status == .outForDelivery)
        #expect(try shipment(ups).events.count == 4)
    }

    @Test func aBadCellStopsTheFileAndWritesNothing() throws {
        let before = try eventCount()
        let badStatus = Self.portal + "\nUPS,1Z999AA10123456784,Lost in space,2026-11-22 10:00,,"
        #expect(throws: ImportError(file: "bad-status.csv", line: 7, column: "Status",
                                    reason: Said("\"Lost in space\" is not a tracking status tezgah knows (e.g. in transit, out for delivery, delivered, teslim edildi)."))) {
            try database.importFile(try write(badStatus, "bad-status.csv"))
        }
        let badTime = Self.portal + "\nUPS,1Z999AA10123456784,Delivered,21/11/2026 16:45,,"
        #expect(throws: ImportError.self) { try database.importFile(try write(badTime, "bad-time.csv")) }
        let badCarrier = "\(Self.header)\nKargoX,112233445566,Yolda,2026-11-21 10:00,,"
        #expect(throws: ImportError(file: "bad-carrier.csv", line: 2, column: "Carrier",
                                    reason: Said("\"KargoX\" is not a carrier tezgah knows (UPS, USPS, FedEx, DHL Express, Yurtiçi Kargo, Aras Kargo, MNG Kargo, PTT Kargo, Sürat Kargo)."))) {
            try database.importFile(try write(badCarrier, "bad-carrier.csv"))
        }
        #expect(try eventCount() == before)
        #expect(try shipment(ups).summary.status == .infoReceived)
    }

    @Test func statusWordsInEnglishAndTurkish() {
        #expect(TrackingStatusWords.status("OUT_FOR_DELIVERY") == .outForDelivery)
        #expect(TrackingStatusWords.status("Teslim Edilemedi") == .failedAttempt)
        #expect(TrackingStatusWords.status("ŞUBEDE") == .availableForPickup)
        #expect(TrackingStatusWords.status("Label created") == .infoReceived)
        #expect(TrackingStatusWords.status("somewhere") == nil)
        #expect(Carrier(named: "yurtiçi") == .yurtici)
        #expect(Carrier(named: "DHL") == .dhl)
        let utc = TimeZone(identifier: "UTC")!, istanbul = TimeZone(identifier: "Europe/Istanbul")!
        let seven30UTC = Date(timeIntervalSince1970: 1_795_246_200)
        #expect(TrackingStatusWords.time("2026-11-21 07:30", localIn: utc) == seven30UTC)
        #expect(TrackingStatusWords.time("2026-11-21 10:30", localIn: istanbul) == seven30UTC, "a portal's local time, in the shop's zone")
        #expect(TrackingStatusWords.time("2026-11-21 07:30:00 Z", localIn: istanbul) == seven30UTC, "a written offset wins")
        #expect(TrackingStatusWords.time("2026-11-21 10:30 +0300", localIn: utc) == seven30UTC)
        // ISO 8601 with a fraction of a second, as APIs and some portals write it.
        #expect(TrackingStatusWords.time("2026-11-21T10:30:00.000+03:00", localIn: utc) == seven30UTC)
        #expect(TrackingStatusWords.time("2026-11-21T07:30:00.123Z", localIn: istanbul) == seven30UTC)
        #expect(TrackingStatusWords.time("2026-11-21 10:30:00.5", localIn: istanbul) == seven30UTC)
        #expect(TrackingStatusWords.time("2026-11-21 10:30:00.", localIn: istanbul) == nil)
        #expect(TrackingStatusWords.time("2026-11-21 07:3", localIn: utc) == nil)
    }

    /// A Turkish carrier's portal writes İstanbul times without an offset: with the shop's zone
    /// (config or `tezgah config set`), "2026-11-21 10:30" is 07:30 UTC, not 10:30 UTC.
    @Test func timesWithoutAnOffsetAreTheShopsLocalTime() throws {
        let export = "\(Self.header)\nYurtiçi Kargo,112233445566,Teslim edildi,2026-11-21 23:40,Kadıköy,"
        _ = try database.importFile(try write(export), timeZone: TimeZone(identifier: "Europe/Istanbul")!)
        let deliveredAt = try database.pool.read { try Int64.fetchOne($0, sql: "SELECT delivered_at FROM shipments WHERE id = ?", arguments: [yurtici]) }
        #expect(deliveredAt == 1_795_293_600) // 20:40 UTC, the same day in İstanbul
    }
}
