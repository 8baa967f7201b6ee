import Foundation
import Tezgah

/// An order from an export that writes one row per item: its number, the row it starts on, its own
/// fields (read from that first row; later rows may leave them empty) and a line per row.
struct ItemRowOrder {
    var number: String
    var firstLine: Int
    var fields: [String: String]
    var lines: [OrderLine]
}

/// Where an item-per-row export keeps what, and what to say when its rows are out of place.
struct ItemRowColumns {
    var number: String
    /// Why an empty number is wrong ("is empty; every row needs the order name (e.g. #1001).").
    var emptyNumber: String
    /// How the export keeps an order's rows ("a Shopify export keeps an order's rows together.").
    var keepsTogether: String
    var orderFields: [String]
    var quantity: String
    var name: String
    var price: String
    var sku: String
}

extension CSVRecords {
    /// Reads the rest of the file as orders, one per run of rows with the same number, and hands
    /// each to `body` when its last row has been read. An order whose rows come back after another
    /// order's, an empty number, quantity or item name, or a price that is not a plain amount stops
    /// the file with the row and column. Prices are in the order's `Currency` (USD when empty; an
    /// invalid code is refused on the order's first row).
    func forEachItemRowOrder(_ columns: ItemRowColumns, progress: (Int) -> Void,
                             _ body: (ItemRowOrder) throws -> Void) throws {
        var pending: ItemRowOrder?
        var finished = Set<String>()
        var rows = 0
        while try next() {
            rows += 1
            if rows % 1_000 == 0 { progress(consumed) }
            let number = self[columns.number]
            guard !number.isEmpty else { throw error(columns.number, columns.emptyNumber) }
            if pending?.number != number {
                if let done = pending {
                    try body(done)
                    finished.insert(done.number)
                }
                guard !finished.contains(number) else {
                    throw error(columns.number, "order \(number) appears again after other orders; \(columns.keepsTogether)")
                }
                var fields: [String: String] = [:]
                for column in columns.orderFields { fields[column] = self[column] }
                pending = ItemRowOrder(number: number, firstLine: line, fields: fields, lines: [])
            }
            let quantityText = self[columns.quantity]
            guard let quantity = Int(quantityText), quantity > 0 else {
                throw error(columns.quantity, "\"\(quantityText)\" is not a whole number of items above zero.")
            }
            let name = self[columns.name]
            guard !name.isEmpty else { throw error(columns.name, "is empty.") }
            let code = pending!.fields["Currency"] ?? ""
            let currency = try self.currency(code.isEmpty ? "USD" : code, line: pending!.firstLine)
            guard let price = Money(parsing: self[columns.price], currency: currency, decimalSeparator: ".") else {
                throw error(columns.price, "\"\(self[columns.price])\" is not an amount like 1234.50.")
            }
            pending!.lines.append(OrderLine(sku: self[columns.sku], name: name, quantity: quantity, unitPrice: price))
        }
        if let done = pending { try body(done) }
        progress(size)
    }
}
