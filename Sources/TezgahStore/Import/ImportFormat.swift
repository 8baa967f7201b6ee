/// The export formats tezgah recognises from a CSV header.
public enum ImportFormat: String, CaseIterable, Sendable {
    case shopifyOrders = "shopify-orders"
    case shopifyCustomers = "shopify-customers"
    case wooCommerceOrders = "woocommerce-orders"
    case etsySoldOrders = "etsy-orders"

    public var title: String {
        switch self {
        case .shopifyOrders: "Shopify orders export"
        case .shopifyCustomers: "Shopify customers export"
        case .wooCommerceOrders: "WooCommerce orders export"
        case .etsySoldOrders: "Etsy sold-orders export"
        }
    }

    /// Whether tezgah can import this format yet.
    public var isSupported: Bool { self == .shopifyOrders }

    /// Recognises a format by the columns its header must have.
    static func detect(header: [String]) -> ImportFormat? {
        let columns = Set(header)
        if columns.isSuperset(of: ["Name", "Email", "Financial Status", "Lineitem name", "Lineitem quantity"]) { return .shopifyOrders }
        if columns.isSuperset(of: ["Email", "Accepts Email Marketing"]) || columns.isSuperset(of: ["Email", "Accepts Marketing", "Total Spent"]) {
            return .shopifyCustomers
        }
        if columns.isSuperset(of: ["Sale Date", "Order ID"]) { return .etsySoldOrders }
        if columns.contains("Order Number") && (columns.contains("Order Status") || columns.contains("Billing Email Address")) {
            return .wooCommerceOrders
        }
        return nil
    }
}

/// What an import did.
public struct ImportSummary: Equatable, Sendable {
    public var format: ImportFormat
    public var ordersCreated = 0
    public var ordersUpdated = 0
    public var customersCreated = 0
    public var lines = 0

    public var description: String {
        "\(format.title): \(ordersCreated) new orders, \(ordersUpdated) updated, \(customersCreated) new customers, \(lines) line items."
    }
}
