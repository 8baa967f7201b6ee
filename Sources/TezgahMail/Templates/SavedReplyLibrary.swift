import Foundation
import Mustache
import Tezgah

/// Answers the owner gives again and again ("where is my order", "how do I return it"), inserted
/// into a reply with `m`: Mustache templates named `NAME.LANG.mustache` in
/// `$XDG_CONFIG_HOME/tezgah/replies/`, over a few shipped in English and Turkish. Each is checked
/// when the library loads, so a typo in one is found at start, with its file and line.
public struct SavedReplyLibrary: Sendable {
    /// The values a saved reply may use; ones the conversation has no value for are empty, and
    /// `{{#eta}}…{{/eta}}` leaves out what does not apply.
    public static let variables: Set<String> = [
        "shop_name", "customer_name", "first_name", "order_number", "order_status", "order_total",
        "carrier", "tracking_number", "tracking_url", "eta",
    ]

    private var templates: [String: MustacheTemplate] = [:]

    /// The replies tezgah ships, without the owner's files.
    public static var shipped: SavedReplyLibrary { (try? load(folder: nil)) ?? SavedReplyLibrary() }

    private static func key(_ name: String, _ language: String) -> String { "\(name).\(language)" }

    /// The defaults, then the files in `folder` (if it exists), which win over a default of the same name.
    public static func load(folder: String?) throws -> SavedReplyLibrary {
        var library = SavedReplyLibrary()
        for (name, languages) in DefaultSavedReplies.all {
            for (language, source) in languages { try library.add(name, language, source, file: "default \(name).\(language)") }
        }
        guard let folder, let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return library }
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let path = (folder as NSString).appendingPathComponent(file)
            let parts = file.dropLast(".mustache".count).split(separator: ".")
            guard parts.count == 2, parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw MailTemplateError(Said("{path}: saved replies are named NAME.LANGUAGE.mustache (e.g. where-is-my-order.tr.mustache).", ["path": path]))
            }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw MailTemplateError(Said("{path}: cannot read the file as UTF-8 text.", ["path": path]))
            }
            try library.add(String(parts[0]), String(parts[1]), text, file: path)
        }
        return library
    }

    private mutating func add(_ name: String, _ language: String, _ source: String, file: String) throws {
        let text = source.replacingOccurrences(of: "\r\n", with: "\n")
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for variable in MailTemplateVariables.referenced(in: String(line)) where !Self.variables.contains(variable) {
                throw MailTemplateError(Said("{file}:{line}: unknown variable \"{name}\" in a saved reply; it can use {variables}.", ["file": file, "line": "\(index + 1)", "name": variable, "variables": "\(Self.variables.sorted().joined(separator: ", "))"]))
            }
        }
        do {
            templates[Self.key(name, language)] = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        } catch {
            throw MailTemplateError(Said("{file}: the saved reply does not parse: {error}.", ["file": file, "error": "\(error)"]))
        }
    }

    /// Every saved reply's name, sorted.
    public var names: [String] {
        Set(templates.keys.map { String($0.split(separator: ".")[0]) }).sorted()
    }

    /// The names that start with what the owner typed (any case, Turkish letters folded).
    public func names(matching typed: String) -> [String] {
        let folded = SearchFolding.fold(typed).replacingOccurrences(of: " ", with: "")
        if folded.isEmpty { return names }
        if names.contains(typed) { return [typed] }
        return names.filter { SearchFolding.fold($0).replacingOccurrences(of: " ", with: "").hasPrefix(folded) }
    }

    /// The reply in the customer's language, else English, else any; nil when there is no such name.
    public func render(_ name: String, language: String, values: [String: String]) -> String? {
        let template = templates[Self.key(name, language)] ?? templates[Self.key(name, "en")]
            ?? templates.first { $0.key.hasPrefix(name + ".") }?.value
        // swift-mustache counts "" as true; an empty value must make {{#eta}}…{{/eta}} disappear.
        return template?.render(values.filter { !$0.value.isEmpty })
    }
}
