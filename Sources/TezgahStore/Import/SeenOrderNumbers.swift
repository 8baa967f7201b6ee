import GRDBSQLite
import Tezgah

/// The order numbers an item-per-row import has started, so an order whose rows come back after
/// other orders is refused.
///
/// Why not a `Set`: a set grows with the export, about 20 bytes an order (20 MB for a million), and
/// an import promises flat memory at any size. The numbers go into SQLite's private temporary
/// database instead (an empty file name): its pages stay in a small fixed cache and spill to a file
/// SQLite deletes when it is closed. It lives on the import's reading thread, beside the shop's
/// transaction rather than in it; a 100k-order import takes as long with it as it did with the set.
final class SeenOrderNumbers {
    private var connection: OpaquePointer?
    private var insert: OpaquePointer?

    init() throws {
        guard sqlite3_open_v2("", &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw failure("open a temporary file")
        }
        // Nothing here outlives the import, so nothing is journalled or synced; one transaction
        // keeps every insert in the cache until it is full.
        try run("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1024;"
                + "CREATE TABLE seen (number TEXT PRIMARY KEY) WITHOUT ROWID; BEGIN")
        guard sqlite3_prepare_v2(connection, "INSERT INTO seen(number) VALUES (?)", -1, &insert, nil) == SQLITE_OK else {
            throw failure("prepare its temporary file")
        }
    }

    deinit {
        sqlite3_finalize(insert)
        sqlite3_close_v2(connection)
    }

    /// Adds `number`; false when it was there already.
    func insert(_ number: String) throws -> Bool {
        defer { sqlite3_reset(insert) }
        RawInsert.bind(number, to: insert!, at: 1)
        switch sqlite3_step(insert) {
        case SQLITE_DONE: return true
        case SQLITE_CONSTRAINT: return false
        default: throw failure(phrase("write to its temporary file"))
        }
    }

    private func run(_ sql: String) throws {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else { throw failure(phrase("set up its temporary file")) }
    }

    private func failure(_ what: String) -> StoreError {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "out of memory"
        return StoreError.refused(Said("The import cannot {what} for checking order numbers: {message}.", ["message": message], phrases: ["what": what]))
    }
}
