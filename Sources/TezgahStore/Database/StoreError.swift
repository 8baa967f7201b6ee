import GRDB
import Tezgah

/// Errors a user can cause or meet, each one sentence.
public enum StoreError: UserFacingError, Equatable {
    public var exitStatus: Int32 { 1 }

    case cannotOpen(path: String, reason: String)
    case notFound(what: String, id: Int64)
    case refused(Said)

    public var description: String { said.english }

    public var said: Said {
        switch self {
        case let .cannotOpen(path, reason): Said("Cannot open the shop database {path}: {reason}.", ["path": path, "reason": reason])
        case let .notFound(what, id): Said("There is no {what} with id {id}.", ["id": String(id)], phrases: ["what": what])
        case let .refused(reason): reason
        }
    }

    /// What a read-only desk or command says when something tries to change the shop.
    public static let readOnly = Said("You may look but not change: this shop is open read-only (--readonly, or your user is in [access] readonly_users); nothing was changed.")

    /// What a write says when the disk holding the shop has no room left.
    public static let diskFull = Said("The disk holding the shop database is full; nothing was changed. Free some space (df -h shows how much is left) and try again.")

    /// The sentence for a SQLite error a user can meet and act on (a read-only shop, a full
    /// disk), else nil. Either way the transaction was rolled back whole.
    public static func said(for error: any Error) -> Said? {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_READONLY: return readOnly
        case .SQLITE_FULL: return diskFull
        default: return nil
        }
    }
}
