import Foundation

/// RFC 2047 encoded words for non-ASCII header text ("Ayşe" → `=?UTF-8?B?QXnFn2U=?=`).
enum EncodedWord {
    /// Encodes `text` as base64 encoded words of at most 75 characters each, never splitting a
    /// UTF-8 character between two words (RFC 2047 §5), joined by folding whitespace (CRLF SP).
    static func encode(_ text: String, firstLineUsed: Int = 0) -> String {
        let prefix = "=?UTF-8?B?", suffix = "?="
        // 75 − 12 characters of base64 carry 45 bytes (4 characters per 3 bytes). The first word
        // shares its line with the header name, so it is shorter, keeping every line within 76.
        func maxBytes(lineUsed: Int) -> Int { max(3, (min(75, 76 - lineUsed) - prefix.count - suffix.count) / 4 * 3) }
        var words: [String] = []
        var chunk = [UInt8]()
        for character in text {
            let bytes = Array(String(character).utf8)
            let limit = maxBytes(lineUsed: words.isEmpty ? firstLineUsed : 1)
            if chunk.count + bytes.count > limit, !chunk.isEmpty {
                words.append(prefix + Data(chunk).base64EncodedString() + suffix)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(prefix + Data(chunk).base64EncodedString() + suffix) }
        return words.joined(separator: "\r\n ")
    }

    /// Decodes the encoded words in an unfolded header value. Whitespace between two adjacent
    /// encoded words is dropped (RFC 2047 §6.2); B and Q encodings, UTF-8 and ISO-8859 charsets.
    /// Adjacent words in one charset are joined as bytes before they are read: RFC 2047 wants each
    /// word whole, but mailers that cut a long subject by length split a letter across two words.
    static func decode(_ value: String) -> String {
        var out = ""
        var pendingSpace = ""
        var run: (charset: String, bytes: [UInt8])?
        func endRun() {
            if let current = run { out += TextCharset.decode(current.bytes, charset: current.charset).text }
            run = nil
        }
        var rest = value[...]
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let word = decodeWord(rest) {
                if run == nil {
                    out += pendingSpace // text, then a word: the space between them stays
                } else if run?.charset != word.charset {
                    endRun()
                }
                if run == nil { run = (word.charset, []) }
                run?.bytes += word.bytes
                pendingSpace = ""
                rest = rest.dropFirst(word.length)
                continue
            }
            let character = rest.removeFirst()
            if character == " " || character == "\t" {
                pendingSpace.append(character)
            } else {
                endRun()
                out += pendingSpace
                pendingSpace = ""
                out.append(character)
            }
        }
        endRun()
        return out + pendingSpace
    }

    /// One `=?charset?B|Q?text?=` at the start of `text`: its charset, its bytes and its length.
    private static func decodeWord(_ text: Substring) -> (charset: String, bytes: [UInt8], length: Int)? {
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), !parts[2].contains(" ") else { return nil }
        let charset = parts[0].split(separator: "*").first.map { $0.lowercased() } ?? ""
        let encoding = parts[1].uppercased()
        let payload = String(parts[2])
        let bytes: [UInt8]
        if encoding == "B" {
            guard let data = Data(base64Encoded: payload) else { return nil }
            bytes = Array(data)
        } else if encoding == "Q" {
            var decoded: [UInt8] = []
            var chars = Array(payload.utf8)[...]
            while let byte = chars.popFirst() {
                if byte == UInt8(ascii: "_") {
                    decoded.append(0x20)
                } else if byte == UInt8(ascii: "="), chars.count >= 2,
                          let high = QuotedPrintable.hexValue(chars[chars.startIndex]),
                          let low = QuotedPrintable.hexValue(chars[chars.startIndex + 1]) {
                    decoded.append(high << 4 | low)
                    chars = chars.dropFirst(2)
                } else {
                    decoded.append(byte)
                }
            }
            bytes = decoded
        } else {
            return nil
        }
        let length = 2 + parts[0].count + 1 + parts[1].count + 1 + parts[2].count + 2
        return (charset, bytes, length)
    }
}
