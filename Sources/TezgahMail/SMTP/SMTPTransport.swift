import Foundation
import NIOCore
import NIOPosix
import Tezgah

/// Delivers over SMTP, keeping one session open for as many mails as the queue has due.
public final class SMTPTransport: MailTransport {
    private let settings: SMTPSettings
    private let group: EventLoopGroup
    private var connection: SMTPConnection?
    public private(set) var foundNoSession = false

    public init(settings: SMTPSettings) {
        self.settings = settings
        self.group = MultiThreadedEventLoopGroup.singleton
    }

    deinit { connection?.close() }

    public func deliver(message: Data, sender: String, recipient: String) -> MailDeliveryOutcome {
        var reusedSessionFailed = false
        foundNoSession = false
        while true {
            let reused = connection?.isOpen == true
            let session: SMTPConnection
            do {
                if let open = connection, open.isOpen {
                    session = open
                } else {
                    connection?.close(politely: false)
                    connection = nil
                    session = try SMTPConnection.open(settings, group: group)
                    connection = session
                }
            } catch {
                foundNoSession = true
                return .deferred(reply: SMTPConnection.describe(error))
            }
            do {
                return try transaction(session, message: message, sender: sender, recipient: recipient)
            } catch TransactionError.beforeData(let error) where reused && !reusedSessionFailed {
                // A session kept from an earlier mail may have been closed by the server while idle.
                // Nothing of this mail has been sent yet, so one fresh session is safe.
                _ = error
                reusedSessionFailed = true
                drop()
                continue
            } catch TransactionError.beforeData(let error), TransactionError.duringData(let error) {
                drop()
                return .deferred(reply: SMTPConnection.describe(error))
            } catch {
                drop()
                return .deferred(reply: SMTPConnection.describe(error))
            }
        }
    }

    private enum TransactionError: Error {
        case beforeData(Error)
        case duringData(Error)
    }

    /// How far one mail's transaction got.
    private enum TransactionEnd {
        case senderRefused(SMTPReply)
        case rejected(SMTPReply)
        case finished(SMTPReply)
    }

    /// MAIL FROM, RCPT TO, DATA and the text, each waiting for its reply (the server offers no
    /// PIPELINING we rely on), chained on the event loop so the calling thread waits once per mail
    /// instead of once per command.
    private func transaction(_ session: SMTPConnection, message: Data, sender: String, recipient: String) throws -> MailDeliveryOutcome {
        let loop = session.eventLoop
        // An address beyond ASCII travels only with SMTPUTF8 (RFC 6531), which the relay must offer;
        // without it no relay can carry the mail, so it fails now, as Postfix bounces it (5.6.7).
        let international = [sender, recipient].first(where: MailAddress.isInternational)
        if let international, session.extensions["SMTPUTF8"] == nil {
            return .failed(reply: "SMTPUTF8 required: \(international) is an international address, "
                           + "and \(settings.host) does not offer SMTPUTF8", suppressAddress: false)
        }
        let payload = session.dataPayload(message)
        let mailFrom = "MAIL FROM:<\(sender)>" + (international == nil ? "" : " SMTPUTF8")
        let end = session.submit(line: mailFrom, step: "after MAIL FROM").flatMap { from -> EventLoopFuture<TransactionEnd> in
            guard from.code == 250 else { return loop.makeSucceededFuture(.senderRefused(from)) }
            return session.submit(line: "RCPT TO:<\(recipient)>", step: "after RCPT TO").flatMap { rcpt in
                guard rcpt.code == 250 || rcpt.code == 251 else { return loop.makeSucceededFuture(.rejected(rcpt)) }
                return session.submit(line: "DATA", step: "after DATA").flatMap { start in
                    guard start.code == 354 else { return loop.makeSucceededFuture(.rejected(start)) }
                    return session.submit(payload, step: "after the message text")
                        .map { TransactionEnd.finished($0) }
                        .flatMapErrorThrowing { throw TransactionError.duringData($0) }
                }
            }
        }.flatMapErrorThrowing { error -> TransactionEnd in
            if error is TransactionError { throw error }
            throw TransactionError.beforeData(error)
        }
        switch try end.wait() {
        case .senderRefused(let reply):
            // A refused sender is the shop's configuration, not this mail: try again later.
            reset(session)
            return .deferred(reply: reply.text)
        case .rejected(let reply):
            reset(session)
            return outcome(rejection: reply)
        case .finished(let reply):
            guard reply.code == 250 else { return outcome(rejection: reply) }
            return .sent(reply: reply.text)
        }
    }

    private func outcome(rejection reply: SMTPReply) -> MailDeliveryOutcome {
        reply.isPermanent
            ? .failed(reply: reply.text, suppressAddress: RejectionReading.saysMailboxUnknown(reply.text))
            : .deferred(reply: reply.text)
    }

    /// Clears a half-done transaction so the session can carry the next mail; drops the session if
    /// even that fails.
    private func reset(_ session: SMTPConnection) {
        guard let reply = try? session.command("RSET", step: "after RSET"), reply.code == 250 else {
            drop()
            return
        }
    }

    private func drop() {
        connection?.close(politely: false)
        connection = nil
    }

    public func finish() {
        connection?.close()
        connection = nil
    }
}
