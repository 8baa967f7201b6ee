/// Whether a text can be an e-mail address to write to: a local part of RFC 5322's atext and dots
/// (or any non-ASCII letter, RFC 6531), one @, and a dotted domain of letters, digits and hyphens.
/// A plausibility check for data from outside (export cells, From headers), not the whole grammar
/// (quoted local parts are refused): it turns away what mail to it would certainly bounce, and
/// what only looks like an address, such as an undecoded encoded word.
public enum EmailAddressShape {
    public static func isPlausible(_ text: String) -> Bool {
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
