import Foundation
import GRDB
import Tezgah

/// Orders enter the database here: one at a time from the desk's own writes, the demo builder and
/// tests, a few hundred at a time from imports (`OrderImportBatch`). Both go through `writeOrders`,
/// so an order is stored, matched on re-import and indexed the same way whichever way it came.
///
/// Why many at a time: a 100k-order import spent more time around its statements than in storing
/// rows. Every statement is prepared for, opens a statement journal and, once search text has been
/// written, a savepoint in each FTS table; a statement for a few hundred orders pays that once, and
/// the customers and known orders of a batch are looked up with one query each. With that (and
/// the large write's settings, see `AppDatabase.largeWrite`) an import's orders and lines take
/// about as long as SQLite's own `INSERT … SELECT` of the same rows.
extension ShopWriter {
    public struct NewOrder {
        public var number: String
        public var platform: String
        /// The platform's own id, by which a re-import finds the order again; nil for orders made here.
        public var platformRef: String?
        /// The customer's id. An import names the customer by key instead (`OrderToWrite.customer`)
        /// and leaves this 0; what is written is the customer the key finds.
        public var customerID: Int64
        public var customerName: String
        public var customerEmail: String
        public var city: String
        public var status: OrderStatus
        public var payment: PaymentStatus
        public var fulfillment: FulfillmentStatus
        public var lines: [OrderLine]
        public var currency: Currency
        /// What the customer paid (with shipping and tax); nil means the sum of the lines.
        public var total: Money?
        public var shippingAddress: String
        public var tags: [String]
        public var note: String
        public var placedAt: Date
        /// How many items, when the export counts them without listing them (Etsy's sold orders).
        public var itemCount: Int?
        /// How much was refunded, when the export says. Without it, a "refunded" order counts as
        /// refunded whole and any other keeps a known order's record as it is (`OrderToWrite.refunded`).
        public var refunded: Money?

        public init(number: String, platform: String, platformRef: String?, customerID: Int64, customerName: String,
                    customerEmail: String, city: String, status: OrderStatus, payment: PaymentStatus,
                    fulfillment: FulfillmentStatus, lines: [OrderLine], currency: Currency, total: Money?,
                    shippingAddress: String, tags: [String], note: String, placedAt: Date) {
            self.number = number
            self.platform = platform
            self.platformRef = platformRef
            self.customerID = customerID
            self.customerName = customerName
            self.customerEmail = customerEmail
            self.city = city
            self.status = status
            self.payment = payment
            self.fulfillment = fulfillment
            self.lines = lines
            self.currency = currency
            self.total = total
            self.shippingAddress = shippingAddress
            self.tags = tags
            self.note = note
            self.placedAt = placedAt
        }
    }

    /// Who an order belongs to: a known customer, or one an import names, found (or created) when the
    /// order is written.
    enum OrderCustomer: Hashable {
        case id(Int64)
        /// The customer with this (lower-cased) e-mail address.
        case email(String)
        /// A customer without an e-mail address, known by name.
        case name(String)
        /// The customer a marketplace knows by its own id (an Etsy buyer's user name); no e-mail.
        case platformRef(String)
    }

    /// What a customer created for an order starts with. An `.email` customer gets the key as its
    /// address and a `.name` customer the key as its name, so a created customer is found by its key.
    struct NewCustomer {
        var name: String
        var city: String
        var country: String
        var createdAt: Date
    }

    /// An order ready to be written, with what is derived from it worked out when it is made (on an
    /// import's reading thread, see `OrderImportBatch`): its note with LF line ends, total, item
    /// count, tags and search text.
    struct OrderToWrite {
        var order: NewOrder
        var customer: OrderCustomer
        /// The customer to create when `customer` names none yet; nil for `.id`.
        var newCustomer: NewCustomer?
        let total: Int64
        /// How much was refunded: the export's amount; without one, all of it when the export says
        /// "refunded" (Shopify's refunded or voided, WooCommerce's refunded with its refund column
        /// empty), so a refunded order never shows less refunded than paid; else nothing.
        let refunded: Int64
        let items: Int
        let tags: String
        let searchText: String

