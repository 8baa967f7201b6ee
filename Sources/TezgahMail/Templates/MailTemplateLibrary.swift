import Foundation
import Mustache
import Tezgah

/// A template that cannot be used, said with the file, line and what to do.
public struct MailTemplateError: UserFacingError, Equatable {
    public var exitStatus: Int32 { 2 }

    /// The sentence, said in the command line's or the desk's language.
    public var said: Said
    public var description: String { said.english }

    public init(_ said: Said) { self.said = said }

    /// A sentence no catalogue knows, said as it is.
    public init(description: String) { self.init(Said(description)) }

    /// Two errors are the same when they say the same, however their sentences were put together.
    public static func == (a: Self, b: Self) -> Bool { a.description == b.description }
}

/// A mail's subject and bodies after rendering, ready for `MailMessage`.
public struct RenderedMail: Equatable, Sendable {
    public var subject: String
    public var text: String
    public var html: String?
}

/// Every mail template, by kind and language: the shipped defaults, overridden by files in the
/// shop's template folder (`$XDG_CONFIG_HOME/tezgah/templates/KIND.LANG.mustache`, and optionally
/// `KIND.LANG.html.mustache`). Everything is checked when the library is loaded.
public struct MailTemplateLibrary: Sendable {
    private struct Entry: Sendable {
        var subject: MustacheTemplate
        var text: MustacheTemplate
        var html: MustacheTemplate?
        var variables: Set<String>
    }

    private var entries: [String: Entry] = [:]

    private static func key(_ kind: MailKind, _ language: String) -> String { "\(kind.rawValue).\(language)" }

    /// Loads the defaults, then the overrides in `folder` (if it exists).
    public static func load(overrides folder: String?) throws -> MailTemplateLibrary {
        var library = MailTemplateLibrary()
        for (kind, languages) in DefaultMailTemplates.all {
            for (language, source) in languages {
                try library.add(kind: kind, language: language, source: source, html: nil, file: "default \(kind.rawValue).\(language)")
            }
        }
        guard let folder, let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return library }
        for file in files.sorted() where file.hasSuffix(".mustache") && !file.hasSuffix(".html.mustache") {
            let path = (folder as NSString).appendingPathComponent(file)
            let parts = file.dropLast(".mustache".count).split(separator: ".")
            guard parts.count == 2, let kind = MailKind(rawValue: String(parts[0])) else {
                let kinds = MailKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw MailTemplateError(Said("{path}: template files are named KIND.LANGUAGE.mustache (e.g. shipped.tr.mustache); kinds are {kinds}.", ["path": path, "kinds": kinds]))
            }
            let htmlPath = (folder as NSString).appendingPathComponent("\(parts[0]).\(parts[1]).html.mustache")
            try library.add(kind: kind, language: String(parts[1]), source: try read(path),
                            html: FileManager.default.fileExists(atPath: htmlPath) ? (try read(htmlPath), htmlPath) : nil, file: path)
        }
        return library
    }

    private static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw MailTemplateError(Said("{path}: cannot read the file as UTF-8 text.", ["path": path]))
        }
        return text
    }

    private mutating func add(kind: MailKind, language: String, source: String, html: (String, String)?, file: String) throws {
        let normalized = source.replacingOccurrences(of: "\r\n", with: "\n")
        guard normalized.hasPrefix("Subject: "), let end = normalized.firstIndex(of: "\n") else {
            throw MailTemplateError(Said("{file}:1: a template starts with a \"Subject: …\" line, then a blank line, then the text.", ["file": file]))
        }
        let subject = String(normalized[normalized.index(normalized.startIndex, offsetBy: 9)..<end])
        let body = String(normalized[normalized.index(after: end)...]).drop { $0 == "\n" }
        let allowed = MailTemplateVariables.allowed(for: kind)
        var used = Set<String>()
        for (text, path) in [(normalized, file)] + (html.map { [($0.0, $0.1)] } ?? []) {
            for name in MailTemplateVariables.referenced(in: text) {
                guard allowed.contains(name) else {
                    let line = Self.line(of: "{{", name: name, in: text)
                    throw MailTemplateError(Said("{path}:{line}: unknown variable \"{name}\" for {kind} mail; it can use {variables}.", ["path": path, "line": "\(line)", "name": name, "kind": "\(kind.rawValue)", "variables": "\(allowed.sorted().joined(separator: ", "))"]))
                }
                used.insert(name)
            }
        }
        func parse(_ text: String, _ path: String, plain: Bool) throws -> MustacheTemplate {
            do {
                return try MustacheTemplate(string: (plain ? "{{% CONTENT_TYPE: TEXT}}" : "") + text)
            } catch {
                throw MailTemplateError(Said("{path}: the template does not parse: {error}.", ["path": path, "error": "\(error)"]))
            }
        }
        entries[Self.key(kind, language)] = Entry(
            subject: try parse(subject, file, plain: true), text: try parse(String(body), file, plain: true),
            html: try html.map { try parse($0.0, $0.1, plain: false) }, variables: used)
    }

    private static func line(of open: String, name: String, in text: String) -> Int {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains(open) && line.contains(name) {
            return index + 1
        }
        return 1
    }

    /// Renders a kind of mail in the customer's language (English when there is no template in it).
    /// Every variable the template uses must have a value.
    public func render(_ kind: MailKind, language: String, values: [String: String]) throws -> RenderedMail {
        guard let entry = entries[Self.key(kind, language)] ?? entries[Self.key(kind, "en")] else {
            throw MailTemplateError(Said("There is no template for {kind} mail.", ["kind": "\(kind.rawValue)"]))
        }
        if let missing = entry.variables.subtracting(values.keys).sorted().first {
            throw MailTemplateError(Said("The {kind} mail needs a value for \"{value}\".", ["kind": "\(kind.rawValue)", "value": missing]))
        }
        // swift-mustache counts "" as true; an empty value must make {{#eta}}…{{/eta}} disappear.
        let context = values.filter { !$0.value.isEmpty }
        // A subject is one line: a line break in a value (a name typed over two lines in an export)
        // becomes a space there, rather than a message the header check would refuse to write.
        let subject = entry.subject.render(context).onOneLine
        return RenderedMail(subject: subject, text: entry.text.render(context), html: entry.html?.render(context))
    }

    /// The languages with a template for this kind.
    public func languages(for kind: MailKind) -> [String] {
        entries.keys.filter { $0.hasPrefix(kind.rawValue + ".") }.map { String($0.dropFirst(kind.rawValue.count + 1)) }.sorted()
    }
}
