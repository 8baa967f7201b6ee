import Foundation

/// A real IMAP server (Dovecot, from Debian's dovecot-imapd) holding one mailbox in a scratch folder,
/// on a free loopback port, for as long as the value lives; and the mbsync (isync) setup that syncs
/// it into a Maildir, as a shop with a hosted mailbox has it.
public final class DovecotTestServer: @unchecked Sendable {
    public let port: Int
    public let folder: String
    public let user = "shop"
    public let password = "secret"
    private let process: Process

    /// Why the server cannot run here, or nil when it can: Dovecot and mbsync must be installed,
    /// and Dovecot runs its mailbox processes as another user, which takes root.
    public static var unavailable: String? {
        if !FileManager.default.isExecutableFile(atPath: "/usr/sbin/dovecot") {
            return "Dovecot is not installed (apt-get install dovecot-imapd)"
        }
        if !["/usr/bin/mbsync", "/usr/local/bin/mbsync"].contains(where: FileManager.default.isExecutableFile) {
            return "mbsync is not installed (apt-get install isync)"
        }
        if getuid() != 0 { return "Dovecot switches to its mail user, which needs root (the CI machine runs tests as root)" }
        return nil
    }

    public init(folder: TemporaryFolder) throws {
        self.folder = folder.file("dovecot-\(UUID().uuidString.prefix(8))")
        port = try Self.freePort()
        let fm = FileManager.default
        for sub in ["run", "mail"] { try fm.createDirectory(atPath: "\(self.folder)/\(sub)", withIntermediateDirectories: true) }
        // The mailbox belongs to nobody, whom Dovecot becomes to read and write it.
        chmod(self.folder, 0o755)
        chown("\(self.folder)/mail", 65_534, 65_534)
        let config = """
            protocols = imap
            listen = 127.0.0.1
            base_dir = \(self.folder)/run
            log_path = \(self.folder)/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            passdb {
              driver = static
              args = password=\(password)
            }
            userdb {
              driver = static
              args = uid=65534 gid=65534 home=\(self.folder)/mail
            }
            mail_location = maildir:\(self.folder)/mail
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = \(port)
              }
              inet_listener imaps {
                port = 0
              }
            }
            service pop3-login {
              inet_listener pop3 {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            """
        let configPath = "\(self.folder)/dovecot.conf"
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/dovecot")
        process.arguments = ["-F", "-c", configPath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !Self.accepts(port: port) {
            guard Date() < deadline, process.isRunning else {
                process.terminate()
                let log = (try? String(contentsOfFile: "\(self.folder)/dovecot.log", encoding: .utf8)) ?? ""
                throw SMTPTestServerError(description: "Dovecot did not start on port \(port): \(log.suffix(500))")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    deinit { stop() }

    /// Asks Dovecot to stop, and stops it if it is still shutting down after three seconds (its
    /// auth process can wait for idle clients); its other processes end with it.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Appends a message to the mailbox's INBOX over IMAP, as a mail server delivering it would.
    public func append(_ message: String) throws {
        let file = "\(folder)/append-\(UUID().uuidString).eml"
        try Data(message.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
            .write(to: URL(fileURLWithPath: file))
        let script = """
            import imaplib, sys
            m = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))
            m.login(sys.argv[2], sys.argv[3])
            status, _ = m.append('INBOX', None, None, open(sys.argv[4], 'rb').read())
            m.logout()
            sys.exit(0 if status == 'OK' else 1)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PythonInterpreter.path() ?? "/usr/bin/python3")
        process.arguments = ["-c", script, String(port), user, password, file]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SMTPTestServerError(description: "IMAP APPEND to Dovecot failed") }
    }

    /// An mbsyncrc that pulls the mailbox's INBOX into `maildir` (its `new/` and `cur/`), and the
    /// command a config's `sync_command` runs with it.
    public func mbsyncCommand(into maildir: String) throws -> [String] {
        // mbsync fills a Maildir it is given but does not make the folder.
        try FileManager.default.createDirectory(atPath: maildir, withIntermediateDirectories: true)
        let rc = "\(folder)/mbsyncrc"
        try """
            IMAPAccount shop
            Host 127.0.0.1
            Port \(port)
            User \(user)
            Pass \(password)
            SSLType None
            AuthMechs LOGIN

            IMAPStore shop-remote
            Account shop

            MaildirStore shop-local
            Path \(maildir)/
            Inbox \(maildir)

            Channel shop
            Far :shop-remote:
            Near :shop-local:
            Patterns INBOX
            Create Near
            Sync Pull
            SyncState *
            """.write(toFile: rc, atomically: true, encoding: .utf8)
        return ["mbsync", "-q", "-c", rc, "shop"]
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw SMTPTestServerError(description: "no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