        init(order: NewOrder, customer: OrderCustomer, newCustomer: NewCustomer?) {
            var order = order
            // Spreadsheets end lines inside a note with CR LF; the desk splits notes on LF.
            if order.note.utf8.contains(0x0D) { order.note = order.note.replacingOccurrences(of: "\r\n", with: "\n") }
            self.order = order
            self.customer = customer
            self.newCustomer = newCustomer
            total = order.total?.minorUnits ?? order.lines.amountMinorUnits
            refunded = order.refunded?.minorUnits ?? (order.payment == .refunded ? total : 0)
            items = order.itemCount ?? order.lines.reduce(0) { $0 + $1.quantity }
            tags = OrderTags.join(order.tags)
            searchText = ShopWriter.orderSearchText(number: order.number, customerName: order.customerName,
                                                    customerEmail: order.customerEmail, city: order.city,
                                                    status: order.status, lineNames: order.lines.map(\.name), tags: order.tags)
        }
    }

    /// An order that cannot be written: its place in the list given, and why.
    struct OrderRefused: Error {
        var index: Int
        var reason: Said
    }

    struct WrittenOrders {
        var ids: [Int64]
        var created: [Bool]
        /// Known orders (not created) whose row, lines or search text the write changed.
        var changed: [Bool]
        var customersCreated = 0
    }

    /// Inserts an order with its lines.
    @discardableResult
    public func insertOrder(_ order: NewOrder) throws -> Int64 {
        try upsertOrder(order).id
    }

    /// Inserts an order, or updates it in place (lines replaced) when its platform id is already
    /// known, so re-importing an export duplicates nothing. `created` is false for an update.
    @discardableResult
    public func upsertOrder(_ order: NewOrder) throws -> (id: Int64, created: Bool) {
        do {
            let written = try writeOrders([OrderToWrite(order: order, customer: .id(order.customerID), newCustomer: nil)])
            return (written.ids[0], written.created[0])
        } catch let refused as OrderRefused {
            throw StoreError.refused(refused.reason)
        }
    }

