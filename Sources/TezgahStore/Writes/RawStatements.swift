import GRDB
import GRDBSQLite

/// An INSERT of many rows whose values are bound straight through SQLite's C API, for imports.
///
/// Why not GRDB's `StatementArguments`: each value is boxed as an existential, converted to a
/// `DatabaseValue` and copied once more to be bound; for a 10k-order import that was a fifth of all
/// instructions. Here a value goes from Swift to `sqlite3_bind_*` directly. The statement is
/// prepared once per shape (GRDB's statement cache) and stepped here; it is never run through
/// GRDB's own execution, which would bind its own arguments. So GRDB's transaction observers do not
/// see these rows; tezgah registers none (panes re-read their windows after each action).
struct RawInsert {
    private let db: Database
    private let statement: Statement
    private var position: Int32 = 0

    /// `INSERT [OR REPLACE] INTO table(columns) VALUES (?, …), …` for `rows` rows.
    init(_ db: Database, table: String, columns: [String], rows: Int, orReplace: Bool = false) throws {
        self.db = db
        let row = "(" + String(repeating: "?, ", count: columns.count - 1) + "?)"
        let values = String(repeating: row + ", ", count: rows - 1) + row
        let verb = orReplace ? "INSERT OR REPLACE" : "INSERT"
        statement = try db.cachedStatement(sql: "\(verb) INTO \(table)(\(columns.joined(separator: ", "))) VALUES \(values)")
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    /// The SQLite destructor value that makes SQLite copy a bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private static let empty: StaticString = ""

    mutating func add(_ value: String) {
        position += 1
        Self.bind(value, to: statement.sqliteStatement, at: position)
    }

    /// Binds a text to a statement's parameter, for SQLite to copy.
    static func bind(_ value: String, to statement: SQLiteStatement, at position: Int32) {
        var value = value
        value.withUTF8 { bytes in
            // An empty string may have no storage, and a null pointer would bind NULL, not "".
            let text = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(empty.utf8Start)
            sqlite3_bind_text(statement, position, text.assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
        }
    }

    mutating func add(_ value: String?) {
        if let value { add(value) } else { position += 1 } // cleared bindings are NULL
    }

    mutating func add(_ value: Int64) {
        position += 1
        sqlite3_bind_int64(statement.sqliteStatement, position, value)
    }

    mutating func add(_ value: Int64?) {
        if let value { add(value) } else { position += 1 }
    }

    mutating func add(_ value: Int) { add(Int64(value)) }

    /// Runs the statement with the values added, then clears them for the next use.
    mutating func execute() throws {
        precondition(position == sqlite3_bind_parameter_count(statement.sqliteStatement), "every value of every row is added")
        let code = sqlite3_step(statement.sqliteStatement)
        let error = code == SQLITE_DONE ? nil : Self.lastError(db, statement)
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
        position = 0
        if let error { throw error }
    }

    /// The connection's last error, as GRDB would report it (with the extended result code).
    static func lastError(_ db: Database, _ statement: Statement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(db.sqliteConnection)),
                      message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
    }

    /// `0..<count` in pieces of `largest` and then of halving sizes: a handful of statement shapes
    /// (each cached once) serve any count.
    static func pieces(_ count: Int, largest: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0
        while start < count {
            var size = largest
            while size > count - start { size /= 2 }
            pieces.append(start..<start + size)
            start += size
        }
        return pieces
    }

    /// Inserts `count` rows, `row` adding the values of those in a range, in statements of
    /// `largest` rows and then of halving sizes, so a handful of statement shapes serve any count.
    /// A failed statement's error goes through `failed` with the statement's range of rows, which
    /// may say better what went wrong.
    static func rows(_ db: Database, into table: String, _ columns: [String], count: Int, largest: Int = 256,
                     orReplace: Bool = false, _ row: (inout RawInsert, Range<Int>) -> Void,
                     failed: (Range<Int>, DatabaseError) throws -> Error = { $1 }) throws {
        for piece in pieces(count, largest: largest) {
            var insert = try RawInsert(db, table: table, columns: columns, rows: piece.count, orReplace: orReplace)
            row(&insert, piece)
            do {
                try insert.execute()
            } catch let error as DatabaseError {
                throw try failed(piece, error)
            }
        }
    }
}

/// Looks rows up by many text keys at once through SQLite's C API: `SELECT key, id … IN (keys)`,
/// in statements of 256 keys and then of halving sizes, like `RawInsert.rows`. Why: the same as
/// `RawInsert`; an import looks up every order's customer and platform id.
enum RawLookup {
    /// Runs `sql`, whose `IN (%@)` becomes the placeholders of a chunk of `keys` (after the
    /// `leading` texts), and hands each row's first column (a text) and second (an integer) to `found`.
    static func ids(_ db: Database, _ sql: String, leading: [String] = [], keys: [String],
                    _ found: (String, Int64) -> Void) throws {
        for piece in RawInsert.pieces(keys.count, largest: 256) {
            let marks = String(repeating: "?, ", count: piece.count - 1) + "?"
            let statement = try db.cachedStatement(sql: sql.replacing("%@", with: marks))
            let raw = statement.sqliteStatement
            sqlite3_reset(raw)
            var position: Int32 = 0
            for text in leading + keys[piece] {
                position += 1
                RawInsert.bind(text, to: raw, at: position)
            }
            try step(db, statement) {
                let row = RawRow(statement: raw)
                found(row.text(0), row.int64(1))
            }
        }
    }
}

extension RawLookup {
    /// A row being stepped, read column by column through SQLite's C API.
    struct RawRow {
        fileprivate let statement: SQLiteStatement

        func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

        func text(_ column: Int32) -> String {
            guard let bytes = sqlite3_column_text(statement, column) else { return "" }
            let count = Int(sqlite3_column_bytes(statement, column))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
    }

    /// Runs `sql`, whose `IN (%@)` becomes the placeholders of a chunk of `ids`, and hands each row
    /// to `body` while it is stepped (a re-import reads what its known orders hold this way).
    static func rows(_ db: Database, _ sql: String, ids: [Int64], _ body: (RawRow) -> Void) throws {
        for piece in RawInsert.pieces(ids.count, largest: 256) {
            let marks = String(repeating: "?, ", count: piece.count - 1) + "?"
            let statement = try db.cachedStatement(sql: sql.replacing("%@", with: marks))
            let raw = statement.sqliteStatement
            sqlite3_reset(raw)
            for (position, id) in ids[piece].enumerated() {
                sqlite3_bind_int64(raw, Int32(position + 1), id)
            }
            try step(db, statement) { body(RawRow(statement: raw)) }
        }
    }

    /// Steps a bound statement to its end, then resets it and clears its bindings.
    private static func step(_ db: Database, _ statement: Statement, _ row: () -> Void) throws {
        let raw = statement.sqliteStatement
        defer {
            sqlite3_reset(raw)
            sqlite3_clear_bindings(raw)
        }
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw RawInsert.lastError(db, statement) }
            row()
        }
    }
}
