/// Amounts typed by people or written by exports, read exactly (no floating point).
extension Money {
    /// Reads "12.50", "12,50", "₺1.234,56", "1,234.50" or "12" in `currency`.
    ///
    /// With `decimalSeparator` given (an export's fixed format) no grouping is accepted. Without it
    /// (what the owner types), when both marks appear the last one is the decimal point; a single mark
    /// is the decimal point when at most the currency's minor digits follow it, else grouping
    /// ("1.250" in lira is one thousand two hundred and fifty). Nil for anything else, or for more
    /// fraction digits than the currency has (unless they are zeros).
    public init?(parsing text: String, currency: Currency, decimalSeparator: Character? = nil) {
        if let separator = decimalSeparator?.asciiValue {
            // Exports: plain digits and one mark, read byte by byte (an import reads millions).
            guard let minor = Self.plainMinorUnits(text.utf8, separator: separator, digits: currency.minorDigits) else { return nil }
            self.init(minorUnits: minor, currency: currency)
            return
        }
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if decimalSeparator == nil {
            for prefix in [currency.symbol, currency.code] where body.hasPrefix(prefix) { body = body.dropFirst(prefix.count) }
            for suffix in [currency.symbol, currency.code] where body.hasSuffix(suffix) { body = body.dropLast(suffix.count) }
            body = Substring(body.trimmingCharacters(in: .whitespaces))
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let decimal: Character?
        if let decimalSeparator {
            decimal = body.contains(decimalSeparator) ? decimalSeparator : nil
            guard body.allSatisfy({ $0.isNumber || $0 == decimalSeparator }) else { return nil }
        } else if let last = body.lastIndex(where: { $0 == "." || $0 == "," }) {
            let mark = body[last]
            let othersBefore = body[..<last].contains { $0 != mark && ($0 == "." || $0 == ",") }
            let repeated = body[..<last].contains(mark)
            let after = body.distance(from: body.index(after: last), to: body.endIndex)
            decimal = othersBefore || (!repeated && after <= max(currency.minorDigits, 2) && after != 3) ? mark : nil
        } else {
            decimal = nil
        }
        let parts = decimal.map { body.split(separator: $0, omittingEmptySubsequences: false) } ?? [body]
        guard parts.count <= 2 else { return nil }
        let wholeText = parts[0].filter(\.isNumber)
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        // Grouping marks only in the whole part, and only in groups of three.
        let groups = parts[0].split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard !wholeText.isEmpty, groups.dropFirst().allSatisfy({ $0.count == 3 }), let whole = Int64(wholeText),
              fraction.allSatisfy(\.isNumber) else { return nil }
        while fraction.count < currency.minorDigits { fraction += "0" }
        guard fraction.dropFirst(currency.minorDigits).allSatisfy({ $0 == "0" }) else { return nil }
        var scale: Int64 = 1
        for _ in 0..<currency.minorDigits { scale *= 10 }
        self.init(minorUnits: whole * scale + (Int64(fraction.prefix(currency.minorDigits)) ?? 0), currency: currency)
    }

    /// A value above zero the owner typed with its currency's code ("500" "TRY", "49,90" "eur"), as
    /// vouchers take it on the command line and in the desk; nil unless the code is three letters.
    public init?(typed amount: String, currencyCode: String) {
        guard currencyCode.count == 3, currencyCode.allSatisfy({ $0.isASCII && $0.isLetter }),
              let money = Money(parsing: amount, currency: Currency.code(currencyCode)), money.minorUnits > 0 else { return nil }
        self = money
    }

    /// "1234.50" with `.` as the separator → 123450 at two digits; nil for anything else, or for
    /// more fraction digits than `digits` unless they are zeros.
    private static func plainMinorUnits(_ bytes: String.UTF8View, separator: UInt8, digits: Int) -> Int64? {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var wholeDigits = 0
        var seenSeparator = false
        for byte in bytes {
            if byte == separator {
                guard !seenSeparator else { return nil }
                seenSeparator = true
            } else if byte >= 0x30 && byte <= 0x39 {
                let digit = Int64(byte - 0x30)
                if seenSeparator {
                    fractionDigits += 1
                    if fractionDigits > digits {
                        guard digit == 0 else { return nil }
                    } else {
                        fraction = fraction * 10 + digit
                    }
                } else {
                    wholeDigits += 1
                    guard wholeDigits <= 15 else { return nil }
                    whole = whole * 10 + digit
                }
            } else {
                return nil
            }
        }
        guard wholeDigits > 0 else { return nil }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        for _ in min(fractionDigits, digits)..<digits { fraction *= 10 }
        return whole * scale + fraction
    }
}
