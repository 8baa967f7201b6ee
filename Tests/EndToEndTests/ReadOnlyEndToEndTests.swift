import Foundation
import GRDB
import Testing
@testable import TezgahStore

/// Staff who may only look: `--readonly`, or a Unix user named in `[access] readonly_users`. Every
/// change is refused with one sentence, by keys, `:` commands and the command line alike, and the
/// shop stays byte-for-byte what it was in every table that matters.
@Suite struct ReadOnlyEndToEndTests {
    /// Everything a refused change could have touched, as one comparable value.
    static func snapshot(_ path: String) throws -> [String] {
        let database = try AppDatabase(path: path, readOnly: true)
        defer { try? database.close() }
        return try database.pool.read { db in
            try ["orders", "activity_log", "outbox", "settings", "loyalty_accounts", "vouchers", "conversations"].map { table in
                "\(table): " + (try String.fetchOne(db, sql: "SELECT count(*) || ':' || total(length(quote(t.rowid))) FROM \(table) t") ?? "")
            } + [try String.fetchOne(db, sql: "SELECT group_concat(status || payment_status, ',') FROM orders") ?? ""]
        }
    }

    @Test func theDeskRefusesEveryChangeAndTheShopStaysAsItWas() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let before = try Self.snapshot(shop)
        let session = try TmuxSession(command: [TezgahBinary.path, "open", "--readonly", "--db", shop],
                                      environment: ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("xdg-config")],
                                      width: 120, height: 30, scratch: scratch)
        let opened = try session.waitFor(text: "F1 Orders")
        #expect(opened.contains("read-only"), "the tab bar says so")
        try session.send("j")   // a received order, which p would move to preparing
        try session.send("p")
        _ = try session.waitFor(text: "You may look but not change")
        try session.send(":")
        try session.send("hold waiting for stock", literal: true)
        try session.send("Enter")
        _ = try session.waitFor("the :hold refusal") { $0.contains("You may look but not change") && !$0.contains("hold waiting") }
        // Looking still works: the customer view and the figures.
        try session.send("C")
        _ = try session.waitFor(text: "Timeline ·")
        try session.send("Escape")
        try session.send("q")
        #expect(session.exitStatus() == 0)
        #expect(try Self.snapshot(shop) == before)
    }

    @Test func theCommandLineRefusesForAUserTheConfigLetsOnlyLook() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let before = try Self.snapshot(shop)
        let config = scratch.file("config.toml")
        try "[access]\nreadonly_users = [\"\(ProcessInfo.processInfo.userName)\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let changes: [[String]] = [
            ["config", "set", "name", "Başka Dükkan", "--db", shop, "--config", config],
            ["voucher", "issue", "500", "TRY", "--db", shop, "--config", config],
            ["tick", "--db", shop, "--config", config],
        ]
        for arguments in changes {
            let result = try TezgahBinary.run(arguments)
            #expect(result.status != 0, "\(arguments[0]) is refused")
            #expect(result.error.contains("You may look but not change") || result.error.contains("[mail]"), "\(arguments): \(result.error)")
        }
        let explicit = try TezgahBinary.run(["config", "set", "name", "Başka Dükkan", "--readonly", "--db", shop])
        #expect(explicit.status == 1 && explicit.error.contains("You may look but not change"), "\(explicit.error)")
        // Reading is what they may do.
        let report = try TezgahBinary.run(["report", "--db", shop, "--config", config])
        #expect(report.status == 0 && report.output.contains("Repeat"), "\(report.error)")
        let listed = try TezgahBinary.run(["mail", "list", "--limit", "3", "--db", shop, "--config", config])
        #expect(listed.status == 0, "\(listed.error)")
        #expect(try Self.snapshot(shop) == before)
    }

    @Test func aBadAccessSectionNamesFileLineAndKey() throws {
        let scratch = Scratch()
        let config = scratch.file("config.toml")
        try "[access]\nreadonly_users = [\"yar dimci\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try TezgahBinary.run(["report", "--db", scratch.file("x.sqlite"), "--config", config])
        #expect(result.status == 2 && result.error.contains("config.toml:2") && result.error.contains("readonly_users"), "\(result.error)")
    }
}
