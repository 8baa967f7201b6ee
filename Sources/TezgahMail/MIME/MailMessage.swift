import Foundation

/// A mail as tezgah sends it, rendered once at enqueue time (RFC 5322, MIME per RFC 2045–2047):
/// CRLF line ends, no line over 998 octets, UTF-8 header text as encoded words, a plain-text part
/// and, when there is HTML, `multipart/alternative`.
public struct MailMessage: Equatable, Sendable {
    /// RFC 8058 one-click unsubscribe, for marketing mail.
    public struct Unsubscribe: Equatable, Sendable {
        public var url: String
        public var mailto: String?

        public init(url: String, mailto: String? = nil) {
            self.url = url
            self.mailto = mailto
        }
    }

    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    public var date: Date
    /// `<unique@domain>`, fixed when the mail is queued so a retry carries the same id.
    public var messageID: String
    public var text: String
    public var html: String?
    public var inReplyTo: String?
    public var references: [String]
    public var unsubscribe: Unsubscribe?

    public init(from: MailAddress, to: [MailAddress], subject: String, date: Date, messageID: String, text: String,
                html: String? = nil, inReplyTo: String? = nil, references: [String] = [], unsubscribe: Unsubscribe? = nil) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.text = text
        self.html = html
        self.inReplyTo = inReplyTo
        self.references = references
        self.unsubscribe = unsubscribe
    }

    /// A new globally unique Message-ID at `domain`.
    public static func makeMessageID(domain: String) -> String {
        "<\(UUID().uuidString.lowercased()).tezgah@\(domain)>"
    }

    /// The message as octets to hand to SMTP or sendmail. Throws rather than write a header value
    /// holding CR or LF, so no data (a name, a subject) can ever add a header.
    public func rendered() throws -> String {
        var headers: [String] = []
        /// `raw` is the data the value came from: it is what must hold no line break (the encoded
        /// value may be folded with CRLF SP on purpose).
        func header(_ name: String, _ value: String, raw: String? = nil) throws {
            guard !(raw ?? value).unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw MailError.lineBreakInHeader(field: name)
            }
            headers.append("\(name): \(value)")
        }
        func checkedID(_ id: String, _ field: String) throws -> String {
            guard id.hasPrefix("<"), id.hasSuffix(">"), id.contains("@"),
                  !id.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value >= 0x7F }) else {
                throw MailError.lineBreakInHeader(field: field)
            }
            return id
        }
        // Addresses and names were checked for line breaks when the MailAddress was made.
        try header("From", from.headerText(foldingAt: 6), raw: from.address + (from.displayName ?? ""))
        guard !to.isEmpty else { throw MailError.invalidAddress("") }
        try header("To", to.map { $0.headerText(foldingAt: 4) }.joined(separator: ",\r\n "),
                   raw: to.map { $0.address + ($0.displayName ?? "") }.joined())
        try header("Subject", Self.headerText(subject, used: 9), raw: subject)
        try header("Date", Self.rfc5322Date(date))
        try header("Message-ID", try checkedID(messageID, "Message-ID"))
        if let inReplyTo { try header("In-Reply-To", try checkedID(inReplyTo, "In-Reply-To")) }
        if !references.isEmpty {
            try header("References", try references.map { try checkedID($0, "References") }.joined(separator: " "))
        }
        if let unsubscribe {
            var targets = ["<\(unsubscribe.url)>"]
            if let mailto = unsubscribe.mailto { targets.append("<mailto:\(mailto)>") }
            for target in targets where target.contains(" ") || target.dropFirst().dropLast().contains(">") {
                throw MailError.lineBreakInHeader(field: "List-Unsubscribe")
            }
            try header("List-Unsubscribe", targets.joined(separator: ", "))
            if unsubscribe.url.hasPrefix("https://") { try header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click") }
        }
        try header("MIME-Version", "1.0")

        var body: String
        if let html {
            // "=_" never occurs in quoted-printable output ("=" is always escaped), so it cannot
            // collide with a body line.
            let boundary = "=_tezgah_" + String(UInt64(bitPattern: Int64(messageID.hashValueStable)), radix: 16)
            try header("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")
            body = "This is a multi-part message in MIME format.\r\n"
                + "--\(boundary)\r\n" + Self.part("text/plain", text)
                + "--\(boundary)\r\n" + Self.part("text/html", html)
                + "--\(boundary)--\r\n"
        } else {
            try header("Content-Type", "text/plain; charset=utf-8")
            try header("Content-Transfer-Encoding", "quoted-printable")
            body = Self.bodyLines(text)
        }
        return headers.map(Self.fold).joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    private static func part(_ type: String, _ content: String) -> String {
        "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + bodyLines(content)
    }

    /// Quoted-printable text ending in exactly one CRLF (a text that already ends with a line
    /// break must not gain a second).
    private static func bodyLines(_ text: String) -> String {
        let encoded = QuotedPrintable.encode(text)
        return encoded.hasSuffix("\r\n") ? encoded : encoded + "\r\n"
    }

    /// Header text as is when it is printable ASCII, else encoded words.
    static func headerText(_ text: String, used: Int) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } && !text.contains("=?")
        return plain ? text : EncodedWord.encode(text, firstLineUsed: used)
    }

    /// Folds a long header line at spaces so no line passes 78 characters where it can be helped
    /// (and never 998).
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 78, !line.contains("\r\n") else { return line }
        var out = ""
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.utf8.count + 1 + word.utf8.count > 78 {
                out += current + "\r\n"
                current = " " + word
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        return out + current
    }

    /// "Sun, 06 Dec 2026 14:05:00 +0000", spelled by hand: a DateFormatter per mail was a large
    /// part of composing one, and the names here never depend on a locale.
    static func rfc5322Date(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }
}

extension String {
    /// FNV-1a over the UTF-8 bytes: the same on every run (Swift's hashValue is seeded per process).
    var hashValueStable: Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return Int(bitPattern: UInt(hash))
    }
}
