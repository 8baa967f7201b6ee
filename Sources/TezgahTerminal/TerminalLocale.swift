import CNcursesw
import Foundation
import TezgahUI

/// The locale tezgah draws with, and why.
///
/// SSH carries the client's `LANG` (a Mac sends `tr_TR.UTF-8`) to servers that often have only `C`,
/// `C.UTF-8` and `POSIX`. There `setlocale` fails, the C library stays in its ASCII `C` locale, and
/// ncursesw drops every character outside ASCII ("Ay e'nin Dkkan"). The desk's text is UTF-8
/// whatever the client asked for, so it falls back to a UTF-8 locale that exists; the language the
/// owner asked for is kept apart (`language`), since it does not need the locale to be installed.
public struct TerminalLocale: Equatable, Sendable {
    /// Why the locale is the one it is.
    public enum Choice: Equatable, Sendable {
        /// The environment's own locale, with a UTF-8 (or another multibyte-capable) character set.
        case environment
        /// The environment asks for `C`/`POSIX` (or names nothing), which is ASCII only; a UTF-8
        /// locale was set instead.
        case utf8InsteadOfASCII
        /// The environment's locale is not installed here; a UTF-8 locale was set instead.
        case fallback
        /// No UTF-8 locale could be set at all: the desk draws ASCII stand-ins.
        case noUTF8Locale
    }

    /// The variable a category was taken from and its value, such as `LANG=tr_TR.UTF-8`.
    public struct Setting: Equatable, Sendable, CustomStringConvertible {
        public var variable: String
        public var value: String
        public var description: String { "\(variable)=\(value)" }
    }

    /// What `setlocale` set for the character type, such as `C.UTF-8`.
    public var name: String
    public var isUTF8: Bool
    public var choice: Choice
    /// Where the character type was asked for (`LC_ALL`, `LC_CTYPE`, then `LANG`); nil when none is set.
    public var requested: Setting?
    /// The language the owner's messages should be in, from `LC_ALL`, `LC_MESSAGES`, then `LANG`,
    /// whether or not that locale is installed: `tr` for `tr_TR.UTF-8`, `en` for `C` or nothing.
    public var language: String
    /// Where `language` came from; nil when no variable names one.
    public var languageSetting: Setting?

    /// One line for the owner who wonders which locale drew the screen; nil when it is simply the
    /// environment's own.
    public var note: String? {
        switch choice {
        case .environment:
            return nil
        case .utf8InsteadOfASCII:
            let asked = requested.map { "\($0) is ASCII only" } ?? "no LANG or LC_* is set"
            return "tezgah drew with \(name): \(asked), and the desk's text is UTF-8."
        case .fallback:
            let asked = requested.map { "\($0.value) (from \($0.variable))" } ?? "the environment's locale"
            return "tezgah drew with \(name): \(asked) is not installed on this server (locale -a lists those that are)."
        case .noUTF8Locale:
            return "tezgah drew ASCII stand-ins: this server has no UTF-8 locale (locale -a); installing one, such as C.UTF-8, shows ₺ and Turkish letters."
        }
    }

    /// A short form for the `?` box: `C.UTF-8 (tr_TR.UTF-8 from LANG is not installed) · language tr`.
    public var summary: String {
        let why: String
        switch choice {
        case .environment: why = requested.map { " (from \($0.variable))" } ?? ""
        case .utf8InsteadOfASCII: why = requested.map { " (\($0) is ASCII only)" } ?? " (no LANG set)"
        case .fallback: why = requested.map { " (\($0.value) from \($0.variable) is not installed)" } ?? ""
        case .noUTF8Locale: why = " (no UTF-8 locale installed: ASCII stand-ins)"
        }
        return "Locale \(name)\(why) · language \(language)" + (languageSetting.map { " from \($0.variable)" } ?? "")
    }

