import Foundation
import Testing
import Tezgah
import TezgahTestSupport
@testable import TezgahMail

@Suite struct MailTemplateTests {
    /// Values for every variable a kind allows.
    func values(for kind: MailKind) -> [String: String] {
        var values: [String: String] = [:]
        for name in MailTemplateVariables.allowed(for: kind) { values[name] = "<\(name)>" }
        return values
    }

    @Test func everyKindShipsInEnglishAndTurkishAndRenders() throws {
        let library = try MailTemplateLibrary.load(overrides: nil)
        for kind in MailKind.allCases {
            #expect(library.languages(for: kind) == ["en", "tr"], "\(kind)")
            for language in ["en", "tr"] {
                let mail = try library.render(kind, language: language, values: values(for: kind))
                #expect(!mail.subject.isEmpty && !mail.subject.contains("\n"), "\(kind).\(language)")
                #expect(!mail.text.contains("{{"), "\(kind).\(language)")
                if kind.category == .marketing {
                    #expect(mail.text.contains("<unsubscribe_url>"), "\(kind).\(language) must say how to stop it")
                }
            }
        }
    }

    /// A name typed over two lines in an export reaches the subject and the To header as one line:
    /// the mail is written (the header check would refuse it otherwise) and adds no header.
    @Test func aLineBreakInANameIsASpaceInTheHeaders() throws {
        let composer = MailComposer(templates: try MailTemplateLibrary.load(overrides: nil),
                                    sender: try MailAddress("destek@aysenin-dukkani.example", displayName: "Ayşe'nin Dükkanı"))
        var values = values(for: .birthday)
        values["customer_name"] = "Ayşe\r\nBcc: everyone@example.com"
        let mail = try composer.compose(.birthday, to: .init(customerID: 1, name: "Ayşe\r\nBcc: everyone@example.com",
                                                             address: "ayse@example.com.tr", language: "tr"),
                                        values: values, dedupeKey: "birthday:1", now: Date(timeIntervalSince1970: 1_795_400_000))
        #expect(mail.subject == "İyi ki doğdunuz, Ayşe Bcc: everyone@example.com!")
        let parsed = try PythonEmail.parse(mail.message)
        #expect((parsed["defects"] as? [String]) == [])
        #expect(parsed["Bcc"] == nil)
        #expect((parsed["Subject"] as? String) == "İyi ki doğdunuz, Ayşe Bcc: everyone@example.com!")
        #expect((parsed["To"] as? String) == "\"Ayşe Bcc: everyone@example.com\" <ayse@example.com.tr>")
    }

    @Test func shippedInTurkishCarriesLinkEtaAndReturnPolicyUnescaped() throws {
        let library = try MailTemplateLibrary.load(overrides: nil)
        let mail = try library.render(.shipped, language: "tr", values: [
            "shop_name": "Ayşe'nin Dükkanı", "customer_name": "Işık Öztürk", "support_email": "destek@example.com.tr",
            "order_number": "#1042", "carrier": "Yurtiçi Kargo", "tracking_number": "123456789012",
            "tracking_url": "https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=123456789012&x=1",
            "eta": "25 Kasım", "return_policy": "14 gün içinde ücretsiz iade.",
        ])
        #expect(mail.subject == "Siparişiniz kargoya verildi (#1042)")
        #expect(mail.text.hasPrefix("Merhaba Işık Öztürk,\n"))
        #expect(mail.text.contains("code=123456789012&x=1")) // no HTML escaping in plain text
        #expect(mail.text.contains("Tahmini teslim: 25 Kasım"))
        #expect(mail.text.contains("14 gün içinde ücretsiz iade."))
        #expect(mail.text.contains("Ayşe'nin Dükkanı"))
        // Without an ETA the line goes away rather than reading "Tahmini teslim: ".
        var noEta = values(for: .shipped)
        noEta["eta"] = ""
        #expect(!(try library.render(.shipped, language: "tr", values: noEta).text.contains("Tahmini teslim")))
    }

    @Test func unknownLanguageFallsBackToEnglish() throws {
        let mail = try MailTemplateLibrary.load(overrides: nil).render(.thankYou, language: "de", values: values(for: .thankYou))
        #expect(mail.subject == "Thank you for your order <order_number>")
    }

    @Test func overridesReplaceDefaultsAndMayAddHtml() throws {
        let folder = TemporaryFolder("tezgah-templates")
        try "Subject: Kargonuz yolda! {{order_number}}\n\nSelam {{customer_name}}, takip: {{tracking_url}}\n"
            .write(toFile: folder.file("shipped.tr.mustache"), atomically: true, encoding: .utf8)
        try "<p>Selam {{customer_name}}</p>".write(toFile: folder.file("shipped.tr.html.mustache"), atomically: true, encoding: .utf8)
        let library = try MailTemplateLibrary.load(overrides: folder.path)
        var v = values(for: .shipped)
        v["customer_name"] = "Eve <script>"
        let mail = try library.render(.shipped, language: "tr", values: v)
        #expect(mail.subject == "Kargonuz yolda! <order_number>")
        #expect(mail.text == "Selam Eve <script>, takip: <tracking_url>\n")
        #expect(mail.html == "<p>Selam Eve &lt;script&gt;</p>") // HTML parts escape what they show
        #expect(try library.render(.shipped, language: "en", values: v).subject == "Your order <order_number> has shipped")
    }

    @Test func mistakesFailAtLoadWithFileLineAndWhatToUse() throws {
        let folder = TemporaryFolder("tezgah-templates")
        let path = folder.file("shipped.tr.mustache")
        try "Subject: Kargo\n\nMerhaba {{customer_name}},\ntakip no: {{tracking_no}}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try MailTemplateLibrary.load(overrides: folder.path)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("\(path):4: unknown variable \"tracking_no\" for shipped mail; it can use ") && text.contains("tracking_number")
        }
        try "Merhaba\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try MailTemplateLibrary.load(overrides: folder.path)
        } throws: { error in "\(error)".hasPrefix("\(path):1: a template starts with a \"Subject: …\" line") }
        try FileManager.default.removeItem(atPath: path)
        try "Subject: x\n\ny".write(toFile: folder.file("shiped.tr.mustache"), atomically: true, encoding: .utf8)
        #expect {
            try MailTemplateLibrary.load(overrides: folder.path)
        } throws: { error in "\(error)".contains("template files are named KIND.LANGUAGE.mustache") }
    }

    @Test func aMissingValueIsAnErrorNotABlank() throws {
        var v = values(for: .refunded)
        v.removeValue(forKey: "refund_amount")
        #expect(throws: MailTemplateError(description: "The refunded mail needs a value for \"refund_amount\".")) {
            try MailTemplateLibrary.load(overrides: nil).render(.refunded, language: "en", values: v)
        }
    }

    @Test func variableScannerSeesEveryTagForm() {
        #expect(MailTemplateVariables.referenced(in: "{{a}} {{{b}}} {{& c}} {{#d}}x{{/d}} {{^e}}y{{/e}} {{! note }} {{% CONTENT_TYPE: TEXT}}")
                == ["a", "b", "c", "d", "e"])
    }
}
