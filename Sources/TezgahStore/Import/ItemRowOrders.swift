import Foundation
import Tezgah

/// An order from an export that writes one row per item: its number, the row it starts on, its own
/// fields (read from that first row; later rows may leave them empty) and a line per row.
struct ItemRowOrder {
    var number: String
    var firstLine: Int
    var fields: ItemRowFields
    var lines: [OrderLine]
}

/// An order's own cells: `values` in the order of the importer's `orderFields`, or by column name
/// (nil for a column the importer did not ask for).
struct ItemRowFields {
    /// Where each of the importer's order columns is in `values`; shared by every order of a file.
    let positions: [String: Int]
    let values: [String]

    subscript(column: String) -> String? { positions[column].map { values[$0] } }
}

/// Where an item-per-row export keeps what, and what to say when its rows are out of place.
struct ItemRowColumns {
    var number: String
    /// Why an empty number is wrong ("is empty; every row needs the order name (e.g. #1001).").
    var emptyNumber: Said
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
    func forEachItemRowOrder(_ columns: ItemRowColumns, progress: (Int) throws -> Void,
                             _ body: (ItemRowOrder) throws -> Void) throws {
        var pending: ItemRowOrder?
        var pendingCurrency = Currency.usd
        let started = try SeenOrderNumbers()
        var rows = 0
        // Columns are looked up once, not per cell.
        let number = position(of: columns.number), quantity = position(of: columns.quantity)
        let name = position(of: columns.name), price = position(of: columns.price), sku = position(of: columns.sku)
        let fieldPositions = columns.orderFields.map(position(of:))
        let fieldNames = Dictionary(columns.orderFields.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let currencyField = fieldNames["Currency"]
        while try next() {
            rows += 1
            if rows % 1_000 == 0 { try progress(consumed) }
            let orderNumber = self[position: number]
            guard !orderNumber.isEmpty else { throw error(columns.number, columns.emptyNumber) }
            if pending?.number != orderNumber {
                if let done = pending { try body(done) }
                guard try started.insert(orderNumber) else {
                    throw error(columns.number, Said("order {number} appears again after other orders; {keeps}", ["number": orderNumber],
                                                           phrases: ["keeps": columns.keepsTogether]))
                }
                let fields = ItemRowFields(positions: fieldNames, values: fieldPositions.map { self[position: $0] })
                pending = ItemRowOrder(number: orderNumber, firstLine: line, fields: fields, lines: [])
                let code = currencyField.map { fields.values[$0] } ?? ""
                pendingCurrency = try currency(code.isEmpty ? "USD" : code, line: line)
            }
            let quantityText = self[position: quantity]
            guard let count = Int(quantityText), count > 0 else {
                throw error(columns.quantity, Said("\"{value}\" is not a whole number of items above zero.", ["value": quantityText]))
            }
            let itemName = self[position: name]
            guard !itemName.isEmpty else { throw error(columns.name, Said("is empty.")) }
            let priceText = self[position: price]
            guard let unitPrice = Money(parsing: priceText, currency: pendingCurrency, decimalSeparator: ".") else {
                throw error(columns.price, Said("\"{value}\" is not an amount like 1234.50.", ["value": priceText]))
            }
            pending!.lines.append(OrderLine(sku: self[position: sku], name: itemName, quantity: count, unitPrice: unitPrice))
        }
        if let done = pending { try body(done) }
        try progress(size)
    }
}

extension CSVRecords {
    /// Imports the rest of the file as an item-per-row export: orders are read and checked by `add`
    /// (which hands each to the batch) on the batch's reading thread and written as they come (see
    /// `OrderImportBatch`). An order that cannot be written is blamed on its number cell.
    func importItemRowOrders(_ format: ImportFormat, _ columns: ItemRowColumns, writer: ShopWriter,
                             progress: @escaping (Int) throws -> Void,
                             add: @escaping (ItemRowOrder, OrderImportBatch) throws -> Void) throws -> ImportSummary {
        var summary = ImportSummary(format: format)
        let batch = OrderImportBatch(writer: writer) { [self] in error(columns.number, $1, line: $0) }
        var lines = 0
        try batch.write(into: &summary) { [self] in
            try forEachItemRowOrder(columns, progress: progress) { order in
                try add(order, batch)
                lines += order.lines.count
            }
        }
        summary.lines = lines
        return summary
    }
}
