import Foundation
import GRDB
import Tezgah

/// The shop's database: one SQLite file in WAL mode, opened through a GRDB pool so that the TUI's
/// reads never wait for a writer. Every write is a transaction that keeps the schema's invariants.
public final class AppDatabase: Sendable {
    let pool: any DatabaseWriter
    public let path: String

    /// Opens (creating if needed, with mode 0600 in a 0700 folder) and migrates the database at `path`.
    public convenience init(path: String) throws {
        try self.init(path: path, bulk: false)
    }

    /// `bulk` opens one connection without a journal or fsync, for building a new file that is
    /// renamed into place only when complete (the demo builder); it is never used on a live shop.
    init(path: String, bulk: Bool) throws {
        self.path = path
        try Self.createPrivately(path: path)
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.foreignKeysEnabled = true
        config.label = "tezgah"
        config.maximumReaderCount = 2
        config.prepareDatabase { db in
            // NORMAL is durable in WAL mode across application crashes; only power loss can roll
            // back the last transactions, never corrupt the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        if bulk {
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
            }
        }
        do {
            pool = bulk ? try DatabaseQueue(path: path, configuration: config)
                        : try DatabasePool(path: path, configuration: config)
            try Migrations.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Closes the connections (the WAL is checkpointed and removed by SQLite on the last close).
    public func close() throws {
        if let pool = pool as? DatabasePool { try pool.close() }
        if let queue = pool as? DatabaseQueue { try queue.close() }
    }

    /// Customer data is private: the file is created 0600 before SQLite touches it (SQLite gives its
    /// -wal and -shm files the same mode), in a folder only the owner can enter.
    private static func createPrivately(path: String) throws {
        let fileManager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !fileManager.fileExists(atPath: folder) {
            do {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotOpen(path: path, reason: "cannot create the folder \(folder)")
            }
        }
        if !fileManager.fileExists(atPath: path) {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            guard fd >= 0 else {
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            _ = closeDescriptor(fd)
        }
    }

    /// Reads a setting stored in the database (e.g. the shop's time zone).
    public func setting(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, to value: String) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }

    /// True when the shop has no customers and no orders yet (the first-run screen shows then).
    public func isEmpty() throws -> Bool {
        try pool.read { db in
            try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM orders) OR EXISTS (SELECT 1 FROM customers)")!
        }
    }

    /// The journal mode SQLite reports ("wal").
    public func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }
}

/// Errors a user can cause or meet, each one sentence.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case notFound(what: String, id: Int64)
    case refused(String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "Cannot open the shop database \(path): \(reason)."
        case let .notFound(what, id): "There is no \(what) with id \(id)."
        case let .refused(reason): reason
        }
    }
}

#if canImport(Glibc)
import Glibc
private let closeDescriptor = Glibc.close
#else
import Darwin
private let closeDescriptor = Darwin.close
#endif

extension Date {
    init(unixSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(unixSeconds)) }
    var unixSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
}
