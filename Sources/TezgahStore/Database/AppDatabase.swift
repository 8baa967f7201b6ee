import Foundation
import GRDB
import GRDBSQLite
import Tezgah

/// The shop's database: one SQLite file in WAL mode, so that no process's reads wait for another's
/// writes. Every write is a transaction that keeps the schema's invariants.
public final class AppDatabase: Sendable {
    let pool: any DatabaseWriter
    public let path: String
    private let keepsLog: Bool
    /// Opened read-only (`--readonly`, `[access] readonly_users`): SQLite itself refuses every
    /// write on these connections, whatever code asks for it.
    public let isReadOnly: Bool

    /// Opens (creating if needed, with mode 0600 in a 0700 folder) and migrates the database at `path`.
    ///
    /// `keepingLog` is for the desk, which is opened far more often than anything else writes: it
    /// leaves the write-ahead log file in place when it closes (SQLite's persistent WAL; everything
    /// in it is checkpointed into the database first). Without it SQLite deletes the log on the
    /// last close, and the next open finds none and has GRDB write a throwaway table to make one,
    /// which changes the schema and makes every connection read it again: about 4 ms of the desk's
    /// 30 ms start (33.7 → 29.4 ms, median of 30). A log over 4 MB (another process's import, say) is
    /// emptied on close rather than kept, so an open never reads through a large stale log.
    ///
    /// `connections` is `.pool` for work spread over threads (the mail lanes, an import); the desk,
    /// which reads and writes from one thread, opens `.single` (see `Connections`).
    ///
    /// `upgrading` is called (on this thread) before an existing shop's schema is upgraded to this
    /// version's, which can take seconds: a new index over a million orders takes about a second
    /// to build. Not for a new file, whose schema is made in milliseconds.
    public convenience init(path: String, keepingLog: Bool = false, connections: Connections = .pool,
                            readOnly: Bool = false, upgrading: (() -> Void)? = nil) throws {
        try self.init(path: path, opening: readOnly ? .readOnly : .shared(connections, keepingLog: keepingLog), upgrading: upgrading)
    }

    /// One connection without a journal or fsync, for building a new file that is renamed into
    /// place only when complete (the demo builder); never for a live shop.
    static func forBuildingNewFile(path: String) throws -> AppDatabase {
        try AppDatabase(path: path, opening: .bulk)
    }

    /// The shop as the desk opens it: one connection, keeping the log when it closes.
    public static func forDesk(path: String, readOnly: Bool = false, upgrading: (() -> Void)? = nil) throws -> AppDatabase {
        try AppDatabase(path: path, keepingLog: true, connections: .single, readOnly: readOnly, upgrading: upgrading)
    }

    /// How the file is opened.
    public enum Connections: Sendable {
        /// A GRDB pool: one writer and up to two readers, which never wait for the writer.
        case pool
        /// One connection, in WAL mode like the pool's. For the desk: it runs every read and write on
        /// one thread, so a reader would sit beside the writer unused, and opening it (a second
        /// SQLite connection, reading the schema again) cost about 1.4 ms before the first frame.
        case single
    }

    /// How a file is opened: shared with other processes (the shop itself), or alone and
    /// unjournaled while a new file is built.
    private enum Opening: Equatable {
        case shared(Connections, keepingLog: Bool)
        case bulk
        /// One read-only connection: nothing is created, upgraded or written.
        case readOnly
    }

