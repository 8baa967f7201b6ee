import Foundation
import TezgahStore

/// The import figure: the real `tezgah import` of a generated Shopify export, fresh and again,
/// against `sqlite3` loading the same file into the same schema (the floor), and `.import` of it
/// into a plain table for reference.
enum ImportFigure {
    static let header = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Country,Notes,Cancelled at,Tags,Id"

    /// Writes (once) a Shopify orders export with `orders` orders of one to three lines each.
    static func export(orders: Int, folder: String) throws -> String {
        let path = "\(folder)/shopify-\(orders).csv"
        if FileManager.default.fileExists(atPath: path) { return path }
        let names = ["Ayşe Yılmaz", "Işık Öztürk", "Şükrü Çelik", "Gülşen Doğan", "Oliver Smith", "İbrahim Kara", "Zoë Hart"]
        let products = [("El yapımı seramik kupa", "349.90"), ("Peştemal – Turkuaz", "449.00"), ("Bakır cezve", "799.00"),
                        ("Linen tea towel, natural", "210.00")]
        guard let out = OutputStream(toFileAtPath: path, append: false) else { throw BenchError("cannot write \(path)") }
        out.open()
        defer { out.close() }
        func write(_ text: String) { let bytes = Array(text.utf8); _ = out.write(bytes, maxLength: bytes.count) }
        write(header + "\n")
        for n in 0..<orders {
            let name = names[n % names.count]
            let email = "customer\(n % (orders / 5 + 1))@example.com.tr"
            let day = 1 + n % 28, month = 1 + (n / 28) % 12
            let created = String(format: "2025-%02d-%02d 10:%02d:00 +0300", month, day, n % 60)
            let lines = 1 + n % 3
            for line in 0..<lines {
                let (product, price) = products[(n + line) % products.count]
                if line == 0 {
                    write("#\(100_000 + n),\(email),paid,,fulfilled,,TRY,,,,\(price),\(created),1,\"\(product)\",\(price),SKU\(line),\(name),\(name),\"\(n % 180). Sokak No 5\",İstanbul,34000,TR,\"Kapıya bırakın, teşekkürler\",,gift,\(9_000_000 + n)\n")
                } else {
                    write("#\(100_000 + n),\(email),,,,,,,,,,\(created),1,\"\(product)\",\(price),SKU\(line),,,,,,,,,,\n")
                }
            }
        }
        return path
    }

    /// What one run of the import figure measured (medians, seconds; peak memory in MB).
    struct Measured {
        var fresh: Double
        var freshPeakMB: Double?
        /// `tezgah import` of the same file again: every order known, nothing changed.
        var again: Double
        var againPeakMB: Double?
        /// `sqlite3` loading the file into the same schema, set-based (`floorScript`).
        var floor: Double
        /// `sqlite3 .import` into a plain table, for reference.
        var plain: Double
    }

    /// Times `tezgah import` into a fresh shop and again into the shop it made, against the floor
    /// and `.import`, `runs` times each in turn. Both importers start from the same empty shop,
    /// migrated by the code the binary was built from, so the floor follows the schema.
    static func measure(binary: String, export: String, folder: String, runs: Int) throws -> Measured {
        let template = "\(folder)/import-template.sqlite"
        removeDatabaseFiles(template)
        try AppDatabase(path: template).close()
        defer { removeDatabaseFiles(template) }
        let script = "\(folder)/import-floor.sql"
        try floorScript(export: export, template: template).write(toFile: script, atomically: true, encoding: .utf8)
        var fresh: [Double] = [], again: [Double] = [], floor: [Double] = [], plain: [Double] = []
        var freshPeak: Double?, againPeak: Double?
        for run in 0..<runs {
            let database = "\(folder)/import-\(run).sqlite"
            removeDatabaseFiles(database)
            try FileManager.default.copyItem(atPath: template, toPath: database)
            let first = try timed(binary, ["import", export, "--db", database], folder: folder)
            fresh.append(first.seconds)
            freshPeak = max(freshPeak ?? 0, first.peakMB ?? 0)
            let second = try timed(binary, ["import", export, "--db", database], folder: folder)
            again.append(second.seconds)
            againPeak = max(againPeak ?? 0, second.peakMB ?? 0)
            removeDatabaseFiles(database)

            let copy = "\(folder)/floor-\(run).sqlite"
            removeDatabaseFiles(copy)
            try FileManager.default.copyItem(atPath: template, toPath: copy)
            floor.append(try timed("/usr/bin/sqlite3", [copy, ".read \(script)"], folder: folder).seconds)
            removeDatabaseFiles(copy)

            let table = "\(folder)/plain-\(run).sqlite"
            removeDatabaseFiles(table)
            plain.append(try timed("/usr/bin/sqlite3", [table, ".import --csv \(export) orders"], folder: folder).seconds)
            removeDatabaseFiles(table)
        }
        return Measured(fresh: median(fresh), freshPeakMB: freshPeak, again: median(again), againPeakMB: againPeak,
                        floor: median(floor), plain: median(plain))
    }

