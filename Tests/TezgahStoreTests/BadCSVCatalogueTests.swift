import Foundation
import GRDB
import Testing
@testable import TezgahStore

/// Malformed exports, each refused with its one sentence (the file, the line, the column, what to
/// do) and nothing written: the shop is as it was, counted table by table.
@Suite struct BadCSVCatalogueTests {
    static let shopify = ShopifyImportTests.header
    static let row = "#1001,ayse@example.com,paid,,unfulfilled,,TRY,100.00,0,0,100.00,2026-11-01 10:00:00 +0300,1,Kupa,100.00,K-1,Ayşe,Ayşe,Cad. 5,İstanbul,34710,TR,,,,5001"

    /// The Shopify row with some cells replaced, by column name.
    static func shopifyRow(_ changes: [String: String]) -> String {
        let names = shopify.split(separator: ",").map(String.init)
        var cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for (column, value) in changes { cells[names.firstIndex(of: column)!] = value }
        return cells.joined(separator: ",")
    }

    static let customers = "First Name,Last Name,Email,Accepts Email Marketing,Default Address City,Default Address Country Code,Birthday"
    static let tracking = TrackingImportTests.header
    static let woo = WooCommerceImportTests.header

    /// (file name, its bytes, the sentence expected).
    static let cases: [(String, Data, String)] = {
        func text(_ name: String, _ lines: [String], _ sentence: String) -> (String, Data, String) {
            (name, Data(lines.joined(separator: "\r\n").utf8), sentence)
        }
        let s = shopify
        return [
            text("empty.csv", [], "empty.csv:1: the file has no header line."),
            text("blank-lines.csv", ["", "", ""], "blank-lines.csv:1: the file has no header line."),
            text("unknown.csv", ["foo,bar,baz", "1,2,3"], "unknown.csv:1: the header matches no export tezgah knows (Shopify orders or customers, WooCommerce orders, Etsy sold orders, tracking status, Judge.me or plain reviews); pass --format to say which it is."),
            text("quantity-word.csv", [s, shopifyRow(["Lineitem quantity": "many"])], "quantity-word.csv:2: column \"Lineitem quantity\": \"many\" is not a whole number of items above zero."),
            text("quantity-zero.csv", [s, shopifyRow(["Lineitem quantity": "0"])], "quantity-zero.csv:2: column \"Lineitem quantity\": \"0\" is not a whole number of items above zero."),
            text("quantity-negative.csv", [s, shopifyRow(["Lineitem quantity": "-2"])], "quantity-negative.csv:2: column \"Lineitem quantity\": \"-2\" is not a whole number of items above zero."),
            text("quantity-fraction.csv", [s, shopifyRow(["Lineitem quantity": "1.5"])], "quantity-fraction.csv:2: column \"Lineitem quantity\": \"1.5\" is not a whole number of items above zero."),
            text("comma-in-total.csv", [s, shopifyRow(["Total": "12,34,5"])], "comma-in-total.csv:2: the row has 28 cells where the header has 26; a comma inside a cell needs the cell in double quotes."),
            text("price-word.csv", [s, shopifyRow(["Lineitem price": "abc"])], "price-word.csv:2: column \"Lineitem price\": \"abc\" is not an amount like 1234.50."),
            text("total-negative.csv", [s, shopifyRow(["Total": "-5.00"])], "total-negative.csv:2: column \"Total\": \"-5.00\" is not an amount like 1234.50."),
            text("total-huge.csv", [s, shopifyRow(["Total": "99999999999999999999999"])], "total-huge.csv:2: column \"Total\": \"99999999999999999999999\" is not an amount like 1234.50."),
            text("total-three-decimals.csv", [s, shopifyRow(["Total": "100.001"])], "total-three-decimals.csv:2: column \"Total\": \"100.001\" is not an amount like 1234.50."),
            text("date-word.csv", [s, shopifyRow(["Created at": "yesterday"])], "date-word.csv:2: column \"Created at\": \"yesterday\" is not a date like 2025-05-11 09:55:16 -0400."),
            text("date-impossible.csv", [s, shopifyRow(["Created at": "2026-13-45 10:00:00 +0300"])], "date-impossible.csv:2: column \"Created at\": \"2026-13-45 10:00:00 +0300\" is not a date like 2025-05-11 09:55:16 -0400."),
            text("currency-word.csv", [s, shopifyRow(["Currency": "LIRA"])], "currency-word.csv:2: column \"Currency\": \"LIRA\" is not a three-letter currency code such as TRY or EUR."),
            text("payment-status.csv", [s, shopifyRow(["Financial Status": "maybe"])], "payment-status.csv:2: column \"Financial Status\": \"maybe\" is not a Shopify payment status (paid, pending, refunded…)."),
            text("fulfilment-status.csv", [s, shopifyRow(["Fulfillment Status": "sometimes"])], "fulfilment-status.csv:2: column \"Fulfillment Status\": \"sometimes\" is not a Shopify fulfilment status (fulfilled, partial, unfulfilled)."),
            text("email-no-at.csv", [s, shopifyRow(["Email": "not an email"])], "email-no-at.csv:2: column \"Email\": \"not an email\" is not an e-mail address."),
            text("email-two-ats.csv", [s, shopifyRow(["Email": "a@b@example.com"])], "email-two-ats.csv:2: column \"Email\": \"a@b@example.com\" is not an e-mail address."),
            text("name-empty.csv", [s, shopifyRow(["Name": ""])], "name-empty.csv:2: column \"Name\": is empty; every row needs the order name (e.g. #1001)."),
            text("quote-unclosed.csv", [s, shopifyRow(["Billing Name": "\"Ayşe"])], "quote-unclosed.csv:2: a quoted cell starting here never ends; a quote is missing."),
            text("cells-too-many.csv", [s, row + ",extra"], "cells-too-many.csv:2: the row has 27 cells where the header has 26; a comma inside a cell needs the cell in double quotes."),
            text("cells-too-few.csv", [s, "#1001,ayse@example.com,paid"], "cells-too-few.csv:2: the row has 3 cells where the header has 26; a comma inside a cell needs the cell in double quotes."),
            // "Ayşe" as Windows-1254 / ISO-8859-9 writes it: ş is the one byte 0xFE.
            ("latin5.csv", Data((s + "\r\n" + shopifyRow(["Billing Name": "Ay#e"])).utf8.map { $0 == UInt8(ascii: "#") ? 0xFE : $0 })
                .replacingFirstOrderHash(),
             "latin5.csv:2: the file is not UTF-8 (a Windows-1254 or ISO-8859-9 export, perhaps); save it from your spreadsheet as \"CSV UTF-8\" and import it again."),
            ("bad-utf8.csv", Data((s + "\r\n#1001,ayse@example.com,paid,,unfulfilled,,TRY,1,0,0,1,2026-11-01 10:00:00 +0300,1,K").utf8) + Data([0xFF, 0xFE]) + Data(",1,K,A,A,,,,,,,,,5001".utf8),
             "bad-utf8.csv:2: the file is not UTF-8 (a Windows-1254 or ISO-8859-9 export, perhaps); save it from your spreadsheet as \"CSV UTF-8\" and import it again."),
            ("nul-byte.csv", Data((s + "\r\n" + shopifyRow(["Billing Name": "Ay"])).utf8) + Data([0]) + Data("şe\r\n".utf8),
             "nul-byte.csv:2: the file holds a NUL byte, which no CSV export has (a spreadsheet's own .xlsx or .numbers file, or a broken one); export it as CSV UTF-8 and import it again."),
            text("header-twice.csv", [s + ",Name", row + ",x"], "header-twice.csv:1: the header names \"Name\" twice; each column needs its own name."),
            text("order-split.csv", [s, row, shopifyRow(["Name": "#1002", "Id": "5002"]), row], "order-split.csv:4: column \"Name\": order #1001 appears again after other orders; a Shopify export keeps an order's rows together."),
            text("customers-email.csv", [customers, "Ayşe,Yılmaz,ayse at example,yes,İstanbul,TR,"], "customers-email.csv:2: column \"Email\": \"ayse at example\" is not an e-mail address."),
            text("customers-marketing.csv", [customers, "Ayşe,Yılmaz,ayse@example.com,perhaps,İstanbul,TR,"], "customers-marketing.csv:2: column \"Accepts Email Marketing\": \"perhaps\" is not yes or no."),
            text("customers-birthday.csv", [customers, "Ayşe,Yılmaz,ayse@example.com,yes,İstanbul,TR,28.02.1990"], "customers-birthday.csv:2: column \"Birthday\": \"28.02.1990\" is not a date like 1990-02-28."),
            text("customers-nobody.csv", [customers, ",,,yes,İstanbul,TR,"], "customers-nobody.csv:2: column \"Email\": is empty and so is the name; a customer needs one of them."),
        ]
    }()

