import Foundation
import Testing
import TezgahStore

/// The real binary in a real terminal (tmux), on a demo shop of fixed size.
@Suite(.serialized) struct DeskEndToEndTests {
    static let scratch = Scratch()
    static let demo = TezgahBinary.demoShop(in: scratch)

    private func open(_ arguments: [String], environment: [String: String] = [:], width: Int = 100, height: Int = 30) throws -> TmuxSession {
        try TmuxSession(command: [TezgahBinary.path] + arguments,
                        environment: ["XDG_DATA_HOME": Self.scratch.file("data"), "XDG_CONFIG_HOME": Self.scratch.file("config")]
                            .merging(environment) { $1 },
                        width: width, height: height, scratch: Self.scratch)
    }

    @Test func everyTabFilterHelpResizeAndQuit() throws {
        let session = try open(["--db", Self.demo])
        var screen = try session.waitFor(text: "800 orders")
        #expect(screen.contains("F1 Orders"))
        #expect(screen.contains("is:needs-action · "), "the desk opens on the orders that need action")
        try session.send("Escape")
        screen = try session.waitFor(text: "#1800")

        for (key, header, noun) in [("F2", "Tracking", "shipments"), ("F3", "Due", "invites"), ("F4", "Subject", "conversations"),
                                    ("F5", "Points", "members"), ("F6", "Kind", "mail")] {
            try session.send(key)
            screen = try session.waitFor("the \(noun) pane") { $0.contains(header) && $0.contains(" \(noun)") }
        }
        try session.send("Tab")
        screen = try session.waitFor(text: "800 orders")

        try session.send("j", "j", "G")
        screen = try session.waitFor(text: "#1001")
        try session.send("g")
        screen = try session.waitFor(text: "▸#1800")

        try session.send("/")
        try session.send("isik", literal: true)
        screen = try session.waitFor("the filtered list") { $0.contains("/ isik▏") && $0.contains(" match") }
        let rows = screen.split(separator: "\n").dropFirst(2).prefix(8).filter { $0.contains("#") }
        #expect(!rows.isEmpty)
        #expect(screen.contains("Işık"), "\(screen)")
        try session.send("Escape")
        // Not "800 orders": the filter's own status says "17 of 800 orders match".
        screen = try session.waitFor("the filter cleared") { !$0.contains("/ isik") && $0.contains("800 orders") }

        try session.send("?")
        screen = try session.waitFor(text: "Keys · Orders")
        #expect(screen.contains("filter as you type"))
        try session.send("Escape")
        try session.waitFor("help closed") { !$0.contains("Keys · Orders") }

        // The list has the screen until Enter opens the detail: beside the list on a wide screen.
        try session.resize(width: 130, height: 40)
        try session.waitFor("the list alone") { $0.contains("Fulfilment") && !$0.contains("Ship to") }
        try session.send("Enter")
        screen = try session.waitFor("side-by-side layout") { $0.split(separator: "\n").dropFirst().first?.contains("│") ?? false }
        #expect(screen.contains("Ship to"))
        try session.resize(width: 30, height: 6)
        screen = try session.waitFor(text: "too small")
        try session.resize(width: 100, height: 30)
        _ = try session.waitFor(text: "800 orders")

        try session.send("q") // closes the detail first
        try session.waitFor("the detail closed") { !$0.contains("Ship to") }
        try session.send("q")
        #expect(session.exitStatus() == 0)
        screen = try session.screen()
        #expect(!screen.contains("F1 Orders"), "the terminal is restored after q")
    }

    /// A frame leaves the desk in one write. ncurses used to flush at every cursor move: a `j` was
    /// four writes, and over SSH each write is a packet of its own.
    @Test func eachMoveIsOneWriteToTheTerminal() throws {
        let session = try open(["--db", Self.demo])
        _ = try session.waitFor(text: "800 orders")
        try session.send("Escape")
        _ = try session.waitFor(text: "▸#1800")
        let before = try session.commandWrites()
        for (index, number) in ["#1799", "#1798", "#1797"].enumerated() {
            try session.send("j")
            _ = try session.waitFor("move \(index + 1)") { $0.contains("▸\(number)") }
        }
        let writes = try session.commandWrites() - before
        // Three frames; a fourth write only if the once-a-minute clock redraw fell in between.
        #expect((3...4).contains(writes), "\(writes) writes for three moves")
        try session.send("q")
        #expect(session.exitStatus() == 0)
    }