    /// Writes orders with their lines and search text: customers named by key are found or created,
    /// orders whose (platform, platform id) is known are updated in place (lines replaced), the rest
    /// inserted. Each platform id may appear once in `orders`. An order number that belongs to
    /// another order throws `OrderRefused` for the first order that has it.
    func writeOrders(_ orders: [OrderToWrite]) throws -> WrittenOrders {
        var customersCreated = 0
        let customerIDs = try customerIDs(for: orders, created: &customersCreated)
        let known = try knownOrderIDs(orders)
        var ids = known.map { $0 ?? 0 }
        let now = Date().unixSeconds
        // Orders seen before (re-imports) are compared with what they hold, read a few hundred at a
        // time, and written (one statement each) only where something changed: re-importing an
        // unchanged or overlapping export then only reads.
        var changed = [Bool](repeating: false, count: orders.count)
        // What the desk added to a known order survives a re-import: an export never moves it back
        // along the flow (`OrderStatus.updated(byExport:)`), and the owner's notes and tags are
        // kept beside the export's. Its search text follows what is kept.
        let stored = try storedOrders(known.compactMap { $0 })
        var searchText = orders.map(\.searchText)
        for index in orders.indices {
            guard let id = known[index], let kept = stored[id] else { continue }
            let row = orders[index], order = row.order
            let status = kept.status.updated(byExport: order.status)
            let keptTags = kept.tags == row.tags ? order.tags : OrderTags.split(kept.tags)
            let tags = keptTags + order.tags.filter { !keptTags.contains($0) }
            let next = StoredOrder(
                number: order.number, customerID: customerIDs[index], status: status,
                payment: kept.payment.updated(byExport: order.payment),
                fulfillment: kept.fulfillment.updated(byExport: order.fulfillment), currency: order.currency.code,
                total: row.total,
                // A refund recorded in the desk is not undone by an export that knows a smaller one.
                refunded: max(kept.refunded, row.refunded), items: Int64(row.items),
                shippingAddress: order.shippingAddress, tags: tags == order.tags ? row.tags : OrderTags.join(tags),
                note: Self.note(kept: kept.note, exported: order.note), placedAt: order.placedAt.unixSeconds)
            if status != order.status || tags != order.tags {
                searchText[index] = Self.orderSearchText(
                    number: order.number, customerName: order.customerName, customerEmail: order.customerEmail,
                    city: order.city, status: status, lineNames: order.lines.map(\.name), tags: tags)
            }
            guard next != kept else { continue }
            // A hold ends when the platform reports a later step.
            let holdEnds = kept.status == .onHold && status != .onHold
            do {
                try db.cachedStatement(sql: """
                    UPDATE orders SET number = ?, customer_id = ?, status = ?, payment_status = ?, fulfillment_status = ?, currency = ?,
                           total_minor = ?, refunded_minor = ?, item_count = ?, shipping_address = ?,
                           tags = ?, note = ?, placed_at = ?, updated_at = ?,
                           hold_reason = CASE WHEN ? THEN NULL ELSE hold_reason END,
                           held_from = CASE WHEN ? THEN NULL ELSE held_from END
                    WHERE id = ?
                    """).execute(arguments: [
                        next.number, next.customerID, next.status.rawValue, next.payment.rawValue, next.fulfillment.rawValue,
                        next.currency, next.total, next.refunded, next.items, next.shippingAddress, next.tags, next.note,
                        next.placedAt, now, holdEnds, holdEnds, id])
                changed[index] = true
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw try numberTaken(among: [index], of: orders) ?? error
            }
        }
        let updated = known.indices.filter { known[$0] != nil }
        let storedLines = try storedLines(ofOrders: updated.map { ids[$0] })
        let relined = updated.filter { storedLines[ids[$0]] ?? [] != orders[$0].order.lines.map(StoredLine.init) }
        for index in relined { changed[index] = true }
        for chunk in relined.chunks(of: 500) {
            try db.execute(sql: "DELETE FROM order_lines WHERE order_id IN (\(databaseQuestionMarks(count: chunk.count)))",
                           arguments: StatementArguments(chunk.map { ids[$0] }))
        }
        // New orders get the ids SQLite would give them (the next after the largest), so nothing
        // needs reading back.
        let fresh = known.indices.filter { known[$0] == nil }
        var nextID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM orders")!
        for index in fresh {
            ids[index] = nextID
            nextID += 1
        }
        try RawInsert.rows(db, into: "orders", Self.orderColumns, count: fresh.count) { insert, range in
            for index in fresh[range] {
                let row = orders[index], order = row.order
                insert.add(ids[index]); insert.add(order.number); insert.add(order.platform); insert.add(order.platformRef)
                insert.add(customerIDs[index]); insert.add(order.status.rawValue); insert.add(order.payment.rawValue)
                insert.add(order.fulfillment.rawValue); insert.add(order.currency.code); insert.add(row.total)
                insert.add(row.refunded); insert.add(row.items); insert.add(order.shippingAddress)
                insert.add(row.tags); insert.add(order.note); insert.add(order.placedAt.unixSeconds)
                insert.add(order.placedAt.unixSeconds)
            }
        } failed: { range, error in
            // Which number is taken is looked for only now: a query per imported order to rule
            // this out cost a tenth of an import's statements.
            guard error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE else { return error }
            return try numberTaken(among: Array(fresh[range]), of: orders) ?? error
        }
        let lines = (fresh + relined).flatMap { index in orders[index].order.lines.map { (orderID: ids[index], line: $0) } }
        try RawInsert.rows(db, into: "order_lines", ["order_id", "sku", "name", "quantity", "unit_price_minor"], count: lines.count) {
            insert, range in
            for (orderID, line) in lines[range] {
                insert.add(orderID); insert.add(line.sku); insert.add(line.name); insert.add(line.quantity)
                insert.add(line.unitPrice.minorUnits)
            }
        }
        let storedText = try storedSearchText(ofOrders: updated.map { ids[$0] })
        for (position, (text, id)) in zip(searchText, ids).enumerated() {
            let textChanged = storedText[id] != text
            // (Text still waiting in the batch may be older than what the table holds.)
            guard textChanged || searchBatch?.holds(.orders, id: id) == true else { continue }
            try index(.orders, id: id, text: text)
            if known[position] != nil && textChanged { changed[position] = true }
        }
        return WrittenOrders(ids: ids, created: known.map { $0 == nil }, changed: changed, customersCreated: customersCreated)
    }

    /// An order line as compared on re-import.
    private struct StoredLine: Equatable {
        var sku: String
        var name: String
        var quantity: Int
        var unitPrice: Int64

        init(_ line: OrderLine) {
            (sku, name, quantity, unitPrice) = (line.sku, line.name, line.quantity, line.unitPrice.minorUnits)
        }

        init(sku: String, name: String, quantity: Int, unitPrice: Int64) {
            (self.sku, self.name, self.quantity, self.unitPrice) = (sku, name, quantity, unitPrice)
        }
    }

