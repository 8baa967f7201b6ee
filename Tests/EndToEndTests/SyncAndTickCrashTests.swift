import Foundation
import GRDB
import Testing
@testable import TezgahStore

/// The inbox sync and the automation pass, killed with SIGKILL at seeded random moments and run
/// again until done: every message is imported once and every automation mail queued once, the
/// same as one run left alone.
@Suite(.serialized) struct SyncAndTickCrashTests {
    static let kills = 10

    /// Runs `arguments` and kills it after a random share of `duration`; true if it was killed.
    static func killed(_ arguments: [String], after duration: TimeInterval, _ random: inout SplitMix64) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TezgahBinary.path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(Double.random(in: 0...(duration * 1.1), using: &random) * 1_000_000))
        let wasRunning = process.isRunning
        if wasRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return wasRunning
    }

    static func rows(_ path: String, _ queries: [String]) throws -> String {
        let database = try AppDatabase(path: path)
        defer { try? database.close() }
        return try database.pool.read { db in
            guard try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok" else { return "integrity_check failed" }
            return try queries.map { sql in
                try Row.fetchAll(db, sql: sql).map { $0.databaseValues.map(\.description).joined(separator: "|") }.joined(separator: "\n")
            }.joined(separator: "\n--\n")
        }
    }

    @Test func aKilledInboxSyncImportsEveryMessageOnce() throws {
        let scratch = Scratch()
        let maildir = try scratch.maildir()
        // 1,500 mails from 300 customers, every other one a reply in its sender's thread.
        for index in 0..<1_500 {
            let sender = index % 300
            let reply = index >= 300 ? "In-Reply-To: <m\(index - 300)@example.net>\r\nReferences: <m\(index - 300)@example.net>\r\n" : ""
            let mail = "From: Müşteri \(sender) <c\(sender)@example.net>\r\nTo: destek@shop.example\r\nSubject: Sipariş \(sender)\r\n"
                + "Message-ID: <m\(index)@example.net>\r\n\(reply)Date: Sun, 6 Dec 2026 09:\(String(format: "%02d", index % 60)):00 +0300\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nMerhaba, \(index) numaralı mesaj.\r\n"
            try Data(mail.utf8).write(to: URL(fileURLWithPath: "\(maildir)/new/\(1_796_536_800 + index).M\(index)P1.mx"))
        }
        let queries = ["SELECT message_id, direction, body FROM messages ORDER BY message_id",
                       "SELECT c.subject, c.message_count, u.email FROM conversations c JOIN customers u ON u.id = c.customer_id ORDER BY u.email, c.id",
                       "SELECT count(*), count(DISTINCT message_id) FROM messages"]
        let clean = scratch.file("clean.sqlite")
        let started = Date()
        let cleanRun = try TezgahBinary.run(["inbox", "sync", "--maildir", maildir, "--db", clean])
        let duration = Date().timeIntervalSince(started)
        #expect(cleanRun.status == 0, "\(cleanRun.error)")
        let expected = try Self.rows(clean, queries)
        #expect(expected.contains("1500|1500"))

        var random = SplitMix64(seed: 6)
        var inside = 0
        for run in 0..<Self.kills {
            let shop = scratch.file("sync\(run).sqlite")
            // Killed once, maybe twice in a row, then left to finish.
            for _ in 0..<2 where try Self.killed(["inbox", "sync", "--maildir", maildir, "--db", shop], after: duration, &random) { inside += 1 }
            let finish = try TezgahBinary.run(["inbox", "sync", "--maildir", maildir, "--db", shop])
            #expect(finish.status == 0, "run \(run): \(finish.error)")
            #expect(try Self.rows(shop, queries) == expected, "run \(run): every message once, threaded as one run would")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: shop + suffix) }
        }
        #expect(inside >= 3, "\(inside) kills landed inside a sync")
        print("inbox crash test: clean sync \(String(format: "%.2f", duration)) s, \(inside) kills inside")
    }

    @Test func aKilledAutomationPassQueuesEveryMailOnce() throws {
        let scratch = Scratch()
        // 1,500 orders placed within the hour: each is owed one thank-you mail.
        let export = scratch.file("recent.csv")
        let placed = ISO8601DateFormatter.string(from: Date().addingTimeInterval(-1_800), timeZone: TimeZone(identifier: "UTC")!,
                                                 formatOptions: [.withFullDate, .withSpaceBetweenDateAndTime, .withTime, .withColonSeparatorInTime])
        var text = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Id\r\n"
        for index in 0..<1_500 {
            text += "#\(50_000 + index),k\(index)@example.com,paid,,unfulfilled,,TRY,100.00,0,0,100.00,\(placed) +0000,1,Kupa,100.00,K-1,Alıcı \(index),\(800_000 + index)\r\n"
        }
        try text.write(toFile: export, atomically: true, encoding: .utf8)
        let config = scratch.file("config.toml")
        try "[mail]\nfrom = \"Ayşe'nin Dükkanı <destek@shop.example>\"\ntransport = \"sendmail\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let before = scratch.file("before.sqlite")
        let imported = try TezgahBinary.run(["import", "--db", before, "--config", config, export])
        #expect(imported.status == 0, "\(imported.error)")

        let queries = ["SELECT dedupe_key, kind, to_address FROM outbox ORDER BY dedupe_key", "SELECT count(*), count(DISTINCT order_id) FROM outbox"]
        let clean = scratch.file("clean.sqlite")
        try ImportCrashTests.copy(before, to: clean)
        let started = Date()
        let cleanRun = try TezgahBinary.run(["tick", "--db", clean, "--config", config])
        let duration = Date().timeIntervalSince(started)
        #expect(cleanRun.status == 0, "\(cleanRun.error)")
        let expected = try Self.rows(clean, queries)
        #expect(expected.hasSuffix("1500|1500"), "one thank-you per order: \(expected.suffix(20))")

        var random = SplitMix64(seed: 24)
        var inside = 0
        for run in 0..<Self.kills {
            let shop = scratch.file("tick\(run).sqlite")
            try ImportCrashTests.copy(before, to: shop)
            for _ in 0..<2 where try Self.killed(["tick", "--db", shop, "--config", config], after: duration, &random) { inside += 1 }
            let finish = try TezgahBinary.run(["tick", "--db", shop, "--config", config])
            #expect(finish.status == 0, "run \(run): \(finish.error)")
            #expect(try Self.rows(shop, queries) == expected, "run \(run): every mail queued once")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: shop + suffix) }
        }
        #expect(inside >= 3, "\(inside) kills landed inside a pass")
        print("automation crash test: clean pass \(String(format: "%.2f", duration)) s, \(inside) kills inside")
    }
}
