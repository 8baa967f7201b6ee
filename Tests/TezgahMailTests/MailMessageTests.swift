import Foundation
import Testing
import TezgahTestSupport
@testable import TezgahMail

/// Messages are parsed back with Python's `email` package (an independent RFC 5322/MIME reader).
@Suite struct MailMessageTests {
    static let date = Date(timeIntervalSince1970: 1_795_400_000) // Mon, 23 Nov 2026 02:13:20 +0000

    func message(subject: String = "Siparişiniz kargoya verildi (#1042)", text: String, html: String? = nil,
                 unsubscribe: MailMessage.Unsubscribe? = nil) throws -> MailMessage {
        MailMessage(from: try MailAddress("destek@example.com.tr", displayName: "Ayşe'nin Dükkanı"),
                    to: [try MailAddress("isik@example.com", displayName: "Işık Öztürk")],
                    subject: subject, date: Self.date, messageID: "<a1b2.tezgah@example.com.tr>", text: text, html: html,
                    inReplyTo: "<q1@example.com>", references: ["<q0@example.com>", "<q1@example.com>"], unsubscribe: unsubscribe)
    }

    func parse(_ raw: String) throws -> [String: Any] { try PythonEmail.parse(Data(raw.utf8)) }

    @Test func turkishHeadersAndBodyRoundTrip() throws {
        let text = "Merhaba Işık,\n\nSiparişiniz yola çıktı: https://www.ups.com/track?tracknum=1Z999AA10123456784\nİade politikası: 14 gün.\n"
        let raw = try message(text: text).rendered()
        let parsed = try parse(raw)
        #expect(parsed["From"] as? String == "Ayşe'nin Dükkanı <destek@example.com.tr>")
        #expect(parsed["To"] as? String == "Işık Öztürk <isik@example.com>")
        #expect(parsed["Subject"] as? String == "Siparişiniz kargoya verildi (#1042)")
        #expect(parsed["Date"] as? String == "Mon, 23 Nov 2026 02:13:20 +0000")
        #expect(parsed["Message-ID"] as? String == "<a1b2.tezgah@example.com.tr>")
        #expect(parsed["In-Reply-To"] as? String == "<q1@example.com>")
        #expect(parsed["References"] as? String == "<q0@example.com> <q1@example.com>")
        #expect((parsed["defects"] as? [String]) == [])
        let parts = parsed["parts"] as! [[String]]
        #expect(parts.count == 1)
        #expect(parts[0][0] == "text/plain")
        #expect(parts[0][1] == text)
    }

    @Test func htmlMakesMultipartAlternativeWithOneClickUnsubscribe() throws {
        let raw = try message(text: "Doğum gününüz kutlu olsun! Kupon: DOGUMGUNU-7", html: "<p>Doğum gününüz <b>kutlu</b> olsun!</p>",
                              unsubscribe: .init(url: "https://example.com.tr/u/abc123", mailto: "unsubscribe@example.com.tr")).rendered()
        let parsed = try parse(raw)
        let parts = parsed["parts"] as! [[String]]
        #expect(parts.map { $0[0] } == ["text/plain", "text/html"])
        #expect(parts[0][1].hasPrefix("Doğum gününüz kutlu olsun!"))
        #expect(parts[1][1].contains("<b>kutlu</b>"))
        #expect(parsed["List-Unsubscribe"] as? String == "<https://example.com.tr/u/abc123>, <mailto:unsubscribe@example.com.tr>")
        #expect(parsed["List-Unsubscribe-Post"] as? String == "List-Unsubscribe=One-Click")
        #expect((parsed["defects"] as? [String]) == [])
    }

    @Test func linesEndInCrlfAndStayShort() throws {
        let long = String(repeating: "Çok uzun bir satır, ", count: 300) + "=son"
        let raw = try message(subject: String(repeating: "Şükrü ", count: 40), text: long + "\nşimdi  \n").rendered()
        for line in raw.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 998)
            #expect(!line.contains("\n") && !line.contains("\r"))
        }
        let parsed = try parse(raw)
        #expect(parsed["Subject"] as? String == String(repeating: "Şükrü ", count: 40))
        #expect((parsed["parts"] as! [[String]])[0][1] == long + "\nşimdi  \n")
        let headerLines = raw.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headerLines.count > 5) // the long subject was folded
        for line in headerLines { #expect(line.count <= 78, "\(line)") }
    }

    @Test func lineBreaksInDataCanNeverAddAHeader() throws {
        #expect(throws: MailError.lineBreakInHeader(field: "Subject")) {
            try message(subject: "Merhaba\r\nBcc: everyone@example.com", text: "x").rendered()
        }
        #expect(throws: MailError.lineBreakInHeader(field: "Subject")) {
            try message(subject: "Merhaba\nBcc: everyone@example.com", text: "x").rendered()
        }
        #expect(throws: MailError.lineBreakInHeader(field: "address")) {
            try MailAddress("a@example.com", displayName: "Eve\r\nBcc: x@example.com")
        }
        #expect(throws: MailError.invalidAddress("a@example.com>\r\nBcc: x@example.com")) {
            try MailAddress("a@example.com>\r\nBcc: x@example.com")
        }
        var bad = try message(text: "x")
        bad.inReplyTo = "<a@b>\r\nBcc: x@example.com"
        #expect(throws: MailError.lineBreakInHeader(field: "In-Reply-To")) { try bad.rendered() }
    }

    @Test func addressesParseAndValidate() throws {
        let parsed = try MailAddress(parsing: "Ayşe'nin Dükkanı <destek@example.com>")
        #expect(parsed.displayName == "Ayşe'nin Dükkanı" && parsed.address == "destek@example.com")
        #expect(try MailAddress(parsing: "\"Smith, John\" <john@example.com>").displayName == "Smith, John")
        for bad in ["", "no-at-sign", "a@b", "a b@example.com", "@example.com", "a@.com", "a\u{7F}@example.com",
                    // Beyond ASCII: a no-break space, a C1 control (NEL), a line separator, and a
                    // right-to-left override that would make the address read as another.
                    "ayşe\u{A0}@example.com", "ayşe\u{85}@example.com", "ayşe\u{2028}@example.com", "moc.elpmaxe\u{202E}@x.tr"] {
            #expect(throws: MailError.self) { try MailAddress(bad) }
        }
        // International addresses (RFC 6531): any script, in either part.
        for good in ["山田.花子@example.jp", "ayşe@örnek.com.tr", "иван@пример.рф", "ışık.öztürk@example.com.tr"] {
            #expect(try MailAddress(good).isInternational, "\(good)")
        }
        #expect(try !MailAddress("ayse@example.com.tr").isInternational)
    }

    @Test func encodedWordsNeverSplitACharacterAndStayUnder76() {
        let encoded = EncodedWord.encode(String(repeating: "ığüşöçİĞÜŞÖÇ", count: 10))
        for word in encoded.components(separatedBy: "\r\n ") {
            #expect(word.count <= 75)
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            #expect(Data(base64Encoded: String(base64)).flatMap { String(data: $0, encoding: .utf8) } != nil)
        }
    }

    @Test func quotedPrintableFollowsRfc2045() {
        #expect(QuotedPrintable.encode("a=b") == "a=3Db")
        #expect(QuotedPrintable.encode("trailing space ") == "trailing space=20")
        #expect(QuotedPrintable.encode("ı") == "=C4=B1")
        let long = QuotedPrintable.encode(String(repeating: "x", count: 200))
        #expect(long.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(long.replacingOccurrences(of: "=\r\n", with: "") == String(repeating: "x", count: 200))
    }
}
