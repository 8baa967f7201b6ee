import Foundation
import Testing

/// The desk left open while another process writes: an import's order appears within two seconds,
/// above the cursor, which stays on its row.
@Suite struct LiveDeskEndToEndTests {
    @Test func anImportFromAnotherProcessShowsInTheOpenDesk() throws {
        let scratch = Scratch()
        let shop = TezgahBinary.demoShop(in: scratch)
        let session = try TmuxSession(command: [TezgahBinary.path, "--db", shop],
                                      environment: ["XDG_DATA_HOME": scratch.file("data"), "XDG_CONFIG_HOME": scratch.file("config")],
                                      width: 100, height: 30, scratch: scratch)
        _ = try session.waitFor(text: "800 orders")
        try session.send("Escape")
        _ = try session.waitFor(text: "▸#1800")
        let export = scratch.file("orders_export.csv")
        try """
            Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Country,Notes,Cancelled at,Tags,Id\r
            #9001,zeynep@example.com.tr,paid,2099-12-06 09:57:02 +0300,,,TRY,349.90,0.00,0.00,349.90,2099-12-06 09:55:16 +0300,1,Kupa,349.90,KUPA-01,Zeynep Canlı,Zeynep Canlı,Bağdat Cad. No 5,İstanbul,34710,TR,,,,99501\r

            """.write(toFile: export, atomically: true, encoding: .utf8)
        let imported = try TezgahBinary.run(["import", export, "--db", shop])
        #expect(imported.status == 0, "\(imported.error)")
        let screen = try session.waitFor("the imported order", timeout: 2.5) { $0.contains("801 orders") && $0.contains("Zeynep Canlı") }
        #expect(screen.contains("▸#1800"), "the cursor stays on its row")
        try session.send("q")
        #expect(session.exitStatus() == 0)
    }
}
