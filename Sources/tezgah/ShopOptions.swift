import ArgumentParser
import TezgahRuntime
import TezgahStore

/// `--db` and `--config`, as every command that opens the shop takes them.
struct ShopOptions: ParsableArguments {
    @Option(help: "The shop database (default: $TEZGAH_DB, else $XDG_DATA_HOME/tezgah/shop.sqlite).")
    var db: String?

    @Option(help: "The config file (default: $TEZGAH_CONFIG, else $XDG_CONFIG_HOME/tezgah/config.toml).")
    var config: String?

    func openDatabase() throws -> AppDatabase {
        try AppDatabase(path: DataPaths().database(override: db), upgrading: printUpgradeNotice)
    }

    func loadConfig() throws -> ShopConfig {
        try DataPaths().loadConfig(override: config)
    }
}