    @Test func eachIsRefusedWithItsSentenceAndNothingWritten() throws {
        let folder = TemporaryFolder()
        let database = try AppDatabase(path: folder.file("shop.sqlite"))
        _ = try database.importFile({ () -> String in
            let path = folder.file("good.csv")
            try! (ShopifyImportTests.twoOrders.replacingOccurrences(of: "\n", with: "\r\n")).write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }())
        func state() throws -> [Int] {
            try database.pool.read { db in
                try ["orders", "order_lines", "customers", "orders_fts", "outbox", "activity_log", "loyalty_accounts"].map {
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)")!
                }
            }
        }
        let before = try state()
        #expect(Self.cases.count >= 30)
        for (name, bytes, sentence) in Self.cases {
            let path = folder.file(name)
            try bytes.write(to: URL(fileURLWithPath: path))
            do {
                _ = try database.importFile(path)
                Issue.record("\(name) was imported")
            } catch let error as ImportError {
                if !sentence.isEmpty { #expect(error.description == sentence, "\(name)") }
                #expect(error.sentence(in: .english).hasSuffix("Nothing from this file was imported."))
                #expect(error.description.hasPrefix("\(name):"), "\(name): the sentence names the file and line")
            }
            #expect(try state() == before, "\(name): nothing written")
        }
    }
}

private extension Data {
    /// The order number's # put back (the latin5 case turned every # into 0xFE, ş in ISO-8859-9).
    func replacingFirstOrderHash() -> Data {
        var bytes = [UInt8](self)
        if let newline = bytes.firstIndex(of: 0x0A), bytes.indices.contains(newline + 1), bytes[newline + 1] == 0xFE {
            bytes[newline + 1] = UInt8(ascii: "#")
        }
        return Data(bytes)
    }
}
