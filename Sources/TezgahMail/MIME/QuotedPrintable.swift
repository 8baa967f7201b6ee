/// RFC 2045 §6.7 quoted-printable for text bodies: lines of at most 76 characters, soft line
/// breaks (`=` CRLF), `=XX` for `=`, non-ASCII bytes and whitespace at the end of a line.
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var out: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var encodedLine = ""
            var length = 0
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let plain = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
                let piece = plain ? String(UnicodeScalar(byte)) : "=" + hex(byte)
                // Leave room for the soft break's "=" at the end of the line.
                if length + piece.count > 75 {
                    encodedLine += "=\r\n"
                    length = 0
                }
                encodedLine += piece
                length += piece.count
            }
            out.append(encodedLine)
        }
        return out.joined(separator: "\r\n")
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
