import Foundation
import Tezgah
import TOMLKit

/// A theme file that cannot be used, said in one sentence naming the file, line and key.
public struct ThemeError: UserFacingError, Equatable {
    public var exitStatus: Int32 { 2 }

    /// The sentence, said in the command line's language.
    public var said: Said
    public var description: String { said.english }

    /// On one line whatever it quotes: a value read from the file may hold a line break.
    public init(_ said: Said) {
        self.said = said.onOneLine
    }

    /// A sentence no catalogue knows, said as it is.
    public init(description: String) { self.init(Said(description)) }

    /// Two errors are the same when they say the same, however their sentences were put together.
    public static func == (a: Self, b: Self) -> Bool { a.description == b.description }
}

extension Theme {
    /// Parses a theme file's text. Every key must be known: an unknown role or attribute, or a colour
    /// that does not parse, is an error naming the file, line and key, so a typo never passes silently.
    public static func parse(_ text: String, file: String) throws -> Theme {
        let table: TOMLTable
        if let problem = TOMLReaderGuard.firstProblem(in: text) {
            throw ThemeError(Said("{file}:{line}: {reason}.", ["file": file, "line": "\(problem.line)", "reason": "\(problem.reason)"]))
        }
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(Said("{file}:{line}: {reason}.", ["file": file, "line": "\(error.source.begin.line)", "reason": "\(error.description.onOneLine)"]))
        }
        let name = table["name"]?.string ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        for key in table.keys where !["name", "description", "roles"].contains(key) {
            throw ThemeError(Said("{file}:{line}: unknown key \"{key}\"; a theme has name, description and [roles].", ["file": file, "line": "\(line(of: key, in: text))", "key": key]))
        }
        guard let roles = table["roles"]?.table else {
            throw ThemeError(Said("{file}: the theme has no [roles] table.", ["file": file]))
        }
        var styles: [StyleRole: Style] = [:]
        for key in roles.keys {
            guard let role = StyleRole(rawValue: key) else {
                let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw ThemeError(Said("{file}:{line}: unknown role \"{key}\"; roles are {known}.", ["file": file, "line": "\(line(of: key, in: text))", "key": key, "known": known]))
            }
            guard let entry = roles[key]?.table else {
                throw ThemeError(Said("{file}:{line}: role \"{key}\" must be a table such as { fg = \"cyan\", bold = true }.", ["file": file, "line": "\(line(of: key, in: text))", "key": key]))
            }
            styles[role] = try style(entry, role: key, file: file, text: text)
        }
        guard styles[.normal] != nil else {
            throw ThemeError(Said("{file}: the theme must define the \"normal\" role.", ["file": file]))
        }
        return Theme(name: name, styles: styles)
    }

    private static func style(_ entry: TOMLTable, role: String, file: String, text: String) throws -> Style {
        var style = Style()
        for key in entry.keys {
            let value = entry[key]!
            // Worked out only for a mistake: finding the line reads the whole file, once per key.
            var location: String { "\(file):\(line(of: role, in: text)): role \"\(role)\" key \"\(key)\"" }
            switch key {
            case "fg", "bg":
                guard let text = value.string, let color = ThemeColor(text) else {
                    throw ThemeError(Said("{location}: expected \"default\", a colour name, 0–255 or \"#rrggbb\".", ["location": location]))
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "bold", "dim", "reverse", "underline", "italic":
                guard let flag = value.bool else {
                    throw ThemeError(Said("{location}: expected true or false.", ["location": location]))
                }
                switch key {
                case "bold": style.bold = flag
                case "dim": style.dim = flag
                case "reverse": style.reverse = flag
                case "underline": style.underline = flag
                default: style.italic = flag
                }
            default:
                throw ThemeError(Said("{location} is unknown; use fg, bg, bold, dim, reverse, underline or italic.", ["location": location]))
            }
        }
        return style
    }

    /// The line of `key` anywhere in the file: role names are unique, and inline tables keep a
    /// role's keys on its line.
    static func line(of key: String, in text: String) -> Int {
        TOMLKeyLines.line(of: key, text: text) ?? TOMLKeyLines.line(of: key, in: "roles", text: text) ?? 1
    }

    /// Finds and loads a theme by name from the given folders (first match wins).
    public static func load(named name: String, searching folders: [String]) throws -> Theme {
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ThemeError(Said("Theme names are letters, digits, - and _; \"{name}\" is not one.", ["name": name]))
        }
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent(name + ".toml")
            if let data = FileManager.default.contents(atPath: path) {
                guard let text = String(data: data, encoding: .utf8) else {
                    throw ThemeError(Said("{path}: the file is not UTF-8 text.", ["path": path]))
                }
                return try parse(text, file: path)
            }
        }
        if name == "default" { return .builtIn }
        throw ThemeError(Said("No theme named \"{name}\" in {folders}.", ["name": name, "folders": "\(folders.joined(separator: ", "))"]))
    }

    /// The names of the themes available in the given folders.
    public static func available(in folders: [String]) -> [String] {
        var names = Set<String>()
        for folder in folders {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file.hasSuffix(".toml") {
                names.insert(String(file.dropLast(5)))
            }
        }
        return names.sorted()
    }
}