    /// The lines these orders have now, in their order.
    private func storedLines(ofOrders ids: [Int64]) throws -> [Int64: [StoredLine]] {
        var lines: [Int64: [StoredLine]] = [:]
        try RawLookup.rows(db, """
            SELECT order_id, sku, name, quantity, unit_price_minor FROM order_lines WHERE order_id IN (%@) ORDER BY order_id, id
            """, ids: ids) { row in
            lines[row.int64(0), default: []].append(StoredLine(sku: row.text(1), name: row.text(2), quantity: Int(row.int64(3)),
                                                              unitPrice: row.int64(4)))
        }
        return lines
    }

    /// A known order's columns as a re-import writes them, to compare what it holds with what the
    /// export would make of it.
    private struct StoredOrder: Equatable {
        var number: String
        var customerID: Int64
        var status: OrderStatus
        var payment: PaymentStatus
        var fulfillment: FulfillmentStatus
        var currency: String
        var total: Int64
        var refunded: Int64
        var items: Int64
        var shippingAddress: String
        var tags: String
        var note: String
        var placedAt: Int64
    }

    /// What these orders hold now, the desk's changes included.
    private func storedOrders(_ ids: [Int64]) throws -> [Int64: StoredOrder] {
        var stored: [Int64: StoredOrder] = [:]
        try RawLookup.rows(db, """
            SELECT id, number, customer_id, status, payment_status, fulfillment_status, currency, total_minor, refunded_minor,
                   item_count, shipping_address, tags, note, placed_at FROM orders WHERE id IN (%@)
            """, ids: ids) { row in
            stored[row.int64(0)] = StoredOrder(
                number: row.text(1), customerID: row.int64(2), status: OrderStatus(rawValue: row.text(3)) ?? .received,
                payment: PaymentStatus(rawValue: row.text(4)) ?? .pending,
                fulfillment: FulfillmentStatus(rawValue: row.text(5)) ?? .unfulfilled, currency: row.text(6),
                total: row.int64(7), refunded: row.int64(8), items: row.int64(9), shippingAddress: row.text(10),
                tags: row.text(11), note: row.text(12), placedAt: row.int64(13))
        }
        return stored
    }

    /// A known order's note after a re-import: the owner's notes are appended to the export's note
    /// (`OrderAction.addNote`), so the export's note is added only when the stored one lacks it.
    static func note(kept: String, exported: String) -> String {
        if exported.isEmpty || kept == exported || kept.contains(exported) { return kept }
        return kept.isEmpty ? exported : kept + "\n" + exported
    }

    /// The search text these orders have now.
    private func storedSearchText(ofOrders ids: [Int64]) throws -> [Int64: String] {
        var texts: [Int64: String] = [:]
        try RawLookup.rows(db, "SELECT rowid, text FROM \(SearchIndex.orders.rawValue) WHERE rowid IN (%@)", ids: ids) {
            texts[$0.int64(0)] = $0.text(1)
        }
        return texts
    }

    /// The id of each order whose platform id is known already (nil for new ones).
    private func knownOrderIDs(_ orders: [OrderToWrite]) throws -> [Int64?] {
        var byPlatform: [String: [String: Int64]] = [:]
        let refs = Dictionary(grouping: orders.compactMap { row in row.order.platformRef.map { (row.order.platform, $0) } }, by: \.0)
        for (platform, pairs) in refs {
            try RawLookup.ids(db, "SELECT platform_ref, id FROM orders WHERE platform = ? AND platform_ref IN (%@)",
                              leading: [platform], keys: pairs.map(\.1)) { byPlatform[platform, default: [:]][$0] = $1 }
        }
        return orders.map { row in row.order.platformRef.flatMap { byPlatform[row.order.platform]?[$0] } }
    }

