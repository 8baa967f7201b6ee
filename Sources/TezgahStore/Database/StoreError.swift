import GRDB
import Tezgah

/// Errors a user can cause or meet, each one sentence.
public enum StoreError: UserFacingError, Equatable {
    public var exitStatus: Int32 { 1 }

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

    /// What a read-only desk or command says when something tries to change the shop.
    public static let readOnlySentence = "You may look but not change: this shop is open read-only (--readonly, or your user is in [access] readonly_users); nothing was changed."

    /// What a write says when the disk holding the shop has no room left.
    public static let diskFullSentence = "The disk holding the shop database is full; nothing was changed. Free some space (df -h shows how much is left) and try again."

    /// The sentence for a SQLite error a user can meet and act on (a read-only shop, a full
    /// disk), else nil. Either way the transaction was rolled back whole.
    public static func sentence(for error: any Error) -> String? {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_READONLY: return readOnlySentence
        case .SQLITE_FULL: return diskFullSentence
        default: return nil
        }
    }
}
