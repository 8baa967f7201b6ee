import ArgumentParser
import Foundation
import TezgahRuntime
import TezgahStore

/// `--db` and `--config`, as every command that opens the shop takes them.
struct ShopOptions: ParsableArguments {
    @Option(help: .phrase("The shop database (default: $TEZGAH_DB, else $XDG_DATA_HOME/tezgah/shop.sqlite)."))
    var db: String?

    @Option(help: .phrase("The config file (default: $TEZGAH_CONFIG, else $XDG_CONFIG_HOME/tezgah/config.toml)."))
    var config: String?

    @Flag(help: .phrase("Open the shop read-only: anything that would change it is refused."))
    var readonly = false

    func openDatabase() throws -> AppDatabase {
        try ShopAccess.open(DataPaths().database(override: db), readOnly: readonly, config: try loadConfig())
    }

    func loadConfig() throws -> ShopConfig {
        try DataPaths().loadConfig(override: config)
    }
}

/// How every command opens the shop: read-only when asked (`--readonly`) or when the config names
/// the Unix user in `[access] readonly_users`, so a helper's every write is refused by SQLite.
enum ShopAccess {
    static func open(_ path: String, readOnly: Bool = false, config: ShopConfig) throws -> AppDatabase {
        let mayOnlyLook = readOnly || config.isReadOnly(user: ProcessInfo.processInfo.userName)
        return try AppDatabase(path: path, readOnly: mayOnlyLook, upgrading: printUpgradeNotice)
    }
}
