import Foundation
import GRDB
import TezgahTestSupport
import Testing
import Tezgah
@testable import TezgahStore
@testable import TezgahRuntime

/// Malformed mail as a shop's mailbox gets it (spam, broken clients, cut-off files, hostile
/// headers). Mail nobody can answer is skipped with its sentence and writes nothing; mail that
/// can be answered is read as far as it can be, never adding a header or a control character,
/// never stopping the sync.
@Suite struct BadMailCatalogueTests {
    static let head = "From: Ayşe <ayse@example.com>\r\nTo: destek@shop.example\r\nDate: Sun, 6 Dec 2026 09:00:00 +0300\r\n"

    /// A mail with `headers` after the usual ones (a Message-ID of its own) and `body`.
    static func mail(_ id: String, _ headers: String = "Subject: Kupa\r\n", _ body: String = "Merhaba\r\n") -> Data {
        Data((head + "Message-ID: <\(id)@example.com>\r\n" + headers + "\r\n" + body).utf8)
    }

    enum Expected {
        /// Skipped with this reason; nothing written for it.
        case skipped(String)
        /// Read: its subject and first body line as stored (nil: not checked).
        case read(subject: String, body: String?)
    }

    static let cases: [(String, Data, Expected)] = [
        ("empty", Data(), .skipped("empty file")),
        ("no-headers", Data("just a body line\r\n".utf8), .skipped("no sender address to answer (From: none)")),
        ("no-from", Data("To: destek@shop.example\r\nSubject: x\r\nMessage-ID: <a1@e.com>\r\n\r\nbody\r\n".utf8),
         .skipped("no sender address to answer (From: none)")),
        ("from-colons", Data("From: ::::\r\nSubject: x\r\nMessage-ID: <a2@e.com>\r\n\r\nbody\r\n".utf8),
         .skipped("no sender address to answer (From: “::::”)")),
        ("from-name-only", Data("From: Ayse\r\nSubject: x\r\nMessage-ID: <a3@e.com>\r\n\r\nbody\r\n".utf8),
         .skipped("no sender address to answer (From: “Ayse”)")),
        ("from-no-domain", Data("From: ayse@localhost\r\nSubject: x\r\nMessage-ID: <a4@e.com>\r\n\r\nbody\r\n".utf8),
         .skipped("no sender address to answer (From: “ayse@localhost”)")),
        ("from-two-ats", Data("From: a@b@example.com\r\nSubject: x\r\nMessage-ID: <a5@e.com>\r\n\r\nbody\r\n".utf8),
         .skipped("no sender address to answer (From: “a@b@example.com”)")),
        ("binary-junk", Data((0..<1024).map { UInt8($0 % 256) }), .skipped("no sender address to answer (From: none)")),
        ("cut-mid-header", Data("To: destek@shop.example\r\nSubj".utf8), .skipped("no sender address to answer (From: none)")),
        ("from-crlf-word", Data("From: =?UTF-8?Q?Ay=0D=0ATo:_x@y.com?=\r\nSubject: x\r\nMessage-ID: <a6@e.com>\r\n\r\nbody\r\n".utf8),
         .skipped("no sender address to answer (From: “=?UTF-8?Q?Ay=0D=0ATo:_x@y.com?=”)")),
        ("bad-encoded-word", mail("b1", "Subject: =?UTF-8?B?!!!!?=\r\n"), .read(subject: "=?UTF-8?B?!!!!?=", body: "Merhaba")),
        ("unknown-charset", mail("b2", "Subject: Kupa 2\r\nContent-Type: text/plain; charset=x-klingon\r\n", "q\u{E9}\r\n"),
         .read(subject: "Kupa 2", body: "q\u{E9}")),
        ("bad-base64", mail("b3", "Subject: Kupa 3\r\nContent-Transfer-Encoding: base64\r\n", "!!!! not base64 ####\r\n"),
         .read(subject: "Kupa 3", body: nil)),
        ("bad-quoted-printable", mail("b4", "Subject: Kupa 4\r\nContent-Transfer-Encoding: quoted-printable\r\n", "=ZZ=\r\n"),
         .read(subject: "Kupa 4", body: nil)),
        ("multipart-no-boundary", mail("b5", "Subject: Kupa 5\r\nContent-Type: multipart/mixed\r\n", "--x\r\n\r\nhi\r\n--x--\r\n"),
         .read(subject: "Kupa 5", body: nil)),
        ("multipart-unclosed", mail("b6", "Subject: Kupa 6\r\nContent-Type: multipart/mixed; boundary=b\r\n", "--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n"),
         .read(subject: "Kupa 6", body: "hi")),
        ("multipart-60-deep", mail("b7", "Subject: Kupa 7\r\n" + (0..<60).map { "Content-Type: multipart/mixed; boundary=b\($0)\r\n\r\n--b\($0)\r\n" }.joined()
                                  + "Content-Type: text/plain\r\n", "hi\r\n"), .read(subject: "Kupa 7", body: nil)),
        ("header-no-colon", mail("b8", "Subject: Kupa 8\r\nThis is not a header\r\n"), .read(subject: "Kupa 8", body: nil)),
        ("header-200k", mail("b9", "Subject: Kupa 9\r\nX-Long: " + String(repeating: "a", count: 200_000) + "\r\n"), .read(subject: "Kupa 9", body: "Merhaba")),
        ("message-id-garbage", Data((head + "Message-ID: not-an-id\r\nSubject: Kupa 10\r\n\r\nMerhaba\r\n").utf8), .read(subject: "Kupa 10", body: "Merhaba")),
        ("date-garbage", Data((head.replacingOccurrences(of: "Sun, 6 Dec 2026 09:00:00 +0300", with: "someday")
                               + "Message-ID: <b11@example.com>\r\nSubject: Kupa 11\r\n\r\nMerhaba\r\n").utf8), .read(subject: "Kupa 11", body: "Merhaba")),
        ("subject-crlf-injection", mail("b12", "Subject: =?UTF-8?Q?a=0D=0ABcc:_evil@x.com?=\r\n"), .read(subject: "a Bcc: evil@x.com", body: "Merhaba")),
        ("subject-escapes", mail("b13", "Subject: =?UTF-8?B?G1syShtdNTI7Yzthd289Bw==?=\r\n"), .read(subject: "\u{1B}[2J\u{1B}]52;c;awo=\u{07}", body: nil)),
        ("lf-only", Data((head + "Message-ID: <b14@example.com>\r\nSubject: Kupa 14\r\n\r\nMerhaba\r\n").replacingOccurrences(of: "\r\n", with: "\n").utf8),
         .read(subject: "Kupa 14", body: "Merhaba")),
        ("nul-in-body", mail("b15", "Subject: Kupa 15\r\n", "he\u{0}llo\r\n"), .read(subject: "Kupa 15", body: nil)),
        ("html-script", mail("b16", "Subject: Kupa 16\r\nContent-Type: text/html\r\n", "<script>alert(1)</script><p>Merhaba</p>\r\n"),
         .read(subject: "Kupa 16", body: "Merhaba")),
        ("attachment-only", mail("b17", "Subject: Kupa 17\r\nContent-Type: application/pdf; name=x.pdf\r\nContent-Transfer-Encoding: base64\r\n", "JVBERi0=\r\n"),
         .read(subject: "Kupa 17", body: nil)),
        ("rfc2231-broken", mail("b18", "Subject: Kupa 18\r\nContent-Type: multipart/mixed; boundary=b\r\n",
                                "--b\r\nContent-Type: text/plain\r\n\r\nek\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*=utf-8'tr'%ZZ%\r\n\r\nx\r\n--b--\r\n"),
         .read(subject: "Kupa 18", body: "ek")),
        ("raw-latin5-subject", Data((head + "Message-ID: <b19@example.com>\r\nSubject: Kupa ").utf8) + Data([0xFE, 0xFD]) + Data("\r\n\r\nMerhaba\r\n".utf8),
         .read(subject: "Kupa şı", body: "Merhaba")),
        ("latin5-body-declared-utf8", mail("b20", "Subject: Kupa 20\r\nContent-Type: text/plain; charset=utf-8\r\n", "") + Data([0x4B, 0x75, 0x70, 0x61, 0xFE, 0x0D, 0x0A]),
         .read(subject: "Kupa 20", body: nil)),
        ("bounce-cut-off", Data("From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r\nSubject: Undelivered\r\nMessage-ID: <b21@mx.example.com>\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=z\r\n\r\n--z\r\n".utf8),
         .skipped("")),
    ]

