import Foundation
import TezgahRuntime
import Synchronization
import GRDB
import Testing
@testable import Tezgah
@testable import TezgahStore

@Suite struct AppDatabaseTests {
    @Test func newDatabaseIsPrivateWalWithForeignKeys() throws {
        let folder = TemporaryFolder()
        let path = folder.file("nested/shop.sqlite")
        let database = try AppDatabase(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.file("nested"))[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(try database.journalMode() == "wal")
        let foreignKeys = try database.pool.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == true)
        #expect(try database.isEmpty())
    }

    @Test func reopeningKeepsDataAndDoesNotMigrateTwice() throws {
        let folder = TemporaryFolder()
        let path = folder.file("shop.sqlite")
        try AppDatabase(path: path).setSetting("shop.name", to: "Ayşe'nin Dükkanı")
        let reopened = try AppDatabase(path: path)
        #expect(try reopened.setting("shop.name") == "Ayşe'nin Dükkanı")
        let migrations = try reopened.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM grdb_migrations") }
        #expect(migrations == Migrations.migrator.migrations.count) // each applied once, none again on reopening
    }

    @Test func theDeskKeepsASmallLogAndEmptiesALargeOne() throws {
        let folder = TemporaryFolder()
        let path = folder.file("shop.sqlite"), log = path + "-wal"
        func logSize() -> Int? { (try? FileManager.default.attributesOfItem(atPath: log))?[.size] as? Int }

        // Anything else deletes the log on its last close, as SQLite does by default.
        try AppDatabase(path: path).close()
        #expect(logSize() == nil)

        // The desk leaves it, its contents already in the database, so the next start finds one.
        let desk = try AppDatabase.forDesk(path: path)
        try desk.setSetting("shop.name", to: "Ayşe'nin Dükkanı")
        try desk.close()
        #expect(try #require(logSize()) > 0)
        let copy = folder.file("copy.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        #expect(try AppDatabase(path: copy).setting("shop.name") == "Ayşe'nin Dükkanı", "the database file alone has it")
        let again = try AppDatabase.forDesk(path: path)
        #expect(try again.setting("shop.name") == "Ayşe'nin Dükkanı")

        // A log grown past the limit (by a large write) is emptied, not kept.
        let large = String(repeating: "x", count: AppDatabase.largestKeptLog + 1_000_000)
        try again.setSetting("scratch", to: large)
        #expect(try #require(logSize()) > AppDatabase.largestKeptLog)
        try again.close()
        #expect(logSize() == 0)
        #expect(try AppDatabase(path: path, keepingLog: true).setting("scratch")?.count == large.count)
    }

    /// Opening a shop an earlier version made says so before its schema is upgraded (the desk shows
    /// it, since new indexes over a large shop take seconds); a new file or a current shop does not.
    @Test func anEarlierVersionsShopIsUpgradedAfterSayingSo() throws {
        let folder = TemporaryFolder()
        let old = folder.file("old.sqlite")
        try Self.makeEarlierVersionsShop(at: old, shipments: 10)

        var notices = 0
        let upgraded = try AppDatabase.forDesk(path: old) { notices += 1 }
        #expect(notices == 1)
        #expect(try upgraded.setting("shop.name") == "Eski Dükkan")
        let indexes = try upgraded.pool.read { try String.fetchSet($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") }
        #expect(indexes.contains("shipments_in_flight") && indexes.contains("outbox_by_state_created"))
        try upgraded.close()

        let again = try AppDatabase(path: old) { notices += 1 }
        try again.close()
        let fresh = try AppDatabase.forDesk(path: folder.file("new.sqlite")) { notices += 1 }
        try fresh.close()
        #expect(notices == 1)
    }

    /// Two processes opening an earlier version's shop at the same moment (the mail worker
    /// restarting beside the desk after an upgrade) both open it: the second goes on from the
    /// schema the first has just upgraded instead of failing on an index that now exists.
    @Test func twoOpeningsOfAnEarlierVersionsShopBothSucceed() throws {
        let folder = TemporaryFolder()
        let path = folder.file("old.sqlite")
        // Enough parcels that building the new indexes takes a while for the other opening to meet.
        try Self.makeEarlierVersionsShop(at: path, shipments: 60_000)
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let failures = Mutex<[String]>([])
        for _ in 0..<2 {
            done.enter()
            Thread {
                start.wait()
                do { try AppDatabase(path: path).close() } catch { failures.withLock { $0.append("\(error)") } }
                done.leave()
            }.start()
        }
        start.signal()
        start.signal()
        done.wait()
        #expect(failures.withLock { $0 } == [])
        let reopened = try DatabaseQueue(path: path)
        #expect(try reopened.read(Migrations.migrator.hasCompletedMigrations))
        try reopened.close()
    }

    /// An earlier version's shop opened while another process holds the write lock for longer than
    /// the five-second busy timeout (a large import, another upgrade) waits on and then upgrades,
    /// instead of failing on SQLITE_BUSY. Both waits: a pool's opening, which takes the lock (GRDB
    /// writes to the log to make sure it exists), and, for the desk's one connection, which opens
    /// without it, the upgrade itself. Six seconds each, beside the other suites.
    @Test(arguments: [AppDatabase.Connections.pool, .single])
    func anUpgradeWaitsOutAWriteLongerThanTheBusyTimeout(connections: AppDatabase.Connections) throws {
        let folder = TemporaryFolder()
        let path = folder.file("old.sqlite")
        try Self.makeEarlierVersionsShop(at: path, shipments: 10)
        // The other process: a transaction taken here (so a failure to take it fails the test
        // rather than leaving it waiting) and committed six seconds later on another thread.
        var holderConfiguration = Configuration()
        holderConfiguration.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: holderConfiguration)
        try holder.writeWithoutTransaction {
            try $0.execute(sql: "BEGIN IMMEDIATE; UPDATE settings SET value = 'Eski Dükkan' WHERE key = 'shop.name'")
        }
        let held = DispatchGroup()
        held.enter()
        Thread {
            Thread.sleep(forTimeInterval: 6)
            try? holder.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }
            held.leave()
        }.start()

        let start = Date()
        var notices = 0
        let upgraded = try AppDatabase(path: path, connections: connections) { notices += 1 }
        #expect(Date().timeIntervalSince(start) > 5, "the lock was released only after six seconds")
        #expect(notices == 1)
        #expect(try upgraded.pool.read(Migrations.migrator.hasCompletedMigrations))
        try upgraded.close()
        held.wait()
        try holder.close()
    }

    /// A shop as version 5 of the schema left it, with a name and `shipments` parcels.
    static func makeEarlierVersionsShop(at path: String, shipments: Int) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        try Migrations.migrator.migrate(queue, upTo: "v5-order-actions")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO settings(key, value) VALUES ('shop.name', 'Eski Dükkan');
                INSERT INTO customers(id, name, email, created_at) VALUES (1, 'Ayşe Yılmaz', 'ayse@example.com.tr', 0);
                INSERT INTO orders(id, number, customer_id, status, payment_status, fulfillment_status, currency, total_minor,
                                   placed_at, updated_at)
                VALUES (1, '#1001', 1, 'shipped', 'paid', 'fulfilled', 'TRY', 1000, 0, 0);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO shipments(order_id, carrier, tracking_number, status, shipped_at, eta)
                SELECT 1, 'ups', 'T' || i, CASE i % 3 WHEN 0 THEN 'delivered' ELSE 'in_transit' END, i, i + 86400 FROM n;
                """, arguments: [shipments])
        }
        try queue.close()
    }

    /// The desk's one connection is in WAL mode like everyone else's: its reads do not wait for a
    /// write in progress elsewhere (the mail worker's, an import's), and each side sees the other's
    /// committed changes.
    @Test func theDesksOneConnectionReadsBesideAnotherWriter() throws {
        let folder = TemporaryFolder()
        let path = folder.file("shop.sqlite")
        let desk = try AppDatabase.forDesk(path: path)
        #expect(desk.pool is DatabaseQueue)
        #expect(try desk.journalMode() == "wal")
        #expect(try desk.pool.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
        let worker = try AppDatabase(path: path)
        try worker.setSetting("shop.name", to: "Ayşe'nin Dükkanı")
        #expect(try desk.setting("shop.name") == "Ayşe'nin Dükkanı")
        try worker.pool.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE settings SET value = 'Yeni Ad' WHERE key = 'shop.name'")
            // The worker holds the write lock: the desk reads the last committed name at once. (Its
            // busy timeout is five seconds: a read that waited for the lock would take that long.)
            let started = ContinuousClock.now
            #expect(try desk.setting("shop.name") == "Ayşe'nin Dükkanı")
            #expect(ContinuousClock.now - started < .seconds(2))
            try db.execute(sql: "COMMIT")
        }
        #expect(try desk.setting("shop.name") == "Yeni Ad")
        try desk.setSetting("shop.timezone", to: "Europe/Istanbul")
        #expect(try worker.setting("shop.timezone") == "Europe/Istanbul")
        try desk.close()
        try worker.close()
    }

    @Test func unopenablePathIsOneSentence() throws {
        #expect {
            try AppDatabase(path: "/proc/tezgah-cannot-be-here/shop.sqlite")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("Cannot open the shop database /proc/tezgah-cannot-be-here/shop.sqlite") && text.hasSuffix(".")
        }
    }

    @Test func schemaRefusesValuesOutsideTheLifeCycles() throws {
        let folder = TemporaryFolder()
        let database = try AppDatabase(path: folder.file("shop.sqlite"))
        let customer = try database.write { try $0.insertCustomer(name: "Ayşe", email: "a@example.com", language: "tr", city: "İzmir",
                                                                  country: "TR", birthday: nil, createdAt: testNow) }
        #expect(throws: DatabaseError.self) {
            try database.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO orders(number, customer_id, status, payment_status, fulfillment_status, currency, total_minor, placed_at, updated_at)
                    VALUES ('#1', ?, 'teleported', 'paid', 'unfulfilled', 'TRY', 100, 0, 0)
                    """, arguments: [customer])
            }
        }
        #expect(throws: DatabaseError.self) { // points must reference a member; a ledger entry never stands alone
            try database.write { try $0.addPoints(accountID: 999, points: 10, reason: "x", orderID: nil, at: testNow) }
        }
    }

    @Test func aFailedWriteLeavesNothingBehind() throws {
        let folder = TemporaryFolder()
        let database = try AppDatabase(path: folder.file("shop.sqlite"))
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try database.write { writer in
                _ = try writer.insertCustomer(name: "Half", email: "h@example.com", language: "en", city: "", country: "",
                                              birthday: nil, createdAt: testNow)
                throw Boom()
            }
        }
        #expect(try database.isEmpty())
    }

    @Test func enqueueingTheSameDedupeKeyTwiceQueuesOneMail() throws {
        let folder = TemporaryFolder()
        let database = try AppDatabase(path: folder.file("shop.sqlite"))
        func mail(_ messageID: String) -> ShopWriter.NewMail {
            .init(dedupeKey: "review-invite:order:1042", kind: .reviewInvite, customerID: nil, customerName: "Ayşe",
                  orderID: nil, toAddress: "ayse@example.com", subject: "Nasıldı?", messageID: messageID,
                  message: Data("x".utf8), createdAt: testNow, expiresAt: nil)
        }
        let first = try database.write { try $0.enqueueMail(mail("<1@x>")) }
        let second = try database.write { try $0.enqueueMail(mail("<2@x>")) }
        #expect(first != nil)
        #expect(second == nil)
        #expect(try database.count(.outbox).value == 1)
        #expect(try database.count(.outbox, filter: "nasildi").value == 1)
    }
}