    @Test func hostileCustomerTextIsDrawnAsVisibleSymbols() throws {
        let session = try open(["--db", Self.demo])
        _ = try session.waitFor(text: "800 orders")
        try session.send("Escape", "/")
        try session.send("mallory", literal: true)
        let screen = try session.waitFor("the filtered list") { $0.contains("/ mallory▏") && $0.contains(" match") }
        // Had the ESC reached the terminal, tmux would have eaten "[31m" as a colour change.
        #expect(screen.contains("Eve␛[31m Mallory␇"), "\(screen)")
        try session.send("C-c")
        #expect(session.exitStatus() == 0)
    }

    @Test func yCopiesTheTrackingLinkThroughTheTerminal() throws {
        let session = try open(["--db", Self.demo])
        try session.tmux(["set-option", "-g", "set-clipboard", "on"])
        _ = try session.waitFor(text: "800 orders")
        try session.send("F2", "Escape", "Enter")
        let screen = try session.waitFor("the parcel's detail") { $0.contains(" shipments") && $0.contains("Track ") }
        try session.send("y")
        _ = try session.waitFor(text: "Copied https://")
        // tmux keeps what an application sends with OSC 52 as its newest paste buffer.
        let copied = try session.tmux(["show-buffer"])
        #expect(copied.hasPrefix("https://"), "\(copied)")
        let track = screen.split(separator: "\n").first { $0.contains("Track ") }.map(String.init) ?? ""
        #expect(track.contains(String(copied.prefix(20))), "\(track) vs \(copied)")
        try session.send("Escape", "q")
        #expect(session.exitStatus() == 0)
    }

    @Test func noColorGivesAMonochromeScreen() throws {
        func colourCodes(_ environment: [String: String]) throws -> Int {
            let session = try open(["--db", Self.demo], environment: environment)
            _ = try session.waitFor(text: "800 orders")
            let raw = try session.screen(withEscapes: true)
            try session.send("q")
            _ = session.exitStatus()
            // SGR foreground/background colours: 30–37, 40–47, 90–97, 100–107, 38;5;n, 48;5;n.
            let pattern = try NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]")
            return pattern.numberOfMatches(in: raw, range: NSRange(raw.startIndex..., in: raw))
        }
        let coloured = try colourCodes([:])
        #expect(coloured > 0, "no colour codes with the default theme")
        #expect(try colourCodes(["NO_COLOR": "1"]) == 0)
    }

    @Test func emptyDatabaseShowsFirstRunAndIsPrivate() throws {
        let path = Self.scratch.file("data/tezgah/shop.sqlite")
        let session = try open([])
        let screen = try session.waitFor(text: "This shop database is empty")
        #expect(screen.contains("tezgah --demo"))
        #expect(screen.contains(path))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try session.send("q")
        #expect(session.exitStatus() == 0)
    }

    /// `tezgah` alone, as the owner types it every day, opens the shop `$TEZGAH_DB` names. It starts
    /// without ArgumentParser, so this is the path the flags' tests do not take.
    @Test func tezgahAloneOpensTheShopFromTheEnvironment() throws {
        let session = try open([], environment: ["TEZGAH_DB": Self.demo])
        let screen = try session.waitFor(text: "800 orders")
        #expect(screen.contains("help"))
        try session.send("q")
        #expect(session.exitStatus() == 0)
    }

    /// A start that fails on its theme creates no shop, even with a terminal.
    @Test func aBadThemeInATerminalCreatesNoShop() throws {
        let path = Self.scratch.file("never-made.sqlite")
        let session = try open(["--theme", "neon", "--db", path])
        _ = try session.waitFor(text: "No theme named")
        #expect(session.exitStatus() == 2)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// The database opens while the terminal starts; an error from it still reaches the owner as one
    /// sentence on the restored screen, not lost with the desk's own screen.
    @Test func aShopThatCannotBeOpenedIsOneSentenceOnTheRestoredScreen() throws {
        let path = Self.scratch.file("not-a-shop.sqlite")
        try String(repeating: "these are not the pages of a database\n", count: 200)
            .write(toFile: path, atomically: true, encoding: .utf8)
        // Wide enough that the sentence, with the scratch folder's long path, stays on one line.
        let session = try open(["--db", path], width: 250)
        let screen = try session.waitFor(text: "Cannot open the shop database")
        #expect(session.exitStatus() == 1)
        let sentence = screen.split(separator: "\n").filter { $0.contains("Cannot open") }
        #expect(sentence.count == 1 && sentence[0].contains("not-a-shop.sqlite"), "\(screen)")
        let alternateScreen = try session.tmux(["display-message", "-p", "-t", "e2e", "#{alternate_on}"])
        #expect(alternateScreen.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "the desk's screen was given back")
    }
}

