import Foundation

/// Folds text for search so that Turkish and English spellings meet: `Işık`, `IŞIK`, `ışık` and `isik`
/// all fold to `isik`; `Şükrü` to `sukru`; `İstanbul` to `istanbul`.
///
/// Unicode's default case folding maps `I` to `i` but leaves `ı` (dotless) alone and turns `İ` into
/// `i̇` (i plus a combining dot), so neither the SQLite tokenizer nor `lowercased()` can do this alone.
/// The same function folds both the indexed text and the query, so they always agree.
public enum SearchFolding {
    /// Works on the UTF-8 bytes: ASCII, most of what is indexed, never becomes a `Unicode.Scalar`
    /// (indexing a 100k-order import spent most of its folding time there).
    public static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var lastWasSpace = true
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    switch byte {
                    case 0x30...0x39, 0x61...0x7A: out.append(byte); lastWasSpace = false
                    case 0x41...0x5A: out.append(byte + 0x20); lastWasSpace = false
                    // Everything else separates words, so e-mail addresses (@ .) and order numbers
                    // (# -) stay searchable by their parts.
                    default: if !lastWasSpace { out.append(0x20); lastWasSpace = true }
                    }
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<min(length, bytes.count - index) { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
                index += length
                let folded: Fold
                switch value {
                case 0x130, 0x131: folded = dottedAndDotlessI
                case 0xC0...0x24F: folded = latinFolds[Int(value) - 0xC0]
                default: folded = Unicode.Scalar(value).map(foldSlowly) ?? .separator
                }
                switch folded {
                case .drop: break
                case .separator: if !lastWasSpace { out.append(0x20); lastWasSpace = true }
                case .letters(let letters): out.append(contentsOf: letters); lastWasSpace = false
                }
            }
            if out.last == 0x20 { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private enum Fold {
        case drop, separator, letters([UInt8])
    }

    /// Folds of U+00C0…U+024F (Latin-1 and Latin Extended, which hold the Turkish letters), computed
    /// once: decomposing through Foundation per character is the slow part of indexing.
    /// İ and ı both meet I and i (Unicode would keep ı apart and give İ a combining dot).
    private static let dottedAndDotlessI = Fold.letters([0x69])

    private static let latinFolds: [Fold] = (0xC0...0x24F).map { foldSlowly(Unicode.Scalar($0)!) }

    private static func foldSlowly(_ scalar: Unicode.Scalar) -> Fold {
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark {
            return .drop // a combining mark on its own, as with decomposed diacritics below
        }
        guard properties.isAlphabetic || properties.numericType != nil else { return .separator }
        // Decompose (ş → s + ◌̧) and keep the base letters, lowercased.
        var letters = ""
        for base in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        where base.properties.generalCategory != .nonspacingMark {
            letters += base.properties.lowercaseMapping
        }
        return .letters(Array(letters.utf8))
    }

    /// The words of a query, folded, for prefix matching ("ayş yıl" → ["ays", "yil"]).
    public static func terms(_ query: String) -> [String] {
        fold(query).split(separator: " ").map(String.init)
    }
}
