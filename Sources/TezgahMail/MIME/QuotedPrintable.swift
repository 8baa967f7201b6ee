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

    /// Decodes a quoted-printable body (soft breaks removed, `=XX` to bytes) as UTF-8. A malformed
    /// escape is kept as it stands rather than dropped (RFC 2045 §6.7, note 1).
    static func decode(_ text: String) -> String {
        String(decoding: decode(bytes: Array(text.utf8)), as: UTF8.self)
    }

    /// The same on bytes, for a body whose charset is decoded afterwards.
    static func decode(bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "=") else {
                out.append(byte)
                index += 1
                continue
            }
            // Soft line break: "=" then CRLF or LF.
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 2; continue }
            if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "\r"), bytes[index + 2] == UInt8(ascii: "\n") {
                index += 3
                continue
            }
            if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            out.append(byte)
            index += 1
        }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