@Suite struct CommandLineTests {
    @Test func demoRefusesToOverwriteWithoutForce() throws {
        let scratch = Scratch()
        let path = scratch.file("d.sqlite")
        #expect(try TezgahBinary.run(["demo", "--orders", "50", "--db", path]).status == 0)
        let again = try TezgahBinary.run(["demo", "--orders", "50", "--db", path])
        #expect(again.status != 0)
        #expect(again.error.contains("already exists; pass --force to replace it."))
        #expect(try TezgahBinary.run(["demo", "--orders", "50", "--db", path, "--force"]).status == 0)
    }

    @Test func importFindTheOrderShipItAndSeeTheParcel() throws {
        let scratch = Scratch()
        let csv = scratch.file("orders_export.csv")
        try """
        Name,Email,Financial Status,Fulfillment Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Billing Name,Shipping City,Shipping Country,Tags,Notes
        #2001,sukru@example.com.tr,paid,,TRY,349.90,2025-05-11 09:55:16 +0300,1,Bakır cezve,349.90,Şükrü Çelik,Bursa,TR,,
        #2002,zoe@example.com,paid,fulfilled,EUR,19.90,2025-05-12 10:00:00 +0200,1,Linen tea towel,19.90,Zoë Hart,Berlin,DE,gift,
        """.write(toFile: csv, atomically: true, encoding: .utf8)
        let database = scratch.file("shop.sqlite")
        let result = try TezgahBinary.run(["import", csv, "--db", database])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "\(csv): Shopify orders export: 2 new orders, 0 updated, 2 new customers, 2 line items.\n")

        let broken = scratch.file("broken.csv")
        try """
        Name,Email,Financial Status,Fulfillment Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price
        #2003,a@example.com,paid,,TRY,1.00,2025-05-11 09:55:16 +0300,many,Kupa,1.00
        """.write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try TezgahBinary.run(["import", broken, "--db", database])
        #expect(refused.status == 1)
        #expect(refused.error == "broken.csv:2: column \"Lineitem quantity\": \"many\" is not a whole number of items above zero. Nothing from this file was imported.\n")
        // Under a Turkish locale (installed or not) the command line says the same in Turkish.
        let turkish = try TezgahBinary.run(["import", broken, "--db", database], environment: ["LANG": "tr_TR.UTF-8"])
        #expect(turkish.status == 1)
        #expect(turkish.error == "broken.csv:2: \"Lineitem quantity\" sütunu: \"many\" sıfırdan büyük tam bir ürün adedi değil. Bu dosyadan hiçbir şey içe aktarılmadı.\n")
        let again = try TezgahBinary.run(["import", csv, "--db", database], environment: ["LC_MESSAGES": "tr_TR.UTF-8"])
        #expect(again.output == "\(csv): Shopify siparişler dışa aktarımı: 0 yeni sipariş, 0 güncellendi, 2 değişmedi, 0 yeni müşteri, 2 sipariş kalemi.\n")

        let session = try TmuxSession(command: [TezgahBinary.path, "--db", database], environment: [:], width: 100, height: 30, scratch: scratch)
        _ = try session.waitFor(text: "2 orders")
        try session.send("/")
        try session.send("sukru", literal: true)
        var screen = try session.waitFor("the imported order") {
            $0.contains("/ is:needs-action sukru▏") && $0.contains("1 of 2 orders match")
        }
        #expect(screen.contains("#2001") && screen.contains("Şükrü Çelik") && screen.contains("₺349,90"))
        try session.send("Enter") // keep the filter and leave the box; letters are keys again

        // Ship it: the carrier is told by the tracking number's shape, here named explicitly.
        try session.send("s")
        _ = try session.waitFor(text: "Ship order #2001 — tracking number")
        try session.send("yurtici 123456789012", literal: true)
        try session.send("Enter")
        screen = try session.waitFor(text: "Order #2001 shipped.")
        #expect(screen.contains("no mail queued: the config has no [mail] section"))

