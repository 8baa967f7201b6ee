import Foundation
import Tezgah

extension AppDatabase {
    /// Imports a shop's export file in one transaction: all of it, or (on the first bad cell) none of
    /// it. Re-importing the same or an overlapping export updates orders in place.
    /// Orders a tracking export shows delivered are marked so under `actor`, and `mail` writes the
    /// customer's "delivered" mail (none without it).
    ///
    /// `progress` is told the bytes read every thousand rows; an error it throws stops the import,
    /// and nothing of the file is written (how the desk cancels an import it runs).
    ///
    /// `timeZone` reads exports that write local times (WooCommerce's): the shop's, as the runtime
    /// resolves it from config and database (`ShopSettings`); without it, the zone the database
    /// stores, else UTC.
    public func importFile(_ path: String, format requested: ImportFormat? = nil, actor: String = "import",
                           mail: OrderMailComposer? = nil, now: Date = Date(), timeZone: TimeZone? = nil,
                           enrol: LoyaltyEnrolment? = nil,
                           progress: @escaping (_ bytesRead: Int, _ fileSize: Int) throws -> Void = { _, _ in }) throws -> ImportSummary {
        let records = try CSVRecords(path: path)
        guard let format = requested ?? ImportFormat.detect(header: records.header) else {
            throw ImportError(file: records.file, line: 1, reason: Said("the header matches no export tezgah knows (Shopify orders or customers, WooCommerce orders, Etsy sold orders, tracking status, Judge.me or plain reviews); pass --format to say which it is."))
        }
        for column in format.requiredColumns where !records.has(column) {
            throw ImportError(file: records.file, line: 1, column: column, reason: Said("is missing from the header; is this a {format}?", phrases: ["format": format.title]))
        }
        // WooCommerce writes the site's local times; the shop's zone reads them.
        let zone = try timeZone ?? setting(.timeZone).flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        return try largeWrite { writer in
            switch format {
            case .trackingStatus:
                try TrackingStatusImport(records: records, writer: writer, progress: { try progress($0, records.size) },
                                         actor: actor, mail: mail, now: now, timeZone: zone).run()
            case .wooCommerceOrders:
                try WooCommerceOrdersImport(records: records, writer: writer, progress: { try progress($0, records.size) },
                                            timeZone: zone).run()
            case .etsySoldOrders:
                try EtsySoldOrdersImport(records: records, writer: writer, progress: { try progress($0, records.size) }).run()
            case .judgeMeReviews, .plainReviews:
                try ReviewsImport(records: records, writer: writer, progress: { try progress($0, records.size) }, format: format, now: now).run()
            case .shopifyCustomers:
                try ShopifyCustomersImport(records: records, writer: writer, progress: { try progress($0, records.size) }, now: now,
                                           enrol: enrol).run()
            default:
                try ShopifyOrdersImport(records: records, writer: writer, progress: { try progress($0, records.size) }).run()
            }
        }
    }
}
