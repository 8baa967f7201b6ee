/// An amount of money: integer minor units plus a currency. Never floating point.
public struct Money: Hashable, Sendable, Codable {
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Formats with the currency's symbol; TRY uses Turkish grouping (1.234,56), others 1,234.56:
    /// each currency as its home writes it (mails, the command line, the English desk).
    public var formatted: String {
        currency.code == "TRY" ? formatted(group: ".", decimal: ",") : formatted(group: ",", decimal: ".")
    }

    /// As the desk's language writes money: Turkish groups every currency as 1.234,56.
    public func formatted(in language: Language) -> String {
        language == .turkish ? formatted(group: ".", decimal: ",") : formatted
    }

    private func formatted(group groupSeparator: Character, decimal decimalSeparator: String) -> String {
        let negative = minorUnits < 0
        let magnitude = minorUnits.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<currency.minorDigits { divisor *= 10 }
        let whole = magnitude / divisor
        let fraction = magnitude % divisor
        var digits = Array(String(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = String(groupSeparator) + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = String(digits) + grouped
        if currency.minorDigits > 0 {
            let fractionText = String(fraction)
            grouped += decimalSeparator + String(repeating: "0", count: currency.minorDigits - fractionText.count) + fractionText
        }
        return (negative ? "-" : "") + currency.symbol + grouped
    }

    /// "1234.56": for files other programs read (no symbol, no grouping, a dot).
    public var plainAmount: String {
        var divisor: Int64 = 1
        for _ in 0..<currency.minorDigits { divisor *= 10 }
        let magnitude = minorUnits.magnitude
        let fraction = String(magnitude % UInt64(divisor))
        let whole = "\(minorUnits < 0 ? "-" : "")\(magnitude / UInt64(divisor))"
        return currency.minorDigits == 0 ? whole : whole + "." + String(repeating: "0", count: currency.minorDigits - fraction.count) + fraction
    }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
    }
}
