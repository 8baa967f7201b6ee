import Foundation
import GRDB
import Testing
import Tezgah
@testable import TezgahStore

/// Loyalty from the desk: a member's points adjusted with a reason (the entry names the Unix user),
/// then spent on a reward coupon that `tezgah export coupons` writes for the shop platform.
@Suite struct LoyaltyEndToEndTests {
    @Test func adjustRedeemAndExportACoupon() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let config = scratch.file("config.toml")
        try "[loyalty]\nreward_points = 500\nreward_value = \"50 TRY\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        // The newest member, with their points taken to a known 100 available.
        let (member, name): (Int64, String) = try AppDatabase(path: shop).write { writer in
            let row = try Row.fetchOne(writer.db, sql: """
                SELECT a.id, c.name FROM loyalty_accounts a JOIN customers c ON c.id = a.customer_id ORDER BY a.joined_at DESC, a.id DESC LIMIT 1
                """)!
            try writer.db.execute(sql: "DELETE FROM points_ledger WHERE account_id = ?", arguments: [row[0] as Int64])
            try writer.db.execute(sql: "INSERT INTO points_ledger(account_id, at, points, reason, kind) VALUES (?, 0, 100, 'welcome', 'welcome')",
                                  arguments: [row[0] as Int64])
            return (row[0], row[1])
        }
        let session = try TmuxSession(command: [TezgahBinary.path, "--db", shop, "--config", config],
                                      environment: ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("xdg-config")],
                                      width: 120, height: 30, scratch: scratch)
        _ = try session.waitFor(text: "F1 Orders")
        try session.send("F5")
        _ = try session.waitFor("the members") { $0.contains("▸\(name)") }
        try session.send("a")
        try session.send("+450 kargo gecikmesi için", literal: true)
        try session.send("Enter")
        _ = try session.waitFor(text: "+450 points for 1 member: kargo gecikmesi için.")
        try session.send("Enter")
        let detail = try session.waitFor("the ledger entry") { $0.contains("+450") && $0.contains("kargo gecikmesi için") }
        #expect(detail.contains("by \(ProcessInfo.processInfo.userName)"), "the entry names the Unix user")
        try session.send("r")
        _ = try session.waitFor(text: "on a reward coupon? y/n")
        try session.send("y")
        let issued = try session.waitFor("the coupon") { $0.contains("Coupon ") && $0.contains(" issued for 500 points.") }
        try session.send("q")  // closes the detail
        try session.send("q")
        #expect(session.exitStatus() == 0)
        let code = try #require(issued.range(of: #"Coupon ([2-9A-Z]{5}-[2-9A-Z]{5})"#, options: .regularExpression)
            .map { String(issued[$0].dropFirst("Coupon ".count)) })
        let export = try TezgahBinary.run(["export", "coupons", "--db", shop])
        #expect(export.status == 0, "\(export.error)")
        #expect(export.output.hasPrefix("Code\r\n") && export.output.contains("\(code)\r\n"))
        let plain = try TezgahBinary.run(["export", "coupons", "--format", "plain", "--db", shop])
        #expect(plain.output.contains("\(code),reward,\"₺50,00 off\",,50.00,TRY,"), "\(plain.output)")
        let balance = try AppDatabase(path: shop).pointsBalance(account: member, now: Date())
        #expect(balance.available == 50)
    }

    @Test func aReturnRecordedInOrdersQueuesItsMail() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let config = scratch.file("config.toml")
        try "[mail]\nfrom = \"Ayşe'nin Dükkanı <destek@aysenin-dukkani.example>\"\ntransport = \"sendmail\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let (orderID, number): (Int64, String) = try AppDatabase(path: shop).pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT o.id, o.number FROM orders o JOIN customers c ON c.id = o.customer_id
                WHERE o.status = 'delivered' AND c.email LIKE '%@%' ORDER BY o.id DESC LIMIT 1
                """)!
            return (row[0], row[1])
        }
        let session = try TmuxSession(command: [TezgahBinary.path, "--db", shop, "--config", config],
                                      environment: ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("xdg-config")],
                                      width: 120, height: 30, scratch: scratch)
        _ = try session.waitFor(text: "F1 Orders")
        try session.send("Escape")
        try session.send("/")
        try session.send(String(number.dropFirst()), literal: true)
        try session.send("Enter")
        _ = try session.waitFor("the order") { $0.contains("▸\(number)") }
        try session.send("e")
        _ = try session.waitFor(text: "Return from \(number)")
        try session.send("kırık geldi | müşteri eski müşterimiz", literal: true)
        try session.send("Enter")
        _ = try session.waitFor(text: "requested; the customer is told by mail.")
        try session.send("q")
        #expect(session.exitStatus() == 0)
        let queued = try AppDatabase(path: shop).pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE kind = 'return_update' AND order_id = ? AND state = 'queued'", arguments: [orderID])
        }
        #expect(queued == 1)
    }
}
