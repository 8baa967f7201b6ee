import Foundation
import Tezgah

/// Reads a Shopify orders export: one row per line item, the order's own fields on its first row
/// only, rows of one order together. Every cell is checked before use; the first bad one stops the
/// import with `file:line: column "X": why`.
struct ShopifyOrdersImport {
    let records: CSVRecords
    let writer: ShopWriter
    /// Called now and then with about how many bytes of the file have been read.
    let progress: (Int) throws -> Void

    /// The order's own columns, read from its first row, by their place in `orderColumns`.
    private enum Field: Int, CaseIterable {
        case id, email, financialStatus, fulfillmentStatus, currency, total, createdAt, cancelledAt, billingName,
             shippingName, shippingAddress1, shippingCity, shippingZip, shippingCountry, tags, notes, refundedAmount, discountCode

        var column: String {
            switch self {
            case .id: "Id"
            case .email: "Email"
            case .financialStatus: "Financial Status"
            case .fulfillmentStatus: "Fulfillment Status"
            case .currency: "Currency"
            case .total: "Total"
            case .createdAt: "Created at"
            case .cancelledAt: "Cancelled at"
            case .billingName: "Billing Name"
            case .shippingName: "Shipping Name"
            case .shippingAddress1: "Shipping Address1"
            case .shippingCity: "Shipping City"
            case .shippingZip: "Shipping Zip"
            case .shippingCountry: "Shipping Country"
            case .tags: "Tags"
            case .notes: "Notes"
            case .refundedAmount: "Refunded Amount"
            case .discountCode: "Discount Code"
            }
        }
    }

    private static let orderColumns = Field.allCases.map(\.column)

    static let columns = ItemRowColumns(
        number: "Name", emptyNumber: Said("is empty; every row needs the order name (e.g. #1001)."),
        keepsTogether: phrase("a Shopify export keeps an order's rows together."), orderFields: orderColumns,
        quantity: "Lineitem quantity", name: "Lineitem name", price: "Lineitem price", sku: "Lineitem sku")

    /// The codes orders used, by order number, for after the orders are written.
    private let discountCodes = DiscountCodes()

    func run() throws -> ImportSummary {
        let summary = try records.importItemRowOrders(.shopifyOrders, Self.columns, writer: writer, progress: progress, add: add)
        try writer.applyDiscountCodes(discountCodes.used)
        return summary
    }

    private func add(_ order: ItemRowOrder, to batch: OrderImportBatch) throws {
        func fail(_ column: String, _ reason: Said) -> ImportError { records.error(column, reason, line: order.firstLine) }
        let values = order.fields.values
        func f(_ field: Field) -> String { values[field.rawValue] }
        let currency = try records.currency(f(.currency), line: order.firstLine)
        let total = try amountOnLine(f(.total), column: "Total", currency: currency, line: order.firstLine)
        guard let placed = ShopifyDate.parse(f(.createdAt)) else {
            throw fail("Created at", Said("\"{value}\" is not a date like 2025-05-11 09:55:16 -0400.", ["value": f(.createdAt)]))
        }
        let payment: PaymentStatus
        switch f(.financialStatus).lowercased() {
        case "paid": payment = .paid
        case "pending", "authorized", "unpaid", "expired": payment = .pending
        case "partially_refunded", "partially refunded": payment = .partiallyRefunded
        case "refunded", "voided": payment = .refunded
        case "partially_paid", "partially paid": payment = .pending
        case let other: throw fail("Financial Status", Said("\"{value}\" is not a Shopify payment status (paid, pending, refunded…).", ["value": other]))
        }
        let fulfillment: FulfillmentStatus
        switch f(.fulfillmentStatus).lowercased() {
        case "", "unfulfilled", "pending", "restocked": fulfillment = .unfulfilled
        case "partial", "partially_fulfilled": fulfillment = .partial
        case "fulfilled", "shipped": fulfillment = .fulfilled
        case let other: throw fail("Fulfillment Status", Said("\"{value}\" is not a Shopify fulfilment status (fulfilled, partial, unfulfilled).", ["value": other]))
        }
        let status: OrderStatus = !f(.cancelledAt).isEmpty ? .cancelled
            : fulfillment == .fulfilled ? .shipped : fulfillment == .partial ? .preparing : .received
        let email = try records.email(f(.email), column: "Email", line: order.firstLine)
        let customerName = !f(.billingName).isEmpty ? f(.billingName) : !f(.shippingName).isEmpty ? f(.shippingName)
            : email.isEmpty ? order.number : email
        let city = f(.shippingCity), country = f(.shippingCountry)
        let address = [f(.shippingAddress1), [f(.shippingZip), city].joinedNonEmpty(" "), country].joinedNonEmpty(", ")
        var imported = ShopWriter.NewOrder(
            number: order.number, platform: "shopify", platformRef: f(.id).isEmpty ? order.number : f(.id),
            customerID: 0, customerName: customerName, customerEmail: email, city: city,
            status: status, payment: payment, fulfillment: fulfillment, lines: order.lines,
            currency: currency, total: Money(minorUnits: total, currency: currency), shippingAddress: address,
            tags: OrderTags.split(f(.tags)), note: f(.notes), placedAt: placed)
        // Without an amount (an empty cell, or an older export without the column) the writer counts
        // a "refunded" order as refunded whole (`OrderToWrite.refunded`).
        if !f(.refundedAmount).isEmpty {
            let refunded = try amountOnLine(f(.refundedAmount), column: "Refunded Amount", currency: currency, line: order.firstLine)
            if refunded > 0 { imported.refunded = Money(minorUnits: min(refunded, total), currency: currency) }
        }
        if !f(.discountCode).isEmpty { discountCodes.used.append((order.number, f(.discountCode), placed)) }
        try batch.add(imported,
            customer: email.isEmpty ? .name(customerName) : .email(email),
            newCustomer: .init(name: customerName, city: city, country: country, createdAt: placed),
            line: order.firstLine)
    }

