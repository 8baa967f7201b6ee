import Foundation

/// The language the desk speaks. The English text of a phrase is its key in the catalogue
/// (`Catalogue.turkish`), as gettext keys on its msgid: the code reads as the screen does, and a
/// phrase missing from a catalogue is found by a test, not by a blank on screen.
public enum Language: String, CaseIterable, Sendable, Codable {
    case english = "en"
    case turkish = "tr"

    /// The language a setting names: a code (`tr`), a locale (`tr_TR.UTF-8`, `en-GB`) or a name
    /// (`Turkish`, `Türkçe`); nil when it names neither.
    public init?(setting: String) {
        let lowered = setting.trimmingCharacters(in: .whitespaces).lowercased()
        let code = lowered.prefix { $0.isLetter && $0.isASCII }
        switch code {
        case "tr", "tur", "turkish": self = .turkish
        case "en", "eng", "english": self = .english
        default:
            if lowered == "türkçe" || lowered == "turkce" { self = .turkish } else { return nil }
        }
    }

    /// `--lang`, else `[ui] language`, else the language the environment asks for (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`, whether or not that locale is installed), else English.
    public static func resolve(flag: Language?, config: Language?, environment: String?) -> Language {
        flag ?? config ?? environment.flatMap(Language.init(setting:)) ?? .english
    }

    /// A phrase in this language, its `{name}` placeholders filled from `values`. The phrase is
    /// the English text; Turkish falls back to it only for a phrase the catalogue lacks.
    ///
    /// Where one English word needs two translations, its phrase names the context, one lower-case
    /// word, before a bar (`verb|open` beside the status `open`); English shows what follows it.
    /// A bar anywhere else is the phrase's own ("items and why (2 KUPA-01: kırık; | reason …)").
    public func say(_ phrase: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        let text = lookUp(phrase)
        return values.isEmpty ? text : Self.fill(text, values)
    }

    /// The phrase's text in this language, before its values are filled in.
    private func lookUp(_ phrase: String) -> String {
        self == .turkish ? Catalogue.turkish[phrase] ?? Self.english(phrase) : Self.english(phrase)
    }

    /// A phrase with values built at run time (`Said`).
    public func say(_ said: Said) -> String {
        Self.fill(lookUp(said.phrase)) { name in
            let key = String(name)
            return said.values[key] ?? said.phrases[key].map { sayKept($0) } ?? said.amounts[key].map { $0.formatted(in: self) }
                ?? said.parts[key].map { say($0) }
        }
    }

    /// A phrase's English text: itself, or what follows its context's bar.
    static func english(_ phrase: String) -> String {
        guard let bar = phrase.firstIndex(of: "|"), bar != phrase.startIndex,
              phrase[..<bar].allSatisfy({ $0.isASCII && $0.isLowercase }) else { return phrase }
        return String(phrase[phrase.index(after: bar)...])
    }

    /// `{name}` in `text` replaced by its value; an unknown name stays as it is.
    static func fill(_ text: String, _ values: KeyValuePairs<String, String>) -> String {
        fill(text) { name in values.first { $0.key == name }?.value }
    }

    /// `{name}` in `text` replaced by what `value` gives for it, in one pass, so a value holding
    /// braces (a customer's words) is never filled in again.
    static func fill(_ text: String, _ value: (Substring) -> String?) -> String {
        guard text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            if let value = value(name) {
                out += value
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The placeholders a phrase names, for the catalogue's test.
    public static func placeholders(in text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Months as the language abbreviates them in dates ("6 Dec", "6 Ara").
    public var months: [String] {
        switch self {
        case .english: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        case .turkish: ["Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu", "Eyl", "Eki", "Kas", "Ara"]
        }
    }

    /// Days of the week as the language abbreviates them, Monday first.
    public var weekdays: [String] {
        switch self {
        case .english: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        case .turkish: ["Pzt", "Sal", "Çar", "Per", "Cum", "Cmt", "Paz"]
        }
    }

    /// A figure with one decimal, as the language writes it ("4.3" / "4,3").
    public func decimal(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return self == .turkish ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A share as the language writes it ("35%" / "%35").
    public func percent(_ share: Double) -> String {
        let whole = Int((share * 100).rounded())
        return self == .turkish ? "%\(whole)" : "\(whole)%"
    }

    /// The separator between thousands in numbers ("1,204" / "1.204").
    public var groupSeparator: Character { self == .english ? "," : "." }
}

/// Marks a phrase said later (gettext's `N_`): a prompt's question written where its key is defined
/// and said, with its values, where it is asked. The catalogue's test reads these as it reads `say`.
public func phrase(_ text: String) -> String { text }

/// A phrase and its values, for what the domain names in words the desk then says in its
/// language ("linked to order {number}").
public struct Said: Hashable, Sendable {
    public var phrase: String
    /// Values said as they are (numbers, names, a customer's words).
    public var values: [String: String]
    /// Values that are phrases themselves (a status), said in the language too; text the database
    /// kept in English (`KeptPhrase`) among them.
    public var phrases: [String: String]
    /// Amounts, written as the language writes money.
    public var amounts: [String: Money]
    /// Values that are whole sentences' parts with values of their own ("Order {number} {reason}").
    public var parts: [String: Said]

    public init(_ phrase: String, _ values: [String: String] = [:], phrases: [String: String] = [:], amounts: [String: Money] = [:],
                parts: [String: Said] = [:]) {
        self.phrase = phrase
        self.values = values
        self.phrases = phrases
        self.amounts = amounts
        self.parts = parts
    }

    /// The phrase in English, as the activity log and the command line keep it.
    public var english: String { Language.english.say(self) }
}

/// Scripts read a sentence in English, as one string (`--json`).
extension Said: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(english)
    }
}
