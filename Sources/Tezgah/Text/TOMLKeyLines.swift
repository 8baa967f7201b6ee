/// Where a key sits in a TOML file, for error messages that name the line (TOML parsers report
/// positions only for syntax errors). Both the theme and the config loaders use it.
public enum TOMLKeyLines {
    /// The 1-based line where `key` is assigned inside `[table]` (or before any table when `table`
    /// is nil); the table's header line when the key is not found; nil when neither is.
    public static func line(of key: String, in table: String? = nil, text: String) -> Int? {
        var current: String? = nil
        var headerLine: Int?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("[") {
                let name = trimmed.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                current = name
                if name == table { headerLine = index + 1 }
                continue
            }
            guard current == table else { continue }
            if trimmed.hasPrefix(key + " ") || trimmed.hasPrefix(key + "=") || trimmed.hasPrefix("\"\(key)\"") {
                return index + 1
            }
        }
        return headerLine
    }
}
