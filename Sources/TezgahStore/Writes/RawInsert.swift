import GRDB
import GRDBSQLite

/// An INSERT of many rows whose values are bound straight through SQLite's C API, for imports.
///
/// Why not GRDB's `StatementArguments`: each value is boxed as an existential, converted to a
/// `DatabaseValue` and copied once more to be bound; for a 10k-order import that was a fifth of all
/// instructions. Here a value goes from Swift to `sqlite3_bind_*` directly. The statement is
/// prepared once per shape (GRDB's statement cache) and stepped here; it is never run through
/// GRDB's own execution, which would bind its own arguments.
struct RawInsert {
    private let db: Database
    private let statement: Statement
    private var position: Int32 = 0

    /// `INSERT INTO table(columns) VALUES (?, …), …` for `rows` rows.
    init(_ db: Database, table: String, columns: [String], rows: Int) throws {
        self.db = db
        let row = "(" + String(repeating: "?, ", count: columns.count - 1) + "?)"
        let values = String(repeating: row + ", ", count: rows - 1) + row
        statement = try db.cachedStatement(sql: "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES \(values)")
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    /// The SQLite destructor value that makes SQLite copy a bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private static let empty: StaticString = ""

    mutating func add(_ value: String) {
        position += 1
        var value = value
        value.withUTF8 { bytes in
            // An empty string may have no storage, and a null pointer would bind NULL, not "".
            let text = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(Self.empty.utf8Start)
            sqlite3_bind_text(statement.sqliteStatement, position, text.assumingMemoryBound(to: CChar.self),
                              Int32(bytes.count), Self.transient)
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
        let extended = sqlite3_extended_errcode(db.sqliteConnection)
        let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(db.sqliteConnection))
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
        position = 0
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: statement.sql)
        }
    }
}
