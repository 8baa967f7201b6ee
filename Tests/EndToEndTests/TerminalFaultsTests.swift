import Foundation
import GRDB
import Testing
@testable import TezgahStore

/// The terminal doing what terminals do: a storm of resizes, a window too small, a `dumb` or
/// unknown `TERM`, no terminal at all. The desk says what it needs in one sentence, or keeps
/// drawing and answering keys.
@Suite struct TerminalFaultsTests {
    @Test func aHundredResizesInASecondLeaveADeskThatAnswers() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let session = try TmuxSession(command: [TezgahBinary.path, "--db", shop],
                                      environment: ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("config")],
                                      width: 100, height: 30, scratch: scratch)
        _ = try session.waitFor(text: "F1 Orders")
        let started = Date()
        for step in 0..<100 {
            try session.resize(width: 20 + (step * 37) % 140, height: 6 + (step * 11) % 44)
        }
        let seconds = Date().timeIntervalSince(started)
        try session.resize(width: 100, height: 30)
        _ = try session.waitFor("the desk at 100×30 again") { $0.contains("F1 Orders") && $0.contains("Order    Placed") }
        try session.colon("insight", showing: "Insight · last 30 days")
        try session.send("Escape")
        try session.send("q")
        #expect(session.exitStatus() == 0)
        print("resize storm: 100 resizes in \(String(format: "%.2f", seconds)) s")
    }

    @Test(arguments: [("dumb", "cannot move the cursor", "C.UTF-8"), ("no-such-terminal", "unknown to this system's terminfo", "C.UTF-8"),
                      ("dumb", "imleci taşıyamıyor", "tr_TR.UTF-8")])
    func aTerminalThatCannotDrawIsNamed(term: String, says: String, lang: String) throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let session = try TmuxSession(command: [TezgahBinary.path, "--db", shop], environment: ["TERM": term, "LANG": lang],
                                      width: 100, height: 30, scratch: scratch)
        let screen = try session.waitFor(text: says)
        #expect(screen.contains("TERM=\(term)"))
        #expect(session.exitStatus() == 2)
    }

    /// SIGTERM (a stop from the service manager or `kill`) and SIGHUP (the SSH link dropping, a real
    /// hangup of the terminal) while the owner is writing a reply in `$EDITOR`: nothing is sent, the
    /// draft keeps what was written, no editor is left running, the shop is whole, and after SIGTERM
    /// the terminal is the shell's again with one line saying where the draft is.
    @Test(arguments: ["TERM", "HUP"])
    func aSignalWhileAReplyIsOpenKeepsTheDraftAndSendsNothing(signal: String) throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        // The editor writes a line, says where the draft is, and stays open as a real one would.
        let editor = scratch.file("editor.sh")
        try """
            #!/bin/sh
            sed -i '3a Yarın kargoda, söz.' "$1"
            echo "$$ $1" > \(TmuxSession.quote(scratch.file("editor-open")))
            exec sleep 600
            """.write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let before = try Self.mailAndMessages(shop)
        let session = try TmuxSession(command: [TezgahBinary.path, "--db", shop],
                                      environment: ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("config"),
                                                    "EDITOR": editor, "VISUAL": ""],
                                      width: 100, height: 30, scratch: scratch)
        _ = try session.waitFor(text: "F1 Orders")
        let desk = try session.commandPID()
        try session.send("F4")
        _ = try session.waitFor(text: "is:needs-reply")
        try session.send("r")
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: scratch.file("editor-open")) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let opened = try String(contentsOfFile: scratch.file("editor-open"), encoding: .utf8).split(separator: " ", maxSplits: 1)
        let editorPID = try #require(pid_t(opened[0]))
        let draft = opened[1].trimmingCharacters(in: .newlines)

        if signal == "TERM" {
            kill(desk, SIGTERM)
            #expect(session.exitStatus() == 0)
            let screen = try session.screen()
            #expect(screen.contains("nothing was sent, and the draft"), "\(screen)")
            #expect(!screen.contains("F1 Orders"), "the desk's screen is gone")
            #expect(try session.tmux(["display-message", "-p", "-t", "e2e", "#{alternate_on}"]).hasPrefix("0"), "the terminal left the desk's alternate screen")
        } else {
            try session.tmux(["kill-server"])
        }
        for pid in [desk, editorPID] {
            let gone = Date().addingTimeInterval(10)
            while Self.isRunning(pid) && Date() < gone { Thread.sleep(forTimeInterval: 0.05) }
            #expect(!Self.isRunning(pid), "process \(pid) outlived the desk")
        }
        let kept = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(kept.contains("Yarın kargoda, söz."), "the draft keeps what was written")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: draft)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let after = try Self.mailAndMessages(shop)
        #expect(after == before && after.hasPrefix("ok ") && after.hasSuffix(" 0"), "no mail queued, no message kept: \(before) → \(after)")
    }

    /// The integrity check, the outbox's size and how many messages hold the editor's line.
    static func mailAndMessages(_ shop: String) throws -> String {
        let database = try AppDatabase(path: shop)
        defer { try? database.close() }
        return try database.pool.read { db in
            let integrity = try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? ""
            let mails = try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox") ?? -1
            let messages = try Int.fetchOne(db, sql: "SELECT count(*) FROM messages WHERE body LIKE '%kargoda, söz%'") ?? -1
            return "\(integrity) \(mails) \(messages)"
        }
    }

    /// Alive and not a zombie waiting to be reaped.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let state = stat.split(separator: ")").last?.split(separator: " ").first else { return false }
        return state != "Z" && state != "X"
    }
}
