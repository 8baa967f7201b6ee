import ArgumentParser
import Foundation
import Synchronization
import TezgahRuntime
import TezgahStore
import TezgahTerminal
import TezgahMail
import TezgahUI

/// `tezgah [--demo] [--db PATH] [--theme NAME]`: opens the desk.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the desk on the shop database (the default command).",
        discussion: """
            The database is --db, else $TEZGAH_DB, else $XDG_DATA_HOME/tezgah/shop.sqlite (created 0600).
            --demo opens a demo shop in its own file ($XDG_DATA_HOME/tezgah/demo.sqlite), building it first.
            """)

    @Flag(name: .long, help: "Open a demo shop (built on first use) instead of your own.")
    var demo = false

    @Option(name: .long, help: "The shop database file.")
    var db: String?

    @Option(name: .long, help: "The config file (default: $TEZGAH_CONFIG, else $XDG_CONFIG_HOME/tezgah/config.toml).")
    var config: String?

    @Option(name: .long, help: "Colour theme: a name from Themes/ or $XDG_CONFIG_HOME/tezgah/themes (default, mono, solarized-dark).")
    var theme: String = DeskStart.defaultTheme

    @Flag(name: .long, help: "Draw ASCII stand-ins (TL for ₺, s for ş, plain lines) for a terminal that shows only ASCII.")
    var ascii = false

    func run() throws {
        try DeskStart(demo: demo, database: db, config: config, theme: theme, ascii: ascii).run()
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
        var shop = hasTerminal && exists ? OpenedShop.opening(path: path) : nil
        // However this ends (a bad theme, say), the opening is waited for and the database closed.
        defer { shop?.closeWhenOpened() }
        let theme = try Theme.load(named: self.theme, searching: paths.themeFolders())
        let shopConfig = try paths.loadConfig(override: config)
        if buildsDemo {
            printError("Building a demo shop with \(Self.demoOrders.grouped) orders in \(path)…")
            let progress = ProgressLine(total: Self.demoOrders, label: "orders")
            try DemoShop(orders: Self.demoOrders).build(at: path) { progress.update($0) }
            progress.finish()
        }
        guard hasTerminal else {
            throw CleanExit.message("tezgah needs a terminal: run it in one (over SSH, use ssh -t).", code: 2)
        }
        let opening = shop ?? OpenedShop.opening(path: path)
        shop = opening
        let locale = TerminalLocale.adopted
        let drawing = TerminalLocale.repertoire(term: ProcessInfo.processInfo.environment["TERM"],
                                                asciiSetting: ascii ? true : shopConfig.ascii, locale: locale)
        let summary = locale.summary + (drawing.because.map { " · ASCII stand-ins: \($0)" } ?? "")
        try TextRepertoire.$current.withValue(drawing.repertoire) {
            try DeskSession(shop: opening, theme: theme, config: shopConfig, demo: demo, templatesFolder: paths.templatesFolder,
                            localeSummary: summary).run()
        }
        LocaleNotice(locale: locale, folder: paths.dataFolder).printOnce()
    }
}

/// The shop database, opened and migrated, with the settings it stores. They are read on the
/// opening thread, beside the opening, rather than on the main thread before the first frame.
struct OpenedShop: Sendable {
    let database: AppDatabase
    let stored: StoredShopSettings

    static func opening(path: String) -> ShopOpening {
        let upgrading = ShopOpening.Flag()
        return ShopOpening(path: path, upgrading: upgrading, result: BackgroundResult {
            let database = try AppDatabase.forDesk(path: path, upgrading: upgrading.set)
            do {
                return OpenedShop(database: database, stored: try database.storedShopSettings())
            } catch {
                try? database.close()
                throw error
            }
        })
    }
}

/// A shop being opened on another thread, and whether that opening is upgrading its schema.
struct ShopOpening: Sendable {
    let path: String
    fileprivate let upgrading: Flag
    let result: BackgroundResult<OpenedShop>

    /// Set once by the opening thread, read by the main thread while it waits.
    final class Flag: Sendable {
        private let value = Atomic(false)
        func set() { value.store(true, ordering: .releasing) }
        var isSet: Bool { value.load(ordering: .acquiring) }
    }

    var isUpgrading: Bool { upgrading.isSet }

    /// Waits for the opening to end and closes the database if it opened.
    func closeWhenOpened() {
        if let shop = try? result.value() { try? shop.database.close() }
    }
}

/// Exits with one sentence on stderr and a status, instead of ArgumentParser's error framing.
enum CleanExit: Error {
    case message(String, code: Int32)
}

/// The interactive loop: draw, wait for a key, reduce, draw again.
struct DeskSession {
    let shop: ShopOpening
    let theme: Theme
    let config: ShopConfig
    let demo: Bool
    let templatesFolder: String
    let localeSummary: String

    func run() throws {
        TerminationSignals.install()
        let terminal = Terminal(theme: theme)
        // Also on the way out of an error below, so its sentence is printed on the restored screen.
        defer { terminal.stop() }
        let shop = try waitForShop(on: terminal)
        let settings = ShopSettings.resolve(config: config, stored: shop.stored)
        let orderMails = try OrderMails.configured(config, settings: settings, templates: templatesFolder, demo: demo)
        let size = terminal.size
        let core = try DeskCore(database: shop.database, width: size.width, height: size.height, settings: settings,
                                orderMails: orderMails, localeSummary: localeSummary)
        var lastTick = Date()
        var lastLook = Date()
        while !core.state.isQuitting && !TerminationSignals.received {
            terminal.draw(core.frame())
            for text in core.clipboardRequests { terminal.copyToClipboard(text) }
            core.clipboardRequests.removeAll()
            // Take every key already waiting before drawing again: a held-down j over a slow link
            // then costs one frame for the burst, not one per repeat.
            var event = terminal.nextEvent(timeout: 1_000)
            var handled = 0
            while event != .idle && handled < 256 && !core.state.isQuitting {
                switch event {
                case .key(let key): core.send(.keyPressed(key))
                case let .resized(width, height): core.send(.terminalResized(width: width, height: height))
                case .idle: break
                }
                handled += 1
                event = terminal.nextEvent(timeout: 0)
            }
            // What other processes commit shows within about a second, even while keys keep coming.
            if Date().timeIntervalSince(lastLook) >= 1 {
                lastLook = Date()
                core.refreshIfChangedElsewhere()
            }
            // Keep "3h ago" honest without redrawing every second.
            if Date().timeIntervalSince(lastTick) >= 60 {
                lastTick = Date()
                core.setNow(lastTick)
            }
        }
    }

    /// The opened shop. When the opening takes more than a moment (an upgrade building indexes, a
    /// slow disk), the screen says so instead of staying blank, and says "upgrading" once the
    /// opening knows it is one.
    private func waitForShop(on terminal: Terminal) throws -> OpenedShop {
        var shown: Bool?
        while true {
            if let opened = try shop.result.value(waitingAtMost: shown == nil ? 0.2 : 0.1) { return opened }
            let upgrading = shop.isUpgrading
            guard upgrading != shown else { continue }
            let size = terminal.size
            terminal.draw(AppView.opening(width: size.width, height: size.height, databasePath: shop.path, upgrading: upgrading))
            shown = upgrading
        }
    }
}

/// SIGTERM and SIGHUP (a dropped SSH link) end the loop so the terminal is restored on the way out.
enum TerminationSignals {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0

    static var received: Bool { flag != 0 }

    static func install(including extra: [Int32] = []) {
        for signalNumber in [SIGTERM, SIGHUP] + extra {
            signal(signalNumber) { _ in TerminationSignals.flag = 1 }
        }
    }
}
