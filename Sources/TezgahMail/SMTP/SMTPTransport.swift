import Foundation
import NIOCore
import NIOPosix
import Tezgah

/// Delivers over SMTP, keeping one session open for as many mails as the queue has due.
public final class SMTPTransport: MailTransport {
    private let settings: SMTPSettings
    private let group: EventLoopGroup
    private var connection: SMTPConnection?

    public init(settings: SMTPSettings) {
        self.settings = settings
        self.group = MultiThreadedEventLoopGroup.singleton
    }

    deinit { connection?.close() }

    public func deliver(message: Data, sender: String, recipient: String) -> MailDeliveryOutcome {
        var reusedSessionFailed = false
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

    private func transaction(_ session: SMTPConnection, message: Data, sender: String, recipient: String) throws -> MailDeliveryOutcome {
        func step<T>(_ body: () throws -> T) throws -> T {
            do { return try body() } catch { throw TransactionError.beforeData(error) }
        }
        let from = try step { try session.command("MAIL FROM:<\(sender)>", step: "after MAIL FROM") }
        guard from.code == 250 else {
            // A refused sender is the shop's configuration, not this mail: try again later.
            reset(session)
            return .deferred(reply: from.text)
        }
        let rcpt = try step { try session.command("RCPT TO:<\(recipient)>", step: "after RCPT TO") }
        guard rcpt.code == 250 || rcpt.code == 251 else {
            reset(session)
            return outcome(rejection: rcpt)
        }
        let start = try step { try session.command("DATA", step: "after DATA") }
        guard start.code == 354 else {
            reset(session)
            return outcome(rejection: start)
        }
        let done: SMTPReply
        do { done = try session.data(message) } catch { throw TransactionError.duringData(error) }
        guard done.code == 250 else { return outcome(rejection: done) }
        return .sent(reply: done.text)
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
