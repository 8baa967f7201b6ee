import Foundation
import Tezgah

/// Orders read from an export, written a few hundred at a time (see `ShopWriter.writeOrders` for
/// why). An importer adds each order once its cells are checked; a refused order (its number held
/// by another order) comes back as the importer's own `file:line` error.
final class OrderImportBatch {
    static let capacity = 256

    private let writer: ShopWriter
    private let refused: (_ line: Int, _ reason: String) -> Error
    private var pending: [ShopWriter.OrderToWrite] = []
    private var pendingLines: [Int] = []
    private var pendingRefs: Set<String> = []
    private(set) var ordersCreated = 0
    private(set) var ordersUpdated = 0
    private(set) var customersCreated = 0

    /// `refused` makes the error for an order that cannot be written, from the line it starts on.
    init(writer: ShopWriter, refused: @escaping (_ line: Int, _ reason: String) -> Error) {
        self.writer = writer
        self.refused = refused
        pending.reserveCapacity(Self.capacity)
    }

    /// Adds an order starting on `line`. Its customer is found by `customer`, or created from
    /// `newCustomer` (once, however many orders of the batch name it).
    func add(_ order: ShopWriter.NewOrder, customer: ShopWriter.OrderCustomer, newCustomer: ShopWriter.NewCustomer,
             line: Int) throws {
        // The same order twice in one file: the first is written before the second updates it.
        if let ref = order.platformRef, !pendingRefs.insert(ref).inserted {
            try flush()
            pendingRefs.insert(ref)
        }
        pending.append(.init(order: order, customer: customer, newCustomer: newCustomer))
        pendingLines.append(line)
        if pending.count >= Self.capacity { try flush() }
    }

    /// Writes what is still pending and counts the batch's orders and customers into `summary`;
    /// call once after the last order.
    func finish(into summary: inout ImportSummary) throws {
        try flush()
        summary.ordersCreated += ordersCreated
        summary.ordersUpdated += ordersUpdated
        summary.customersCreated += customersCreated
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        let written: ShopWriter.WrittenOrders
        do {
            written = try writer.writeOrders(pending)
        } catch let error as ShopWriter.OrderRefused {
            throw refused(pendingLines[error.index], error.reason)
        }
        let created = written.created.filter { $0 }.count
        ordersCreated += created
        ordersUpdated += written.created.count - created
        customersCreated += written.customersCreated
        pending.removeAll(keepingCapacity: true)
        pendingLines.removeAll(keepingCapacity: true)
        pendingRefs.removeAll(keepingCapacity: true)
    }
}
