import Tezgah

/// The export formats tezgah recognises from a CSV header.
public enum ImportFormat: String, CaseIterable, Sendable, Encodable {
    case shopifyOrders = "shopify-orders"
    case shopifyCustomers = "shopify-customers"
    case wooCommerceOrders = "woocommerce-orders"
    case etsySoldOrders = "etsy-orders"
    case trackingStatus = "tracking-status"
    case judgeMeReviews = "judgeme-reviews"
    case plainReviews = "reviews"

    /// The format's name, a phrase the desk says in its language.
    public var title: String {
        switch self {
        case .shopifyOrders: phrase("Shopify orders export")
        case .shopifyCustomers: phrase("Shopify customers export")
        case .wooCommerceOrders: phrase("WooCommerce orders export")
        case .etsySoldOrders: phrase("Etsy sold-orders export")
        case .trackingStatus: phrase("tracking-status export")
        case .judgeMeReviews: phrase("Judge.me reviews export")
        case .plainReviews: phrase("reviews sheet")
        }
    }


    /// The columns an importable format cannot do without.
    var requiredColumns: [String] {
        switch self {
        case .shopifyOrders: ["Name", "Lineitem quantity", "Lineitem name", "Lineitem price"]
        case .trackingStatus: TrackingStatusImport.requiredColumns
        case .shopifyCustomers: ShopifyCustomersImport.requiredColumns
        case .etsySoldOrders: EtsySoldOrdersImport.requiredColumns
        case .wooCommerceOrders: WooCommerceOrdersImport.requiredColumns
        case .judgeMeReviews: ReviewsImport.judgeMeColumns
        case .plainReviews: ReviewsImport.plainColumns
        }
    }

    /// Recognises a format by the columns its header must have.
    static func detect(header: [String]) -> ImportFormat? {
        let columns = Set(header)
        if columns.isSuperset(of: ["Name", "Email", "Financial Status", "Lineitem name", "Lineitem quantity"]) { return .shopifyOrders }
        if columns.isSuperset(of: ["Email", "Accepts Email Marketing"]) || columns.isSuperset(of: ["Email", "Accepts Marketing", "Total Spent"]) {
            return .shopifyCustomers
        }
        if columns.isSuperset(of: ["Sale Date", "Order ID"]) { return .etsySoldOrders }
        if columns.isSuperset(of: TrackingStatusImport.requiredColumns) { return .trackingStatus }
        if columns.isSuperset(of: ReviewsImport.judgeMeColumns) { return .judgeMeReviews }
        if columns.isSuperset(of: ReviewsImport.plainColumns) { return .plainReviews }
        if columns.contains("Order Number") && (columns.contains("Order Status") || columns.contains("Billing Email Address")) {
            return .wooCommerceOrders
        }
        return nil
    }
}

/// What an import did.
public struct ImportSummary: Equatable, Sendable, Encodable {
    public var format: ImportFormat
    public var ordersCreated = 0
    /// Orders already known that the export changed, and those it left as they were.
    public var ordersUpdated = 0
    public var ordersUnchanged = 0
    public var customersCreated = 0
    /// Customers exports: customers already known (updated in place), and those newly marked as not
    /// accepting marketing mail.
    public var customersUpdated = 0
    public var marketingOptOuts = 0
    /// Customers exports: customers the loyalty programme enrolled (`join_from_customers_export`).
    public var membersJoined = 0
    public var lines = 0
    /// Tracking imports: events appended, events already there, shipments whose status was redone.
    public var eventsAdded = 0
    public var eventsKnown = 0
    public var shipmentsUpdated = 0
    /// Tracking imports: orders whose parcels have all arrived, now delivered, and the mails that tell their customers.
    public var ordersDelivered = 0
    /// Parcels whose ETA the export's estimated-delivery column moved.
    public var etasMoved = 0
    public var mailsQueued = 0
    /// Tracking imports: why a delivered order's customer was not told (the first such order).
    public var mailNotice: Said?
    /// Tracking imports: rows naming parcels tezgah has no shipment for, and those numbers.
    public var rowsSkipped = 0
    public var unknownParcels: [String] = []
    /// Reviews imports: reviews new to tezgah, those linked to an order, those already imported.
    public var reviewsAdded = 0
    public var reviewsLinked = 0
    public var reviewsKnown = 0

    public var description: String { sentence(in: .english) }

    /// The summary as the desk and the command line say it, in `language`.
    public func sentence(in language: Language) -> String {
        func say(_ phrase: String, _ values: KeyValuePairs<String, String>) -> String { language.say(phrase, values) }
        let title = language.say(format.title)
        let named = unknownParcels.prefix(5).joined(separator: ", ") + (unknownParcels.count > 5 ? ", …" : "")
        switch format {
        case .trackingStatus:
            var text = say("{format}: {added} new tracking events on {shipments} shipments, {known} already known.",
                           ["format": title, "added": String(eventsAdded), "shipments": String(shipmentsUpdated), "known": String(eventsKnown)])
            if etasMoved > 0 {
                text += " " + (etasMoved == 1 ? language.say("1 ETA moved.") : say("{count} ETAs moved.", ["count": String(etasMoved)]))
            }
            if ordersDelivered > 0 {
                let queued = say("{delivered} orders delivered ({mails} customer mails queued", ["delivered": String(ordersDelivered), "mails": String(mailsQueued)])
                text += " " + queued + (mailNotice.map { "; " + language.say($0) } ?? "") + ")."
            }
            if rowsSkipped > 0 {
                text += " " + say("Skipped {rows} rows for {parcels} parcels tezgah has no shipment for: {numbers}.",
                                  ["rows": String(rowsSkipped), "parcels": String(unknownParcels.count), "numbers": named])
            }
            return text
        case .judgeMeReviews, .plainReviews:
            var text = say("{format}: {added} new reviews, {linked} linked to an order, {known} already known.",
                           ["format": title, "added": String(reviewsAdded), "linked": String(reviewsLinked), "known": String(reviewsKnown)])
            if rowsSkipped > 0 {
                text += " " + say("Skipped {rows} reviews of orders tezgah does not have: {numbers}.", ["rows": String(rowsSkipped), "numbers": named])
            }
            return text
        case .shopifyCustomers:
            let values: KeyValuePairs = ["format": title, "created": String(customersCreated), "updated": String(customersUpdated),
                                         "optOuts": String(marketingOptOuts), "joined": String(membersJoined)]
            return membersJoined > 0
                ? say("{format}: {created} new customers, {updated} updated, {optOuts} newly marked as not accepting marketing mail, {joined} joined loyalty.", values)
                : say("{format}: {created} new customers, {updated} updated, {optOuts} newly marked as not accepting marketing mail.", values)
        case .etsySoldOrders:
            return say("{format}: {orders}, {customers} new customers (Etsy gives shops no buyer e-mail, so tezgah cannot mail them).",
                       ["format": title, "orders": orderCounts(in: language), "customers": String(customersCreated)])
        default:
            return say("{format}: {orders}, {customers} new customers, {lines} line items.",
                       ["format": title, "orders": orderCounts(in: language), "customers": String(customersCreated), "lines": String(lines)])
        }
    }

    /// "3 new orders, 1 updated" and, after a re-import, ", 2 unchanged".
    private func orderCounts(in language: Language) -> String {
        let values: KeyValuePairs = ["created": String(ordersCreated), "updated": String(ordersUpdated), "unchanged": String(ordersUnchanged)]
        return ordersUnchanged > 0 ? language.say("{created} new orders, {updated} updated, {unchanged} unchanged", values)
            : language.say("{created} new orders, {updated} updated", values)
    }
}