@Suite struct ListCountTests {
    @Test func keptCountsMatchTheTablesThroughInsertsAndCascadingDeletes() throws {
        let folder = TemporaryFolder()
        let path = folder.file("shop.sqlite")
        try DemoShop.mailed(orders: 200, seed: 9, now: testNow).build(at: path)
        let database = try AppDatabase(path: path)
        func check() throws {
            for table in ListCounts.tables {
                let (kept, actual) = try database.pool.read { db in
                    (try Int.fetchOne(db, sql: "SELECT rows FROM list_counts WHERE list = ?", arguments: [table]),
                     try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)"))
                }
                #expect(kept == actual, "\(table)")
            }
        }
        try check()
        #expect(try database.count(.orders) == .exact(200))
        // Deleting orders cascades to shipments and invites; their counts follow.
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM outbox WHERE order_id IN (SELECT id FROM orders WHERE id % 3 = 0)")
            try db.execute(sql: "DELETE FROM points_ledger WHERE order_id IN (SELECT id FROM orders WHERE id % 3 = 0)")
            try db.execute(sql: "UPDATE conversations SET order_id = NULL WHERE order_id IN (SELECT id FROM orders WHERE id % 3 = 0)")
            try db.execute(sql: "DELETE FROM orders WHERE id % 3 = 0")
        }
        try check()
        try database.write { writer in
            _ = try writer.insertCustomer(name: "Yeni", email: "y@example.com", language: "tr", city: "", country: "TR",
                                          birthday: nil, createdAt: testNow)
        }
        try check()
    }
}

