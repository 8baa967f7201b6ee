import Tezgah

extension DemoShop {
    /// A tracking number in the carrier's own format, with a valid check digit, that no other order of
    /// the shop has.
    ///
    /// Random digits alone repeat: a DHL number has nine free digits, and a million-order shop sends
    /// some 150,000 parcels with DHL, so a dozen would share a number and the shop would break
    /// `UNIQUE (carrier, tracking_number)`. So the nine digits before the check digit are the order's
    /// own serial, scrambled so neighbouring orders do not get neighbouring numbers; the rest of the
    /// number stays random. Unique for the first billion orders.
    static func trackingNumber(for carrier: Carrier, orderID: Int64, using random: inout SplitMix64) -> String {
        let drawn = switch carrier {
        case .ptt: "KP\(random.digits(11))"
        case .aras: random.digits(13)
        case .yurtici, .mng, .surat, .fedex: random.digits(12)
        case .ups: "1Z\(random.digits(3))E\(random.digits(2))\(random.digits(10))"
        case .usps: "9400\(random.digits(18))"
        case .dhl: random.digits(10)
        }
        let serial = String(scrambledSerial(orderID))
        let padded = String(repeating: "0", count: serialDigits - serial.count) + serial
        let number = drawn.dropLast(serialDigits + 1) + padded + drawn.suffix(1)
        return withValidCheckDigit(String(number), carrier: carrier)
    }

    /// The number with its last digit set so the carrier's check-digit rule holds (carriers without a
    /// published rule keep the number as it is).
    static func withValidCheckDigit(_ number: String, carrier: Carrier) -> String {
        // Asked first, or every number of a carrier without a rule would end in 0.
        if case .valid = TrackingNumber.check(number, as: carrier) { return number }
        let body = number.dropLast()
        for digit in 0...9 {
            let candidate = String(body) + String(digit)
            if case .valid = TrackingNumber.check(candidate, as: carrier) { return candidate }
        }
        return number
    }

    private static let serialDigits = 9

    /// One-to-one on 0..<10⁹: multiplying by a number with no factor 2 or 5 permutes the residues
    /// modulo 10⁹, and adding a constant shifts them.
    private static func scrambledSerial(_ orderID: Int64) -> UInt64 {
        let modulus: UInt64 = 1_000_000_000
        return (UInt64(orderID) % modulus * 387_420_489 + 123_456_789) % modulus
    }
}
