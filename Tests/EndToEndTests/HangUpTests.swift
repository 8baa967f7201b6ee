import Foundation
import Testing

/// A dropped link ends the desk whether or not a SIGHUP comes with it.
@Suite struct HangUpTests {
    /// Some launchers put the desk on a terminal that is not its controlling one; when the other
    /// side closes, no SIGHUP arrives and every read ends at once. The desk used to wake without
    /// waiting, for ever, at full CPU; it now ends as it does on SIGHUP.
    @Test func theDeskEndsWhenItsTerminalClosesWithoutASignal() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        for controlling in [true, false] {
            let session = try PseudoTerminalSession(binary: TezgahBinary.path, arguments: ["--db", shop],
                                                    environment: ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("config")],
                                                    rows: 24, columns: 80, controllingTerminal: controlling)
            _ = try session.waitFor("F1 Orders")
            session.hangUp()
            #expect(session.waitForExit(timeout: .seconds(10)), "still running after its terminal closed (controlling: \(controlling))")
        }
    }
}
