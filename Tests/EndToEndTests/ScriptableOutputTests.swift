import Foundation
import Testing

/// `--json` as a script reads it: every line of stdout one JSON object, with the fields the text
/// output has, and the documented exit statuses.
@Suite struct ScriptableOutputTests {
    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "not one object: \($0)")
        }
    }

    @Test func trackingCheckAndMailListPrintOneObjectPerLine() throws {
        let checked = try TezgahBinary.run(["tracking", "check", "--json", "1Z999AA10123456784", "RR123456785TR", "1Z999AA10123456785"])
        #expect(checked.status == 1, "one number is invalid")
        let numbers = try Self.objects(checked.output)
        #expect(numbers.count == 3)
        #expect(numbers[0]["carrier"] as? String == "ups" && numbers[0]["valid"] as? Bool == true)
        #expect((numbers[0]["link"] as? String)?.hasPrefix("https://") == true)
        #expect(numbers[1]["carrier"] as? String == "ptt")
        #expect(numbers[2]["valid"] as? Bool == false && (numbers[2]["reason"] as? String)?.isEmpty == false)

        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let listed = try TezgahBinary.run(["mail", "list", "--json", "--limit", "5", "--db", shop])
        #expect(listed.status == 0, "\(listed.error)")
        let mails = try Self.objects(listed.output)
        #expect(mails.count == 5)
        for key in ["id", "state", "kind", "to", "subject", "created_at", "attempts", "last_reply"] {
            #expect(mails.allSatisfy { $0[key] != nil }, "\(key)")
        }
    }

    @Test func importAndInboxSummariesAsJSON() throws {
        let scratch = Scratch()
        let shop = scratch.file("shop.sqlite")
        let export = scratch.file("orders_export.csv")
        try """
            Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Id\r
            #1001,ayse@example.com.tr,paid,,unfulfilled,,TRY,349.90,0,0,349.90,2026-12-01 10:00:00 +0300,1,Kupa,349.90,KUPA-01,Ayşe Yılmaz,9001\r
            """.write(toFile: export, atomically: true, encoding: .utf8)
        let imported = try TezgahBinary.run(["import", "--json", "--db", shop, export])
        #expect(imported.status == 0, "\(imported.error)")
        let summary = try #require(try Self.objects(imported.output).first)
        #expect(summary["file"] as? String == export)
        #expect(summary["format"] as? String == "shopify-orders")
        #expect(summary["orders_created"] as? Int == 1 && summary["customers_created"] as? Int == 1)

        let maildir = try scratch.maildir()
        try Data("From: Ayşe <ayse@example.com.tr>\r\nTo: shop@example.com\r\nSubject: Kupa\r\nMessage-ID: <j1@example.com>\r\nDate: Sun, 6 Dec 2026 09:00:00 +0300\r\n\r\nMerhaba\r\n".utf8)
            .write(to: URL(fileURLWithPath: maildir + "/new/1.M1P1.mx"))
        let synced = try TezgahBinary.run(["inbox", "sync", "--json", "--maildir", maildir, "--db", shop])
        #expect(synced.status == 0, "\(synced.error)")
        let inbox = try #require(try Self.objects(synced.output).first)
        #expect(inbox["read"] as? Int == 1 && inbox["new_conversations"] as? Int == 1 && inbox["maildir"] as? String == maildir)
        #expect((inbox["skipped"] as? [String])?.isEmpty == true)

        let bad = try TezgahBinary.run(["import", "--json", "--db", shop, scratch.file("missing.csv")])
        #expect(bad.status != 0 && bad.output.isEmpty && !bad.error.isEmpty, "a failure is a sentence on stderr, not JSON")
    }

    /// `--help` (and so the man page and completions made from it) in the language LANG asks for;
    /// the option names themselves stay what scripts type, and `--json` stays English.
    @Test func helpAndCompletionsFollowTheLocale() throws {
        let english = try TezgahBinary.run(["tick", "--help"])
        #expect(english.output.contains("Run the automations once") && english.output.contains("--dry-run"), "\(english.output)")
        let turkish = try TezgahBinary.run(["tick", "--help"], environment: ["LANG": "tr_TR.UTF-8"])
        #expect(turkish.output.contains("Otomasyonları bir kez çalıştırır") && turkish.output.contains("--dry-run"), "\(turkish.output)")
        let completion = try TezgahBinary.run(["--generate-completion-script", "bash"], environment: ["LANG": "tr_TR.UTF-8"])
        #expect(completion.status == 0 && completion.output.contains("--dry-run"))
        let usage = try TezgahBinary.run(["report", "--days", "0"], environment: ["LANG": "tr_TR.UTF-8"])
        #expect(usage.status == 2 && usage.error.contains("--days 1 ile 3660 arasında olmalı."), "\(usage.error)")
        let checked = try TezgahBinary.run(["tracking", "check", "--json", "1Z999AA10123456784"], environment: ["LANG": "tr_TR.UTF-8"])
        #expect(try Self.objects(checked.output).first?["carrier"] as? String == "ups", "\(checked.output)")
    }
}
