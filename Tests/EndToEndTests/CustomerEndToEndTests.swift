import Foundation
import GRDB
import Testing
import Tezgah
@testable import TezgahStore

/// The customer view and the shop's figures through the real binary: from a parcel to its
/// customer, down the timeline to a conversation and back; `tezgah report --json` read by a script.
@Suite struct CustomerEndToEndTests {
    @Test func fromAParcelToItsCustomersConversationAndBack() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        // A parcel whose customer has written to the shop, and where their conversation sits in
        // their timeline.
        let database = try AppDatabase(path: shop)
        let (tracking, customerID, name, subject) = try database.pool.read { db in
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT s.tracking_number, c.id, c.name, v.subject FROM shipments s JOIN orders o ON o.id = s.order_id
                JOIN customers c ON c.id = o.customer_id JOIN conversations v ON v.customer_id = c.id
                WHERE c.name NOT LIKE '%' || char(27) || '%' ORDER BY s.id LIMIT 1
                """))
            return (row[0] as String, row[1] as Int64, row[2] as String, row[3] as String)
        }
        let profile = try database.customerProfile(id: customerID)
        try database.close()
        let steps = try #require(profile.timeline.firstIndex { $0.kind == CustomerEvent.Kind.conversation })
        let conversation = profile.timeline[steps]

        let session = try TmuxSession(command: [TezgahBinary.path, "--db", shop],
                                      environment: ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("xdg-config")],
                                      width: 120, height: 40, scratch: scratch)
        _ = try session.waitFor(text: "F1 Orders")
        try session.send("F2")
        _ = try session.waitFor(text: "is:attention")
        try session.send("Escape")
        try session.send("/")
        try session.send(tracking, literal: true)
        try session.send("Enter")
        _ = try session.waitFor("the parcel") { $0.contains(tracking) && $0.contains("1 of") }
        try session.send("C")
        _ = try session.waitFor("the customer view") { $0.contains("Timeline ·") && $0.contains(name) }
        for _ in 0..<steps { try session.send("j") }
        let onTheRow = try session.waitFor("the conversation's row selected") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("▸") && $0.contains("support") }
        }
        #expect(onTheRow.contains(String(subject.prefix(20))) as Bool)
        try session.send("Enter")
        let opened = try session.waitFor("the conversation in Support") { $0.contains("Esc goes back") && $0.contains("Status ") }
        #expect(opened.contains(String(subject.prefix(20))), "Support shows the conversation: \(conversation.text)")
        try session.send("Escape")
        let back = try session.waitFor("the customer view again") { $0.contains("Timeline ·") }
        #expect(back.split(separator: "\n").contains { $0.hasPrefix("▸") && $0.contains("support") }, "the cursor stayed on its row")
        try session.send("Escape")
        _ = try session.waitFor("the Shipments pane") { $0.contains(tracking) && $0.contains("1 of") }
        try session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func theReportAsJSONMatchesTheStore() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let at = "2026-12-06T12:00:00Z"
        let result = try TezgahBinary.run(["report", "--db", shop, "--days", "90", "--json", "--at", at],
                                          environment: ["XDG_CONFIG_HOME": scratch.file("xdg-config")])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1, "one JSON object on one line")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let database = try AppDatabase(path: shop)
        defer { try? database.close() }
        // The shop's own zone, as the command reads it: with the machine's, days are cut elsewhere and
        // an order near midnight counts on the other side of the window.
        let report = try database.insightReport(days: 90, now: ISO8601DateFormatter().date(from: at)!,
                                                timeZone: TimeZone(identifier: "Europe/Istanbul")!)
        #expect(object["days"] as? Int == 90)
        #expect(object["buyers"] as? Int == report.buyers && report.buyers > 0)
        #expect(object["lapsing_count"] as? Int == report.lapsingCount)
        let sales = try #require(object["sales"] as? [[String: Any]])
        #expect(sales.compactMap { $0["orders"] as? Int }.reduce(0, +) == report.sales.map(\.totalOrders).reduce(0, +))
        let nps = try #require(object["nps"] as? [String: Any])
        #expect(nps["counts"] as? [Int] == report.nps)
        let text = try TezgahBinary.run(["report", "--db", shop, "--days", "30"])
        #expect(text.status == 0 && text.output.contains("Repeat") && text.output.contains("Lapsing"), "\(text.output)\(text.error)")
        let bad = try TezgahBinary.run(["report", "--db", shop, "--days", "0"])
        #expect(bad.status != 0 && bad.error.contains("--days must be between 1 and 3660"))
    }
}