    /// Why the first of these orders whose number another order holds cannot have it, or nil.
    private func numberTaken(among indices: [Int], of rows: [OrderToWrite]) throws -> OrderRefused? {
        let numbers = indices.map { rows[$0].order.number }
        var owners: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT number, platform, platform_ref FROM orders WHERE number IN (\(databaseQuestionMarks(count: numbers.count)))
            """, arguments: StatementArguments(numbers)) {
            let order = indices.lazy.map { rows[$0].order }.first { $0.number == row[0] as String }!
            // An order keeps its own number when it is updated.
            if order.platform == row[1] as String, order.platformRef == row[2] as String? { continue }
            owners[row[0]] = row[1]
        }
        var seen = Set<String>()
        for index in indices {
            let number = rows[index].order.number
            if let owner = owners[number] {
                return OrderRefused(index: index, reason: Said("order number {number} already belongs to an order from {owner}.", ["number": number, "owner": owner]))
            }
            if !seen.insert(number).inserted {
                return OrderRefused(index: index, reason: Said("order number {number} is given to two different orders.", ["number": number]))
            }
        }
        return nil
    }

    /// The customer of each order: known ones by id or key, the rest created in the order their
    /// first orders come, with `created` counting them.
    private func customerIDs(for orders: [OrderToWrite], created: inout Int) throws -> [Int64] {
        var found: [OrderCustomer: Int64] = [:]
        var firstOrder: [OrderCustomer: Int] = [:]
        var emails: [String] = [], names: [String] = [], refs: [String] = []
        for (index, order) in orders.enumerated() {
            if case .id(let id) = order.customer { found[order.customer] = id; continue }
            guard firstOrder[order.customer] == nil else { continue }
            firstOrder[order.customer] = index
            switch order.customer {
            case .email(let email): emails.append(email)
            case .name(let name): names.append(name)
            case .platformRef(let ref): refs.append(ref)
            case .id: break
            }
        }
        // The oldest customer with an address (or, without one, a name) is the one orders join.
        let lookups: [([String], String, (String) -> OrderCustomer)] = [
            (emails, "SELECT email, min(id) FROM customers WHERE email IN (%@) GROUP BY email", OrderCustomer.email),
            (names, "SELECT name, min(id) FROM customers WHERE email = '' AND name IN (%@) GROUP BY name", OrderCustomer.name),
            (refs, "SELECT platform_ref, id FROM customers WHERE platform_ref IN (%@)", OrderCustomer.platformRef),
        ]
        for (keys, sql, key) in lookups {
            try RawLookup.ids(db, sql, keys: keys) { found[key($0)] = $1 }
        }
        let missing = firstOrder.filter { found[$0.key] == nil }.sorted { $0.value < $1.value }
        var nextID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM customers")!
        try RawInsert.rows(db, into: "customers", ["id", "platform_ref", "name", "email", "language", "city", "country", "created_at"],
                       count: missing.count) { insert, range in
            for (customer, index) in missing[range] {
                guard let new = orders[index].newCustomer else {
                    preconditionFailure("an order naming a customer by key brings what to create it with")
                }
                var (ref, name, email): (String?, String, String) = (nil, new.name, "")
                switch customer {
                case .email(let key): email = key
                case .name(let key): name = key
                case .platformRef(let key): ref = key
                case .id: break
                }
                found[customer] = nextID
                insert.add(nextID); insert.add(ref); insert.add(name); insert.add(email)
                insert.add(Customer.language(forCountry: new.country)); insert.add(new.city); insert.add(new.country)
                insert.add(new.createdAt.unixSeconds)
                nextID += 1
            }
        }
        created += missing.count
        return orders.map { found[$0.customer]! }
    }

    /// An order's search text: number, customer, city, status, what was bought, and tags.
    static func orderSearchText(number: String, customerName: String, customerEmail: String, city: String,
                                status: OrderStatus, lineNames: [String], tags: [String]) -> String {
        SearchIndex.text([number, customerName, customerEmail, city, status.title] + lineNames + tags)
    }

    /// Rebuilds an order's search text from what the database holds (after an owner's action).
    func reindexOrder(id: Int64) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT o.number, c.name, c.email, c.city, o.status, o.tags FROM orders o JOIN customers c ON c.id = o.customer_id
            WHERE o.id = ?
            """), arguments: [id]) else { return }
        let lineNames = try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM order_lines WHERE order_id = ? ORDER BY id"),
                                            arguments: [id])
        try index(.orders, id: id, text: Self.orderSearchText(
            number: row[0], customerName: row[1], customerEmail: row[2], city: row[3],
            status: row.value(4, default: .received), lineNames: lineNames, tags: OrderTags.split(row[5])))
    }

    static let orderColumns = ["id", "number", "platform", "platform_ref", "customer_id", "status", "payment_status",
                               "fulfillment_status", "currency", "total_minor", "refunded_minor", "item_count",
                               "shipping_address", "tags", "note", "placed_at", "updated_at"]
}

extension Collection {
    /// The collection in consecutive pieces of at most `size` elements.
    func chunks(of size: Int) -> [SubSequence] {
        var pieces: [SubSequence] = []
        var start = startIndex
        while start != endIndex {
            let end = index(start, offsetBy: size, limitedBy: endIndex) ?? endIndex
            pieces.append(self[start..<end])
            start = end
        }
        return pieces
    }
}
