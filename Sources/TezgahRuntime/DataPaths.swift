import Foundation

/// Where tezgah keeps its files, following the XDG base directory spec.
public struct DataPaths: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    private var home: String { environment["HOME"] ?? NSHomeDirectory() }

    /// `$XDG_DATA_HOME/tezgah` (default `~/.local/share/tezgah`).
    public var dataFolder: String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/share"
        return base + "/tezgah"
    }

    /// `$XDG_CONFIG_HOME/tezgah` (default `~/.config/tezgah`).
    public var configFolder: String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
        return base + "/tezgah"
    }

    /// Mail templates that override the shipped ones (`KIND.LANG.mustache`).
    public var templatesFolder: String { configFolder + "/templates" }

    /// The owner's saved replies (`NAME.LANG.mustache`), over the shipped ones.
    public var savedRepliesFolder: String { configFolder + "/replies" }
    /// The owner's own keys (see `Keymap`).
    public var keymapFile: String { configFolder + "/keys.toml" }
    /// The user's `:` command history (0600), in their own data folder.
    public var commandHistoryFile: String { dataFolder + "/command-history" }

    /// The shop database: `--db`, else `TEZGAH_DB`, else `shop.sqlite` in the data folder.
    public func database(override: String?) -> String {
        if let override, !override.isEmpty { return override }
        if let fromEnvironment = environment["TEZGAH_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return dataFolder + "/shop.sqlite"
    }

    /// The config file: `--config`, else `TEZGAH_CONFIG` (both must exist), else `config.toml` in
    /// the config folder (optional: without it the defaults apply).
    public func config(override: String?) -> (path: String, required: Bool) {
        if let override, !override.isEmpty { return (override, true) }
        if let fromEnvironment = environment["TEZGAH_CONFIG"], !fromEnvironment.isEmpty { return (fromEnvironment, true) }
        return (configFolder + "/config.toml", false)
    }

    /// The shop's config, loaded from where `config(override:)` says.
    public func loadConfig(override: String?) throws -> ShopConfig {
        let (path, required) = config(override: override)
        return try ShopConfig.load(path: path, required: required)
    }

    /// The demo shop's own file, kept apart from the real shop.
    public var demoDatabase: String { dataFolder + "/demo.sqlite" }

    /// Folders searched for `--theme NAME`, the user's first: their config folder, an installed copy
    /// beside the binary (`../share/tezgah/themes`), and the source checkout's `Themes/` (for `swift run`).
    public func themeFolders(executable: String = CommandLine.arguments[0]) -> [String] {
        let binaryFolder = ((executable as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
        // Path strings, not URLs: the desk asks for these before its first frame, and a first URL
        // costs a search of the binary's protocol conformances (about 0.15 ms).
        let sources = ((#filePath as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        let checkout = (sources as NSString).deletingLastPathComponent + "/Themes"
        return [configFolder + "/themes", binaryFolder + "/../share/tezgah/themes", checkout]
    }
}
