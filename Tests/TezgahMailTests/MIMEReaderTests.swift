import Foundation
import Testing
import Tezgah
@testable import TezgahMail

/// The preview reader against our own writer and against the RFCs' examples.
@Suite struct MIMEReaderTests {
    @Test func readsBackWhatTheWriterWrote() throws {
        let text = String(repeating: "Kargonuz yola çıktı; takip bağlantısı aşağıda. ", count: 6) + "\n\nSevgiler,\nAyşe"
        let message = MailMessage(
            from: try MailAddress("destek@example.com.tr", displayName: "Ayşe'nin Dükkanı"),
            to: [try MailAddress("isik@example.com", displayName: "Işık Öztürk")],
            subject: "Siparişiniz kargoya verildi — İstanbul'dan (#1042), çok uzun bir konu satırı",
            date: Date(timeIntervalSince1970: 1_795_400_000), messageID: "<a1.tezgah@example.com.tr>",
            text: text, html: "<p>Kargonuz yola çıktı</p>", inReplyTo: nil, references: [],
            unsubscribe: .init(url: "https://example.com.tr/u/1", mailto: "destek@example.com.tr"))
        let preview = MIMEReader.preview(of: try message.rendered())
        let headers = Dictionary(uniqueKeysWithValues: preview.headers.map { ($0.name, $0.value) })
        #expect(headers["Subject"] == "Siparişiniz kargoya verildi — İstanbul'dan (#1042), çok uzun bir konu satırı")
        #expect(headers["From"] == "Ayşe'nin Dükkanı <destek@example.com.tr>")
        #expect(headers["To"] == "Işık Öztürk <isik@example.com>")
        #expect(headers["Date"] == "Mon, 23 Nov 2026 02:13:20 +0000")
        #expect(headers["List-Unsubscribe"]?.contains("https://example.com.tr/u/1") == true)
        #expect(preview.text == text)
        #expect(preview.hasHTML)
    }

    @Test func encodedWordsFollowRfc2047() {
        // RFC 2047 §8: whitespace between adjacent encoded words is not displayed; between an
        // encoded word and text it is.
        #expect(EncodedWord.decode("(=?ISO-8859-1?Q?a?= b)") == "(a b)")
        #expect(EncodedWord.decode("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)") == "(ab)")
        #expect(EncodedWord.decode("(=?ISO-8859-1?Q?a?=  \t =?ISO-8859-1?Q?b?=)") == "(ab)")
        #expect(EncodedWord.decode("(=?ISO-8859-1?Q?a_b?=)") == "(a b)")
        #expect(EncodedWord.decode("=?UTF-8?Q?Ay=C5=9Fe?= Yılmaz") == "Ayşe Yılmaz")
        #expect(EncodedWord.decode("=?iso-8859-9?q?=FE=FD=F0?=") == "şığ")
        // Not an encoded word: left alone.
        #expect(EncodedWord.decode("a =?bogus b") == "a =?bogus b")
        // A letter cut across two words by a mailer that splits by length ("ş" is C5 9F), in B
        // and in Q, is read whole; words in different charsets are read each in its own.
        #expect(EncodedWord.decode("=?UTF-8?B?U2lwYXJpxQ==?= =?UTF-8?B?n2lt?= gelmedi") == "Siparişim gelmedi")
        #expect(EncodedWord.decode("=?utf-8?q?Sipari=C5?= =?UTF-8?Q?=9Fim?=") == "Siparişim")
        #expect(EncodedWord.decode("=?iso-8859-9?q?=FE?= =?UTF-8?Q?=C5=9F?=") == "şş")
        #expect(EncodedWord.decode("Re: =?UTF-8?Q?=C4=B1?=x =?UTF-8?Q?y?=") == "Re: ıx y")
    }

    @Test func quotedPrintableSoftBreaksAndEscapes() {
        #expect(QuotedPrintable.decode("Merhaba I=C5=9F=C4=B1k,=\r\n devam") == "Merhaba Işık, devam")
        #expect(QuotedPrintable.decode("a=3Db=\nc") == "a=bc")
        #expect(QuotedPrintable.decode("bozuk =ZZ kalır") == "bozuk =ZZ kalır")
        let original = "Satır sonunda boşluk \nve = işareti"
        #expect(QuotedPrintable.decode(QuotedPrintable.encode(original)) == original.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func base64PartsAndMissingTypes() {
        let raw = "Subject: =?UTF-8?B?xZ5pZmFyIQ==?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Data("Şifreniz yenilendi.".utf8).base64EncodedString() + "\r\n--b1\r\nContent-Type: application/pdf\r\n\r\nJVBERi0=\r\n--b1--\r\n"
        let preview = MIMEReader.preview(of: raw)
        #expect(preview.headers == [MailPreview.Header(name: "Subject", value: "Şifar!")])
        #expect(preview.text == "Şifreniz yenilendi.")
        #expect(!preview.hasHTML)
        // A bare message without MIME headers is plain text.
        #expect(MIMEReader.preview(of: "Subject: hi\n\nbody\n").text == "body")
    }
}
