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
}
