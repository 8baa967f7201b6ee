import ArgumentParser

/// `--db` and `--config`, as every command that opens the shop takes them.
struct ShopOptions: ParsableArguments {
    @Option(help: "The shop database (default: $TEZGAH_DB, else $XDG_DATA_HOME/tezgah/shop.sqlite).")
    var db: String?

    @Option(help: "The config file (default: $TEZGAH_CONFIG, else $XDG_CONFIG_HOME/tezgah/config.toml).")
    var config: String?
}
