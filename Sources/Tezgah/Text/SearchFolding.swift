import Foundation

/// Folds text for search so that Turkish and English spellings meet: `Işık`, `IŞIK`, `ışık` and `isik`
/// all fold to `isik`; `Şükrü` to `sukru`; `İstanbul` to `istanbul`.
///
/// Unicode's default case folding maps `I` to `i` but leaves `ı` (dotless) alone and turns `İ` into
/// `i̇` (i plus a combining dot), so neither the SQLite tokenizer nor `lowercased()` can do this alone.
/// The same function folds both the indexed text and the query, so they always agree.
public enum SearchFolding {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x49, 0x69, 0x130, 0x131: // I i İ ı
                out.append("i"); lastWasSpace = false
                continue
            default: break
            }
            if scalar.isASCII {
                let v = scalar.value
                if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) {
                    out.append(scalar); lastWasSpace = false
                } else if (0x41...0x5A).contains(v) {
                    out.append(Unicode.Scalar(v + 0x20)!); lastWasSpace = false
                } else if v == 0x40 || v == 0x2E || v == 0x2D || v == 0x5F {
                    // Keep e-mail addresses and order numbers searchable as words.
                    if !lastWasSpace { out.append(" "); lastWasSpace = true }
                } else if !lastWasSpace {
                    out.append(" "); lastWasSpace = true
                }
                continue
            }
            let folded = (0xC0...0x24F).contains(scalar.value)
                ? latinFolds[Int(scalar.value) - 0xC0] : foldSlowly(scalar)
            switch folded {
            case .drop: break
            case .separator:
                if !lastWasSpace { out.append(" "); lastWasSpace = true }
            case .letters(let letters):
                out.append(contentsOf: letters.unicodeScalars); lastWasSpace = false
            }
        }
        var result = String(out)
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    private enum Fold {
        case drop, separator, letters(String)
    }

    /// Folds of U+00C0…U+024F (Latin-1 and Latin Extended, which hold the Turkish letters), computed
    /// once: decomposing through Foundation per character is the slow part of indexing.
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
        return .letters(letters)
    }

    /// The words of a query, folded, for prefix matching ("ayş yıl" → ["ays", "yil"]).
    public static func terms(_ query: String) -> [String] {
        fold(query).split(separator: " ").map(String.init)
    }
}