    /// Seconds from start to exit, and peak memory when `/usr/bin/time` is there to say.
    private static func timed(_ path: String, _ arguments: [String], folder: String) throws -> (seconds: Double, peakMB: Double?) {
        let timeFile = "\(folder)/import-time.txt"
        let useTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        let start = ContinuousClock.now
        if useTime {
            try runProcess("/usr/bin/time", ["-f", "%M", "-o", timeFile, path] + arguments)
        } else {
            try runProcess(path, arguments)
        }
        let seconds = (ContinuousClock.now - start).milliseconds / 1_000
        guard useTime, let text = try? String(contentsOfFile: timeFile, encoding: .utf8),
              let kilobytes = Double(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "")
        else { return (seconds, nil) }
        return (seconds, kilobytes / 1_024)
    }

    /// SQLite doing tezgah's work for this export by itself, as one `sqlite3` script: `.import`
    /// into a temporary staging table, then set-based `INSERT … SELECT` into the shop's own
    /// customers, orders, lines and search text, with every index and the search table's prefix
    /// settings as the migrations made them, in one transaction, with the large write's settings
    /// (`AppDatabase.largeWrite`). Per-row triggers on those tables are dropped for the copy and
    /// put back (from the template's own text) before the commit; the summaries they keep are not
    /// filled, so tezgah's recount at the end is measured against nothing. Values are computed
    /// (amounts to minor units, dates to seconds, statuses mapped) so SQLite cannot copy pages.
    static func floorScript(export: String, template: String) throws -> String {
        let shop = try AppDatabase(path: template)
        let triggers = try shop.triggers(on: ["customers", "orders", "order_lines"])
        try shop.close()
        let placed = """
            (unixepoch(substr(s."Created at", 1, 19))
             - (CASE substr(s."Created at", 21, 1) WHEN '-' THEN -1 ELSE 1 END)
               * (substr(s."Created at", 22, 2) * 3600 + substr(s."Created at", 24, 2) * 60))
            """
        return """
            PRAGMA cache_size = -16384;
            PRAGMA temp_store = MEMORY;
            PRAGMA ignore_check_constraints = ON;
            .import --csv --schema temp \(export) staging
            BEGIN IMMEDIATE;
            \(triggers.map { "DROP TRIGGER \($0.name);" }.joined(separator: "\n"))
            CREATE TEMP TABLE per_order(number TEXT PRIMARY KEY, first INTEGER, items INTEGER, names TEXT) WITHOUT ROWID;
            INSERT INTO per_order SELECT Name, min(rowid), sum("Lineitem quantity"), group_concat("Lineitem name", ' ')
                FROM temp.staging GROUP BY Name;
            INSERT INTO customers(name, email, language, city, country, created_at)
                SELECT name, email, language, city, country, created_at FROM (
                    SELECT min(p.first) AS first, s."Billing Name" AS name, lower(s.Email) AS email,
                           CASE s."Shipping Country" WHEN 'TR' THEN 'tr' ELSE 'en' END AS language,
                           s."Shipping City" AS city, s."Shipping Country" AS country, \(placed) AS created_at
                    FROM per_order p JOIN temp.staging s ON s.rowid = p.first WHERE s.Email <> '' GROUP BY lower(s.Email))
                ORDER BY first;
            INSERT INTO orders(number, platform, platform_ref, customer_id, status, payment_status, fulfillment_status, currency,
                               total_minor, refunded_minor, item_count, shipping_address, tags, note, placed_at, updated_at)
                SELECT s.Name, 'shopify', s.Id, c.id,
                       CASE WHEN s."Cancelled at" <> '' THEN 'cancelled' WHEN s."Fulfillment Status" = 'fulfilled' THEN 'shipped'
                            WHEN s."Fulfillment Status" = 'partial' THEN 'preparing' ELSE 'received' END,
                       CASE s."Financial Status" WHEN 'paid' THEN 'paid' WHEN 'refunded' THEN 'refunded'
                            WHEN 'partially_refunded' THEN 'partially_refunded' ELSE 'pending' END,
                       CASE s."Fulfillment Status" WHEN 'fulfilled' THEN 'fulfilled' WHEN 'partial' THEN 'partial' ELSE 'unfulfilled' END,
                       s.Currency, CAST(round(s.Total * 100) AS INTEGER),
                       CASE s."Financial Status" WHEN 'refunded' THEN CAST(round(s.Total * 100) AS INTEGER) ELSE 0 END,
                       p.items, s."Shipping Address1" || ', ' || s."Shipping Zip" || ' ' || s."Shipping City" || ', ' || s."Shipping Country",
                       s.Tags, s.Notes, \(placed), \(placed)
                FROM per_order p JOIN temp.staging s ON s.rowid = p.first JOIN customers c ON c.email = lower(s.Email)
                ORDER BY p.first;
            INSERT INTO order_lines(order_id, sku, name, quantity, unit_price_minor)
                SELECT o.id, s."Lineitem sku", s."Lineitem name", s."Lineitem quantity", CAST(round(s."Lineitem price" * 100) AS INTEGER)
                FROM temp.staging s JOIN orders o ON o.number = s.Name ORDER BY s.rowid;
            INSERT INTO \(AppDatabase.orderSearchTable)(rowid, text)
                SELECT o.id, lower(o.number || ' ' || c.name || ' ' || c.email || ' ' || c.city || ' ' || o.status || ' '
                                   || p.names || ' ' || o.tags)
                FROM orders o JOIN customers c ON c.id = o.customer_id JOIN per_order p ON p.number = o.number ORDER BY o.id;
            \(triggers.map { $0.sql + ";" }.joined(separator: "\n"))
            COMMIT;

            """
    }

    static func runProcess(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(path) \(arguments.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
        }
    }
}
