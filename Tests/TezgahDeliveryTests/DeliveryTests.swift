import Foundation
import Testing
import Tezgah
import TezgahStore
import TezgahTestSupport
import TezgahShopTestSupport
@testable import TezgahDelivery
@testable import TezgahMail

@Suite(.serialized) struct SMTPDeliveryTests {
    func smtp(_ server: SMTPTestServer, security: SMTPSettings.Security = .none, timeout: TimeInterval = 5,
              caFile: String? = nil, username: String? = nil, password: String? = nil,
              connections: Int = SMTPSettings.defaultConnections) -> MailSettings.Transport {
        .smtp(SMTPSettings(host: security == .none ? "127.0.0.1" : "localhost", port: server.port, security: security,
                           username: username, password: password, timeout: timeout, caFile: caFile, heloName: "tezgah.test",
                           connections: connections))
    }

    @Test func acceptedMailArrivesIntactAndIsMarkedSent() throws {
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder)
        let ids = try (0..<3).map { try shop.enqueue(to: "musteri\($0)@example.com.tr") }
        let queuedIDs = try ids.map { try shop.mail($0).messageID }
        let tally = try shop.worker(try shop.settings(smtp(server))).drain()
        #expect(tally == DeliveryWorker.Tally(sent: 3, deferred: 0, failed: 0))
        let arrived = server.received()
        #expect(arrived.count == 3)
        // What was queued is what was sent: the frozen Message-ID, and a message Python reads without defects.
        #expect(Set(arrived.compactMap { PythonEmail.header("Message-ID", in: $0) }) == Set(queuedIDs))
        let parsed = try PythonEmail.parse(arrived[0])
        #expect((parsed["defects"] as? [String]) == [])
        #expect((parsed["Subject"] as? String)?.contains("Siparişiniz") == true)
        #expect((parsed["From"] as? String) == "Ayşe'nin Dükkanı <destek@aysenin-dukkani.example>")
        for id in ids {
            let mail = try shop.mail(id)
            #expect(mail.summary.state == .sent)
            #expect(mail.summary.attempts == 1)
            #expect(mail.summary.lastReply.hasPrefix("250 2.0.0 Ok: queued"))
        }
        // A drain leaves the search text in step with the states it settled.
        #expect(try shop.database.window(.outbox, .top, size: 5, filter: "sent").rows.count == 3)
        // Nothing is due any more: a second pass sends nothing twice.
        #expect(try shop.worker(try shop.settings(smtp(server))).drain().total == 0)
        #expect(server.received().count == 3)
    }

    /// Several sessions side by side (the default) carry every mail exactly once; one connection
    /// carries them all over a single session.
    @Test(arguments: [1, 3])
    func sessionsSideBySideSendEachMailOnce(connections: Int) throws {
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder)
        let ids = try (0..<40).map { try shop.enqueue(to: "musteri\($0)@example.com.tr", key: "lanes:\($0)") }
        let queuedIDs = try ids.map { try shop.mail($0).messageID }
        let tally = try shop.worker(try shop.settings(smtp(server, connections: connections))).drain()
        #expect(tally == DeliveryWorker.Tally(sent: 40, deferred: 0, failed: 0))
        let arrived = server.received().compactMap { PythonEmail.header("Message-ID", in: $0) }
        #expect(arrived.count == 40)
        #expect(Set(arrived) == Set(queuedIDs))
        #expect(server.sessionsThatDelivered() == connections)
        #expect(try ids.allSatisfy { try shop.mail($0).summary.attempts == 1 })
    }

    /// A relay that allows fewer sessions than configured refuses the extra ones with 421: their
    /// mail goes on the session that works, at once, instead of being deferred.
    @Test func sessionsTheRelayRefusesHandTheirMailToTheOneItAccepts() throws {
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder, maxSessions: 1)
        let ids = try (0..<12).map { try shop.enqueue(to: "musteri\($0)@example.com.tr", key: "limited:\($0)") }
        let tally = try shop.worker(try shop.settings(smtp(server, connections: 3))).drain()
        #expect(tally == DeliveryWorker.Tally(sent: 12, deferred: 0, failed: 0))
        #expect(server.received().count == 12)
        #expect(server.sessionsThatDelivered() == 1)
        #expect(try ids.allSatisfy { try shop.mail($0).summary.attempts == 1 })
    }

    @Test func temporaryRejectionDefersWithDoublingBackoffThenExpires() throws {
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder)
        let id = try shop.enqueue(to: "temp@example.com")
        let worker = shop.worker(try shop.settings(smtp(server)))
        let start = shop.clock.now
        #expect(try worker.drain().deferred == 1)
        var mail = try shop.mail(id)
        #expect(mail.summary.state == .deferred)
        #expect(mail.summary.lastReply == "451 4.3.0 Mailbox temporarily unavailable, try again later")
        #expect(mail.summary.nextAttemptAt == start.addingTimeInterval(60))
        // Not due yet: nothing happens.
        shop.clock.advance(59)
        #expect(try worker.drain().total == 0)
        var expected: TimeInterval = 60
        var elapsed: TimeInterval = 59
        for _ in 0..<8 {
            let wait = (try shop.mail(id).summary.nextAttemptAt!).timeIntervalSince(shop.clock.now)
            shop.clock.advance(wait)
            elapsed += wait
            _ = try worker.drain()
            mail = try shop.mail(id)
            guard mail.summary.state == .deferred else { break }
            expected = min(expected * 2, 4 * 3600)
            #expect(mail.summary.nextAttemptAt == shop.clock.now.addingTimeInterval(expected))
        }
        // The thank-you mail lives three days; attempts stop there and the mail fails as expired.
        while try shop.mail(id).summary.state == .deferred {
            shop.clock.now = try shop.mail(id).summary.nextAttemptAt!
            _ = try worker.drain()
        }
        mail = try shop.mail(id)
        #expect(mail.summary.state == .failed)
        #expect(mail.summary.lastReply.hasPrefix("expired after"))
        #expect(shop.clock.now.timeIntervalSince(start) <= 3 * 86_400)
        #expect(server.received().isEmpty)
    }

    @Test func unknownMailboxFailsAndSuppressesTheAddress() throws {
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder)
        let first = try shop.enqueue(to: "unknown@example.com")
        let policy = try shop.enqueue(to: "policy@example.com")
        let tally = try shop.worker(try shop.settings(smtp(server))).drain()
        #expect(tally.failed == 2)
        #expect(try shop.mail(first).summary.lastReply.hasPrefix("550 5.1.1"))
        #expect(try shop.mail(policy).summary.lastReply == "554 5.7.1 Message rejected by policy")
        // Only the missing mailbox goes on the suppression list; a policy rejection is about the message.
        #expect(try shop.database.suppressedAddresses().map(\.address) == ["unknown@example.com"])
        let later = try shop.enqueue(to: "Unknown@Example.com", kind: .delivered, key: "delivered:1")
        #expect(try shop.worker(try shop.settings(smtp(server))).drain().total == 0)
        #expect(try shop.mail(later).summary.state == .suppressed)
        #expect(server.received().isEmpty)
    }

    /// International addresses (RFC 6531/6532): a relay that offers SMTPUTF8 gets the mail with the
    /// SMTPUTF8 parameter and the address written as it is in the To header; ASCII mail goes as
    /// before. A relay that does not offer it fails that mail at once, saying why, keeps the address
    /// off the suppression list and carries the next mail.
    @Test func internationalAddressesGoWithSMTPUTF8OrFailSayingWhy() throws {
        let shop = try OutboxFixture()
        let offering = try SMTPTestServer(folder: shop.folder, smtputf8: true)
        try shop.enqueue(to: "山田.花子@example.jp", name: "山田 花子", key: "eai:1")
        try shop.enqueue(to: "ayşe@örnek.com.tr", key: "eai:2")
        try shop.enqueue(to: "musteri@example.com.tr", key: "eai:3")
        #expect(try shop.worker(try shop.settings(smtp(offering))).drain() == DeliveryWorker.Tally(sent: 3, deferred: 0, failed: 0))
        let envelopes = try offering.envelopes().sorted { $0.rcptTos.first ?? "" < $1.rcptTos.first ?? "" }
        #expect(envelopes.map(\.rcptTos) == [["ayşe@örnek.com.tr"], ["musteri@example.com.tr"], ["山田.花子@example.jp"]])
        #expect(envelopes.map(\.mailOptions) == [["SMTPUTF8"], [], ["SMTPUTF8"]])
        let arrived = try #require(offering.received().first { PythonEmail.header("To", in: $0)?.contains("example.jp") == true })
        let parsed = try PythonEmail.parse(arrived)
        #expect((parsed["defects"] as? [String]) == [])
        #expect((parsed["To"] as? String) == "山田 花子 <山田.花子@example.jp>")

        let asciiOnly = try SMTPTestServer(folder: shop.folder)
        let international = try shop.enqueue(to: "山田.花子@example.jp", name: "山田 花子", kind: .delivered, key: "eai:4")
        let plain = try shop.enqueue(to: "musteri2@example.com.tr", key: "eai:5")
        #expect(try shop.worker(try shop.settings(smtp(asciiOnly))).drain() == DeliveryWorker.Tally(sent: 1, deferred: 0, failed: 1))
        let failed = try shop.mail(international).summary
        #expect(failed.state == .failed)
        #expect(failed.lastReply == "SMTPUTF8 required: 山田.花子@example.jp is an international address, and 127.0.0.1 does not offer SMTPUTF8")
        #expect(try shop.mail(plain).summary.state == .sent)
        #expect(try shop.database.suppressedAddresses().isEmpty)
        #expect(try asciiOnly.envelopes().map(\.rcptTos) == [["musteri2@example.com.tr"]])
    }

    @Test func droppedConnectionMidDataDefersAndTheNextMailGoesOnAFreshSession() throws {
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder)
        let dropped = try shop.enqueue(to: "drop@example.com")
        let fine = try shop.enqueue(to: "fine@example.com")
        // One connection, so the mail after the drop must go on a fresh session of the same lane.
        let tally = try shop.worker(try shop.settings(smtp(server, connections: 1))).drain()
        #expect(tally.sent == 1 && tally.deferred == 1)
        let mail = try shop.mail(dropped)
        #expect(mail.summary.state == .deferred)
        #expect(mail.summary.lastReply.hasPrefix("connection lost"))
        #expect(try shop.mail(fine).summary.state == .sent)
        #expect(server.received().count == 1)
    }

    @Test func stalledServerTimesOutAndDefers() throws {
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder)
        let stalled = try shop.enqueue(to: "stall@example.com")
        let fine = try shop.enqueue(to: "fine@example.com")
        let started = Date()
        let tally = try shop.worker(try shop.settings(smtp(server, timeout: 1, connections: 1))).drain()
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(tally.sent == 1 && tally.deferred == 1)
        #expect(try shop.mail(stalled).summary.lastReply.hasPrefix("timed out"))
        #expect(try shop.mail(fine).summary.state == .sent)
    }

    @Test func unreachableServerDefersEveryMail() throws {
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder)
        let port = server.port
        server.stop()
        let id = try shop.enqueue(to: "someone@example.com")
        let transport = MailSettings.Transport.smtp(SMTPSettings(host: "127.0.0.1", port: port, security: .none, timeout: 2))
        #expect(try shop.worker(try shop.settings(transport)).drain().deferred == 1)
        #expect(try shop.mail(id).summary.lastReply.hasPrefix("cannot connect to 127.0.0.1:\(port)"))
    }

    @Test func startTLSWithVerifiedCertificateAndAuth() throws {
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder, security: .starttls, auth: ("destek", "gizli şifre"))
        let id = try shop.enqueue(to: "tls@example.com")
        let good = smtp(server, security: .starttls, caFile: server.certificate, username: "destek", password: "gizli şifre")
        let tally = try shop.worker(try shop.settings(good)).drain()
        let reply = try shop.mail(id).summary.lastReply
        #expect(tally.sent == 1, "\(reply)")
        #expect(try shop.mail(id).summary.state == .sent)
        #expect(server.received().count == 1)

        // Verification is on: the same server without its CA is refused, and nothing is sent.
        let unverified = try shop.enqueue(to: "tls2@example.com")
        let noCA = smtp(server, security: .starttls, username: "destek", password: "gizli şifre")
        #expect(try shop.worker(try shop.settings(noCA)).drain().deferred == 1)
        #expect(try shop.mail(unverified).summary.lastReply.contains("TLS"))
        // A wrong password is the shop's problem, not the mail's: deferred, with the server's words.
        shop.clock.advance(3600)
        let badPassword = smtp(server, security: .starttls, caFile: server.certificate, username: "destek", password: "yanlış")
        #expect(try shop.worker(try shop.settings(badPassword)).drain().deferred == 1)
        let refused = try shop.mail(unverified).summary.lastReply
        #expect(refused.hasPrefix("authentication failed: 535"), "\(refused)")
        #expect(server.received().count == 1)
    }

    @Test func aRefusedTLSHandshakeNeverLeavesTheWorkerWaiting() throws {
        // The server's certificate is not trusted, so our side breaks the handshake off. Whether
        // that lands before or after the next EHLO is written is a race; run it often enough to
        // see both. Each drain must come back deferred (it once could hang on a write to the
        // closed channel, whose reply nobody would ever fail).
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder, security: .starttls, auth: ("destek", "gizli"))
        let untrusted = smtp(server, security: .starttls, timeout: 3, username: "destek", password: "gizli")
        for round in 0..<25 {
            let id = try shop.enqueue(to: "tls\(round)@example.com", key: "tls-\(round)")
            #expect(try shop.worker(try shop.settings(untrusted)).drain().deferred == 1)
            let reply = try shop.mail(id).summary.lastReply
            #expect(reply.contains("TLS"), "\(reply)")
        }
        #expect(server.received().isEmpty)
    }

    @Test func startTLSIsRequiredWhenAsked() throws {
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder) // offers no STARTTLS
        let id = try shop.enqueue(to: "x@example.com")
        let transport = MailSettings.Transport.smtp(SMTPSettings(host: "127.0.0.1", port: server.port, security: .starttls, timeout: 5))
        #expect(try shop.worker(try shop.settings(transport)).drain().deferred == 1)
        #expect(try shop.mail(id).summary.lastReply.contains("does not offer STARTTLS"))
        #expect(server.received().isEmpty)
    }

    @Test func implicitTLS() throws {
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder, security: .tls)
        let id = try shop.enqueue(to: "tls@example.com")
        #expect(try shop.worker(try shop.settings(smtp(server, security: .tls, caFile: server.certificate))).drain().sent == 1)
        #expect(try shop.mail(id).summary.state == .sent)
        #expect(server.received().count == 1)
    }
}

