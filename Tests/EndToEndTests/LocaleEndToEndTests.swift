import Foundation
import Testing

/// The first screen an owner sees over SSH: the client's `LANG` (a Mac sends `tr_TR.UTF-8`) on a
/// server whose only locales are `C`, `C.UTF-8` and `POSIX`, as on the machines the tests run on.
@Suite(.serialized) struct LocaleEndToEndTests {
    static let scratch = Scratch()
    static let demo = TezgahBinary.demoShop(in: scratch)

    /// `locale -a` of this machine, in glibc's spelling (`tr_TR.utf8`).
    static let installedLocales: Set<String> = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/locale")
        process.arguments = ["-a"]
        let output = Pipe()
        process.standardOutput = output
        try? process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.lowercased() })
    }()

    static func isInstalled(_ locale: String) -> Bool {
        installedLocales.contains(locale.lowercased().replacingOccurrences(of: "utf-8", with: "utf8"))
    }

    /// Money in Turkish lira with a thousands group, as the demo's larger orders show it: ₺1.562,50.
    static var liraWithThousands: Regex<(Substring, Substring)> { /₺[0-9]{1,3}(\.[0-9]{3})+,[0-9]{2}/ }

    private func open(_ environment: [String: String], arguments: [String] = [], dataFolder: String) throws -> TmuxSession {
        try TmuxSession(command: [TezgahBinary.path, "--db", Self.demo] + arguments,
                        environment: ["XDG_DATA_HOME": dataFolder, "XDG_CONFIG_HOME": Self.scratch.file("config-\(UUID())")]
                            .merging(environment) { $1 },
                        width: 100, height: 30, scratch: Self.scratch)
    }

    @Test(arguments: [["LANG": "tr_TR.UTF-8"], ["LC_ALL": "tr_TR.UTF-8"], ["LANG": "en_US.UTF-8"], ["LANG": "C"]])
    func utf8IsDrawnWhateverLocaleTheClientSends(environment: [String: String]) throws {
        let data = Self.scratch.file("data-\(UUID())")
        let session = try open(environment, dataFolder: data)
        var screen = try session.waitFor(text: "Ayşe'nin Dükkanı")
        try session.send("Escape")
        screen = try session.waitFor(text: "#1800")
        #expect(screen.contains(Self.liraWithThousands), "\(screen)")
        #expect(screen.contains("▸#1800"))
        try session.resize(width: 30, height: 6)
        _ = try session.waitFor(text: "(30×6)")
        try session.resize(width: 100, height: 30)
        _ = try session.waitFor(text: "Ayşe'nin Dükkanı")

        // The locale named in `?`, with the language the variable asks for (which the desk speaks).
        let value = environment.values.first!
        let variable = environment.keys.first!
        let installed = value == "C" || Self.isInstalled(value)
        let closes = value.hasPrefix("tr") ? "? ya da Esc kapatır" : "? or Esc closes"
        try session.send("?")
        screen = try session.waitFor(text: closes)
        if !installed {
            #expect(screen.contains("Locale C.UTF-8 (\(value) from \(variable) is not installed)"), "\(screen)")
        }
        #expect(screen.contains("language \(value == "C" ? "en" : String(value.prefix(2)))"), "\(screen)")
        try session.send("Escape")
        _ = try session.waitFor("help closed") { !$0.contains(closes) }

        // After quitting, one line says which locale drew the desk, when it was not the client's.
        try session.send("q")
        #expect(session.exitStatus() == 0)
        screen = try session.screen()
        if value == "C" {
            #expect(screen.contains("tezgah drew with C.UTF-8: \(variable)=C is ASCII only"), "\(screen)")
        } else if !installed {
            #expect(screen.contains("tezgah drew with C.UTF-8: \(value) (from \(variable)) is not installed"), "\(screen)")
        } else {
            #expect(!screen.contains("tezgah drew"), "\(screen)")
        }

        // Said once: the next start with the same locale quits without it.
        let again = try open(environment, dataFolder: data)
        _ = try again.waitFor(text: "Ayşe'nin Dükkanı")
        try again.send("q")
        #expect(again.exitStatus() == 0)
        let afterSecondQuit = try again.screen()
        #expect(!afterSecondQuit.contains("tezgah drew"))
    }

    /// The desk speaks the language the client's variable names, installed or not; `--lang` and
    /// `[ui] language` say otherwise. Dates and counts follow the language.
    @Test func theDeskSpeaksTheLanguageTheOwnerAsksFor() throws {
        let turkish = try open(["LANG": "tr_TR.UTF-8"], dataFolder: Self.scratch.file("data-\(UUID())"))
        var screen = try turkish.waitFor(text: "F1 Siparişler")
        #expect(screen.contains("F2 Kargolar") && screen.contains("? yardım"), "\(screen)")
        #expect(screen.contains(/[0-9.]+ sipariş/), "the count in Turkish, grouped with dots: \(screen)")
        try turkish.send("Escape")
        screen = try turkish.waitFor(text: "Tarih")
        #expect(screen.contains(/[ 0-9]{2} (Oca|Şub|Mar|Nis|May|Haz|Tem|Ağu|Eyl|Eki|Kas|Ara) [0-9]{2}:[0-9]{2}/), "\(screen)")
        try turkish.send("?")
        screen = try turkish.waitFor(text: "Tuşlar · Siparişler")
        #expect(screen.contains("son değişikliğimi geri al"), "\(screen)")
        try turkish.send("Escape")
        try turkish.send("q")
        #expect(turkish.exitStatus() == 0)

        let flagged = try open(["LANG": "tr_TR.UTF-8"], arguments: ["--lang", "en"], dataFolder: Self.scratch.file("data-\(UUID())"))
        screen = try flagged.waitFor(text: "F1 Orders")
        #expect(screen.contains("? help"), "\(screen)")
        try flagged.send("q")
        #expect(flagged.exitStatus() == 0)

        let config = Self.scratch.file("turkish-\(UUID()).toml")
        try "[ui]\nlanguage = \"tr\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let configured = try open(["LANG": "en_US.UTF-8"], arguments: ["--config", config], dataFolder: Self.scratch.file("data-\(UUID())"))
        _ = try configured.waitFor(text: "F1 Siparişler")
        try configured.send("q")
        #expect(configured.exitStatus() == 0)

        let refused = try TezgahBinary.run(["--lang", "de", "--db", Self.demo])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.error.contains("--lang: \"de\" is not a language the desk speaks (en or tr)."), "\(refused.error)")
    }

    /// The Linux console's font lacks ₺ and box lines: ASCII stand-ins instead of gaps, for any
    /// locale; `[ui] ascii = false` says this console has them.
    @Test func theLinuxConsoleGetsASCIIStandIns() throws {
        let session = try open(["LANG": "tr_TR.UTF-8", "TERM": "linux"], dataFolder: Self.scratch.file("data-\(UUID())"))
        var screen = try session.waitFor(text: "Ayse'nin Dukkani")
        try session.send("Escape")
        screen = try session.waitFor(text: ">#1800")
        #expect(screen.contains(/TL[0-9]{1,3}(\.[0-9]{3})+,[0-9]{2}/), "\(screen)")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
        try session.send("?")
        screen = try session.waitFor(text: "? ya da Esc kapatir")
        #expect(screen.contains("+-"), "the help box in plain lines")
        #expect(screen.contains("stand-ins: TERM=linux"), "\(screen)")
        try session.send("Escape")
        try session.resize(width: 30, height: 6)
        _ = try session.waitFor(text: "(30x6)")
        try session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func asciiIsAskedForByFlagOrConfigAndRefusedByConfig() throws {
        let config = Self.scratch.file("ascii-\(UUID()).toml")
        try "[ui]\nascii = true\n".write(toFile: config, atomically: true, encoding: .utf8)
        for arguments in [["--ascii"], ["--config", config]] {
            let session = try open(["LANG": "C.UTF-8"], arguments: arguments, dataFolder: Self.scratch.file("data-\(UUID())"))
            _ = try session.waitFor(text: "Ayse'nin Dukkani")
            try session.send("q")
            #expect(session.exitStatus() == 0)
        }
        let unicode = Self.scratch.file("unicode-\(UUID()).toml")
        try "[ui]\nascii = false\n".write(toFile: unicode, atomically: true, encoding: .utf8)
        let session = try open(["LANG": "C.UTF-8", "TERM": "linux"], arguments: ["--config", unicode],
                               dataFolder: Self.scratch.file("data-\(UUID())"))
        _ = try session.waitFor(text: "Ayşe'nin Dükkanı")
        try session.send("q")
        #expect(session.exitStatus() == 0)
    }
}
