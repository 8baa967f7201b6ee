import Foundation

/// A real SMTP server (aiosmtpd: Debian's python3-aiosmtpd, or from pip) on a free loopback port, writing what it accepts to a
/// Maildir. The recipient's local part picks the server's behaviour; see smtp_test_server.py.
public final class SMTPTestServer: @unchecked Sendable {
    public enum Security: String { case none, starttls, tls }

    public let port: Int
    public let maildir: String
    /// The self-signed certificate (for `ca_file`) when the server speaks TLS.
    public let certificate: String?
    /// The server's standard error.
    public let log: String
    private let process: Process
    private let input: Pipe

    /// `maxSessions`: sessions beyond this many at once are greeted with 421 and closed.
    /// `smtputf8`: the server offers SMTPUTF8 and so takes international addresses.
    public init(folder: TemporaryFolder, security: Security = .none, auth: (user: String, password: String)? = nil,
                maxSessions: Int? = nil, smtputf8: Bool = false) throws {
        maildir = folder.file("maildir-\(UUID().uuidString.prefix(8))")
        var arguments = [Self.script, "--spool", maildir, "--security", security.rawValue]
        if security != .none {
            let cert = folder.file("cert.pem"), key = folder.file("key.pem")
            if !FileManager.default.fileExists(atPath: cert) {
                try Self.runQuietly("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                                                          "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"])
            }
            arguments += ["--cert", cert, "--key", key]
            certificate = cert
        } else {
            certificate = nil
        }
        if let auth { arguments += ["--auth", "\(auth.user):\(auth.password)"] }
        if let maxSessions { arguments += ["--max-sessions", String(maxSessions)] }
        if smtputf8 { arguments.append("--smtputf8") }
        guard let python = PythonInterpreter.path(importing: ["aiosmtpd"]) else {
            throw SMTPTestServerError(description: "no python3 here can import aiosmtpd, the test SMTP server: apt-get install python3-aiosmtpd (Debian, Ubuntu), or pip install aiosmtpd into the python3 on PATH")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        // The server's own log (tracebacks from handshakes the tests make fail on purpose) goes
        // to a file beside the maildir instead of the test output.
        log = maildir + ".log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        let line = String(decoding: seen, as: UTF8.self)
        guard line.hasPrefix("READY "), let port = Int(line.dropFirst(6).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw SMTPTestServerError(description: "the test SMTP server did not start: \(line) \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        }
        self.port = port
    }

    deinit { stop() }

    /// Writes a tezgah config.toml that sends mail here in the clear (the server is on loopback),
    /// with `extra` TOML lines appended (e.g. a `[mail.queue]` table).
    public func writeConfig(to path: String, extra: String = "") throws {
        try """
            [mail]
            from = "Ayşe'nin Dükkanı <destek@aysenin-dukkani.example>"
            transport = "smtp"
            [mail.smtp]
            host = "127.0.0.1"
            port = \(port)
            security = "none"
            \(extra)
            """.write(toFile: path, atomically: true, encoding: .utf8)
    }

    public func stop() {
        if process.isRunning {
            try? input.fileHandleForWriting.close()
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The messages accepted so far, oldest first, as raw bytes.
    public func received() -> [Data] {
        let folder = maildir + "/new"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { FileManager.default.contents(atPath: folder + "/" + $0) }
    }

    /// The envelope of each message accepted so far, oldest first, as the server read it.
    public struct Envelope: Decodable, Equatable, Sendable {
        public var mailFrom: String
        public var mailOptions: [String]
        public var rcptTos: [String]

        enum CodingKeys: String, CodingKey {
            case mailFrom = "mail_from", mailOptions = "mail_options", rcptTos = "rcpt_tos"
        }
    }

    public func envelopes() throws -> [Envelope] {
        guard let text = try? String(contentsOfFile: maildir + ".envelopes", encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Envelope.self, from: Data($0.utf8)) }
    }

    /// How many sessions (client connections) delivered the messages accepted so far.
    public func sessionsThatDelivered() -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: maildir + "/new")) ?? []
        return Set(names.compactMap { $0.split(separator: ".").first { $0.hasPrefix("P") } }).count
    }

    private static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("smtp_test_server.py").path
    }

    static func runQuietly(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}

public struct SMTPTestServerError: Error, CustomStringConvertible {
    public var description: String
}
