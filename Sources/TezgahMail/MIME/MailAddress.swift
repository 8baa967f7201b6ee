import Foundation

/// An address with an optional display name, e.g. `Ayşe Yılmaz <ayse@example.com.tr>`.
public struct MailAddress: Equatable, Sendable {
    public var displayName: String?
    public var address: String

    /// Checks the address (`local@domain`; no spaces, brackets, controls or line breaks) and the
    /// name. Either part may be written in any script (RFC 6531/6532 international addresses such
    /// as `山田.花子@example.jp` or `ayşe@örnek.com.tr`); such an address needs a relay that offers
    /// SMTPUTF8 (see `isInternational`).
    public init(_ address: String, displayName: String? = nil) throws {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              address.unicodeScalars.allSatisfy(Self.mayAppear), address.utf8.count <= 254 else {
            throw MailError.invalidAddress(address)
        }
        if let displayName, displayName.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
            throw MailError.lineBreakInHeader(field: "address")
        }
        self.address = address
        self.displayName = displayName.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the address is written beyond ASCII, and so can only travel with SMTPUTF8.
    public var isInternational: Bool { Self.isInternational(address) }

    /// The same for an address already checked and stored (an outbox row's, the sender's).
    static func isInternational(_ address: String) -> Bool { !address.unicodeScalars.allSatisfy(\.isASCII) }

    private static let specials = Set("<>()[]\\,;:\"".unicodeScalars)

    /// ASCII printables but the specials; beyond ASCII, letters, marks, digits, punctuation and
    /// symbols — never a control, a format character (a right-to-left override would let an
    /// address read as another), a space or separator of any kind, or a private-use or unassigned
    /// code point.
    private static func mayAppear(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value > 0x20 && scalar.value < 0x7F && !specials.contains(scalar) }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return false
        default:
            return true
        }
    }

    private static let spaces = CharacterSet(charactersIn: " ")

    /// Parses `Name <addr>` or a bare address.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: Self.spaces)
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            var name = String(trimmed[..<open]).trimmingCharacters(in: Self.spaces)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            try self.init(String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]),
                          displayName: name.isEmpty ? nil : name)
        } else {
            try self.init(trimmed)
        }
    }

    /// The address as a header writes it: the name as a quoted string when ASCII, as RFC 2047
    /// encoded words otherwise.
    func headerText(foldingAt column: Int) -> String {
        guard let name = displayName else { return address }
        if name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(address)>"
        }
        return EncodedWord.encode(name, firstLineUsed: column) + " <\(address)>"
    }
}
