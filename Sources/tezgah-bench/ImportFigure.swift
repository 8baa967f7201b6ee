import Foundation

/// The import figure: the real `tezgah import` of a generated Shopify export, against `sqlite3`'s
/// `.import` of the same file into a plain table.
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

    /// Seconds for `tezgah import` on a fresh database (median), its peak memory in MB, and seconds for
    /// `sqlite3 .import` (median).
    static func measure(binary: String, export: String, folder: String, runs: Int) throws -> (tezgah: Double, peakMB: Double?, sqlite: Double) {
        var tezgahTimes: [Double] = [], sqliteTimes: [Double] = []
        var peak: Double?
        for run in 0..<runs {
            let database = "\(folder)/import-\(run).sqlite"
            removeDatabaseFiles(database)
            let timeFile = "\(folder)/import-time.txt"
            let useTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
            let arguments = ["import", export, "--db", database]
            let start = ContinuousClock.now
            if useTime {
                try runProcess("/usr/bin/time", ["-f", "%M", "-o", timeFile, binary] + arguments)
            } else {
                try runProcess(binary, arguments)
            }
            tezgahTimes.append((ContinuousClock.now - start).milliseconds / 1_000)
            if useTime, let text = try? String(contentsOfFile: timeFile, encoding: .utf8),
               let kilobytes = Double(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") {
                peak = max(peak ?? 0, kilobytes / 1_024)
            }
            removeDatabaseFiles(database)

            let plain = "\(folder)/plain-\(run).sqlite"
            try? FileManager.default.removeItem(atPath: plain)
            let sqliteStart = ContinuousClock.now
            try runProcess("/usr/bin/sqlite3", [plain, ".import --csv \(export) orders"])
            sqliteTimes.append((ContinuousClock.now - sqliteStart).milliseconds / 1_000)
            try? FileManager.default.removeItem(atPath: plain)
        }
        return (median(tezgahTimes), peak, median(sqliteTimes))
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
