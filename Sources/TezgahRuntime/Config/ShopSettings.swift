import Foundation
import Tezgah
import TezgahStore

/// The shop's settings as every part of tezgah uses them, resolved once from the owner's config
/// file, then what the shop's database stores (the demo's, or `tezgah config set`), then defaults.
///
/// The config file comes first because it is what the owner edits and reads; the database's
/// settings travel with the shop file to every process that opens it without that file.
public struct ShopSettings: Sendable {
    /// Where a value came from, for `tezgah config show`.
    public enum Source: String, Sendable {
        case config = "config file"
        case database = "shop database"
        case defaults = "default"
    }

    public var name: String
    public var nameSource: Source
    public var timeZone: TimeZone
    public var timeZoneSource: Source
    /// A sentence for the shipped mail about returns (config only).
    public var returnPolicy: String
    /// When a parcel counts as late, slipped or stalled (config only).
    public var attentionRule: ShipmentAttentionRule
    /// The carriers' tracking-link templates (config only).
    public var trackingLinks: TrackingLinks
    /// When the shop answers mail (config only); nil counts every hour.
    public var businessHours: BusinessHours?
    /// The after-sale journey's rules (config only), in the shop's zone.
    public var automations: AutomationSettings
    /// The return window and instructions (config only).
    public var returns: ReturnSettings
    /// Days without an order after which a repeat customer counts as lapsing (config only).
    public var churnDays = 90

    /// The settings for `config` and what the database stores; a stored zone that is no longer a
    /// zone name (written by another version, say) is passed over for the default.
    public static func resolve(config: ShopConfig, stored: StoredShopSettings) -> ShopSettings {
        let name: (String, Source) = config.shopName.map { ($0, .config) } ?? stored[.name].map { ($0, .database) } ?? ("tezgah", .defaults)
        let zone: (TimeZone, Source) = config.configuredTimeZone.map { ($0, .config) }
            ?? stored[.timeZone].flatMap(TimeZone.init(identifier:)).map { ($0, .database) } ?? (.current, .defaults)
        var settings = ShopSettings(name: name.0, nameSource: name.1, timeZone: zone.0, timeZoneSource: zone.1,
                            returnPolicy: config.returnPolicy, attentionRule: config.attentionRule,
                            trackingLinks: config.trackingLinks,
                            businessHours: config.supportHours.flatMap { BusinessHours(parsing: $0, timeZone: zone.0) },
                            automations: { var rules = config.automations; rules.timeZone = zone.0; return rules }(),
                            returns: config.returns)
        settings.churnDays = config.churnDays
        return settings
    }

    public static func resolve(config: ShopConfig, database: AppDatabase) throws -> ShopSettings {
        resolve(config: config, stored: try database.storedShopSettings())
    }
}
