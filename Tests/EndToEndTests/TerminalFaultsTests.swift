import Foundation
import Testing

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
        try session.send(":")
        try session.send("insight", literal: true)
        try session.send("Enter")
        _ = try session.waitFor(text: "Insight · last 30 days")
        try session.send("Escape")
        try session.send("q")
        #expect(session.exitStatus() == 0)
        print("resize storm: 100 resizes in \(String(format: "%.2f", seconds)) s")
    }

    @Test(arguments: [("dumb", "cannot move the cursor"), ("no-such-terminal", "unknown to this system's terminfo")])
    func aTerminalThatCannotDrawIsNamed(term: String, says: String) throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let session = try TmuxSession(command: [TezgahBinary.path, "--db", shop], environment: ["TERM": term],
                                      width: 100, height: 30, scratch: scratch)
        let screen = try session.waitFor(text: says)
        #expect(screen.contains("TERM=\(term)"))
        #expect(session.exitStatus() == 2)
    }
}
