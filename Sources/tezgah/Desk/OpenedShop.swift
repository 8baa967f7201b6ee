import Foundation
import Synchronization
import TezgahRuntime
import TezgahStore

/// The shop database, opened and migrated, with the settings it stores. They are read on the
/// opening thread, beside the opening, rather than on the main thread before the first frame.
struct OpenedShop: Sendable {
    let database: AppDatabase
    let stored: StoredShopSettings

    /// `config` is read on the opening thread too, so a user it lets only look never opens the
    /// shop read-write, not even to upgrade its schema.
    static func opening(path: String, readOnly: Bool = false, config: String? = nil) -> ShopOpening {
        let upgrading = ShopOpening.Flag()
        return ShopOpening(path: path, upgrading: upgrading, result: BackgroundResult {
            let lookOnly = try readOnly || DataPaths().loadConfig(override: config).isReadOnly(user: ProcessInfo.processInfo.userName)
            let database = try AppDatabase.forDesk(path: path, readOnly: lookOnly, upgrading: upgrading.set)
            do {
                return OpenedShop(database: database, stored: try database.storedShopSettings())
            } catch {
                try? database.close()
                throw error
            }
        })
    }
}

/// A shop being opened on another thread, and whether that opening is upgrading its schema.
struct ShopOpening: Sendable {
    let path: String
    fileprivate let upgrading: Flag
    let result: BackgroundResult<OpenedShop>

    /// Set once by the opening thread, read by the main thread while it waits.
    final class Flag: Sendable {
        private let value = Atomic(false)
        func set() { value.store(true, ordering: .releasing) }
        var isSet: Bool { value.load(ordering: .acquiring) }
    }

    var isUpgrading: Bool { upgrading.isSet }

    /// Waits for the opening to end and closes the database if it opened.
    func closeWhenOpened() {
        if let shop = try? result.value() { try? shop.database.close() }
    }
}
