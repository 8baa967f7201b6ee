import Foundation
import Testing
import Tezgah
import TezgahMail
import TezgahTestSupport

/// Saved replies: the shipped ones in English and Turkish, the owner's files over them, and a
/// mistake in a file said at load with its file and line.
@Suite struct SavedReplyTests {
    let values = ["first_name": "Elif", "customer_name": "Elif Şahin", "order_number": "#1042", "carrier": "Yurtiçi Kargo",
                  "tracking_number": "123456789012", "tracking_url": "https://kargo.example/t?n=123456789012", "eta": "9 Aralık Çarşamba"]

    @Test func theShippedRepliesSpeakTheCustomersLanguage() throws {
        let library = try SavedReplyLibrary.load(folder: nil)
        #expect(library.names == ["address-change", "invoice-request", "return-how-to", "where-is-my-order"])
        let turkish = try #require(library.render("where-is-my-order", language: "tr", values: values))
        #expect(turkish.contains("Merhaba Elif,"))
        #expect(turkish.contains("#1042 numaralı siparişiniz Yurtiçi Kargo ile yolda; takip numarası 123456789012."))
        #expect(turkish.contains("https://kargo.example/t?n=123456789012"), "links are not HTML-escaped in text")
        #expect(turkish.contains("Tahmini teslim: 9 Aralık Çarşamba."))
        // Without a parcel the reply says the order is being prepared, and no empty ETA line shows.
        let unshipped = try #require(library.render("where-is-my-order", language: "en", values: ["first_name": "Ann", "order_number": "#7"]))
        #expect(unshipped.contains("Your order #7 is being prepared"))
        #expect(!unshipped.contains("reach you by"))
        // A language with no reply of its own gets English.
        #expect(library.render("return-how-to", language: "de", values: values)?.hasPrefix("Hello Elif,") == true)
        #expect(library.render("no-such-reply", language: "en", values: values) == nil)
        #expect(library.names(matching: "WHERE") == ["where-is-my-order"])
        #expect(library.names(matching: "") == library.names)
    }

    @Test func theOwnersFilesOverrideAndAddAndMistakesNameTheLine() throws {
        let folder = TemporaryFolder("tezgah-replies")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try "Selam {{first_name}}, kargonuz {{carrier}} ile yolda.\n".write(toFile: folder.file("where-is-my-order.tr.mustache"), atomically: true, encoding: .utf8)
        try "Hi {{first_name}}, we restock on Mondays.\n".write(toFile: folder.file("restock.en.mustache"), atomically: true, encoding: .utf8)
        let library = try SavedReplyLibrary.load(folder: folder.path)
        #expect(library.render("where-is-my-order", language: "tr", values: values) == "Selam Elif, kargonuz Yurtiçi Kargo ile yolda.\n")
        #expect(library.render("where-is-my-order", language: "en", values: values)?.hasPrefix("Hello Elif,") == true)
        #expect(library.names.contains("restock"))

        try "Hi {{first_name}},\nyour coupon is {{coupon}}.\n".write(toFile: folder.file("coupon.en.mustache"), atomically: true, encoding: .utf8)
        #expect(throws: MailTemplateError.self) { try SavedReplyLibrary.load(folder: folder.path) }
        do { _ = try SavedReplyLibrary.load(folder: folder.path) } catch let error as MailTemplateError {
            #expect(error.description.hasPrefix("\(folder.file("coupon.en.mustache")):2: unknown variable \"coupon\" in a saved reply"))
        }
        try FileManager.default.removeItem(atPath: folder.file("coupon.en.mustache"))
        try "x".write(toFile: folder.file("restock.mustache"), atomically: true, encoding: .utf8)
        do { _ = try SavedReplyLibrary.load(folder: folder.path); Issue.record("a misnamed file loaded") } catch let error as MailTemplateError {
            #expect(error.description == "\(folder.file("restock.mustache")): saved replies are named NAME.LANGUAGE.mustache (e.g. where-is-my-order.tr.mustache).")
        }
    }
}
