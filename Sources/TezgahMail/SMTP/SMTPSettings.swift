import Foundation

/// How to reach the shop's SMTP relay (`[mail.smtp]` in config.toml).
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable, CaseIterable {
        /// Plain connection upgraded with STARTTLS before anything else is said; refused if the
        /// server does not offer it.
        case starttls
        /// TLS from the first byte (port 465).
        case tls
        /// No encryption: loopback relays only.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    /// Resolved at load from `password_env` or `password_file`; never written anywhere.
    public var password: String?
    /// Every connect, read and write waits at most this long.
    public var timeout: TimeInterval
    /// Extra trust root (a PEM file) for a relay with a private certificate authority.
    public var caFile: String?
    /// The name given in EHLO.
    public var heloName: String
    /// How many sessions the worker keeps open to the relay at once, each carrying mail one after
    /// another. Without PIPELINING every command waits a round trip, so one session is bound by the
    /// relay's latency; several run side by side, as Postfix's do. Three by default: Microsoft
    /// 365's SMTP AUTH allows three concurrent connections per mailbox, and most relays more.
    public var connections: Int

    public static let defaultConnections = 3

    public init(host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
                timeout: TimeInterval = 60, caFile: String? = nil, heloName: String? = nil,
                connections: Int = SMTPSettings.defaultConnections) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.timeout = timeout
        self.caFile = caFile
        self.heloName = heloName ?? (ProcessInfo.processInfo.hostName.isEmpty ? "localhost" : ProcessInfo.processInfo.hostName)
        self.connections = max(1, connections)
    }

    /// Whether `host` is this machine, the only place an unencrypted relay is acceptable.
    public static func isLoopback(_ host: String) -> Bool {
        let lower = host.lowercased()
        return lower == "localhost" || lower == "::1" || lower == "[::1]" || lower.hasPrefix("127.")
    }
}
