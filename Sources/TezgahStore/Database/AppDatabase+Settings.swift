import Foundation
import GRDB

/// The settings a shop's database keeps about itself, so that every process opening it (the desk,
/// the worker, an import run by cron) finds them without the owner's config file.
public enum ShopSettingKey: String, CaseIterable, Sendable {
    /// The shop's name, for the title bar and the mail's signature.
    case name = "shop.name"
    /// The IANA zone the shop keeps its days in ("Europe/Istanbul").
    case timeZone = "shop.timezone"
    /// The currency the shop mostly sells in (the demo's).
    case currency = "shop.currency"
}

/// The shop settings the database holds, as stored (unchecked: the runtime resolves them).
public struct StoredShopSettings: Equatable, Sendable {
    public var values: [ShopSettingKey: String]

    public init(_ values: [ShopSettingKey: String] = [:]) {
        self.values = values
    }

    /// Only a name, for a caller that has read just that.
    public init(name: String?) {
        self.init(name.map { [.name: $0] } ?? [:])
    }

    public subscript(key: ShopSettingKey) -> String? { values[key] }
}

extension AppDatabase {
    /// Reads a setting stored in the database (e.g. the shop's time zone).
    public func setting(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    public func setting(_ key: ShopSettingKey) throws -> String? {
        try setting(key.rawValue)
    }

    public func setSetting(_ key: String, to value: String) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }

    public func setSetting(_ key: ShopSettingKey, to value: String) throws {
        try setSetting(key.rawValue, to: value)
    }

    /// Every shop setting the database holds, in one read.
    public func storedShopSettings() throws -> StoredShopSettings {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM settings WHERE key LIKE 'shop.%'")
            var values: [ShopSettingKey: String] = [:]
            for row in rows {
                if let key = ShopSettingKey(rawValue: row[0]) { values[key] = row[1] }
            }
            return StoredShopSettings(values)
        }
    }
}

extension ShopWriter {
    public func setSetting(_ key: ShopSettingKey, _ value: String) throws {
        try setSetting(key.rawValue, value)
    }
}
