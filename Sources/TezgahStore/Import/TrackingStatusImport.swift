import Foundation
import Tezgah

/// Reads a tracking-status export from a carrier's portal (or a spreadsheet kept by hand): one
/// tracking event per row with the columns `Carrier`, `Tracking Number`, `Status`, `Time` and
/// `Location` (and, optionally, `Description`). Each event is appended to the shipment it names,
/// unless that very event is already there, so re-importing an overlapping export adds only what is
/// new. The shipment's status then follows its latest event. An optional `Estimated Delivery`
/// column (also `ETA`, `Tahmini Teslim`) moves the parcel's ETA; its first ETA stays, so a carrier
/// that keeps moving the date shows as "slipped".
///
/// Parcels tezgah does not know (a portal lists everything the shop ever sent) are skipped and
/// named in the summary rather than refusing the file; a bad cell still stops the import.
struct TrackingStatusImport {
    let records: CSVRecords
    let writer: ShopWriter
    let progress: (Int) throws -> Void
    /// Who the activity log names for orders the import marks delivered, and their customer mail.
    var actor = "import"
    var mail: OrderMailComposer?
    var now = Date()
    /// Reads a date-only ETA as the end of that day here.
    var timeZone = TimeZone(identifier: "UTC")!

    /// The names portals give the carrier's promised day (UPS says "Scheduled Delivery Date").
    static let etaColumns = ["Estimated Delivery", "Estimated Delivery Date", "Scheduled Delivery", "Scheduled Delivery Date",
                             "Expected Delivery", "ETA", "Tahmini Teslim", "Tahmini Teslim Tarihi"]

    static let requiredColumns = ["Tracking Number", "Status", "Time"]

    func run() throws -> ImportSummary {
        var summary = ImportSummary(format: .trackingStatus)
        var touched = Set<Int64>()
        var unknown = Set<String>()
        var rows = 0
        while try records.next() {
            rows += 1
            if rows % 1_000 == 0 { try progress(records.consumed) }
            let number = TrackingNumber.normalize(records["Tracking Number"])
            guard !number.isEmpty else { throw records.error("Tracking Number", Said("is empty.")) }
            let carrier = try carrierOfRow()
            let statusText = records["Status"]
            guard let status = TrackingStatusWords.status(statusText) else {
                throw records.error("Status", Said("\"{value}\" is not a tracking status tezgah knows (e.g. in transit, out for delivery, delivered, teslim edildi).", ["value": statusText]))
            }
            let timeText = records["Time"]
            guard let at = TrackingStatusWords.time(timeText, localIn: timeZone) else {
                throw records.error("Time", Said("\"{value}\" is not a time like 2026-11-20 14:05 (the shop's time) or 2026-11-20 14:05:00 +0300.", ["value": timeText]))
            }
            guard let shipment = try writer.shipmentID(carrier: carrier, trackingNumber: number) else {
                if unknown.insert(number).inserted { summary.unknownParcels.append(number) }
                summary.rowsSkipped += 1
                continue
            }
            if let column = Self.etaColumns.first(where: records.has), !records[column].isEmpty {
                let text = records[column]
                guard let eta = TrackingStatusWords.time(text, localIn: timeZone) ?? endOfDay(text) else {
                    throw records.error(column, Said("\"{value}\" is not a date like 2026-11-24 or a time like 2026-11-24 18:00.", ["value": text]))
                }
                if try writer.moveEta(shipmentID: shipment, to: eta) { summary.etasMoved += 1 }
            }
            let event = TrackingEvent(at: at, status: status, location: records["Location"], description: records["Description"])
            if try writer.appendTrackingEvent(shipmentID: shipment, event) {
                summary.eventsAdded += 1
                touched.insert(shipment)
            } else {
                summary.eventsKnown += 1
            }
        }
        for shipment in touched { try writer.followLatestTrackingEvent(shipmentID: shipment) }
        summary.shipmentsUpdated = touched.count
        try deliverOrders(of: touched, summary: &summary)
        try progress(records.size)
        return summary
    }

