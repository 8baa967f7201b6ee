/// The export formats tezgah recognises from a CSV header.
public enum ImportFormat: String, CaseIterable, Sendable, Encodable {
    case shopifyOrders = "shopify-orders"
    case shopifyCustomers = "shopify-customers"
    case wooCommerceOrders = "woocommerce-orders"
    case etsySoldOrders = "etsy-orders"
    case trackingStatus = "tracking-status"
    case judgeMeReviews = "judgeme-reviews"
    case plainReviews = "reviews"

    public var title: String {
        switch self {
        case .shopifyOrders: "Shopify orders export"
        case .shopifyCustomers: "Shopify customers export"
        case .wooCommerceOrders: "WooCommerce orders export"
        case .etsySoldOrders: "Etsy sold-orders export"
        case .trackingStatus: "tracking-status export"
        case .judgeMeReviews: "Judge.me reviews export"
        case .plainReviews: "reviews sheet"
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
    public var mailNotice: String?
    /// Tracking imports: rows naming parcels tezgah has no shipment for, and those numbers.
    public var rowsSkipped = 0
    public var unknownParcels: [String] = []
    /// Reviews imports: reviews new to tezgah, those linked to an order, those already imported.
    public var reviewsAdded = 0
    public var reviewsLinked = 0
    public var reviewsKnown = 0

    public var description: String {
        switch format {
        case .trackingStatus:
            var text = "\(format.title): \(eventsAdded) new tracking events on \(shipmentsUpdated) shipments, \(eventsKnown) already known."
            if etasMoved > 0 { text += " \(etasMoved) ETA\(etasMoved == 1 ? "" : "s") moved." }
            if ordersDelivered > 0 {
                let unmailed = mailNotice.map { "; \($0)" } ?? ""
                text += " \(ordersDelivered) orders delivered (\(mailsQueued) customer mails queued\(unmailed))."
            }
            if rowsSkipped > 0 {
                let named = unknownParcels.prefix(5).joined(separator: ", ") + (unknownParcels.count > 5 ? ", …" : "")
                text += " Skipped \(rowsSkipped) rows for \(unknownParcels.count) parcels tezgah has no shipment for: \(named)."
            }
            return text
        case .judgeMeReviews, .plainReviews:
            var text = "\(format.title): \(reviewsAdded) new reviews, \(reviewsLinked) linked to an order, \(reviewsKnown) already known."
            if rowsSkipped > 0 {
                let named = unknownParcels.prefix(5).joined(separator: ", ") + (unknownParcels.count > 5 ? ", …" : "")
                text += " Skipped \(rowsSkipped) reviews of orders tezgah does not have: \(named)."
            }
            return text
        case .shopifyCustomers:
            return "\(format.title): \(customersCreated) new customers, \(customersUpdated) updated, "
                + "\(marketingOptOuts) newly marked as not accepting marketing mail"
                + (membersJoined > 0 ? ", \(membersJoined) joined loyalty." : ".")
        case .etsySoldOrders:
            return "\(format.title): \(orderCounts), \(customersCreated) new customers "
                + "(Etsy gives shops no buyer e-mail, so tezgah cannot mail them)."
        default:
            return "\(format.title): \(orderCounts), \(customersCreated) new customers, \(lines) line items."
        }
    }

    /// "3 new orders, 1 updated" and, after a re-import, ", 2 unchanged".
    private var orderCounts: String {
        "\(ordersCreated) new orders, \(ordersUpdated) updated" + (ordersUnchanged > 0 ? ", \(ordersUnchanged) unchanged" : "")
    }
}
