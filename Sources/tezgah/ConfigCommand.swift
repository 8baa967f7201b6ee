import ArgumentParser
import Foundation
import TezgahUI
import TezgahRuntime
import TezgahStore

/// `tezgah config show` and `tezgah config set KEY VALUE`: the shop's settings as tezgah resolves
/// them, and the ones the shop's database keeps.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the shop's settings, or set its name and time zone in the shop database.",
        subcommands: [Show.self, Set.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the shop's settings and where each comes from (config file, shop database, default).")

        @OptionGroup var shop: ShopOptions

        func run() throws {
            let paths = DataPaths()
            let database = try shop.openDatabase()
            defer { try? database.close() }
            let settings = try ShopSettings.resolve(config: try paths.loadConfig(override: shop.config), database: database)
            print(tabSeparated(["name", settings.name, "(\(settings.nameSource.rawValue))"]))
            print(tabSeparated(["time_zone", settings.timeZone.identifier, "(\(settings.timeZoneSource.rawValue))"]))
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Keep the shop's name or time zone in the shop database, for every process and user that opens it.",
            discussion: "A [shop] name or time_zone in a config file still comes first for whoever uses that file.")

        @OptionGroup var shop: ShopOptions

        @Argument(help: "name or time_zone.")
        var key: ShopSettingName

        @Argument(help: "The value: a name, or a zone such as Europe/Istanbul.")
        var value: String

        func validate() throws {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { throw ValidationError("Give a value for \(key.rawValue).") }
            if trimmed.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) }) {
                throw ValidationError("The \(key.rawValue) is one line of text.")
            }
            if key == .timeZone, TimeZone(identifier: trimmed) == nil {
                throw ValidationError("“\(trimmed)” is not a time zone name such as Europe/Istanbul.")
            }
        }

        func run() throws {
            let paths = DataPaths()
            let database = try shop.openDatabase()
            defer { try? database.close() }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            try database.setSetting(key.storeKey, to: trimmed)
            let settings = try ShopSettings.resolve(config: try paths.loadConfig(override: shop.config), database: database)
            let source = key == .name ? settings.nameSource : settings.timeZoneSource
            if source == .config {
                printError(CommandLanguage.say("Set in the shop database; your config file's [shop] {key} still comes first for you.", ["key": key.rawValue]))
            } else {
                print(tabSeparated([key.rawValue, trimmed]))
            }
        }
    }
}

/// The settings `tezgah config set` writes, as the owner names them (config.toml's keys).
enum ShopSettingName: String, CaseIterable, ExpressibleByArgument {
    case name
    case timeZone = "time_zone"

    var storeKey: ShopSettingKey {
        switch self {
        case .name: .name
        case .timeZone: .timeZone
        }
    }
}
