import Foundation
import GRDB
import Testing
import Tezgah
@testable import TezgahStore

/// The automation engine as the owner runs it: `tezgah tick` from the shell (twice at once, too),
/// the Reviews pane showing why an invite waits, and `tezgah mail run --once` delivering it.
@Suite struct AutomationEndToEndTests {
    /// The test server's config with review invites on; surveys off, so the invite is the
    /// customer's only marketing mail of the day (the daily cap would hold a second one back).
    func config(_ scratch: Scratch, server: SMTPTestServer) throws -> String {
        let path = scratch.file("config.toml")
        try server.writeConfig(to: path, extra: """
            [automations.review_invite]
            url = "https://aysenin-dukkani.example/review/{order}"
            [automations.survey]
            enabled = false
            """)
        return path
    }

    @Test func twoTicksStartedTogetherQueueEachMailOnce() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let server = try SMTPTestServer(folder: scratch)
        defer { server.stop() }
        let config = try config(scratch, server: server)
        // Twenty orders placed a minute ago: each is owed one thank-you.
        let database = try AppDatabase(path: shop)
        let now = Date()
        let ids: [Int64] = try database.write { writer in
            try (1...20).map { n in
                let email = "tick\(n)@example.com"
                let customer = try writer.findOrCreateCustomer(email: email, name: "Tick \(n)", city: "İzmir", country: "TR", createdAt: now).id
                return try writer.insertOrder(.init(number: "#T\(n)", platform: "manual", platformRef: nil, customerID: customer,
                                                    customerName: "Tick \(n)", customerEmail: email, city: "İzmir", status: .received,
                                                    payment: .paid, fulfillment: .unfulfilled,
                                                    lines: [OrderLine(sku: "KUPA", name: "Kupa", quantity: 1, unitPrice: Money(minorUnits: 10_000, currency: .try_))],
                                                    currency: .try_, total: nil, shippingAddress: "İzmir", tags: [], note: "",
                                                    placedAt: now.addingTimeInterval(-60)))
            }
        }
        try database.close()
        let dry = try TezgahBinary.run(["tick", "--dry-run", "--db", shop, "--config", config])
        #expect(dry.status == 0, "\(dry.error)")
        #expect(dry.output.contains("would queue thank you for #T1 to tick1@example.com: placed 1 min ago"), "\(dry.output)")
        #expect(dry.output.contains("dry run, nothing written: "))
        // The same lines for an owner whose locale is Turkish; the reason read back from its English.
        let turkish = try TezgahBinary.run(["tick", "--dry-run", "--db", shop, "--config", config], environment: ["LANG": "tr_TR.UTF-8"])
        #expect(turkish.output.contains("teşekkür sıraya alınacaktı #T1 için tick1@example.com adresine: 1 dk önce verildi"), "\(turkish.output)")
        #expect(turkish.output.contains("deneme, hiçbir şey yazılmadı: "))

        let processes = try (0..<2).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TezgahBinary.path)
            process.arguments = ["tick", "--db", shop, "--config", config]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        let counts = try AppDatabase(path: shop).pool.read { db in
            try Int.fetchAll(db, sql: """
                SELECT count(m.id) FROM orders o LEFT JOIN outbox m ON m.order_id = o.id AND m.kind = 'thank_you'
                WHERE o.id IN (\(ids.map(String.init).joined(separator: ","))) GROUP BY o.id
                """)
        }
        #expect(counts == Array(repeating: 1, count: 20))
    }

    @Test func aDeferredInviteShowsWhyAndGoesOnceTheConversationCloses() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let server = try SMTPTestServer(folder: scratch)
        defer { server.stop() }
        let config = try config(scratch, server: server)
        // A parcel delivered eight days ago to a new customer, who has just written to the shop.
        let database = try AppDatabase(path: shop)
        let now = Date()
        let (email, number) = ("elif.e2e@example.com", "#E2E1")
        let (orderID, conversation): (Int64, Int64) = try database.write { writer in
            let customer = try writer.findOrCreateCustomer(email: email, name: "Elif Deneme", city: "İzmir", country: "TR", createdAt: now).id
            let order = try writer.insertOrder(.init(number: number, platform: "manual", platformRef: nil, customerID: customer,
                                                     customerName: "Elif Deneme", customerEmail: email, city: "İzmir", status: .delivered,
                                                     payment: .paid, fulfillment: .fulfilled,
                                                     lines: [OrderLine(sku: "KUPA", name: "Kupa", quantity: 1, unitPrice: Money(minorUnits: 10_000, currency: .try_))],
                                                     currency: .try_, total: nil, shippingAddress: "İzmir", tags: [], note: "",
                                                     placedAt: now.addingTimeInterval(-12 * 86_400)))
            try writer.insertShipment(.init(orderID: order, orderNumber: number, customerName: "Elif Deneme", carrier: .yurtici,
                                            trackingNumber: "987654321098", shippedAt: now.addingTimeInterval(-10 * 86_400), firstEta: nil, eta: nil,
                                            events: [TrackingEvent(at: now.addingTimeInterval(-8 * 86_400), status: .delivered, location: "İzmir",
                                                                   description: "Teslim edildi")]))
            let conversation = try writer.insertConversation(
                customerID: customer, customerName: "Elif Deneme", customerEmail: email, orderID: order, orderNumber: number,
                subject: "Kupa kırık geldi", status: .open,
                messages: [SupportMessage(at: now.addingTimeInterval(-3_600), direction: .inbound, from: email, body: "Kupa kırık geldi.")])
            return (order, conversation)
        }
        try database.close()
        let first = try TezgahBinary.run(["tick", "--db", shop, "--config", config])
        #expect(first.output.contains("deferred review invite for \(number) to \(email): open conversation #\(conversation)"), "\(first.output)\(first.error)")

        let session = try TmuxSession(command: [TezgahBinary.path, "--db", shop, "--config", config],
                                      environment: ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("xdg-config")],
                                      width: 120, height: 30, scratch: scratch)
        _ = try session.waitFor(text: "F1 Orders")
        try session.send("F3")
        try session.send("/")
        try session.send("is:deferred \(number.dropFirst())", literal: true)
        try session.send("Enter")
        let screen = try session.waitFor("the deferred invite") { $0.contains(number) && $0.contains("open conversation #\(conversation)") }
        #expect(screen.contains("deferred"))
        try session.send("q")
        #expect(session.exitStatus() == 0)

        try AppDatabase(path: shop).apply(.close, toConversations: [conversation], actor: "ayse", now: Date())
        let second = try TezgahBinary.run(["tick", "--db", shop, "--config", config])
        #expect(second.output.contains("queued review invite for \(number) to \(email): delivered 8 days ago"), "\(second.output)\(second.error)")
        let sent = try TezgahBinary.run(["mail", "run", "--once", "--db", shop, "--config", config])
        #expect(sent.status == 0, "\(sent.error)")
        let invite = try #require(server.received().first { PythonEmail.header("To", in: $0)?.contains(email) == true })
        #expect(try PythonEmail.parse(invite).description.contains("https://aysenin-dukkani.example/review/\(number.dropFirst())"))
        let state = try AppDatabase(path: shop).pool.read { try String.fetchOne($0, sql: "SELECT state FROM review_invites WHERE order_id = ?", arguments: [orderID]) }
        #expect(state == "sent")
    }
}
