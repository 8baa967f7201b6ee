/// The check-digit rules carriers print into their tracking numbers.
enum CheckDigit {
    /// Digits keep their value; letters count as (code point − 3) mod 10 (UPS: A=2, B=3, …).
    static func value(of character: Character) -> Int {
        if let digit = character.wholeNumberValue { return digit }
        return (Int(character.asciiValue ?? 0) - 3) % 10
    }

    /// Mod 10 with alternating weights: characters at even 0-based positions times `evens`, at odd
    /// positions times `odds`; the check digit brings the sum up to a multiple of ten.
    static func mod10(_ sequence: Substring, evens: Int, odds: Int) -> Int {
        var total = 0
        for (index, character) in sequence.enumerated() {
            total += value(of: character) * (index % 2 == 0 ? evens : odds)
        }
        return (10 - total % 10) % 10
    }

    /// DHL Express: the serial number modulo 7.
    static func mod7(_ sequence: Substring) -> Int {
        var remainder = 0
        for character in sequence { remainder = (remainder * 10 + (character.wholeNumberValue ?? 0)) % 7 }
        return remainder
    }

    /// UPU S10 (international postal items): weights 8 6 4 2 3 5 9 7, modulo 11, with 10 → 0 and 11 → 5.
    static func s10(_ serial: Substring) -> Int {
        let weights = [8, 6, 4, 2, 3, 5, 9, 7]
        let total = zip(serial, weights).reduce(0) { $0 + ($1.0.wholeNumberValue ?? 0) * $1.1 }
        switch total % 11 {
        case 0: return 5
        case 1: return 0
        case let remainder: return 11 - remainder
        }
    }

    /// FedEx Express: weights 1 3 7 repeating from the right of the serial, sum mod 11 mod 10.
    static func fedExExpress(_ serial: Substring) -> Int {
        let weights = [1, 3, 7]
        var total = 0
        for (index, character) in serial.reversed().enumerated() {
            total += (character.wholeNumberValue ?? 0) * weights[index % 3]
        }
        return total % 11 % 10
    }
}
