import Foundation
import Testing
import TezgahStore

/// The support journey with real parts: a Maildir read by `tezgah inbox sync`, the desk in tmux, a
/// reply written by an `$EDITOR` (a small script), and the reply delivered to a real SMTP server
/// with the headers that thread it in the customer's client.
@Suite struct SupportEndToEndTests {
    @Test func aCustomersMailIsAnsweredFromTheDeskAndArrivesThreaded() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let server = try SMTPTestServer(folder: scratch)
        defer { server.stop() }
        let maildir = try scratch.maildir()
        try Data("""
            From: "Elif Şahin" <elif@example.net>\r
            To: destek@aysenin-dukkani.example\r
            Subject: =?UTF-8?Q?Paket-7731_nerede=3F?=\r
            Date: Sun, 6 Dec 2026 09:00:00 +0300\r
            Message-ID: <e2e-1@example.net>\r
            References: <older@example.net>\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Merhaba, paketim gelmedi.\r
            """.utf8).write(to: URL(fileURLWithPath: maildir + "/new/1796536800.M1P1.mx,S=300"))
        let config = scratch.file("config.toml")
        try server.writeConfig(to: config, extra: "[inbox]\nmaildir = \"\(maildir)\"")

        let sync = try TezgahBinary.run(["inbox", "sync", "--db", shop, "--config", config])
        #expect(sync.status == 0 && sync.output.contains(": 1 read, 1 new, 0 threaded, 1 new conversations, 1 new customers"), "\(sync.output)\(sync.error)")
        let again = try TezgahBinary.run(["inbox", "sync", "--db", shop, "--config", config])
        #expect(again.output.contains(": 0 read, 0 new"), "a second sync reads nothing: \(again.output)")

        // The owner's editor: writes a line under the draft's headers and exits.
        let editor = scratch.file("editor.sh")
        try "#!/bin/sh\nsed -i '3a Kargonuz yarın elinizde.' \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let session = try TmuxSession(command: [TezgahBinary.path, "--db", shop, "--config", config],
                                      environment: ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("xdg-config"),
                                                    "EDITOR": editor, "VISUAL": ""],
                                      width: 120, height: 30, scratch: scratch)
        _ = try session.waitFor(text: "F1 Orders")
        try session.send("F4")
        _ = try session.waitFor(text: "is:needs-reply")
        try session.send("/")
        try session.send("paket-7731", literal: true)
        try session.send("Enter")
        _ = try session.waitFor("the conversation") { $0.contains("Paket-7731 nerede?") && $0.contains("1 of") }
        try session.send("r")
        let screen = try session.waitFor(text: "Reply queued (mail ")
        #expect(screen.contains("F4 Support"), "the desk is back after the editor")
        try session.send("q")
        #expect(session.exitStatus() == 0)

        let sent = try TezgahBinary.run(["mail", "run", "--once", "--db", shop, "--config", config])
        #expect(sent.status == 0, "\(sent.error)")
        let reply = try #require(server.received().first { PythonEmail.header("To", in: $0)?.contains("elif@example.net") == true })
        #expect(PythonEmail.header("In-Reply-To", in: reply) == "<e2e-1@example.net>")
        #expect(PythonEmail.header("References", in: reply) == "<older@example.net> <e2e-1@example.net>")
        let parsed = try PythonEmail.parse(reply)
        #expect(parsed["Subject"] as? String == "Re: Paket-7731 nerede?")
        #expect(((parsed["parts"] as? [[String]])?.first?.last ?? "").contains("Kargonuz yarın elinizde."))
        let database = try AppDatabase(path: shop)
        defer { try? database.close() }
        let detail = try database.conversationDetail(id: try #require(try database.window(.conversations, .top, size: 1, filter: "paket").rows.first).item.id)
        #expect(detail.summary.status == .pending, "the conversation waits on the customer")
        #expect(detail.messages.map(\.direction) == [.inbound, .outbound])
    }
}

/// A hosted mailbox synced by mbsync: a mail appended to a real Dovecot IMAP server shows up as a
/// conversation after one `tezgah inbox sync` with the sync command configured.
@Suite struct HostedMailboxEndToEndTests {
    @Test func aMailAppendedOverIMAPIsAConversationAfterOneSync() throws {
        if let why = DovecotTestServer.unavailable {
            print("skipped: \(why)")
            return
        }
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let dovecot = try DovecotTestServer(folder: scratch)
        defer { dovecot.stop() }
        let maildir = scratch.file("Maildir")
        let command = try dovecot.mbsyncCommand(into: maildir)
        let config = scratch.file("config.toml")
        try """
            [inbox]
            maildir = "\(maildir)"
            sync_command = [\(command.map { "\"\($0)\"" }.joined(separator: ", "))]
            """.write(toFile: config, atomically: true, encoding: .utf8)
        try dovecot.append("""
            From: =?ISO-8859-9?Q?=DEule_=D6zdemir?= <sule@example.com.tr>
            Subject: =?ISO-8859-9?Q?Sipari=FE_1042_hakk=FDnda_(imap-7731)?=
            Date: Sun, 6 Dec 2026 10:00:00 +0300
            Message-ID: <imap-1@example.com.tr>
            Content-Type: text/plain; charset=iso-8859-9
            Content-Transfer-Encoding: quoted-printable

            Merhaba, sipari=FEim ne zaman gelir?
            """)
        let sync = try TezgahBinary.run(["inbox", "sync", "--db", shop, "--config", config])
        #expect(sync.status == 0 && sync.output.contains(": 1 read, 1 new"), "\(sync.output)\(sync.error)")
        let database = try AppDatabase(path: shop)
        defer { try? database.close() }
        let row = try #require(try database.window(.conversations, .top, size: 1, filter: "imap-7731").rows.first).item
        #expect(row.subject == "Sipariş 1042 hakkında (imap-7731)" && row.customerName == "Şule Özdemir")
        #expect(row.orderNumber == "#1042", "the order its subject names")
        #expect(try database.conversationDetail(id: row.id).messages.first?.body.hasPrefix("Merhaba, siparişim ne zaman gelir?") == true)
        let again = try TezgahBinary.run(["inbox", "sync", "--db", shop, "--config", config])
        #expect(again.output.contains(": 0 read, 0 new"), "\(again.output)")
    }
}
