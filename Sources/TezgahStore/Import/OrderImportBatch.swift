import Foundation
import Tezgah

/// Orders read from an export, written a few hundred at a time (see `ShopWriter.writeOrders` for
/// why), with the reading on a thread of its own: while one batch is written, the next is read and
/// checked. On the 2-core machines tezgah runs on, reading and checking a 100k-order export is about
/// a third of the work and writing the rest, so the import takes about as long as the writing.
///
/// An importer calls `write(readingWith:)` with what reads the file; that runs on the reading thread
/// and adds each order once its cells are checked. The database is only touched on the calling
/// thread (the import's transaction). Errors keep the file's order: batches read before a bad row
/// are written (and may fail) first, and any failure stops both sides and rolls everything back.
/// A refused order (its number held by another order) comes back as the importer's own
/// `file:line` error.
final class OrderImportBatch: @unchecked Sendable {
    static let capacity = 256
    /// Batches read ahead of the writing; memory stays bounded whatever the file's size.
    static let readAhead = 2

    private struct Batch {
        var orders: [ShopWriter.OrderToWrite] = []
        var lines: [Int] = []
        var refs: Set<String> = []
    }

    /// The reading side stops when the writing side has failed.
    private struct WritingStopped: Error {}

    private let writer: ShopWriter
    private let refused: (_ line: Int, _ reason: Said) -> Error
    // Reading thread only.
    private var pending = Batch()
    // Shared, under `condition`.
    private let condition = NSCondition()
    private var ready: [Batch] = []
    private var readingDone = false
    private var readingError: Error?
    private var writingFailed = false
    // Writing thread only.
    private var ordersCreated = 0
    private var ordersUpdated = 0
    private var ordersUnchanged = 0
    private var customersCreated = 0

    /// `refused` makes the error for an order that cannot be written, from the line it starts on.
    init(writer: ShopWriter, refused: @escaping (_ line: Int, _ reason: Said) -> Error) {
        self.writer = writer
        self.refused = refused
    }

    /// Runs `read` on a reading thread and writes the orders it adds here, batch by batch, until it
    /// returns; then counts the orders and customers into `summary`. Rethrows the first failure in
    /// file order.
    func write(into summary: inout ImportSummary, readingWith read: @escaping () throws -> Void) throws {
        let reading = ReadingTask(run: read, batch: self)
        let thread = Thread { reading.start() }
        thread.start()
        while let batch = nextBatch() {
            do {
                try write(batch)
            } catch {
                condition.withLock {
                    writingFailed = true
                    condition.broadcast()
                    while !readingDone { condition.wait() }
                }
                throw error
            }
        }
        if let readingError = condition.withLock({ readingError }) { throw readingError }
        summary.ordersCreated += ordersCreated
        summary.ordersUpdated += ordersUpdated
        summary.ordersUnchanged += ordersUnchanged
        summary.customersCreated += customersCreated
    }

    /// Adds an order starting on `line` (on the reading thread). Its customer is found by
    /// `customer`, or created from `newCustomer` (once, however many orders of the batch name it).
    func add(_ order: ShopWriter.NewOrder, customer: ShopWriter.OrderCustomer, newCustomer: ShopWriter.NewCustomer,
             line: Int) throws {
        // The same order twice in one file: the first is written before the second updates it.
        if let ref = order.platformRef, !pending.refs.insert(ref).inserted {
            try hand()
            pending.refs.insert(ref)
        }
        pending.orders.append(.init(order: order, customer: customer, newCustomer: newCustomer))
        pending.lines.append(line)
        if pending.orders.count >= Self.capacity { try hand() }
    }

    /// What the reading thread runs: the importer's reading, then the last partial batch.
    private struct ReadingTask: @unchecked Sendable {
        let run: () throws -> Void
        let batch: OrderImportBatch

        func start() {
            var failure: Error?
            do {
                try run()
                try batch.hand()
            } catch is WritingStopped {
            } catch {
                failure = error
            }
            batch.condition.withLock {
                batch.readingError = failure
                batch.readingDone = true
                batch.condition.broadcast()
            }
        }
    }

    /// Passes the pending batch to the writing side, waiting while it is `readAhead` batches behind.
    private func hand() throws {
        guard !pending.orders.isEmpty else { return }
        try condition.withLock {
            while ready.count >= Self.readAhead && !writingFailed { condition.wait() }
            guard !writingFailed else { throw WritingStopped() }
            ready.append(pending)
            condition.broadcast()
        }
        pending = Batch()
    }

    /// The next batch read, or nil once reading has ended (or failed) and every batch is taken.
    private func nextBatch() -> Batch? {
        condition.withLock {
            while ready.isEmpty && !readingDone { condition.wait() }
            guard !ready.isEmpty else { return nil }
            condition.broadcast()
            return ready.removeFirst()
        }
    }

    private func write(_ batch: Batch) throws {
        let written: ShopWriter.WrittenOrders
        do {
            written = try writer.writeOrders(batch.orders)
        } catch let error as ShopWriter.OrderRefused {
            throw refused(batch.lines[error.index], error.reason)
        }
        let created = written.created.filter { $0 }.count
        let updated = written.changed.filter { $0 }.count
        ordersCreated += created
        ordersUpdated += updated
        ordersUnchanged += written.created.count - created - updated
        customersCreated += written.customersCreated
    }
}
