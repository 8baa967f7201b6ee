import Foundation
import Testing

/// The `:` line in the real desk: Tab completes a command, Enter runs it, and the next session
/// finds it with ↑ in a history file only its user can read.
@Suite struct ColonLineEndToEndTests {
    @Test func aCompletedCommandRunsAndIsThereNextTime() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let environment = ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("xdg-config")]
        var session = try TmuxSession(command: [TezgahBinary.path, "--db", shop], environment: environment,
                                      width: 100, height: 30, scratch: scratch)
        _ = try session.waitFor(text: "F1 Orders")
        try session.send(":")
        try session.send("insi", literal: true)
        try session.send("Tab")
        _ = try session.waitFor(text: ":insight ▏")
        try session.send("Enter")
        _ = try session.waitFor(text: "Insight · last 30 days")
        try session.send("Escape")
        try session.send("q")
        #expect(session.exitStatus() == 0)

        let history = scratch.file("data") + "/tezgah/command-history"
        #expect(try String(contentsOfFile: history, encoding: .utf8) == "insight\n")
        let mode = try FileManager.default.attributesOfItem(atPath: history)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        session = try TmuxSession(command: [TezgahBinary.path, "--db", shop], environment: environment,
                                  width: 100, height: 30, scratch: scratch)
        _ = try session.waitFor(text: "F1 Orders")
        try session.send(":")
        try session.send("Up")
        _ = try session.waitFor(text: ":insight▏")
        try session.send("Escape")
        try session.send("q")
        #expect(session.exitStatus() == 0)
    }
}
