import Foundation
import Testing
@testable import TezgahUI

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes").path

    @Test func everyShippedThemeLoadsAndDefinesEveryRole() throws {
        let names = Theme.available(in: [Self.themesFolder])
        #expect(names.contains("default") && names.contains("mono"))
        for name in names {
            let theme = try Theme.load(named: name, searching: [Self.themesFolder])
            #expect(Set(theme.styles.keys) == Set(StyleRole.allCases), "\(name)")
        }
    }

    @Test func defaultKeepsTheTerminalBackgroundAndMonoHasNoColour() throws {
        let standard = try Theme.load(named: "default", searching: [Self.themesFolder])
        #expect(standard.style(.normal).background == .terminalDefault)
        let mono = try Theme.load(named: "mono", searching: [Self.themesFolder])
        #expect(mono.styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
        #expect(mono.style(.selected).reverse)
    }

    @Test func noColorKeepsAttributesOnly() throws {
        let theme = try Theme.load(named: "solarized-dark", searching: [Self.themesFolder]).withoutColor
        #expect(theme.styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
        #expect(theme.style(.header).bold)
    }

    @Test func mistakesNameFileLineAndKey() {
        let text = """
        name = "broken"
        [roles]
        normal = { fg = "default" }
        selectd = { reverse = true }
        """
        #expect(throws: ThemeError(description: "mine.toml:4: unknown role \"selectd\"; roles are \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")).")) {
            try Theme.parse(text, file: "mine.toml")
        }
        #expect(throws: ThemeError(description: "t.toml:3: role \"normal\" key \"fg\": expected \"default\", a colour name, 0–255 or \"#rrggbb\".")) {
            try Theme.parse("name = \"x\"\n[roles]\nnormal = { fg = \"chartreuse-ish\" }\n", file: "t.toml")
        }
        #expect(throws: ThemeError.self) { try Theme.parse("name = \"x\"\n[roles\n", file: "t.toml") }
        #expect(throws: ThemeError.self) { try Theme.load(named: "../etc/passwd", searching: [Self.themesFolder]) }
        #expect(throws: ThemeError.self) { try Theme.load(named: "no-such-theme", searching: [Self.themesFolder]) }
    }

    @Test func colourNamesNumbersAndHex() {
        #expect(ThemeColor("default") == .terminalDefault)
        #expect(ThemeColor("bright-red") == .indexed(9))
        #expect(ThemeColor("208") == .indexed(208))
        #expect(ThemeColor("#268bd2") == .rgb(0x26, 0x8B, 0xD2))
        #expect(ThemeColor("#12345") == nil)
    }
}