    @Test func eachMalformedMailIsSkippedWithItsSentenceOrReadSafely() throws {
        #expect(Self.cases.count >= 30)
        let folder = TemporaryFolder("tezgah-bad-mail")
        let database = try AppDatabase(path: folder.file("shop.sqlite"))
        let maildir = try folder.maildir()
        func counts() throws -> [Int] {
            try database.pool.read { db in
                try ["messages", "conversations", "customers", "outbox"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")! }
            }
        }
        for (index, (name, data, expected)) in Self.cases.enumerated() {
            let key = "\(1_796_536_800 + index).M\(index)P1.\(name)"
            try data.write(to: URL(fileURLWithPath: "\(maildir)/new/\(key)"))
            let before = try counts()
            let summary = try InboxSync(maildir: maildir).run(into: database, now: Date(timeIntervalSince1970: 1_796_550_000))
            switch expected {
            case .skipped(let reason):
                if reason.isEmpty {
                    // A bounce, counted as one; it starts no conversation either way.
                    #expect(summary.bounces + summary.skipped.count == 1, "\(name): \(summary)")
                } else {
                    #expect(summary.skipped == ["\(key): \(reason)"], "\(name)")
                    #expect(summary.read == 0, "\(name)")
                }
                #expect(try counts()[0...2] == before[0...2], "\(name): nothing written")
            case let .read(subject, body):
                #expect(summary.read == 1 && summary.skipped.isEmpty, "\(name): \(summary)")
                let stored = try database.pool.read { db in
                    try Row.fetchOne(db, sql: "SELECT m.subject, m.body FROM messages m ORDER BY m.id DESC LIMIT 1")!
                }
                #expect(stored[0] as String == subject, "\(name)")
                let text: String = stored[1]
                if let body { #expect(text.split(whereSeparator: \.isNewline).first.map(String.init) == body, "\(name): \(text.prefix(80))") }
                #expect(!text.contains("\r"), "\(name)")
            }
        }
    }
}
