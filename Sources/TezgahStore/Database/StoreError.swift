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
}
