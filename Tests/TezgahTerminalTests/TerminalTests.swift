import Foundation
import Testing
import TezgahUI
@testable import TezgahTerminal

@Suite struct TerminalTests {
    @Test func controlBytesBecomeKeys() {
        #expect(KeyDecoding.character(0x1B) == .escape)
        #expect(KeyDecoding.character(0x0D) == .enter)
        #expect(KeyDecoding.character(0x09) == .tab)
        #expect(KeyDecoding.character(0x7F) == .backspace)
        #expect(KeyDecoding.character(0x06) == .control("f"))
        #expect(KeyDecoding.character(0x15F) == .character("ş"))
        #expect(KeyDecoding.character(0x9B) == nil) // a C1 control is never a key
    }

    @Test func themeColoursFitSmallerPalettes() {
        #expect(Palette.fit(.terminalDefault, colors: 256) == -1)
        #expect(Palette.fit(.indexed(208), colors: 256) == 208)
        #expect(Palette.fit(.rgb(0, 0x87, 0xFF), colors: 256) == 33) // an exact xterm cube colour
        #expect(Palette.fit(.indexed(9), colors: 16) == 9)
        #expect(Palette.fit(.indexed(9), colors: 8) == 1)            // bright red → red
        #expect((0..<8).contains(Palette.fit(.rgb(0xDC, 0x32, 0x2F), colors: 8)))
    }

    @Test func directColourTerminalsGetTheThemesOwnColours() {
        let direct = Palette.directColors
        #expect(Palette.fit(.rgb(0x26, 0x8B, 0xD2), colors: direct) == 0x268BD2)
        #expect(Palette.fit(.indexed(1), colors: direct) == 1, "the ANSI colours keep their numbers")
        #expect(Palette.fit(.indexed(196), colors: direct) == 0xFF0000)
        #expect(Palette.fit(.rgb(0, 0, 3), colors: direct) == 0, "never mistaken for an ANSI colour")
    }

    /// Every shipped theme, fitted to 16 colours, 256 and direct colour, keeps every role's text
    /// readable: where a role sets both colours they never fit to the same one.
    @Test(arguments: [16, 256, Palette.directColors])
    func everyThemeStaysReadableAtEveryDepth(colors: Int) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes").path
        let names = Theme.available(in: [folder])
        #expect(names.contains("light") && names.contains("high-contrast"))
        for name in names {
            let theme = try Theme.load(named: name, searching: [folder])
            for role in StyleRole.allCases {
                let style = try #require(theme.styles[role], "\(name) defines \(role)")
                let foreground = Palette.fit(style.foreground, colors: colors)
                let background = Palette.fit(style.background, colors: colors)
                if foreground != -1 && background != -1 {
                    #expect(foreground != background, "\(name): \(role) at \(colors) colours")
                }
                #expect(foreground >= -1 && foreground < max(colors, 16) && background < max(colors, 16))
            }
            // The selected row always stands out from the rows around it.
            let normal = theme.style(.normal), selected = theme.style(.selected)
            #expect(selected.reverse != normal.reverse || selected.bold != normal.bold
                    || Palette.fit(selected.background, colors: colors) != Palette.fit(normal.background, colors: colors)
                    || Palette.fit(selected.foreground, colors: colors) != Palette.fit(normal.foreground, colors: colors),
                    "\(name): the selection shows at \(colors) colours")
        }
    }

    /// The table the UI lays out with must agree with what ncursesw draws for the text shops have.
    @Test func layoutWidthsAgreeWithTheCLibrary() throws {
        // uselocale is per thread; setlocale would change the locale under tests running in parallel.
        guard let utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else {
            Issue.record("C.UTF-8 locale missing; cannot compare widths")
            return
        }
        let previous = uselocale(utf8)
        defer { uselocale(previous); freelocale(utf8) }
        for text in ["Ayşe Yılmaz", "İĞÜŞÖÇığüşöç", "山田 花子", "김민지", "₺€$", "Zoë", "│─┌▸…↑↓␛␇"] {
            for scalar in text.unicodeScalars {
                #expect(DisplayWidth.tableWidth(scalar) == TerminalWidth.libc(scalar), "\(scalar) U+\(String(scalar.value, radix: 16))")
            }
        }
    }
}

/// Which locale draws the desk, on a server that has only some installed.
@Suite struct TerminalLocaleTests {
    /// A fake C library: `installed` locales by name and character set; records what was tried.
    final class FakeLocales {
        var installed: [String: String]
        var tried: [String] = []
        var listed = false
        let environment: [String: String]
        init(_ installed: [String: String], environment: [String: String]) {
            self.installed = installed
            self.environment = environment
        }
        func set(_ name: String) -> (name: String, codeset: String)? {
            tried.append(name)
            let wanted = name.isEmpty ? (environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? "C") : name
            return installed[wanted].map { (wanted, $0) }
        }
        func choose() -> TerminalLocale {
            TerminalLocale.choose(environment: environment, set: set, installed: { self.listed = true; return Array(self.installed.keys) })
        }
    }

    static let debianServer = ["C": "ANSI_X3.4-1968", "POSIX": "ANSI_X3.4-1968", "C.UTF-8": "UTF-8"]

    @Test func anInstalledUTF8LocaleIsUsedAsItIs() {
        let fake = FakeLocales(Self.debianServer.merging(["tr_TR.UTF-8": "UTF-8"]) { $1 }, environment: ["LANG": "tr_TR.UTF-8"])
        let locale = fake.choose()
        #expect(locale.name == "tr_TR.UTF-8" && locale.isUTF8 && locale.choice == .environment)
        #expect(locale.note == nil, "no line after quitting when nothing was changed")
        #expect(fake.tried == [""])
    }

