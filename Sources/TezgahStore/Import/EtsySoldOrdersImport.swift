import Foundation
import Tezgah

/// Reads Etsy's sold-orders export (Shop Manager › Settings › Options › Download Data › Orders), one
/// order per row: `Sale Date` (MM/DD/YY), `Order ID`, the buyer (`Buyer` user name, `Full Name`),
/// `Number of Items`, `Date Shipped`, the ship-to city and country, `Currency`, `Order Total` and,
/// where Etsy wrote it, `Adjusted Order Total` after refunds.
///
/// Etsy gives shops no buyer e-mail and lists items in a separate export, so these orders have a
/// count of items and no lines, and their customers get no mail from tezgah (order actions say so).
/// Orders are matched by Etsy's order id, so re-importing updates them in place.
struct EtsySoldOrdersImport {
    let records: CSVRecords
    let writer: ShopWriter
    let progress: (Int) throws -> Void

    static let requiredColumns = ["Sale Date", "Order ID", "Order Total"]

    func run() throws -> ImportSummary {
        var summary = ImportSummary(format: .etsySoldOrders)
        var codes: [(number: String, code: String, at: Date)] = []
        let batch = OrderImportBatch(writer: writer) { [records] in records.error("Order ID", $1, line: $0) }
        try batch.write(into: &summary) {
            var rows = 0
            while try records.next() {
                rows += 1
                if rows % 1_000 == 0 { try progress(records.consumed) }
                let id = records["Order ID"]
                guard !id.isEmpty, id.allSatisfy(\.isNumber) else {
                    throw records.error("Order ID", Said("\"{value}\" is not an Etsy order number (digits only).", ["value": id]))
                }
                guard let placed = Self.date(records["Sale Date"]) else {
                    throw records.error("Sale Date", Said("\"{value}\" is not a date like 11/20/26.", ["value": records["Sale Date"]]))
                }
                let shippedText = records["Date Shipped"]
                let shipped = Self.date(shippedText)
                guard shippedText.isEmpty || shipped != nil else {
                    throw records.error("Date Shipped", Said("\"{value}\" is not a date like 11/20/26.", ["value": shippedText]))
                }
                let currency = try records.currency(records["Currency"].isEmpty ? "USD" : records["Currency"])
                let total = try amount("Order Total", currency)
                let adjusted = records["Adjusted Order Total"].isEmpty ? nil : try amount("Adjusted Order Total", currency)
                let itemsText = records["Number of Items"]
                guard itemsText.isEmpty || (Int(itemsText).map { $0 > 0 } ?? false) else {
                    throw records.error("Number of Items", Said("\"{value}\" is not a whole number of items above zero.", ["value": itemsText]))
                }
                let name = [records["Full Name"], [records["First Name"], records["Last Name"]].joinedNonEmpty(" "),
                            records["Buyer"]].first { !$0.isEmpty } ?? "Etsy buyer"
                let buyer = records["Buyer"].isEmpty ? records["Buyer User ID"] : records["Buyer"]
                let city = records["Ship City"]
                let country = records["Ship Country"]
                // What Etsy still holds after refunds: all of it, some of it, or nothing.
                let payment: PaymentStatus = adjusted.map { $0 >= total ? .paid : $0 == 0 ? .refunded : .partiallyRefunded } ?? .paid
                let status: OrderStatus = payment == .refunded && shipped == nil ? .cancelled : shipped != nil ? .shipped : .received
                let address = [records["Street 1"], records["Street 2"], [records["Ship Zipcode"], city].joinedNonEmpty(" "),
                               records["Ship State"], country].joinedNonEmpty(", ")
                var order = ShopWriter.NewOrder(
                    number: "#\(id)", platform: "etsy", platformRef: id, customerID: 0, customerName: name, customerEmail: "",
                    city: city, status: status, payment: payment, fulfillment: shipped == nil ? .unfulfilled : .fulfilled,
                    lines: [], currency: currency, total: Money(minorUnits: total, currency: currency), shippingAddress: address,
                    tags: [], note: records["Coupon Code"].isEmpty ? "" : "Coupon \(records["Coupon Code"])", placedAt: placed)
                order.itemCount = Int(itemsText) ?? 1
                if !records["Coupon Code"].isEmpty { codes.append(("#\(id)", records["Coupon Code"], placed)) }
                if let adjusted, payment != .paid { order.refunded = Money(minorUnits: total - adjusted, currency: currency) }
                try batch.add(order, customer: buyer.isEmpty ? .name(name) : .platformRef("etsy:\(buyer)"),
                              newCustomer: .init(name: name, city: city, country: country, createdAt: placed), line: records.line)
            }
            try progress(records.size)
        }
        // Etsy's coupon codes: a coupon tezgah issued is redeemed; a member's code is a referral.
        try writer.applyDiscountCodes(codes)
        return summary
    }

    private func amount(_ column: String, _ currency: Currency) throws -> Int64 {
        guard let money = Money(parsing: records[column], currency: currency, decimalSeparator: ".") else {
            throw records.error(column, Said("\"{value}\" is not an amount like 349.90.", ["value": records[column]]))
        }
        return money.minorUnits
    }

    /// Etsy writes "11/20/26" (month first); "11/20/2026" and "2026-11-20" are read too. The sale's
    /// hour is not in the file, so the order is placed at noon UTC: the same calendar day anywhere
    /// from UTC−11 to UTC+11.
    static func date(_ text: String) -> Date? {
        let iso = text.split(separator: "-").compactMap { Int($0) }
        let us = text.split(separator: "/").compactMap { Int($0) }
        let (year, month, day): (Int, Int, Int)
        if iso.count == 3, text.count == 10 {
            (year, month, day) = (iso[0], iso[1], iso[2])
        } else if us.count == 3, text.split(separator: "/").count == 3 {
            (year, month, day) = (us[2] < 100 ? 2000 + us[2] : us[2], us[0], us[1])
        } else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day, hour: 12)
        guard (1...12).contains(month), (1...31).contains(day), let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        return date
    }
}