    /// Chooses and sets the character-type locale.
    ///
    /// The order: the environment's own locale if it is UTF-8 (or another character set beyond
    /// ASCII that the owner installed on purpose); else the environment's language and territory in
    /// UTF-8 (`tr_TR` → `tr_TR.UTF-8`); else `C.UTF-8`; else any UTF-8 locale `installed()` lists,
    /// the environment's language first, then English; else `C`, drawn as ASCII.
    ///
    /// - Parameters:
    ///   - set: sets a locale by name ("" for the environment's) and returns the name set and its
    ///     character set, or nil when it is not installed.
    ///   - installed: the system's locale names (`locale -a`); asked only when `C.UTF-8` is missing.
    public static func choose(environment: [String: String], set: (String) -> (name: String, codeset: String)?,
                              installed: () -> [String]) -> TerminalLocale {
        let requested = firstSetting(["LC_ALL", "LC_CTYPE", "LANG"], in: environment)
        let languageSetting = firstSetting(["LC_ALL", "LC_MESSAGES", "LANG"], in: environment)
        let language = languageSetting.flatMap { languageCode(of: $0.value) } ?? "en"
        func locale(_ name: String, _ isUTF8: Bool, _ choice: Choice) -> TerminalLocale {
            TerminalLocale(name: name, isUTF8: isUTF8, choice: choice, requested: requested, language: language,
                           languageSetting: languageSetting)
        }

        let fallbackChoice: Choice
        if let own = set("") {
            if isUTF8(own.codeset) { return locale(own.name, true, .environment) }
            if !isASCII(own.codeset) { return locale(own.name, false, .environment) }
            fallbackChoice = .utf8InsteadOfASCII
        } else {
            fallbackChoice = .fallback
        }

        var candidates: [String] = []
        if let requested, let sameLanguage = utf8Variant(of: requested.value), sameLanguage != requested.value {
            candidates.append(sameLanguage)
        }
        candidates += ["C.UTF-8", "C.utf8"]
        for name in candidates {
            if let set = set(name), isUTF8(set.codeset) { return locale(set.name, true, fallbackChoice) }
        }
        let wanted = requested.flatMap { languageCode(of: $0.value) }
        let others = installed().filter { isUTF8Name($0) && !candidates.contains($0) }.sorted { a, b in
            func rank(_ name: String) -> Int {
                if let wanted, languageCode(of: name) == wanted { return 0 }
                return name.hasPrefix("en_US") ? 1 : name.hasPrefix("en_") ? 2 : 3
            }
            return (rank(a), a) < (rank(b), b)
        }
        for name in others {
            if let set = set(name), isUTF8(set.codeset) { return locale(set.name, true, fallbackChoice) }
        }
        let plain = set("C")?.name ?? "C"
        return locale(plain, false, .noUTF8Locale)
    }

    /// The locale this process draws with, chosen and set at the first use. A program with other
    /// threads asks for it before starting them: `setlocale` must not run while another thread may be
    /// using the locale.
    public static var adopted: TerminalLocale { adoptedOnce }
    private static let adoptedOnce: TerminalLocale = choose(
        environment: ProcessInfo.processInfo.environment,
        set: { name in
            guard let set = tz_set_ctype(name) else { return nil }
            return (String(cString: set), String(cString: tz_codeset()))
        },
        installed: systemLocales)

    /// What to draw with: ASCII stand-ins when no UTF-8 locale could be set, when the owner asks
    /// (`--ascii`, `[ui] ascii = true`), or on the Linux console and the VT terminals before it,
    /// whose fonts lack ₺ and box lines, unless `[ui] ascii = false` says this one has them.
    /// `because` says why ASCII, for the `?` box.
    public static func repertoire(term: String?, asciiSetting: Bool?, locale: TerminalLocale)
        -> (repertoire: TextRepertoire, because: String?) {
        if !locale.isUTF8 { return (.ascii, "no UTF-8 locale") }
        if let asciiSetting { return asciiSetting ? (.ascii, "asked for (--ascii or [ui] ascii)") : (.unicode, nil) }
        return isASCIIOnlyTerminal(term) ? (.ascii, "TERM=\(term ?? "") ([ui] ascii = false draws UTF-8)") : (.unicode, nil)
    }

    static func isASCIIOnlyTerminal(_ term: String?) -> Bool {
        guard let term = term?.lowercased() else { return false }
        let family = term.split(separator: "-").first.map(String.init) ?? term
        return family == "linux" || family == "dumb" || ["vt52", "vt100", "vt102", "vt220", "vt320"].contains(family)
    }

    private static func firstSetting(_ variables: [String], in environment: [String: String]) -> Setting? {
        for variable in variables {
            if let value = environment[variable], !value.isEmpty { return Setting(variable: variable, value: value) }
        }
        return nil
    }

    /// `tr` for `tr_TR.UTF-8`, `tr_TR@euro` or `tr`; nil for `C`, `POSIX`, `C.UTF-8`.
    static func languageCode(of locale: String) -> String? {
        let head = locale.prefix { $0 != "_" && $0 != "." && $0 != "@" }.lowercased()
        guard head.count >= 2, head.count <= 3, head.allSatisfy({ $0.isASCII && $0.isLetter }), head != "c" else { return nil }
        return head == "posix" ? nil : head
    }

    /// `tr_TR.UTF-8` for `tr_TR`, `tr_TR.ISO-8859-9` or `tr_TR.UTF-8@x` (the modifier kept); nil for
    /// `C`/`POSIX`, whose UTF-8 form is tried anyway.
    static func utf8Variant(of locale: String) -> String? {
        guard languageCode(of: locale) != nil else { return nil }
        let modifier = locale.firstIndex(of: "@").map { String(locale[$0...]) } ?? ""
        let base = locale.prefix { $0 != "." && $0 != "@" }
        return base + ".UTF-8" + modifier
    }

    private static func isUTF8(_ codeset: String) -> Bool {
        codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }

    private static func isUTF8Name(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains(".utf8") || lower.contains(".utf-8")
    }

    private static func isASCII(_ codeset: String) -> Bool {
        ["ANSI_X3.4-1968", "ASCII", "US-ASCII", "646", ""].contains(codeset.uppercased())
    }

    /// `locale -a`'s list; empty when it cannot be run.
    private static func systemLocales() -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/locale")
        process.arguments = ["-a"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return [] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