/// The sendmail path, through a real sendmail-compatible client (msmtp) pointed at the test server.
@Suite(.serialized) struct SendmailDeliveryTests {
    @Test func msmtpDeliversAndItsExitStatusesMapToStates() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp") else {
            Issue.record("msmtp is not installed (apt-get install msmtp; .ci/run installs it)")
            return
        }
        let shop = try OutboxFixture()
        let server = try SMTPTestServer(folder: shop.folder)
        let config = shop.folder.file("msmtprc")
        try "account default\nhost 127.0.0.1\nport \(server.port)\nauth off\ntls off\nfrom destek@aysenin-dukkani.example\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o600)
        let fine = try shop.enqueue(to: "fine@example.com")
        let temp = try shop.enqueue(to: "temp@example.com")
        let unknown = try shop.enqueue(to: "unknown@example.com")
        let transport = MailSettings.Transport.sendmail(command: ["/usr/bin/msmtp", "-C", config, "-t", "-oi"])
        _ = try shop.worker(try shop.settings(transport)).drain()
        #expect(try shop.mail(fine).summary.state == .sent)
        let tempReply = try shop.mail(temp).summary.lastReply
        #expect(try shop.mail(temp).summary.state == .deferred, "\(tempReply)")
        // msmtp exits 69 for a 451; the reply it quotes is what decides, and what failures group by.
        #expect(try shop.mail(temp).summary.lastReply.hasPrefix("451 4.3.0"))
        #expect(try shop.mail(unknown).summary.lastReply.hasPrefix("550 5.1.1"))
        #expect(try shop.mail(unknown).summary.state == .failed)
        #expect(try shop.database.suppressedAddresses().map(\.address) == ["unknown@example.com"])
        let arrived = server.received()
        #expect(arrived.count == 1)
        #expect(PythonEmail.header("Message-ID", in: arrived[0]) == (try shop.mail(fine).messageID))
        #expect((try PythonEmail.parse(arrived[0])["defects"] as? [String]) == [])
    }

    @Test func aMissingProgramDefersWithItsName() throws {
        let shop = try OutboxFixture()
        let id = try shop.enqueue(to: "a@example.com")
        _ = try shop.worker(try shop.settings(.sendmail(command: ["/nonexistent/sendmail", "-t"]))).drain()
        #expect(try shop.mail(id).summary.state == .deferred)
        #expect(try shop.mail(id).summary.lastReply.contains("/nonexistent/sendmail"))
    }
}
