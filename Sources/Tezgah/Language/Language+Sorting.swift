extension Language {
    /// Whether `a` sorts before `b` as the language sorts words: case set aside, Turkish letters
    /// in the Turkish alphabet (c ç, g ğ, ı i, o ö, s ş, u ü), with I and ı before İ and i.
    /// English sorts by its letters alone, Turkish ones after their base letter.
    public func sortsBefore(_ a: String, _ b: String) -> Bool {
        let left = sortKey(a), right = sortKey(b)
        return left != right ? left.lexicographicallyPrecedes(right) : a < b
    }

    /// The order of a text's letters: each letter's rank, case set aside.
    func sortKey(_ text: String) -> [UInt32] {
        text.unicodeScalars.map { scalar in
            // Turkish letters sit just after their base letter in both languages; only the dotted
            // and dotless i differ: English reads I, ı and İ as i, Turkish I and ı as their own letter.
            if self == .english, scalar == "I" || scalar == "ı" || scalar == "İ" { return Self.rank(of: "i") }
            return Self.turkishRanks[scalar] ?? Self.rank(of: Self.foldedASCII(scalar))
        }
    }

    private static func rank(of scalar: Unicode.Scalar) -> UInt32 { scalar.value * 4 }

    private static func foldedASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
    }

    /// Turkish letters by rank: just after their base letter; I and ı (dotless) before i.
    private static let turkishRanks: [Unicode.Scalar: UInt32] = {
        var ranks: [Unicode.Scalar: UInt32] = [:]
        func after(_ base: Unicode.Scalar, _ letters: [Unicode.Scalar], by step: UInt32 = 1) {
            for letter in letters { ranks[letter] = rank(of: base) + step }
        }
        after("c", ["ç", "Ç"])
        after("g", ["ğ", "Ğ"])
        after("o", ["ö", "Ö"])
        after("s", ["ş", "Ş"])
        after("u", ["ü", "Ü"])
        // ı and I come before i and İ: the dotless letter ranks just after h.
        after("h", ["ı", "I"], by: 2)
        ranks["İ"] = rank(of: "i")
        ranks["i"] = rank(of: "i")
        return ranks
    }()
}
