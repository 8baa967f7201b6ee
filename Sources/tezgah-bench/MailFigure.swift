import Foundation
import Tezgah
import TezgahMail
import TezgahDelivery
import TezgahStore
import TezgahTestSupport

/// The mail figure: the real `tezgah mail run --once` delivering queued mail to a local aiosmtpd,
/// against a Python `smtplib` loop sending the same messages over one connection to the same kind
/// of server. Both are timed start to exit from the same queue: each reads it from SQLite and sends
/// it (tezgah also records every outcome, which Python does not). tezgah is measured as shipped
/// (`connections` at its default) and, for the record, held to one connection like smtplib.
enum MailFigure {
    static let smtplibLoop = """
        import sqlite3, smtplib, sys
        db, port = sys.argv[1], int(sys.argv[2])
        rows = sqlite3.connect(db).execute("SELECT to_address, message FROM outbox WHERE state = 'queued' ORDER BY id").fetchall()
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            smtp.ehlo("bench.local")
            for address, message in rows:
                smtp.sendmail("destek@aysenin-dukkani.example", [address], message)
        print(len(rows))
        """

    /// Writes (once) a shop database with `mails` queued, rendered order mails to distinct addresses.
    static func queue(mails: Int, folder: String) throws -> String {
        let path = "\(folder)/outbox-\(mails).sqlite"
        if FileManager.default.fileExists(atPath: path) { return path }
        print("queueing \(mails) mails in \(path)…")
        let database = try AppDatabase(path: path + ".partial")
        let composer = MailComposer(templates: try MailTemplateLibrary.load(overrides: nil),
                                    sender: try MailAddress("destek@aysenin-dukkani.example", displayName: "Ayşe'nin Dükkanı"))
        let now = Date()
        try database.write { writer in
            for n in 0..<mails {
                let address = "musteri\(n)@example.com.tr", name = n % 2 == 0 ? "Işık Öztürk" : "Oliver Smith"
                let customer = try writer.findOrCreateCustomer(email: address, name: name, city: "İstanbul", country: "TR", createdAt: now).id
                let values = ["shop_name": "Ayşe'nin Dükkanı", "customer_name": name, "order_number": "#\(100_000 + n)",
                              "order_total": "₺1.250,00", "support_email": "destek@aysenin-dukkani.example"]
                let mail = try composer.compose(.thankYou, to: .init(customerID: customer, name: name, address: address,
                                                                     language: n % 2 == 0 ? "tr" : "en"),
                                                values: values, dedupeKey: "bench:\(n)", now: now)
                _ = try writer.enqueueMail(mail)
            }
        }
        try database.close()
        try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
        return path
    }

    /// Mails per second, medians of `runs`: tezgah as configured by default (several sessions side
    /// by side), tezgah held to one connection, and smtplib over one connection. The three take
    /// turns within each round, so a slow spell of the machine (the server fsyncs every mail) falls
    /// on all of them alike.
    static func measure(binary: String, queue: String, folder: String, runs: Int)
        throws -> (tezgah: Double, tezgahOneConnection: Double, smtplib: Double) {
        var tezgahRates: [Double] = [], oneConnectionRates: [Double] = [], pythonRates: [Double] = []
        let loop = "\(folder)/smtplib_loop.py"
        try smtplibLoop.write(toFile: loop, atomically: true, encoding: .utf8)
        let copy = "\(folder)/outbox-run.sqlite"
        func freshCopy() throws -> Int {
            removeDatabaseFiles(copy)
            try FileManager.default.copyItem(atPath: queue, toPath: copy)
            return try AppDatabase(path: copy).outboxCountsByState()[.queued] ?? 0
        }
        defer { removeDatabaseFiles(copy) }
        let scratch = TemporaryFolder("tezgah-bench-mail")

        // tezgah: the real worker, start to exit, against the test suite's aiosmtpd server accepting
        // into a Maildir in a scratch folder.
        func tezgah(connections: Int?) throws -> Double {
            let mails = try freshCopy()
            let server = try SMTPTestServer(folder: scratch)
            defer { server.stop() }
            let config = "\(folder)/mail-bench.toml"
            try server.writeConfig(to: config, extra: connections.map { "connections = \($0)" } ?? "")
            let start = ContinuousClock.now
            try run(binary, ["mail", "run", "--once", "--db", copy, "--config", config])
            let seconds = (ContinuousClock.now - start).milliseconds / 1_000
            let sent = try AppDatabase(path: copy).outboxCountsByState()[.sent] ?? 0
            guard sent == mails else { throw BenchError("tezgah sent \(sent) of \(mails) mails; see the worker's output") }
            return Double(mails) / seconds
        }

        // smtplib: the same messages, read from a fresh copy of the same queue, timed like tezgah.
        func smtplib() throws -> Double {
            let mails = try freshCopy()
            let server = try SMTPTestServer(folder: scratch)
            defer { server.stop() }
            let start = ContinuousClock.now
            let output = try run(PythonInterpreter.path() ?? "/usr/bin/python3", [loop, copy, String(server.port)])
            let seconds = (ContinuousClock.now - start).milliseconds / 1_000
            guard Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) == mails else {
                throw BenchError("the smtplib loop said: \(output)")
            }
            return Double(mails) / seconds
        }

        for _ in 0..<runs {
            tezgahRates.append(try tezgah(connections: nil))
            pythonRates.append(try smtplib())
            oneConnectionRates.append(try tezgah(connections: 1))
        }
        return (median(tezgahRates), median(oneConnectionRates), median(pythonRates))
    }

    @discardableResult
    static func run(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(path) \(arguments.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
        }
        return String(decoding: text, as: UTF8.self)
    }
}
