import Foundation
import GRDB
import Tezgah

/// Small helpers for reading the store's column conventions (UTC seconds, enum raw values).
extension Row {
    func date(_ index: Int) -> Date { Date(unixSeconds: self[index]) }

    func optionalDate(_ index: Int) -> Date? {
        let seconds: Int64? = self[index]
        return seconds.map(Date.init(unixSeconds:))
    }

    /// An enum stored by raw value. The schema's CHECK constraints keep unknown values out, so a
    /// mismatch means the database was edited by hand; the fallback keeps the desk usable.
    func value<E: RawRepresentable>(_ index: Int, default fallback: E) -> E where E.RawValue == String {
        E(rawValue: self[index] as String) ?? fallback
    }
}

extension AppDatabase {
    static func customer(_ db: Database, id: Int64) throws -> Customer {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, name, email, language, city, country, created_at, birthday FROM customers WHERE id = ?
            """), arguments: [id]) else { throw StoreError.notFound(what: phrase("customer"), id: id) }
        var birthday: DateComponents?
        if let text: String = row[7] {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3 { birthday = DateComponents(year: parts[0], month: parts[1], day: parts[2]) }
        }
        return Customer(id: row[0], name: row[1], email: row[2], language: row[3], city: row[4], country: row[5],
                        createdAt: row.date(6), birthday: birthday)
    }

    func activity(_ db: Database, subjectType: String, id: Int64, limit: Int = 20) throws -> [ActivityEntry] {
        try Row.fetchAll(db, sql: """
            SELECT at, actor, action, detail FROM activity_log WHERE subject_type = ? AND subject_id = ?
            ORDER BY at DESC, id DESC LIMIT ?
            """, arguments: [subjectType, id, limit]).map {
            ActivityEntry(at: $0.date(0), actor: $0[1], action: $0[2], detail: $0[3])
        }
    }
}
