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
        abstract: CommandLanguage.say("Show the shop's settings, or set its name and time zone in the shop database."),
        subcommands: [Show.self, Set.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: CommandLanguage.say("Print the shop's settings and where each comes from (config file, shop database, default)."))

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
            abstract: CommandLanguage.say("Keep the shop's name or time zone in the shop database, for every process and user that opens it."),
            discussion: CommandLanguage.say("A [shop] name or time_zone in a config file still comes first for whoever uses that file."))

        @OptionGroup var shop: ShopOptions

        @Argument(help: .phrase("name or time_zone."))
        var key: ShopSettingName

        @Argument(help: .phrase("The value: a name, or a zone such as Europe/Istanbul."))
        var value: String

        func validate() throws {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { throw ValidationError(CommandLanguage.say("Give a value for {key}.", ["key": key.rawValue])) }
            if trimmed.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) }) {
                throw ValidationError(CommandLanguage.say("The {key} is one line of text.", ["key": key.rawValue]))
            }
            if key == .timeZone, TimeZone(identifier: trimmed) == nil {
                throw ValidationError(CommandLanguage.say("“{value}” is not a time zone name such as Europe/Istanbul.", ["value": trimmed]))
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
