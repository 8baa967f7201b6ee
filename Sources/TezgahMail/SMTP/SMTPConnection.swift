import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One open, greeted, secured and authenticated SMTP session (RFC 5321, STARTTLS per RFC 3207, AUTH
/// per RFC 4954). `command` and `open` block the calling thread (never an event loop thread) until
/// the reply; `submit` returns the reply as a future, so a whole mail's transaction can run on the
/// event loop with one wait. Unchecked Sendable: `extensions` is written only while opening, before
/// the connection is shared with any future callback.
final class SMTPConnection: @unchecked Sendable {
    private let channel: Channel
    /// What broke the session, once something has (see `submit`).
    private let breakage: SMTPBreakage
    private let settings: SMTPSettings
    private(set) var extensions: [String: String] = [:]

    var isOpen: Bool { channel.isActive }

    private init(channel: Channel, settings: SMTPSettings, breakage: SMTPBreakage) {
        self.breakage = breakage
        self.channel = channel
        self.settings = settings
    }

    /// Connects and readies the session for mail: greeting, EHLO, STARTTLS and EHLO again when
    /// asked for, then AUTH when a username is configured.
    static func open(_ settings: SMTPSettings, group: EventLoopGroup) throws -> SMTPConnection {
        let tls = try makeTLSContext(settings)
        let greeting = group.next().makePromise(of: SMTPReply.self)
        let breakage = SMTPBreakage()
        let timeout = TimeAmount.milliseconds(Int64(settings.timeout * 1000))
        let implicitTLS = settings.security == .tls
        let host = settings.host
        let bootstrap = ClientBootstrap(group: greeting.futureResult.eventLoop)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if implicitTLS {
                        try pipeline.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName(host)))
                    }
                    try pipeline.addHandler(IdleStateHandler(readTimeout: timeout))
                    try pipeline.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try pipeline.addHandler(SMTPClientHandler(greeting: greeting, breakage: breakage))
                }
            }
        let channel: Channel
        do {
            channel = try bootstrap.connect(host: settings.host, port: settings.port).wait()
        } catch {
            greeting.fail(error)
            throw SMTPConnectionError.refused("cannot connect to \(settings.host):\(settings.port): \(describe(error))")
        }
        let connection = SMTPConnection(channel: channel, settings: settings, breakage: breakage)
        do {
            try connection.ready(greeting: greeting.futureResult, tls: tls)
        } catch {
            connection.close(politely: false)
            throw error
        }
        return connection
    }

    private func ready(greeting: EventLoopFuture<SMTPReply>, tls: NIOSSLContext) throws {
        let hello = try wait(greeting, step: "before its greeting")
        guard hello.code == 220 else { throw SMTPConnectionError.refused("the server refused the connection: \(hello.text)") }
        try ehlo()
        if settings.security == .starttls {
            guard extensions["STARTTLS"] != nil else {
                throw SMTPConnectionError.refused("\(settings.host) does not offer STARTTLS; set security = \"tls\" for port 465, or fix the relay")
            }
            let reply = try command("STARTTLS", step: "after STARTTLS")
            guard reply.code == 220 else { throw SMTPConnectionError.refused("STARTTLS was refused: \(reply.text)") }
            let host = settings.host
            // The server says nothing more until the TLS handshake, so no plain bytes can be in flight.
            try channel.eventLoop.submit { [channel] in
                try channel.pipeline.syncOperations.addHandler(
                    NIOSSLClientHandler(context: tls, serverHostname: Self.serverName(host)), position: .first)
            }.wait()
            try ehlo()
        }
        if let username = settings.username {
            try authenticate(username: username, password: settings.password ?? "")
        }
    }

    private func ehlo() throws {
        let reply = try command("EHLO \(settings.heloName)", step: "after EHLO")
        guard reply.code == 250 else { throw SMTPConnectionError.refused("EHLO was refused: \(reply.text)") }
        extensions = reply.extensions
    }

    private func authenticate(username: String, password: String) throws {
        let mechanisms = Set((extensions["AUTH"] ?? "").uppercased().split(separator: " ").map(String.init))
        let reply: SMTPReply
        if mechanisms.contains("PLAIN") {
            let token = Data(("\u{0}" + username + "\u{0}" + password).utf8).base64EncodedString()
            reply = try command("AUTH PLAIN \(token)", step: "after AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            var step = try command("AUTH LOGIN", step: "after AUTH LOGIN")
            guard step.code == 334 else { throw SMTPConnectionError.refused("authentication failed: \(step.text)") }
            step = try command(Data(username.utf8).base64EncodedString(), step: "after the AUTH LOGIN username")
            guard step.code == 334 else { throw SMTPConnectionError.refused("authentication failed: \(step.text)") }
            reply = try command(Data(password.utf8).base64EncodedString(), step: "after the AUTH LOGIN password")
        } else {
            throw SMTPConnectionError.refused("\(settings.host) offers no AUTH PLAIN or LOGIN (it offers \"\(extensions["AUTH"] ?? "nothing")\")")
        }
        guard reply.code == 235 else { throw SMTPConnectionError.refused("authentication failed: \(reply.text)") }
    }

    /// Sends one line and waits for its reply. Lines never hold CR or LF from data: callers pass
    /// addresses that MailAddress has checked.
    @discardableResult
    func command(_ line: String, step: String) throws -> SMTPReply {
        try send(ByteBuffer(string: line + "\r\n"), step: step)
    }

    /// The message text with dot-stuffing (RFC 5321 §4.5.2) and the final `.` line.
    func dataPayload(_ message: Data) -> ByteBuffer {
        var buffer = channel.allocator.buffer(capacity: message.count + 64)
        var atLineStart = true
        for byte in message {
            if atLineStart && byte == UInt8(ascii: ".") { buffer.writeInteger(UInt8(ascii: ".")) }
            buffer.writeInteger(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !atLineStart { buffer.writeString("\r\n") }
        buffer.writeString(".\r\n")
        return buffer
    }

    /// Sends one line, or a payload, and returns its reply as a future; failures are described
    /// with the step (`connection lost after RCPT TO: …`).
    func submit(_ bytes: ByteBuffer, step: String) -> EventLoopFuture<SMTPReply> {
        let reply = channel.eventLoop.makePromise(of: SMTPReply.self)
        // A write to a channel that has already closed (say, a TLS handshake the server broke off)
        // never reaches the handler that answers replies, so its failure must fail the reply too,
        // or the caller would wait for ever. (A promise completed twice keeps its first result.)
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { [breakage] in reply.fail(breakage.cause ?? $0) }
        channel.writeAndFlush(SMTPRequest(bytes: bytes, reply: reply, step: step), promise: written)
        return reply.futureResult.flatMapErrorThrowing { error in
            if let error = error as? SMTPConnectionError { throw error }
            throw SMTPConnectionError.refused("connection lost \(step): \(Self.describe(error))")
        }
    }

    func submit(line: String, step: String) -> EventLoopFuture<SMTPReply> {
        submit(ByteBuffer(string: line + "\r\n"), step: step)
    }

    var eventLoop: EventLoop { channel.eventLoop }

    private func send(_ bytes: ByteBuffer, step: String) throws -> SMTPReply {
        try submit(bytes, step: step).wait()
    }

    private func wait(_ future: EventLoopFuture<SMTPReply>, step: String) throws -> SMTPReply {
        do {
            return try future.wait()
        } catch let error as SMTPConnectionError {
            throw error
        } catch {
            throw SMTPConnectionError.refused("connection lost \(step): \(Self.describe(error))")
        }
    }

    /// Says QUIT (when the session is healthy) and closes.
    func close(politely: Bool = true) {
        if politely && channel.isActive { _ = try? command("QUIT", step: "after QUIT") }
        _ = try? channel.close().wait()
    }

    private static func makeTLSContext(_ settings: SMTPSettings) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .fullVerification
        if let caFile = settings.caFile {
            configuration.additionalTrustRoots = [.file(caFile)]
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw SMTPConnectionError.refused("cannot set up TLS: \(describe(error))")
        }
    }

    /// SNI takes a host name, never an address literal.
    private static func serverName(_ host: String) -> String? {
        host.contains(":") || host.split(separator: ".").allSatisfy({ Int($0) != nil }) ? nil : host
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? SMTPConnectionError { return error.description }
        if let error = error as? NIOSSLError { return "TLS error: \(error)" }
        if let error = error as? BoringSSLError { return "TLS error: \(error)" }
        if let error = error as? IOError { return error.description }
        return String(describing: error)
    }
}
