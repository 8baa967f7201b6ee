import Foundation
import Testing
import Tezgah
@testable import TezgahMail

/// Customer mail as real clients and servers write it, read into what the Support pane shows.
/// Each message is written here from the RFCs and from what Gmail, Outlook, Apple Mail, phone
/// clients, Postfix and Exim are known to send.
@Suite struct InboundMailReaderTests {
    func read(_ text: String) -> InboundMail {
        InboundMailReader.read(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    func read(bytes: [UInt8]) -> InboundMail { InboundMailReader.read(Data(bytes)) }

    @Test func gmailAlternativeWithQuotedPrintableUTF8() {
        let mail = read("""
            MIME-Version: 1.0
            Date: Fri, 4 Dec 2026 10:15:02 +0300
            Message-ID: <CAF=abc123@mail.gmail.com>
            In-Reply-To: <c47ccd45.tezgah@aysenin-dukkani.example>
            References: <first@x> <c47ccd45.tezgah@aysenin-dukkani.example>
            Subject: =?UTF-8?Q?Re=3A_Sipari=C5=9Finiz_kargoya_verildi_=28=231042=29?=
            From: =?UTF-8?B?QXnFn2UgWcSxbG1heg==?= <ayse@example.com.tr>
            To: destek@aysenin-dukkani.example
            Content-Type: multipart/alternative; boundary="000000000000b5e2"

            --000000000000b5e2
            Content-Type: text/plain; charset="UTF-8"
            Content-Transfer-Encoding: quoted-printable

            Merhaba, kargom hen=C3=BCz gelmedi. Ne zaman gelir?

            --000000000000b5e2
            Content-Type: text/html; charset="UTF-8"
            Content-Transfer-Encoding: quoted-printable

            <div dir=3D"ltr">Merhaba, kargom hen=C3=BCz gelmedi.</div>

            --000000000000b5e2--
            """)
        #expect(mail.messageID == "<CAF=abc123@mail.gmail.com>")
        #expect(mail.inReplyTo == ["<c47ccd45.tezgah@aysenin-dukkani.example>"])
        #expect(mail.answers == ["<c47ccd45.tezgah@aysenin-dukkani.example>", "<first@x>"])
        #expect(mail.subject == "Re: Siparişiniz kargoya verildi (#1042)")
        #expect(mail.fromName == "Ayşe Yılmaz" && mail.fromAddress == "ayse@example.com.tr")
        #expect(mail.text == "Merhaba, kargom henüz gelmedi. Ne zaman gelir?\n")
        #expect(mail.date == Date(timeIntervalSince1970: 1_796_368_502))
        #expect(mail.kind == .message && mail.problems.isEmpty && mail.attachments.isEmpty)
        #expect(InboundSubject.orderNumber(in: mail.subject) == "1042")
    }

    @Test func outlookHTMLOnlyInWindows1254Base64() {
        let html = "<html><head><style>p{color:red}</style></head><body><p>Sayın yetkili,</p><p>İade için <a href=\"https://x.example/iade\">buraya</a> tıkladım &amp; olmadı.<br>Teşekkürler</p></body></html>"
        let encoded = Data(html.data(using: .windowsCP1254)!).base64EncodedString(options: .lineLength76Characters)
        let mail = read("""
            From: "Işık Öztürk" <ISIK@example.com.tr>
            Subject: =?windows-1254?Q?=DDade_talebi?=
            Message-ID: <AM0PR01MB1234@outlook.com>
            Content-Type: text/html; charset="windows-1254"
            Content-Transfer-Encoding: base64

            \(encoded)
            """)
        #expect(mail.subject == "İade talebi")
        #expect(mail.fromName == "Işık Öztürk" && mail.fromAddress == "ISIK@example.com.tr")
        #expect(mail.text == "Sayın yetkili,\n\nİade için buraya (https://x.example/iade) tıkladım & olmadı.\nTeşekkürler")
        #expect(!mail.text.contains("color"))
    }

    @Test func appleMailFlowedAndAttachmentWithRFC2231Name() {
        let mail = read("""
            From: Zeynep Kaya <zeynep@example.com>
            Subject: Fatura
            Content-Type: multipart/mixed; boundary="Apple-Mail=_1"

            --Apple-Mail=_1
            Content-Type: text/plain; charset=utf-8; format=flowed; delsp=no
            Content-Transfer-Encoding: 8bit

            Merhaba, siparişimin faturasını 
            ekte gönderiyorum, kontrol 
            eder misiniz?

            --Apple-Mail=_1
            Content-Type: application/pdf; name="fatura.pdf"
            Content-Disposition: attachment; filename*=UTF-8''%C4%B0ade%20formu.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcfsj6IK
            --Apple-Mail=_1--
            """)
        #expect(mail.text == "Merhaba, siparişimin faturasını ekte gönderiyorum, kontrol eder misiniz?\n")
        #expect(mail.attachments == [InboundMail.Attachment(name: "İade formu.pdf", type: "application/pdf", size: 15)])
        #expect(mail.problems.isEmpty)
    }

    @Test func turkishEncodingsAndRaw8BitHeaders() {
        let latin5 = read(bytes: Array("From: =?iso-8859-9?Q?Yusuf_Alt=FDparmak?= <y@example.com>\r\nSubject: =?ISO-8859-9?B?a2FyZ29tIGdlbG1lZGk=?=\r\nContent-Type: text/plain; charset=iso-8859-9\r\n\r\n".utf8)
                                + [0x53, 0x69, 0x70, 0x61, 0x72, 0x69, 0xFE, 0x69, 0x6D, 0x20, 0xFD])
        #expect(latin5.fromName == "Yusuf Altıparmak")
        #expect(latin5.subject == "kargom gelmedi")
        #expect(latin5.text == "Siparişim ı")
        let raw = read("From: Şükrü Çelik <sukru@example.com>\nSubject: Sipariş nerede?\n\nMerhaba")
        #expect(raw.fromName == "Şükrü Çelik" && raw.subject == "Sipariş nerede?" && raw.problems.isEmpty)
        // A phone client's 8-bit Latin-5 header, not UTF-8: read as Latin-5, with a note.
        let phone = read(bytes: Array("Subject: Te".utf8) + [0xFE, 0x65, 0x6B, 0x6B, 0xFC, 0x72, 0x6C, 0x65, 0x72] + Array("\r\n\r\nx".utf8))
        #expect(phone.subject == "Teşekkürler")
        #expect(phone.problems == ["8-bit header bytes that are not UTF-8, read as Latin-5"])
        let unknown = read("Subject: x\nContent-Type: text/plain; charset=x-klingon\n\nMerhaba dünya")
        #expect(unknown.text == "Merhaba dünya" && unknown.problems == ["unknown charset x-klingon, read as UTF-8"])
    }

    /// The vectors of real Turkish headers collected outside this project, where present.
    @Test func turkishHeaderVectorsFromPublicArchives() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data/email/turkish-header-vectors/turkish_header_vectors.json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            print("skipped: \(file.path) is not here (shared test data outside the project)")
            return
        }
        let vectors = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["vectors"] as? [[String: Any]])
        for vector in vectors {
            let line = try #require(vector["header_line"] as? String)
            var expected = try #require(vector["python_policy_default"] as? String)
            // Python decodes a UTF-8 payload labelled ISO-8859-9 strictly, into mojibake; tezgah reads
            // such a label on UTF-8 bytes as the UTF-8 it is.
            if (vector["seen_in"] as? String)?.contains("MISLABELLED") == true { expected = "Türkçe Örnek Metin" }
            let mail = read("\(line)\nMessage-ID: <v@x>\n\nx")
            let name = String(line.prefix { $0 != ":" }).lowercased()
            if name == "from" {
                #expect("\"\(mail.fromName)\" <\(mail.fromAddress)>" == expected || "\(mail.fromName) <\(mail.fromAddress)>" == expected,
                        "\(line)")
            } else if name == "subject" {
                #expect(mail.subject == expected, "\(line)")
            } else {
                let value = String(line.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces)
                let decoded = EncodedWord.decode(value)
                #expect(decoded == expected || decoded.trimmingCharacters(in: CharacterSet(charactersIn: ",")) == expected
                        || MailboxParser.first(decoded).name == MailboxParser.first(expected).name, "\(line) → \(decoded)")
            }
        }
    }

    @Test func brokenMailIsReadAsFarAsItGoesWithNotes() {
        let mail = read("""
            From: bozuk@example.com
            Subject: bozuk
            this line has no colon
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            TWVyaGFiYQ==!!!not base64
            --b1
            Content-Type: text/plain

            ikinci parça
            """)
        #expect(mail.subject == "bozuk")
        #expect(mail.text.contains("Merhaba") && mail.text.contains("ikinci parça"))
        #expect(mail.problems.contains { $0.hasPrefix("a header line without a colon") })
        #expect(mail.problems.contains("bad base64 in a part, read as far as it goes"))
        #expect(mail.problems.contains("a multipart body that is never closed"))
        // An mbox envelope line left on top by procmail or a conversion is no problem; the same
        // words further down are.
        let enveloped = read("From hasan@example.com Mon Dec  7 10:00:00 2026\nFrom: Hasan <hasan@example.com>\nSubject: Re: Fatura\n\nTamam.")
        #expect(enveloped.problems.isEmpty && enveloped.fromAddress == "hasan@example.com" && enveloped.subject == "Re: Fatura")
        #expect(read("Subject: x\nFrom hasan@example.com Mon Dec  7\n\ny").problems.contains { $0.hasPrefix("a header line without a colon") })
        // Nothing at all is still a mail, with nothing in it.
        #expect(read("").text.isEmpty)
        #expect(read(bytes: [0xFF, 0xFE, 0x00, 0x0A]).kind == .message)
    }

    @Test func aDeliveryStatusNotificationNamesTheBouncedMail() {
        let mail = read("""
            From: MAILER-DAEMON@mx.aysenin-dukkani.example (Mail Delivery System)
            Subject: Undelivered Mail Returned to Sender
            Auto-Submitted: auto-replied
            Content-Type: multipart/report; report-type=delivery-status; boundary="DSN1"

            --DSN1
            Content-Type: text/plain

            I'm sorry to have to inform you that your message could not be delivered.

            --DSN1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.aysenin-dukkani.example

            Final-Recipient: rfc822; nobody@example.com.tr
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.com.tr>: Recipient address rejected: User unknown

            --DSN1
            Content-Type: text/rfc822-headers

            From: =?UTF-8?B?QXnFn2UnbmluIETDvGtrYW7EsQ==?= <destek@aysenin-dukkani.example>
            To: nobody@example.com.tr
            Message-ID: <shipped-1042.tezgah@aysenin-dukkani.example>
            Subject: Your order has shipped

            --DSN1--
            """)
        #expect(mail.kind == .bounce(InboundMail.Bounce(
            isPermanent: true, status: "5.1.1", recipient: "nobody@example.com.tr",
            originalMessageID: "<shipped-1042.tezgah@aysenin-dukkani.example>",
            diagnostic: "550 5.1.1 <nobody@example.com.tr>: Recipient address rejected: User unknown")))
        let exim = read("""
            From: Mail Delivery System <Mailer-Daemon@mail.example.net>
            Subject: Mail delivery failed: returning message to sender

            This message was created automatically by mail delivery software.

              gone@example.net
                SMTP error from remote mail server after RCPT TO:<gone@example.net>:
                550 5.1.1 No such user

            ------ This is a copy of the message, including all the headers. ------
            Message-ID: <thanks-7.tezgah@aysenin-dukkani.example>
            """)
        guard case .bounce(let bounce) = exim.kind else { Issue.record("not a bounce: \(exim.kind)"); return }
        #expect(bounce.isPermanent && bounce.status == "5.1.1" && bounce.recipient == "gone@example.net")
        #expect(bounce.originalMessageID == "<thanks-7.tezgah@aysenin-dukkani.example>")
        // Exim giving up after its retries: no reply code and no address in brackets; the header names it.
        let retried = read("""
            From: Mail Delivery System <Mailer-Daemon@mail.example.net>
            Subject: Mail delivery failed: returning message to sender
            X-Failed-Recipients: later@example.net
            Auto-Submitted: auto-replied

              later@example.net
                retry timeout exceeded
            """)
        guard case .bounce(let given) = retried.kind else { Issue.record("not a bounce: \(retried.kind)"); return }
        #expect(given.recipient == "later@example.net" && !given.isPermanent, "no 5.x.x: the address is not suppressed")
    }

    @Test func autoRepliesAndUnsubscribes() {
        #expect(read("From: a@x\nSubject: Otomatik yanıt: Siparişiniz\nAuto-Submitted: auto-replied\n\nİzindeyim").kind == .autoReply)
        #expect(read("From: a@x\nSubject: Out of Office: your order\n\nAway").kind == .autoReply)
        #expect(read("From: a@x\nSubject: Re: x\nX-Autoreply: yes\n\nAway").kind == .autoReply)
        #expect(read("From: a@x\nSubject: Re: x\nAuto-Submitted: no\n\nthanks").kind == .message)
        #expect(read("From: a@x\nSubject: unsubscribe\n\n").kind == .unsubscribe)
        #expect(read("From: a@x\nSubject: Re: Kampanya\n\nAbonelikten çık\n\n> eski").kind == .unsubscribe)
        #expect(read("From: a@x\nSubject: Re: Kampanya\n\nBu kampanya ne zaman bitiyor?").kind == .message)
    }

    @Test func subjectPrefixesAndOrderNumbers() {
        #expect(InboundSubject.stripped("Re: Fwd: YNT: İLT: AW: Siparişim") == "Siparişim")
        #expect(InboundSubject.stripped("RE[2]: kargo") == "kargo")
        #expect(InboundSubject.orderNumber(in: "Ynt: Sipariş 1042 hakkında") == "1042")
        #expect(InboundSubject.orderNumber(in: "Siparişim #1042 nerede?") == "1042")
        #expect(InboundSubject.orderNumber(in: "Order no: 5003") == "5003")
        #expect(InboundSubject.orderNumber(in: "sipariş numaram 1049") == "1049")
        #expect(InboundSubject.orderNumber(in: "Siparişimin numarası: 1049") == "1049")
        #expect(InboundSubject.orderNumber(in: "Merhaba") == nil)
        #expect(InboundSubject.orderNumber(in: "2 adet aldım") == nil)
    }

    @Test func escapeSequencesInASubjectStayInTheDataForTheTerminalPathToDefuse() {
        let mail = read("From: a@x\nSubject: =?UTF-8?B?G1szMW1IYWNrG10wO3RpdGxlBw==?=\n\nx")
        #expect(mail.subject.contains("\u{1B}"), "the reader keeps what was sent; drawing makes it visible and harmless")
    }
}