    @Test func aMissingLocaleFallsBackToCUTF8AndKeepsItsLanguage() {
        for environment in [["LANG": "tr_TR.UTF-8"], ["LC_ALL": "tr_TR.UTF-8", "LANG": "en_US.UTF-8"]] {
            let fake = FakeLocales(Self.debianServer, environment: environment)
            let locale = fake.choose()
            #expect(locale.name == "C.UTF-8" && locale.isUTF8 && locale.choice == .fallback)
            #expect(locale.language == "tr", "the language follows the variable even though the locale is missing")
            #expect(fake.tried == ["", "C.UTF-8"])
            #expect(!fake.listed, "locale -a is not run when C.UTF-8 exists")
            #expect(locale.note?.contains("tr_TR.UTF-8 (from \(environment["LC_ALL"] == nil ? "LANG" : "LC_ALL")) is not installed") == true)
        }
    }

    @Test func theSameLanguageInUTF8IsTriedBeforeCUTF8() {
        let fake = FakeLocales(Self.debianServer.merging(["tr_TR.UTF-8": "UTF-8"]) { $1 }, environment: ["LANG": "tr_TR.ISO-8859-9"])
        let locale = fake.choose()
        #expect(locale.name == "tr_TR.UTF-8" && locale.choice == .fallback)
        #expect(fake.tried == ["", "tr_TR.UTF-8"])
    }

    @Test func theCLocaleIsDrawnInUTF8() {
        for environment in [["LANG": "C"], ["LC_ALL": "POSIX"], [:]] {
            let fake = FakeLocales(Self.debianServer, environment: environment)
            let locale = fake.choose()
            #expect(locale.name == "C.UTF-8" && locale.choice == .utf8InsteadOfASCII, "\(environment)")
            #expect(locale.language == "en")
            #expect(fake.tried == ["", "C.UTF-8"])
        }
    }

    @Test func withoutCUTF8AnyUTF8LocaleServesTheSameLanguageFirst() {
        let server = ["C": "ANSI_X3.4-1968", "de_DE.utf8": "UTF-8", "en_US.utf8": "UTF-8", "tr_TR.utf8": "UTF-8",
                      "tr_TR.iso88599": "ISO-8859-9"]
        let turkish = FakeLocales(server, environment: ["LANG": "tr_TR"])
        // tr_TR alone is not installed; its UTF-8 form is spelt tr_TR.utf8 here, which the fake (unlike
        // glibc) does not normalise, so it is found by the list.
        #expect(turkish.choose().name == "tr_TR.utf8")
        #expect(turkish.tried == ["", "tr_TR.UTF-8", "C.UTF-8", "C.utf8", "tr_TR.utf8"])
        let french = FakeLocales(server, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(french.choose().name == "en_US.utf8", "English before other languages")
        #expect(french.choose().language == "fr")
    }

    @Test func noUTF8LocaleAtAllMeansASCII() {
        let fake = FakeLocales(["C": "ANSI_X3.4-1968", "POSIX": "ANSI_X3.4-1968"], environment: ["LANG": "tr_TR.UTF-8"])
        let locale = fake.choose()
        #expect(locale.name == "C" && !locale.isUTF8 && locale.choice == .noUTF8Locale)
        #expect(TerminalLocale.repertoire(term: "xterm-256color", asciiSetting: false, locale: locale).repertoire == .ascii)
        #expect(locale.note?.contains("ASCII stand-ins") == true)
    }

    @Test func aLegacyCharacterSetTheOwnerInstalledIsKept() {
        let fake = FakeLocales(["C": "ANSI_X3.4-1968", "C.UTF-8": "UTF-8", "tr_TR.ISO-8859-9": "ISO-8859-9"],
                               environment: ["LANG": "tr_TR.ISO-8859-9"])
        let locale = fake.choose()
        #expect(locale.name == "tr_TR.ISO-8859-9" && locale.choice == .environment)
    }

    @Test func asciiStandInsFollowTheTerminalUnlessTheOwnerSays() {
        let utf8 = FakeLocales(Self.debianServer, environment: ["LANG": "C.UTF-8"]).choose()
        #expect(TerminalLocale.repertoire(term: "linux", asciiSetting: nil, locale: utf8).repertoire == .ascii)
        #expect(TerminalLocale.repertoire(term: "vt100", asciiSetting: nil, locale: utf8).repertoire == .ascii)
        #expect(TerminalLocale.repertoire(term: "linux", asciiSetting: false, locale: utf8).repertoire == .unicode)
        #expect(TerminalLocale.repertoire(term: "xterm-256color", asciiSetting: nil, locale: utf8).repertoire == .unicode)
        #expect(TerminalLocale.repertoire(term: "tmux-256color", asciiSetting: true, locale: utf8).repertoire == .ascii)
        #expect(TerminalLocale.repertoire(term: "screen", asciiSetting: nil, locale: utf8).repertoire == .unicode)
    }

    @Test func languageCodes() {
        #expect(TerminalLocale.languageCode(of: "tr_TR.UTF-8") == "tr")
        #expect(TerminalLocale.languageCode(of: "tr") == "tr")
        #expect(TerminalLocale.languageCode(of: "C.UTF-8") == nil)
        #expect(TerminalLocale.languageCode(of: "POSIX") == nil)
        #expect(TerminalLocale.utf8Variant(of: "sr_RS.ISO-8859-5@latin") == "sr_RS.UTF-8@latin")
    }
}