@Suite struct SchemaCheckTests {
    /// Large writes (imports) run with CHECK constraints off (see `AppDatabase.largeWrite`), trusting
    /// the enums they write from; this holds the enums and the schema's lists together.
    @Test func statusChecksListExactlyTheEnumsRawValues() throws {
        let folder = TemporaryFolder()
        let database = try AppDatabase(path: folder.file("shop.sqlite"))
        func checked(_ table: String, _ column: String) throws -> Set<String> {
            let sql = try database.pool.read { db in
                try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])!
            }
            guard let start = sql.range(of: "\(column) TEXT NOT NULL CHECK (\(column) IN ("),
                  let end = sql[start.upperBound...].firstIndex(of: ")") else { return [] }
            return Set(sql[start.upperBound..<end].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "' ")) })
        }
        #expect(try checked("orders", "status") == Set(OrderStatus.allCases.map(\.rawValue)))
        #expect(try checked("orders", "payment_status") == Set(PaymentStatus.allCases.map(\.rawValue)))
        #expect(try checked("orders", "fulfillment_status") == Set(FulfillmentStatus.allCases.map(\.rawValue)))
        #expect(try checked("shipments", "status") == Set(ShipmentStatus.allCases.map(\.rawValue)))
        #expect(try checked("outbox", "state") == Set(OutboxState.allCases.map(\.rawValue)))
        #expect(try checked("outbox", "category") == Set(MailCategory.allCases.map(\.rawValue)))
    }
}