    private init(path: String, opening: Opening, upgrading: (() -> Void)? = nil) throws {
        self.path = path
        if case .shared(_, keepingLog: true) = opening { keepsLog = true } else { keepsLog = false }
        isReadOnly = opening == .readOnly
        if isReadOnly {
            guard FileManager.default.fileExists(atPath: path) else {
                throw StoreError.cannotOpen(path: path, reason: "there is no shop there, and a read-only desk creates none")
            }
        } else {
            try Self.createPrivately(path: path)
        }
        var config = Configuration()
        config.readonly = isReadOnly
        config.busyMode = .timeout(5)
        config.foreignKeysEnabled = true
        config.label = "tezgah"
        config.maximumReaderCount = 2
        config.prepareDatabase { db in
            // NORMAL is durable in WAL mode across application crashes; only power loss can roll
            // back the last transactions, never corrupt the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 8 MB rather than SQLite's 2 MB: one customer's timeline on a large shop touches about
            // 600 pages spread over the file, which a 2 MB cache evicted between two opens of the
            // same customer, so each read them again from the OS. Pages are held only once read.
            try db.execute(sql: "PRAGMA cache_size = -8192")
        }
        if keepsLog {
            // Set on every connection: whichever closes last decides what happens to the log.
            config.prepareDatabase { db in
                var persist: Int32 = 1
                _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
            }
        }
        if opening == .bulk {
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
            }
        }
        do {
            pool = try Self.waitingOutBusy {
                switch opening {
                case .readOnly:
                    return try DatabaseQueue(path: path, configuration: config)
                case .bulk:
                    return try DatabaseQueue(path: path, configuration: config)
                case .shared(.pool, _):
                    return try DatabasePool(path: path, configuration: config)
                case .shared(.single, _):
                    // WAL is set here rather than by GRDB, which would also make sure a non-empty log
                    // file exists: only a pool's read-only connections need one, and checking its size
                    // through Foundation looks up the file owner's user and group names (NSS).
                    let queue = try DatabaseQueue(path: path, configuration: config)
                    try queue.writeWithoutTransaction { db in
                        guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                            throw DatabaseError(message: "cannot use a write-ahead log here")
                        }
                    }
                    return queue
                }
            }
            // SQLite opens a file it may not write read-only without saying so; every change would
            // then be refused as if this were a read-only desk. Say why at the opening instead.
            if !isReadOnly, try pool.writeWithoutTransaction({ sqlite3_db_readonly($0.sqliteConnection, "main") }) == 1 {
                throw StoreError.cannotOpen(path: path, reason: Self.whyNotOpened(path: path, readOnly: false)
                                            ?? "SQLite can only read it here; nothing was changed")
            }
            if isReadOnly {
                guard try pool.read(Migrations.migrator.hasCompletedMigrations) else {
                    throw StoreError.refused(Said("The shop database at {path} needs this version's upgrade, which a read-only desk cannot make: open it once as a user who may change the shop.", ["path": path]))
                }
            } else {
                try Migrations.migrate(pool, upgrading: upgrading)
            }
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: Self.whyNotOpened(path: path, readOnly: isReadOnly)
                                        ?? error.message ?? "\(error.resultCode)")
        }
    }

    /// What the owner can act on when SQLite could not open the shop, in place of its own "unable to
    /// open database file": a read-only file system, or a file or folder this user may not write
    /// (a WAL shop needs its -wal and -shm beside it even to be read). Nil when neither is the case.
    private static func whyNotOpened(path: String, readOnly: Bool) -> String? {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var volume = statvfs()
        if statvfs(folder, &volume) == 0, volume.f_flag & UInt(ST_RDONLY) != 0 {
            return "it is on a read-only file system, where SQLite cannot keep its -wal and -shm files; nothing was changed. Remount it read-write, or copy the shop to a writable disk"
        }
        if !readOnly, access(path, W_OK) != 0 || access(folder, W_OK) != 0 {
            return "this user may not write to it or to its folder \(folder); nothing was changed. Open it as the shop's owner, or give this user write access"
        }
        return nil
    }

    /// Runs `open` again while it fails on the write lock, for up to a minute. Why: opening can
    /// need the lock (GRDB makes the log file when there is none), and another process may hold
    /// it for longer than the five-second busy timeout while it upgrades a large shop's schema.
    private static func waitingOutBusy<T>(_ open: () throws -> T) throws -> T {
        var busyWaits = 0
        while true {
            do {
                return try open()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && busyWaits < 11 {
                busyWaits += 1
            }
        }
    }

    /// The largest write-ahead log a desk leaves behind when it closes (see `init(path:keepingLog:)`).
    static let largestKeptLog = 4 << 20

    /// Closes the connections. SQLite checkpoints the WAL on the last close and removes it, or, for
    /// the desk, keeps it (emptied first when it has grown large).
    public func close() throws {
        // A plain stat: Foundation's file attributes also look up the owner's user and group names,
        // which the desk's quit waited for.
        var log = stat()
        if keepsLog, stat(path + "-wal", &log) == 0, Int(log.st_size) > Self.largestKeptLog {
            try pool.writeWithoutTransaction { db in _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
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

#if canImport(Glibc)
import Glibc
private let closeDescriptor = Glibc.close
#else
import Darwin
private let closeDescriptor = Darwin.close
#endif
