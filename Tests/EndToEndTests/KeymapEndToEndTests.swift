import Foundation
import Testing

/// keys.toml with the real desk: the owner's keys work and `?` lists them; a mistake stops the
/// start with one sentence naming the file and line.
@Suite struct KeymapEndToEndTests {
    @Test func theOwnersKeysWorkAndAMistakeIsNamed() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let config = scratch.file("xdg-config")
        try FileManager.default.createDirectory(atPath: config + "/tezgah", withIntermediateDirectories: true)
        let keys = config + "/tezgah/keys.toml"
        try "[all]\ninsight = \"g i\"\n[orders]\nhelp = \"H\"\n".write(toFile: keys, atomically: true, encoding: .utf8)
        let environment = ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": config]
        let session = try TmuxSession(command: [TezgahBinary.path, "--db", shop], environment: environment,
                                      width: 120, height: 40, scratch: scratch)
        _ = try session.waitFor(text: "F1 Orders")
        try session.send("g")
        try session.send("i")
        _ = try session.waitFor(text: "Insight · last 30 days")
        try session.send("Escape")
        // H is now help here (release-from-hold stays on :release).
        try session.send("H")
        let help = try session.waitFor(text: "Keys · Orders")
        #expect(help.contains("g i") && help.contains("(yours)"))
        try session.send("Escape")
        try session.send("q")
        #expect(session.exitStatus() == 0)

        try "[orders]\npreparing = \"P\"\nship = \"P\"\n".write(toFile: keys, atomically: true, encoding: .utf8)
        let refused = try TezgahBinary.run(["--db", shop], environment: environment)
        #expect(refused.status == 2)
        #expect(refused.error.hasPrefix("\(keys):3:") && refused.error.contains("is already preparing"), "\(refused.error)")
    }
}
