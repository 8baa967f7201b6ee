import Foundation

/// The first mailbox of an address header (`From`, `Reply-To`): `"Ayşe Yılmaz" <ayse@example.com>`,
/// `=?UTF-8?B?…?= <ayse@example.com>`, `ayse@example.com (Ayşe)` or a bare address.
enum MailboxParser {
    static func first(_ value: String) -> (name: String, address: String) {
        let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            let address = value[value.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            var name = value[..<open].trimmingCharacters(in: .whitespaces)
            if name.hasSuffix(",") { name.removeLast() }
            return (unquoted(EncodedWord.decode(name)), address)
        }
        // `address (comment)`: the comment is the name.
        if let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")"), open < close {
            let address = value[..<open].trimmingCharacters(in: .whitespaces)
            return (EncodedWord.decode(String(value[value.index(after: open)..<close])), address)
        }
        let address = value.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? value
        return ("", address)
    }

    private static func unquoted(_ name: String) -> String {
        var name = name.trimmingCharacters(in: .whitespaces)
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
        return name.replacingOccurrences(of: "\\\"", with: "\"").onOneLine
    }
}

/// RFC 5322 dates as clients write them: `Tue, 1 Dec 2026 09:30:00 +0300`, without the day name, with
/// a zone name (`GMT`, `UTC`, `EST`) or a comment after the offset (`(TRT)`).
enum MailDate {
    static func parse(_ value: String) -> Date? {
        var text = value
        if let comment = text.firstIndex(of: "(") { text = String(text[..<comment]) }
        text = text.trimmingCharacters(in: .whitespaces)
        if let comma = text.firstIndex(of: ",") { text = text[text.index(after: comma)...].trimmingCharacters(in: .whitespaces) }
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 4, let day = Int(words[0]), var year = Int(words[2]) else { return nil }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let month = months.firstIndex(of: String(words[1].prefix(3)).lowercased()) else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        let time = words[3].split(separator: ":").compactMap { Int($0) }
        guard time.count >= 2 else { return nil }
        var offset = 0
        if words.count >= 5 {
            let zone = words[4]
            if let sign = zone.first, sign == "+" || sign == "-", let digits = Int(zone.dropFirst()), zone.count == 5 {
                offset = (digits / 100 * 3_600 + digits % 100 * 60) * (sign == "-" ? -1 : 1)
            } else {
                offset = ["EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7][zone.uppercased()]
                    .map { $0 * 3_600 } ?? 0
            }
        }
        var components = DateComponents()
        components.year = year
        components.month = month + 1
        components.day = day
        components.hour = time[0]
        components.minute = time[1]
        components.second = time.count > 2 ? time[2] : 0
        components.timeZone = TimeZone(secondsFromGMT: offset)
        return utc.date(from: components)
    }

    /// Made once: a first Calendar is a good part of reading a date.
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()
}
