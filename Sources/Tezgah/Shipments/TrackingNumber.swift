/// What a tracking number turned out to be.
public enum TrackingCheck: Equatable, Sendable {
    /// A valid number of this carrier (normalised: upper case, no spaces or dashes).
    case valid(Carrier, number: String, format: String)
    /// Not a valid number; the sentence says why.
    case invalid(String)
}

/// Recognises carriers from their tracking numbers and checks the check digits they carry.
///
/// UPS (1Z…, mod 10), USPS (20- and 22-digit IMpb, mod 10; S10 items ending in US), FedEx (12-digit
/// Express with 1-3-7 weights mod 11; 15-digit Ground, mod 10), DHL Express (10 or 11 digits, mod 7)
/// and PTT (S10 items ending in TR). Yurtiçi, Aras, MNG and Sürat publish no check-digit rule, so
/// their numbers are accepted by shape only when the carrier is named.
public enum TrackingNumber {
    /// Upper case, without the spaces and dashes people paste in.
    public static func normalize(_ text: String) -> String {
        String(text.uppercased().filter { !$0.isWhitespace && $0 != "-" })
    }

    /// Detects the carrier, or says why the number is not valid for any.
    public static func check(_ text: String) -> TrackingCheck {
        let number = normalize(text)
        guard !number.isEmpty else { return .invalid("The tracking number is empty.") }
        if let refusal = refusingCharacters(number, original: text) { return refusal }
        var failures: [String] = []
        for carrier in [Carrier.ups, .usps, .fedex, .dhl, .ptt] {
            switch check(number, as: carrier, original: text) {
            case .valid(let carrier, let number, let format): return .valid(carrier, number: number, format: format)
            case .invalid(let reason) where reason.contains("check digit"): failures.append(reason)
            case .invalid: continue
            }
        }
        let turkishShape = number.allSatisfy(\.isNumber) && (10...20).contains(number.count)
        let noCheckDigit = "could be Yurtiçi, Aras, MNG or Sürat, which publish no check digit; name the carrier."
        if let failure = failures.first {
            // A numeric number failing, say, FedEx's check is as likely a Turkish carrier's: say both.
            return .invalid(turkishShape ? String(failure.dropLast()) + "; it \(noCheckDigit)" : failure)
        }
        if turkishShape { return .invalid("\(number) \(noCheckDigit)") }
        return .invalid("\(number) does not look like a UPS, USPS, FedEx, DHL Express or PTT tracking number.")
    }

    /// Checks a number against one carrier's formats (an explicit carrier overrides detection).
    public static func check(_ text: String, as carrier: Carrier) -> TrackingCheck {
        check(normalize(text), as: carrier, original: text)
    }

    /// Carriers use ASCII letters and digits only; other scripts' digits (which Swift counts as
    /// numbers) would pass the shape checks and then fail on the carrier's site.
    private static func refusingCharacters(_ number: String, original: String) -> TrackingCheck? {
        guard !number.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) }) else { return nil }
        return .invalid("“\(original)” has characters no tracking number uses (letters and digits only).")
    }

    private static func check(_ number: String, as carrier: Carrier, original: String) -> TrackingCheck {
        if let refusal = refusingCharacters(number, original: original) { return refusal }
        let digits = number.allSatisfy(\.isNumber)
        func verdict(_ format: String, _ serial: Substring, _ expected: Int) -> TrackingCheck {
            let printed = number.last!.wholeNumberValue ?? -1
            if printed == expected { return .valid(carrier, number: number, format: format) }
            return .invalid("\(number) is not a valid \(carrier.title) \(format) number: its check digit is \(number.last!), the rest calls for \(expected).")
        }
        switch carrier {
        case .ups:
            guard number.count == 18, number.hasPrefix("1Z"), number.last!.isNumber else { break }
            return verdict("1Z", number.dropFirst(2).dropLast(), CheckDigit.mod10(number.dropFirst(2).dropLast(), evens: 1, odds: 2))
        case .usps:
            if let s10 = s10(number, country: "US", carrier: carrier) { return s10 }
            guard digits else { break }
            var body = Substring(number)
            // A routing prefix (420 + ZIP or ZIP+4) may precede a 22-digit IMpb.
            if body.hasPrefix("420") && (body.count == 30 || body.count == 34) { body = body.suffix(22) }
            if body.count == 22 && body.hasPrefix("9") {
                return verdict("IMpb", body.dropLast(), CheckDigit.mod10(body.dropLast(), evens: 3, odds: 1))
            }
            if body.count == 20 {
                return verdict("20-digit", body.dropLast(), CheckDigit.mod10(body.dropLast(), evens: 3, odds: 1))
            }
        case .fedex:
            guard digits else { break }
            if number.count == 12 { return verdict("Express", number.dropLast(), CheckDigit.fedExExpress(number.dropLast())) }
            if number.count == 15 {
                return verdict("Ground", number.dropLast(), CheckDigit.mod10(number.dropLast(), evens: 1, odds: 3))
            }
        case .dhl:
            guard digits, number.count == 10 || number.count == 11 else { break }
            return verdict("Express", number.dropLast(), CheckDigit.mod7(number.dropLast()))
        case .ptt:
            if let s10 = s10(number, country: "TR", carrier: carrier) { return s10 }
            if number.count == 13, number.hasPrefix("KP"), number.dropFirst(2).allSatisfy(\.isNumber) {
                return .valid(carrier, number: number, format: "domestic")
            }
        case .aras:
            if digits && number.count == 13 { return .valid(carrier, number: number, format: "13-digit") }
        case .yurtici, .mng, .surat:
            if digits && (10...20).contains(number.count) { return .valid(carrier, number: number, format: "numeric") }
        }
        return .invalid("\(number) is not in any \(carrier.title) tracking number format.")
    }

    /// UPU S10: two letters, eight digits, a check digit, the country of origin.
    private static func s10(_ number: String, country: String, carrier: Carrier) -> TrackingCheck? {
        let characters = Array(number)
        guard characters.count == 13, characters[0...1].allSatisfy(\.isLetter), characters[2...10].allSatisfy(\.isNumber),
              String(characters[11...12]) == country else { return nil }
        let serial = number.dropFirst(2).prefix(8)
        let expected = CheckDigit.s10(serial)
        if characters[10].wholeNumberValue == expected { return .valid(carrier, number: number, format: "S10") }
        return .invalid("\(number) is not a valid \(carrier.title) S10 number: its check digit is \(characters[10]), the rest calls for \(expected).")
    }
}
