import Foundation
import GRDB
import Testing
@testable import TezgahStore

/// One shop, four processes, a minute: the desk in tmux switching panes, the mail worker (which
/// also syncs the inbox and runs the automations), imports and inbox syncs from the command line.
/// No "database is locked" reaches anyone, nothing written is lost or doubled, and the desk keeps
/// answering keys and shows what the others commit. `TEZGAH_CONCURRENCY_SECONDS` shortens it.
@Suite(.serialized) struct ConcurrencyEndToEndTests {
    static let seconds = Double(ProcessInfo.processInfo.environment["TEZGAH_CONCURRENCY_SECONDS"] ?? "") ?? 60

    @Test func theDeskTheWorkerImportsAndSyncsShareTheShop() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let server = try SMTPTestServer(folder: scratch)
        defer { server.stop() }
        let maildir = try scratch.maildir()
        let config = scratch.file("config.toml")
        try server.writeConfig(to: config, extra: "timeout_seconds = 10\n[mail.queue]\npoll_seconds = 1\n[inbox]\nmaildir = \"\(maildir)\"")
        func counts() throws -> (orders: Int, messages: Int) {
            let database = try AppDatabase(path: shop)
            defer { try? database.close() }
            return try database.pool.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM orders")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM messages")!)
            }
        }
        let initial = try counts()
        let environment = ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("xdg-config")]
        let desk = try TmuxSession(command: [TezgahBinary.path, "--db", shop, "--config", config], environment: environment,
                                   width: 120, height: 40, scratch: scratch)
        _ = try desk.waitFor(text: "F1 Orders")
        let log = scratch.file("worker.log")
        #expect(FileManager.default.createFile(atPath: log, contents: nil))
        let worker = try MailCrashTests.start(["mail", "run", "--db", shop, "--config", config], log: log)
        defer { if worker.isRunning { kill(worker.processIdentifier, SIGKILL) } }

        var imports = 0, mails = 0, keys = 0
        var failures: [String] = []
        let end = Date().addingTimeInterval(Self.seconds)
        while Date() < end {
            let export = scratch.file("orders-\(imports).csv")
            try ImportCrashTests.export(export, count: 50, refunds: false, first: 100_000 + imports * 50)
            let imported = try TezgahBinary.run(["import", "--db", shop, "--config", config, export])
            if imported.status == 0 { imports += 1 } else { failures.append("import: \(imported.error)") }
            for index in mails..<(mails + 20) {
                try Data("From: Müşteri \(index % 40) <m\(index % 40)@example.net>\r\nSubject: Soru \(index)\r\nMessage-ID: <c\(index)@example.net>\r\n\r\nMerhaba \(index)\r\n".utf8)
                    .write(to: URL(fileURLWithPath: "\(maildir)/new/\(1_796_536_800 + index).M\(index)P1.mx"))
            }
            mails += 20
            let synced = try TezgahBinary.run(["inbox", "sync", "--db", shop, "--config", config])
            if synced.status != 0 { failures.append("sync: \(synced.error)") }
            // The desk answers a pane switch at once (a frame within a second, however busy).
            let (key, shows) = keys % 2 == 0 ? ("F6", "Subject") : ("F1", "Placed")
            try desk.send(key)
            _ = try desk.waitFor("the desk answering \(key)", timeout: 1) { $0.contains(shows) }
            keys += 1
        }
        // SIGTERM stops the worker after the mail in hand, as systemd stops it.
        kill(worker.processIdentifier, SIGTERM)
        let stopping = Date()
        while worker.isRunning && Date().timeIntervalSince(stopping) < 20 { usleep(50_000) }
        #expect(!worker.isRunning, "the worker stops on SIGTERM")

        #expect(failures.isEmpty, "\(failures.prefix(3))")
        let workerLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(!workerLog.lowercased().contains("locked"), "\(workerLog.suffix(500))")
        let final = try counts()
        #expect(final.orders == initial.orders + imports * 50, "every imported order once")
        #expect(final.messages == initial.messages + mails, "every mail once, though the worker synced too")
        // The open desk shows what the others committed.
        try desk.send("F1")
        try desk.send("Escape")
        _ = try desk.waitFor("the desk counting every order") { $0.contains("\(final.orders.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) orders") }
        try desk.send("q")
        #expect(desk.exitStatus() == 0)
        print("concurrency: \(Int(Self.seconds)) s, \(imports) imports, \(mails) mails synced, \(keys) pane switches answered")
    }
}
