/// Whether a text can be an e-mail address to write to: a local part of RFC 5322's atext and dots
/// (or any non-ASCII letter, RFC 6531), one @, and a dotted domain of letters, digits and hyphens.
/// A plausibility check for data from outside (export cells, From headers), not the whole grammar
/// (quoted local parts are refused): it turns away what mail to it would certainly bounce, and
/// what only looks like an address, such as an undecoded encoded word.
public enum EmailAddressShape {
    public static func isPlausible(_ text: String) -> Bool {
        // Nearly every address is ASCII: its bytes are checked directly, because asking each
        // scalar for its Unicode properties was half of reading an orders export.
        var text = text
        if let plausible = text.withUTF8(asciiPlausibility) { return plausible }
        return scalarPlausibility(text)
    }

    /// The same rule for an all-ASCII text, byte by byte; nil when the text has other bytes.
    static func asciiPlausibility(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var at: Int?
        for (position, byte) in bytes.enumerated() {
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "@") {
                guard at == nil else { return bytes[(position + 1)...].contains { $0 >= 0x80 } ? nil : false }
                at = position
            }
        }
        guard let at, at > 0, at < bytes.count - 1 else { return false }
        func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
        }
        let dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")
        let local = bytes[..<at]
        guard local.allSatisfy({ isLetterOrDigit($0) || atext.contains($0) }), local.first != dot, local.last != dot,
              !zip(local, local.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else { return false }
        let labels = bytes[(at + 1)...].split(separator: dot, omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.first != hyphen && label.last != hyphen
                && label.allSatisfy { isLetterOrDigit($0) || $0 == hyphen }
        }
    }

    /// RFC 5322's atext besides letters and digits, and the dot between its words.
    private static let atext = Set("!#$%&'*+-/=?^_`{|}~.".utf8)

    /// The rule scalar by scalar, for addresses with non-ASCII letters.
    static func scalarPlausibility(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let local = parts[0].unicodeScalars, domain = parts[1]
        let atext = Set("!#$%&'*+-/=?^_`{|}~.".unicodeScalars)
        guard local.allSatisfy({ $0.value > 0x7F || ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || atext.contains($0) }),
              local.first != ".", local.last != ".", !parts[0].contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { $0.value > 0x7F || ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == "-" }
        } && !domain.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
            && !local.contains { $0.properties.isWhitespace || $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }
    }
}
