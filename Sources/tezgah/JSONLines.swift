import Foundation

/// `--json` output: one JSON object per line, keys in snake_case and sorted, so a script reads
/// each record with one `json.loads` (or `jq`) and a diff of two runs lines up.
enum JSONLines {
    /// Prints `object` as one line.
    static func print(_ object: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        Swift.print(String(decoding: data, as: UTF8.self))
    }

    /// Prints an `Encodable` value's fields (snake_case) with `extra` keys beside them, as one line.
    static func print(_ value: some Encodable, adding extra: [String: Any] = [:]) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        var object = try JSONSerialization.jsonObject(with: try encoder.encode(value)) as? [String: Any] ?? [:]
        object.merge(extra) { _, new in new }
        try print(object)
    }
}
