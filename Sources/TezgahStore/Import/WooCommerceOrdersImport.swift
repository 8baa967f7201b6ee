import Foundation
import Tezgah

/// Reads a WooCommerce orders export as the "Advanced Order Export For WooCommerce" plugin writes it
/// with its default fields, one row per item: `Order Number`, `Order Status`, `Order Date` (the
/// site's local time, `2026-11-20 14:05`), the billing e-mail and names, the shipping city and
/// country, `Order Total Amount`, `Order Refund Amount`, `Currency` (add it to the export: the
/// default fields leave it out), and per item `Item Name`, `Quantity`, `Item Cost` and `SKU`.
///
/// An order's fields are read from its first row (the plugin may leave them empty on the rest);
/// orders are matched by their number, so re-importing updates them in place.
struct WooCommerceOrdersImport {
    let records: CSVRecords
    let writer: ShopWriter
    let progress: (Int) throws -> Void
    /// The site's time zone: WooCommerce writes local times without an offset.
    var timeZone = TimeZone(identifier: "UTC")!

    static let requiredColumns = ["Order Number", "Order Status", "Order Date", "Order Total Amount", "Item Name", "Quantity",
                                  "Item Cost", "Currency"]

    private static let orderColumns = ["Order Number", "Order Status", "Order Date", "Order Total Amount", "Order Refund Amount",
                                       "Currency", "Email (Billing)", "Billing Email Address", "First Name (Billing)",
                                       "Last Name (Billing)", "First Name (Shipping)", "Last Name (Shipping)",
                                       "Address 1&2 (Shipping)", "City (Shipping)", "Postcode (Shipping)", "Country Code (Shipping)",
                                       "City (Billing)", "Country Code (Billing)", "Customer Note"]

    static let columns = ItemRowColumns(
        number: "Order Number", emptyNumber: Said("is empty; every row needs its order's number."),
        keepsTogether: phrase("export one row per item with an order's rows together."), orderFields: orderColumns,
        quantity: "Quantity", name: "Item Name", price: "Item Cost", sku: "SKU")

    func run() throws -> ImportSummary {
        try records.importItemRowOrders(.wooCommerceOrders, Self.columns, writer: writer, progress: progress, add: add)
    }

    private func add(_ order: ItemRowOrder, to batch: OrderImportBatch) throws {
        func fail(_ column: String, _ reason: Said) -> ImportError { records.error(column, reason, line: order.firstLine) }
        let f = order.fields
        let currency = try records.currency(f["Currency"]!, line: order.firstLine)
        func amount(_ column: String) throws -> Int64 {
            let text = f[column]!
            if text.isEmpty && column == "Order Refund Amount" { return 0 }
            // The plugin writes refunds as negative amounts.
            let magnitude = text.hasPrefix("-") ? String(text.dropFirst()) : text
            guard let money = Money(parsing: magnitude, currency: currency, decimalSeparator: ".") else {
                throw fail(column, Said("\"{value}\" is not an amount like 349.90.", ["value": text]))
            }
            return money.minorUnits
        }
        let total = try amount("Order Total Amount")
        let refunded = try amount("Order Refund Amount")
        guard let placed = Self.localDate(f["Order Date"]!, timeZone) else {
            throw fail("Order Date", Said("\"{value}\" is not a date like 2026-11-20 14:05.", ["value": f["Order Date"]!]))
        }
        // WooCommerce's statuses fold payment and fulfilment together; tezgah keeps them apart.
        let status: OrderStatus, payment: PaymentStatus, fulfillment: FulfillmentStatus
        switch f["Order Status"]!.lowercased().replacingOccurrences(of: "wc-", with: "") {
        case "processing": (status, payment, fulfillment) = (.received, .paid, .unfulfilled)
        case "completed": (status, payment, fulfillment) = (.shipped, .paid, .fulfilled)
        case "pending", "pending payment", "on-hold", "on hold": (status, payment, fulfillment) = (.received, .pending, .unfulfilled)
        case "cancelled", "failed", "checkout-draft", "draft": (status, payment, fulfillment) = (.cancelled, .pending, .unfulfilled)
        case "refunded": (status, payment, fulfillment) = (.cancelled, .refunded, .unfulfilled)
        case let other:
            throw fail("Order Status", Said("\"{value}\" is not a WooCommerce order status (processing, completed, on-hold, pending, cancelled, refunded, failed).", ["value": other]))
        }
        let partlyRefunded = refunded > 0 && refunded < total && payment == .paid
        let emailColumn = f["Email (Billing)"]!.isEmpty ? "Billing Email Address" : "Email (Billing)"
        let email = try records.email(f[emailColumn]!, column: emailColumn, line: order.firstLine)
        let billing = [f["First Name (Billing)"]!, f["Last Name (Billing)"]!].joinedNonEmpty(" ")
        let shipping = [f["First Name (Shipping)"]!, f["Last Name (Shipping)"]!].joinedNonEmpty(" ")
        let name = [billing, shipping, email].first { !$0.isEmpty } ?? order.number
        let city = f["City (Shipping)"]!.isEmpty ? f["City (Billing)"]! : f["City (Shipping)"]!
        let country = f["Country Code (Shipping)"]!.isEmpty ? f["Country Code (Billing)"]! : f["Country Code (Shipping)"]!
        let address = [f["Address 1&2 (Shipping)"]!, [f["Postcode (Shipping)"]!, city].joinedNonEmpty(" "), country].joinedNonEmpty(", ")
        let number = order.number.hasPrefix("#") ? order.number : "#" + order.number
        var imported = ShopWriter.NewOrder(
            number: number, platform: "woocommerce", platformRef: order.number, customerID: 0, customerName: name,
            customerEmail: email, city: city, status: status, payment: partlyRefunded ? .partiallyRefunded : payment,
            fulfillment: fulfillment, lines: order.lines, currency: currency, total: Money(minorUnits: total, currency: currency),
            shippingAddress: address, tags: [], note: f["Customer Note"]!, placedAt: placed)
        if refunded > 0 { imported.refunded = Money(minorUnits: min(refunded, total), currency: currency) }
        try batch.add(imported, customer: email.isEmpty ? .name(name) : .email(email),
                      newCustomer: .init(name: name, city: city, country: country, createdAt: placed), line: order.firstLine)
    }

    /// "2026-11-20 14:05" or "2026-11-20 14:05:33" in the site's time zone.
    static func localDate(_ text: String, _ zone: TimeZone) -> Date? {
        let full = text.count == 16 ? text + ":00" : text
        guard full.count == 19 else { return nil }
        return ShopifyDate.parse(full, localIn: zone)
    }
}