    /// "1234.50" → 123450 minor units. Shopify writes plain decimals with a dot.
    private func amountOnLine(_ text: String, column: String, currency: Currency, line: Int) throws -> Int64 {
        guard let money = Money(parsing: text, currency: currency, decimalSeparator: ".") else {
            throw records.error(column, Said("\"{value}\" is not an amount like 1234.50.", ["value": text]), line: line)
        }
        return money.minorUnits
    }
}

/// Shopify's "2025-05-11 09:55:16 -0400" (the shop's offset), also with "T" and "Z" or "+03:00".
enum ShopifyDate {
    /// As `parse`, but a time written without an offset is a wall-clock time in `zone`: exports
    /// that write the shop's local times (WooCommerce's, carrier portals') are read in the shop's zone.
    static func parse(_ text: String, localIn zone: TimeZone) -> Date? {
        guard let (asUTC, offsetWritten) = parsed(text) else { return nil }
        return offsetWritten ? asUTC : asUTC.addingTimeInterval(-Double(zone.secondsFromGMT(for: asUTC)))
    }

    static func parse(_ text: String) -> Date? { parsed(text)?.date }

    /// What follows the seconds without a fraction of a second (".000" as APIs and portals write
    /// ISO 8601 times); tezgah keeps whole seconds.
    private static func withoutFraction(_ rest: [UInt8]) -> [UInt8] {
        guard rest.count > 1, rest[0] == 0x2E, (0x30...0x39).contains(rest[1]) else { return rest }
        return Array(rest.dropFirst().drop { (0x30...0x39).contains($0) })
    }

    /// The time, read as UTC when no offset is written, and whether one was ("Z" and "UTC" count).
    private static func parsed(_ text: String) -> (date: Date, offsetWritten: Bool)? {
        let scalars = Array(text.utf8)
        func number(in bytes: [UInt8], _ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func number(_ range: Range<Int>) -> Int? { number(in: scalars, range) }
        guard scalars.count >= 19, scalars[4] == 0x2D, scalars[7] == 0x2D, scalars[10] == 0x20 || scalars[10] == 0x54,
              scalars[13] == 0x3A, scalars[16] == 0x3A,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        // The offset: nothing, "Z" or "UTC", or a sign and four digits with or without a colon.
        var rest = withoutFraction(Array(scalars[19...]))
        while let last = rest.last, last == 0x20 || last == 0x09 { rest.removeLast() }
        rest.removeFirst(rest.prefix { $0 == 0x20 || $0 == 0x09 }.count)
        var offset = 0
        if !(rest.isEmpty || rest == [0x5A] || rest == [0x55, 0x54, 0x43]) {
            rest.removeAll { $0 == 0x3A }
            guard rest.count == 5, rest[0] == 0x2B || rest[0] == 0x2D,
                  let hh = number(in: rest, 1..<3), let mm = number(in: rest, 3..<5), hh < 15, mm < 60 else { return nil }
            offset = (rest[0] == 0x2D ? -1 : 1) * (hh * 3_600 + mm * 60)
        }
        // Days from civil (Howard Hinnant), then back to UTC by the offset.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
        return (Date(timeIntervalSince1970: TimeInterval(seconds)), !rest.isEmpty)
    }
}
