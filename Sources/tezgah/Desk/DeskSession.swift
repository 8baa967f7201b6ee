import Foundation
import Tezgah
import TezgahMail
import TezgahRuntime
import TezgahStore
import TezgahTerminal
import TezgahUI

/// The interactive loop: draw, wait for a key, reduce, draw again.
struct DeskSession {
    let shop: ShopOpening
    let theme: Theme
    let config: ShopConfig
    let demo: Bool
    let templatesFolder: String
    let localeSummary: String
    /// The language the desk speaks (`--lang`, `[ui] language`, the environment).
    let language: Language
    /// The owner's own keys (keys.toml).
    var keys: [UserKey] = []

    /// Runs the desk until the owner quits or a signal ends it; returns a line to print once the
    /// screen is restored, when there is something the owner should know.
    func run() throws -> String? {
        var farewell: String?
        TerminationSignals.install()
        let terminal = Terminal(theme: theme, mouse: config.mouse)
        // Also on the way out of an error below, so its sentence is printed on the restored screen.
        defer { terminal.stop() }
        let shop = try waitForShop(on: terminal)
        let settings = ShopSettings.resolve(config: config, stored: shop.stored)
        let orderMails = try OrderMails.configured(config, settings: settings, templates: templatesFolder, demo: demo)
        let size = terminal.size
        let core = try DeskCore(database: shop.database, width: size.width, height: size.height, settings: settings,
                                orderMails: orderMails, localeSummary: localeSummary, language: language)
        core.savedReplies = try SavedReplyLibrary.load(folder: DataPaths().savedRepliesFolder)
        core.useHistory(at: DataPaths().commandHistoryFile)
        core.useKeys(keys)
        var lastTick = Date()
        var lastLook = Date()
        var inputEnded = false
        while !core.state.isQuitting && !TerminationSignals.received && !inputEnded {
            terminal.draw(core.frame())
            for text in core.clipboardRequests { terminal.copyToClipboard(text) }
            core.clipboardRequests.removeAll()
            // Take every key already waiting before drawing again: a held-down j over a slow link
            // then costs one frame for the burst, not one per repeat.
            var event = terminal.nextEvent(timeout: core.hasRunningJob ? 200 : 1_000)
            var handled = 0
            while event != .idle && handled < 256 && !core.state.isQuitting && !inputEnded {
                switch event {
                case .key(let key): core.send(.keyPressed(key))
                case let .resized(width, height): core.send(.terminalResized(width: width, height: height))
                case .inputEnded: inputEnded = true
                case .idle: break
                }
                handled += 1
                event = terminal.nextEvent(timeout: 0)
            }
            // A reply to write: the editor gets the terminal until it exits. Stopped by a signal
            // meanwhile, nothing is sent: the draft waits for `r` next time.
            if let draft = core.takeEditorRequest() {
                let ended: Bool
                do {
                    ended = try terminal.suspended { try ReplyEditor.run(draft.path, stopRequested: { TerminationSignals.received }) }
                } catch {
                    core.send(.replyFinished(core.state.say("The editor ({editor}) could not be started: {reason}. Set $EDITOR.",
                                                             ["editor": ReplyEditor.command().joined(separator: " "), "reason": error.localizedDescription])))
                    continue
                }
                guard ended else {
                    farewell = "tezgah was stopped while a reply was open; nothing was sent, and the draft (\(draft.path)) opens again with r on its conversation."
                    break
                }
                core.finishReply(draft)
            }
            core.pollJob()
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
        return farewell
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
            terminal.draw(AppView.opening(width: size.width, height: size.height, databasePath: shop.path, upgrading: upgrading, language: language))
            shown = upgrading
        }
    }
}
