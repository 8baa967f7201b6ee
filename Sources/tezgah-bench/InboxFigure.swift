import Foundation

/// The inbox figure: `tezgah inbox sync` reading a Maildir into a fresh shop, against `notmuch new`
/// indexing the same Maildir (the peer a mail user already runs), and a re-sync with nothing new.
enum InboxFigure {
    /// Writes (once) a Maildir of `messages` customer mails as clients send them: threads of two or
    /// three, Turkish text in UTF-8 quoted-printable and in ISO-8859-9, HTML-only mail, attachments.
    static func maildir(messages: Int, folder: String) throws -> String {
        // Absolute: notmuch's config reads it from its own working directory.
        let path = URL(fileURLWithPath: "\(folder)/maildir-\(messages)").standardizedFileURL.path
        if FileManager.default.fileExists(atPath: path + "/cur") { return path }
        for sub in ["new", "cur", "tmp"] { try FileManager.default.createDirectory(atPath: "\(path)/\(sub)", withIntermediateDirectories: true) }
        let names = ["Ayşe Yılmaz", "Işık Öztürk", "Şükrü Çelik", "Gülşen Doğan", "Oliver Smith", "İbrahim Kara", "Zoë Hart"]
        for n in 0..<messages {
            let customer = n / 3
            let name = names[customer % names.count]
            let address = "customer\(customer)@example.com.tr"
            let reply = n % 3 == 0 ? "" : "In-Reply-To: <m\(n - 1)@example.com.tr>\r\nReferences: <m\(n - 1)@example.com.tr>\r\n"
            let date = Date(timeIntervalSince1970: 1_780_000_000 + Double(n) * 600)
            let header = "From: =?UTF-8?B?\(Data(name.utf8).base64EncodedString())?= <\(address)>\r\nTo: destek@aysenin-dukkani.example\r\n"
                + "Subject: =?UTF-8?Q?Sipari=C5=9F_\(1_000 + customer % 5_000)_hakk=C4=B1nda?=\r\nDate: \(rfc5322(date))\r\n"
                + "Message-ID: <m\(n)@example.com.tr>\r\n\(reply)MIME-Version: 1.0\r\n"
            let body: String
            switch n % 4 {
            case 0:
                body = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                    + "Merhaba, sipari=C5=9Fim hen=C3=BCz gelmedi. Kargo numaras=C4=B1 nedir?\r\n\r\nTe=C5=9Fekk=C3=BCrler\r\n"
            case 1:
                body = "Content-Type: text/plain; charset=iso-8859-9\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                    + "Sipari=FEim ula=FEt=FD, te=FEekk=FCr ederim.\r\n"
            case 2:
                body = "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Hello,</p><p>Where is my <b>order</b>? "
                    + "<a href=\"https://example.com/t\">tracking</a></p></body></html>\r\n"
            default:
                body = "Content-Type: multipart/mixed; boundary=\"b\(n)\"\r\n\r\n--b\(n)\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                    + "Faturayı ekledim.\r\n--b\(n)\r\nContent-Type: application/pdf; name=\"fatura.pdf\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n\(Data(repeating: 0x25, count: 3_000).base64EncodedString(options: .lineLength76Characters))\r\n--b\(n)--\r\n"
            }
            let file = "\(path)/cur/\(1_780_000_000 + n).M\(n)P1.bench,S=\(header.utf8.count + body.utf8.count):2,S"
            try Data((header + body).utf8).write(to: URL(fileURLWithPath: file))
        }
        return path
    }

    private static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 3 * 3_600)
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// Seconds for a first sync into a fresh shop, its peak memory in MB, seconds for a re-sync with
    /// nothing new, and seconds for `notmuch new` on the same Maildir (nil without notmuch).
    static func measure(binary: String, maildir: String, folder: String) throws
        -> (first: Double, peakMB: Double?, again: Double, notmuch: Double?) {
        let database = "\(folder)/inbox-bench.sqlite"
        removeDatabaseFiles(database)
        let timeFile = "\(folder)/inbox-time.txt"
        let useTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        let arguments = ["inbox", "sync", "--maildir", maildir, "--db", database]
        var start = ContinuousClock.now
        if useTime {
            try ImportFigure.runProcess("/usr/bin/time", ["-f", "%M", "-o", timeFile, binary] + arguments)
        } else {
            try ImportFigure.runProcess(binary, arguments)
        }
        let first = (ContinuousClock.now - start).milliseconds / 1_000
        var peak: Double?
        if useTime, let text = try? String(contentsOfFile: timeFile, encoding: .utf8),
           let kilobytes = Double(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") {
            peak = kilobytes / 1_024
        }
        start = ContinuousClock.now
        try ImportFigure.runProcess(binary, arguments)
        let again = (ContinuousClock.now - start).milliseconds / 1_000
        removeDatabaseFiles(database)

        var notmuch: Double?
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/notmuch") {
            try? FileManager.default.removeItem(atPath: maildir + "/.notmuch")
            let config = "\(folder)/notmuch-config"
            try "[database]\npath=\(maildir)\n[new]\ntags=new\n[user]\nname=Bench\nprimary_email=bench@example.com\n"
                .write(toFile: config, atomically: true, encoding: .utf8)
            start = ContinuousClock.now
            try ImportFigure.runProcess("/usr/bin/notmuch", ["--config=\(config)", "new", "--quiet"])
            notmuch = (ContinuousClock.now - start).milliseconds / 1_000
            try? FileManager.default.removeItem(atPath: maildir + "/.notmuch")
        }
        return (first, peak, again, notmuch)
    }
}
