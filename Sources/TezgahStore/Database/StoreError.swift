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

    /// The sentence for an error SQLite raised because the connection is read-only, else nil.
    public static func readOnlyRefusal(_ error: any Error) -> String? {
        guard let error = error as? DatabaseError, error.resultCode == .SQLITE_READONLY else { return nil }
        return readOnlySentence
    }
}