    /// An order whose every parcel has arrived is delivered: the same action the owner's key takes,
    /// so the customer's "delivered" mail is queued in this import's transaction.
    private func deliverOrders(of shipments: Set<Int64>, summary: inout ImportSummary) throws {
        let orders = try writer.ordersWithEveryParcelDelivered(shipments: shipments)
        guard !orders.isEmpty else { return }
        var report = OrderActionReport(action: .markDelivered, changed: [], problems: [], mailsQueued: 0)
        let batch = try writer.nextActivityBatch()
        for order in orders {
            try writer.apply(.markDelivered, to: order, actor: actor, now: now, mail: mail, batch: batch, report: &report)
        }
        summary.ordersDelivered = report.changed.count
        summary.mailsQueued = report.mailsQueued
        summary.mailNotice = report.mailNotice
    }

    /// "2026-11-24": the last second of that day in the shop's zone.
    private func endOfDay(_ text: String) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let day = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              calendar.component(.day, from: day) == parts[2] else { return nil }
        return calendar.date(byAdding: .day, value: 1, to: day)?.addingTimeInterval(-1)
    }

    /// The carrier named in the row, or nil when the cell is empty (the number alone then finds it).
    private func carrierOfRow() throws -> Carrier? {
        let text = records["Carrier"]
        guard !text.isEmpty else { return nil }
        guard let carrier = Carrier(named: text) else {
            let names = Carrier.allCases.map(\.title).joined(separator: ", ")
            throw records.error("Carrier", Said("\"{value}\" is not a carrier tezgah knows ({names}).", ["value": text, "names": names]))
        }
        return carrier
    }
}

/// The words carriers' portals (in English and Turkish) use for statuses and carriers.
enum TrackingStatusWords {
    private static let statuses: [String: ShipmentStatus] = {
        var words: [String: ShipmentStatus] = [:]
        for status in ShipmentStatus.allCases {
            words[SearchFolding.fold(status.rawValue.replacingOccurrences(of: "_", with: " "))] = status
            words[SearchFolding.fold(status.title)] = status
        }
        let phrases: [(String, ShipmentStatus)] = [
            ("label created", .infoReceived), ("pre transit", .infoReceived), ("shipment information received", .infoReceived),
            ("accepted", .inTransit), ("picked up", .inTransit), ("departed", .inTransit), ("arrived", .inTransit),
            ("delivery attempted", .failedAttempt), ("attempted", .failedAttempt), ("undeliverable", .failedAttempt),
            ("ready for pickup", .availableForPickup), ("available for pickup", .availableForPickup),
            ("returned", .returnedToSender), ("return to sender", .returnedToSender),
            ("gonderi bilgisi alindi", .infoReceived), ("kargo kabul edildi", .inTransit), ("kabul edildi", .inTransit),
            ("yolda", .inTransit), ("transfer merkezinde", .inTransit), ("transferde", .inTransit),
            ("dagitimda", .outForDelivery), ("dagitima cikti", .outForDelivery), ("kurye dagitimda", .outForDelivery),
            ("teslim edildi", .delivered), ("teslim edilemedi", .failedAttempt), ("alici adreste bulunamadi", .failedAttempt),
            ("subede", .availableForPickup), ("subeden teslim alinabilir", .availableForPickup),
            ("iade edildi", .returnedToSender), ("iade", .returnedToSender), ("sorunlu", .exception),
        ]
        for (phrase, status) in phrases { words[SearchFolding.fold(phrase)] = status }
        return words
    }()

    static func status(_ text: String) -> ShipmentStatus? {
        statuses[SearchFolding.fold(text.replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces))]
    }

    /// "2026-11-20 14:05", with seconds, a "T", and an offset or "Z" as the portal writes them; a
    /// time without an offset is the shop's local time, as portals write them.
    static func time(_ text: String, localIn zone: TimeZone) -> Date? {
        if let date = ShopifyDate.parse(text, localIn: zone) { return date }
        // Without seconds: insert them and try again.
        let utf8 = Array(text.utf8)
        guard utf8.count >= 16, utf8[13] == 0x3A, utf8.count == 16 || utf8[16] != 0x3A else { return nil }
        return ShopifyDate.parse(String(decoding: utf8[..<16], as: UTF8.self) + ":00" + String(decoding: utf8[16...], as: UTF8.self), localIn: zone)
    }
}
