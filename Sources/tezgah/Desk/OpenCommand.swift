import ArgumentParser
import Foundation
import Tezgah
import TezgahRuntime
import TezgahStore
import TezgahTerminal
import TezgahUI

/// `tezgah [--demo] [--db PATH] [--theme NAME]`: opens the desk.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: CommandLanguage.say("Open the desk on the shop database (the default command)."),
        discussion: CommandLanguage.say("The database is --db, else $TEZGAH_DB, else $XDG_DATA_HOME/tezgah/shop.sqlite (created 0600). --demo opens a demo shop in its own file ($XDG_DATA_HOME/tezgah/demo.sqlite), building it first."))

    @Flag(name: .long, help: .phrase("Open a demo shop (built on first use) instead of your own."))
    var demo = false

    @Option(name: .long, help: .phrase("The shop database file."))
    var db: String?

    @Option(name: .long, help: .phrase("The config file (default: $TEZGAH_CONFIG, else $XDG_CONFIG_HOME/tezgah/config.toml)."))
    var config: String?

    @Option(name: .long, help: .phrase("Colour theme: a name from Themes/ or $XDG_CONFIG_HOME/tezgah/themes (default, mono, solarized-dark)."))
    var theme: String = DeskStart.defaultTheme

    @Flag(name: .long, help: .phrase("Draw ASCII stand-ins (TL for ₺, s for ş, plain lines) for a terminal that shows only ASCII."))
    var ascii = false

    @Flag(name: .long, help: .phrase("Open the shop read-only: look at everything, change nothing."))
    var readonly = false

    @Option(name: .long, help: .phrase("The desk's language: en or tr (default: [ui] language, else LC_ALL, LC_MESSAGES or LANG)."))
    var lang: String?

    func validate() throws {
        if let lang, Language(setting: lang) == nil {
            throw ValidationError(CommandLanguage.say("--lang: \"{value}\" is not a language the desk speaks (en or tr).", ["value": lang]))
        }
    }

    func run() throws {
        try DeskStart(demo: demo, database: db, config: config, theme: theme, ascii: ascii, readOnly: readonly,
                      language: lang.flatMap(Language.init(setting:))).run()
    }
}

/// Opens the desk with `tezgah open`'s options; with none, as `tezgah` alone does.
///
/// `tezgah` alone, the everyday start, comes here without ArgumentParser (see `TezgahCommand.main`).
struct DeskStart {
    static let defaultTheme = "default"
    static let demoOrders = DemoShop().orders

    var demo = false
    /// `--db`: the shop database file, instead of `$TEZGAH_DB` or the data folder's.
    var database: String?
    /// `--config`: the config file, instead of `$TEZGAH_CONFIG` or the config folder's.
    var config: String?
    var theme = DeskStart.defaultTheme
    /// `--ascii`: ASCII stand-ins whatever the terminal and the config say.
    var ascii = false
    /// `--readonly`: the shop opened read-only (as for a user in `[access] readonly_users`).
    var readOnly = false
    /// `--lang`: the desk's language, whatever the config and the environment say.
    var language: Language?

    func run() throws {
        let paths = DataPaths()
        let path = demo ? (database ?? paths.demoDatabase) : paths.database(override: database)
        let exists = FileManager.default.fileExists(atPath: path)
        let buildsDemo = demo && !exists
        let hasTerminal = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
        // The shop opens on another thread while the theme, the config and the terminal start (the
        // locale is set before that thread exists). Only a shop that exists, and only with a terminal
        // to show it on: a start that fails on its theme or config, or is refused, creates and opens
        // nothing, and a demo still to be built waits until the theme and config are known good.
        if hasTerminal { _ = TerminalLocale.adopted }
        var shop = hasTerminal && exists ? OpenedShop.opening(path: path, readOnly: readOnly, config: config) : nil
        // However this ends (a bad theme, say), the opening is waited for and the database closed.
        defer { shop?.closeWhenOpened() }
        let theme = try Theme.load(named: self.theme, searching: paths.themeFolders())
        let shopConfig = try paths.loadConfig(override: config)
        let keys = try Keymap.load(path: paths.keymapFile)
        // A user the config lets only look (the opening thread read the config too).
        let mayOnlyLook = readOnly || shopConfig.isReadOnly(user: ProcessInfo.processInfo.userName)
        if buildsDemo && mayOnlyLook {
            throw CommandLineError(Said("A read-only desk builds no demo shop: run tezgah --demo once as a user who may change it."), exitStatus: 2)
        }
        if buildsDemo {
            printError(CommandLanguage.say("Building a demo shop with {count} orders in {path}…", ["count": Self.demoOrders.grouped(in: CommandLanguage.current), "path": path]))
            let progress = ProgressLine(total: Self.demoOrders, label: "orders")
            try DemoShop.mailed(orders: Self.demoOrders).build(at: path) { progress.update($0) }
            progress.finish()
        }
        guard hasTerminal else {
            throw CommandLineError(Said("tezgah needs a terminal: run it in one (over SSH, use ssh -t)."), exitStatus: 2)
        }
        if let refusal = Terminal.refusal(term: ProcessInfo.processInfo.environment["TERM"]) {
            throw CommandLineError(refusal.said, exitStatus: 2)
        }
        let opening = shop ?? OpenedShop.opening(path: path, readOnly: mayOnlyLook, config: config)
        shop = opening
        let locale = TerminalLocale.adopted
        let drawing = TerminalLocale.repertoire(term: ProcessInfo.processInfo.environment["TERM"],
                                                asciiSetting: ascii ? true : shopConfig.ascii, locale: locale)
        let summary = locale.summary + (drawing.because.map { " · ASCII stand-ins: \($0)" } ?? "")
        let language = Language.resolve(flag: language, config: shopConfig.language, environment: locale.language)
        let farewell = try TextRepertoire.$current.withValue(drawing.repertoire) {
            try DeskSession(shop: opening, theme: theme, config: shopConfig, demo: demo, templatesFolder: paths.templatesFolder,
                            localeSummary: summary, language: language, keys: keys).run()
        }
        if let farewell { FileHandle.standardError.write(Data((farewell + "\n").utf8)) }
        LocaleNotice(locale: locale, folder: paths.dataFolder).printOnce()
    }
}

extension Terminal.Refusal {
    /// The refusal as the command line says it.
    var said: Said {
        switch self {
        case .cannotAddress(let term):
            Said("The terminal TERM={term} cannot move the cursor, which the desk needs; run tezgah in a terminal emulator (TERM=xterm-256color, screen, tmux or linux).",
                 ["term": term])
        case .unknown(let term):
            Said("The terminal TERM={term} is unknown to this system's terminfo; set TERM to one it knows, such as xterm-256color, or install its description (ncurses-term).",
                 ["term": term])
        }
    }
}