        try session.send("F2", "Escape")
        screen = try session.waitFor("the new parcel") { $0.contains("123456789012") && $0.contains("Yurtiçi") }
        #expect(screen.contains("#2001"))
        try session.send("Enter")
        screen = try session.waitFor(text: "https://www.yurticikargo.com/")
        try session.send("Escape", "q")
        #expect(session.exitStatus() == 0)
    }

    @Test func trackingCheckPrintsCarrierAndLinkOrWhy() throws {
        let good = try TezgahBinary.run(["tracking", "check", "1Z999AA10123456784", "RR123456785TR"])
        #expect(good.status == 0)
        #expect(good.output == "1Z999AA10123456784\tUPS\thttps://www.ups.com/track?tracknum=1Z999AA10123456784\n"
                + "RR123456785TR\tPTT Kargo\thttps://gonderitakip.ptt.gov.tr/Track/Verify?q=RR123456785TR\n")
        let mixed = try TezgahBinary.run(["tracking", "check", "1Z999AA10123456785", "3513773163316"])
        #expect(mixed.status == 1)
        #expect(mixed.output.contains("1Z999AA10123456785\tinvalid\t1Z999AA10123456785 is not a valid UPS 1Z number"))
        let named = try TezgahBinary.run(["tracking", "check", "--carrier", "aras", "3513773163316"])
        #expect(named.status == 0)
        #expect(named.output.contains("Aras Kargo\thttps://kargotakip.araskargo.com.tr/mainpage.aspx?code=3513773163316"))
        #expect(try TezgahBinary.run(["tracking", "check", "--carrier", "pigeon", "1"]).status != 0)
        // The shop's own link for a carrier, from the config.
        let scratch = Scratch()
        let config = scratch.file("config.toml")
        try "[tracking.urls]\nups = \"https://kargo.example/ups/{n}\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let own = try TezgahBinary.run(["tracking", "check", "--config", config, "1Z999AA10123456784"])
        #expect(own.output == "1Z999AA10123456784\tUPS\thttps://kargo.example/ups/1Z999AA10123456784\n")
    }

    @Test func unknownThemeIsOneSentence() throws {
        let result = try TezgahBinary.run(["--theme", "neon", "--db", "/nonexistent/x.sqlite"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("No theme named \"neon\""))
        #expect(result.error.split(separator: "\n").count == 1)
    }

    @Test func tezgahAloneWithoutATerminalSaysSoAndCreatesNothing() throws {
        let scratch = Scratch()
        let result = try TezgahBinary.run([], environment: ["XDG_DATA_HOME": scratch.file("data"), "TEZGAH_DB": ""])
        #expect(result.status == 2)
        #expect(result.error == "tezgah needs a terminal: run it in one (over SSH, use ssh -t).\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("data/tezgah/shop.sqlite")))
    }

    @Test func withoutATerminalItSaysSo() throws {
        let scratch = Scratch()
        let result = try TezgahBinary.run(["--db", scratch.file("x.sqlite")])
        #expect(result.status == 2)
        #expect(result.error.contains("tezgah needs a terminal"))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("x.sqlite")), "a refused start creates no database")
    }

    /// `tezgah import` reads a WooCommerce export's local times in the config's time zone, and
    /// `tezgah config set` keeps the zone in the shop for a run without that config.
    @Test func importReadsLocalTimesInTheShopsZone() throws {
        let scratch = Scratch()
        let export = scratch.file("orders-2026-11.csv")
        try """
            Order Number,Order Status,Order Date,Customer Note,First Name (Billing),Last Name (Billing),Email (Billing),Address 1&2 (Shipping),City (Shipping),Postcode (Shipping),Country Code (Shipping),Payment Method Title,Order Refund Amount,Order Total Amount,Currency,SKU,Item #,Item Name,Quantity,Item Cost\r
            5001,processing,2026-11-21 01:30,,Ayşe,Yılmaz,ayse@example.com.tr,Bağdat Cad. No 5,İstanbul,34710,TR,Kapıda ödeme,0,349.90,TRY,KUPA-01,1,El yapımı seramik kupa,1,349.90\r

            """.write(toFile: export, atomically: true, encoding: .utf8)
        func placed(_ shop: String) throws -> Date? {
            let database = try AppDatabase(path: shop)
            defer { try? database.close() }
            return try database.orderDetail(id: 1).summary.placedAt
        }
        let istanbul = ISO8601DateFormatter().date(from: "2026-11-20T22:30:00Z")
        let config = scratch.file("istanbul.toml")
        try "[shop]\ntime_zone = \"Europe/Istanbul\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let first = scratch.file("woo-config.sqlite")
        let imported = try TezgahBinary.run(["import", export, "--db", first, "--config", config], environment: ["TZ": "UTC"])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(try placed(first) == istanbul)

        let second = scratch.file("woo-stored.sqlite")
        let set = try TezgahBinary.run(["config", "set", "time_zone", "Europe/Istanbul", "--db", second], environment: ["TZ": "UTC"])
        #expect(set.status == 0 && set.output == "time_zone\tEurope/Istanbul\n", "\(set.error)")
        #expect(try TezgahBinary.run(["import", export, "--db", second], environment: ["TZ": "UTC"]).status == 0)
        #expect(try placed(second) == istanbul)
        let shown = try TezgahBinary.run(["config", "show", "--db", second], environment: ["TZ": "UTC"])
        #expect(shown.output.contains("time_zone\tEurope/Istanbul\t(shop database)"), "\(shown.output)")
        let wrong = try TezgahBinary.run(["config", "set", "time_zone", "Istanbul", "--db", second])
        #expect(wrong.status != 0 && wrong.error.contains("“Istanbul” is not a time zone name such as Europe/Istanbul."), "\(wrong.error)")
    }
}
