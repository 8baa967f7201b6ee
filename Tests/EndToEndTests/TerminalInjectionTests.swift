import Foundation
import GRDB
import Testing
@testable import TezgahStore

/// Customer text with terminal control sequences in it (OSC 52 that would write the owner's
/// clipboard, OSC 8, DCS, CSI colour changes, C1 controls, BEL) never reaches the terminal: the
/// bytes the real binary writes to its pseudo-terminal, through every pane, each detail, the
/// customer view and Insight, hold none of them, and the text shows with visible stand-ins.
@Suite struct TerminalInjectionTests {
    static let payload = "Eve \u{1B}]52;c;aGVsbG8=\u{07} \u{1B}]8;;https://evil.example\u{1B}\\link \u{1B}[31;7mred \u{9B}2J \u{1B}P+q544e\u{1B}\\ \u{07}Mallory"

    @Test func hostileTextNeverReachesTheTerminal() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let database = try AppDatabase(path: shop)
        try database.pool.write { db in
            try db.execute(sql: "UPDATE customers SET name = ?", arguments: [Self.payload])
            try db.execute(sql: "UPDATE orders SET note = ?", arguments: [Self.payload])
            try db.execute(sql: "UPDATE conversations SET subject = ?", arguments: [Self.payload])
            try db.execute(sql: "UPDATE messages SET body = ?", arguments: [Self.payload])
            try db.execute(sql: "UPDATE outbox SET subject = ?, last_reply = ?", arguments: [Self.payload, Self.payload])
            try db.execute(sql: "UPDATE review_invites SET reason = ?", arguments: [Self.payload])
        }
        try database.close()

        let session = try PseudoTerminalSession(binary: TezgahBinary.path, arguments: ["--db", shop],
                                                environment: ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("config")],
                                                rows: 40, columns: 160)
        _ = try session.waitFor("F1 Orders")
        // Each pane, everything in it, its detail open; then the customer view and Insight.
        for _ in 0..<6 {
            session.send("\u{1B}")
            session.drain()
            session.send("\r")
            session.drain()
            session.send("\t")
            session.drain()
        }
        session.send("C")
        session.drain()
        session.send("\u{1B}")
        session.drain()
        session.send("I")
        session.drain()
        session.send("\u{1B}")
        session.drain()
        session.send("\u{03}") // Ctrl-C quits from anywhere (q would first close the open detail)
        #expect(session.waitForExit())

        let output = session.output
        func contains(_ bytes: [UInt8]) -> Bool {
            guard bytes.count <= output.count else { return false }
            return (0...(output.count - bytes.count)).contains { output[$0..<($0 + bytes.count)].elementsEqual(bytes) }
        }
        #expect(!contains([0x1B, 0x5D]), "no OSC (ESC ]) at all: 52 or 8")
        #expect(!contains([0x1B, 0x50]), "no DCS (ESC P)")
        #expect(!output.contains(0x07), "no BEL")
        // U+009B as UTF-8 (a raw 0x9B byte is also the last byte of ␛, U+241B, which is drawn).
        #expect(!contains([0xC2, 0x9B]), "no C1 CSI")
        #expect(!contains(Array("\u{1B}[31;7m".utf8)), "the customer's colour change is not the terminal's")
        // What was drawn instead: the text, its controls made visible.
        #expect(contains(Array("Mallory".utf8)))
        #expect(contains(Array("␛[31;7mred".utf8)))
    }

    /// The commands print what they read too: an import's error quotes the bad cell, `mail list`
    /// prints subjects and addresses. Neither stdout nor stderr carries a control sequence, and
    /// tab-separated output keeps its tabs between fields.
    @Test func commandsPrintHostileTextCleaned() throws {
        let scratch = Scratch()
        let csv = scratch.file("orders_export.csv")
        try """
            Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Name
            #1001,"bad\u{1B}]52;c;aGk=\u{07}x",paid,TRY,10,2026-01-01 10:00:00 +0300,1,Cup,10,Eve

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try TezgahBinary.run(["import", "--db", scratch.file("new.sqlite"), csv])
        #expect(imported.status == 1)
        #expect(imported.error.contains("orders_export.csv:2") && imported.error.contains("bad␛]52;c;aGk=␇x"), "\(imported.error)")
        #expect(!imported.error.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })

        let shop = TezgahBinary.demoShop(in: scratch)
        let database = try AppDatabase(path: shop)
        try database.pool.write { db in try db.execute(sql: "UPDATE outbox SET subject = ?", arguments: [Self.payload]) }
        try database.close()
        let listed = try TezgahBinary.run(["mail", "list", "--limit", "3", "--db", shop])
        #expect(listed.status == 0)
        let lines = listed.output.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 6, "six tab-separated fields: \(line)")
            #expect(line.contains("␛]52;c;aGVsbG8=␇"))
        }
        #expect(!listed.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" })
    }
}
