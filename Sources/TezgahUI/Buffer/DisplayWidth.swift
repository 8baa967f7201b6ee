/// How many terminal columns text takes. Counting bytes or Characters is wrong for `山田` (2 columns
/// each), `🌸` (2) and `é` written as e + ◌́ (1).
///
/// The table below follows Unicode's East Asian Width (W and F) and emoji presentation, as wcwidth
/// does; the terminal module installs the C library's `wcwidth` (which ncursesw itself uses) at start-up
/// so the layout counts exactly as ncursesw draws. Tests use the table, so they do not depend on locale.
public enum DisplayWidth {
    /// The width of one Unicode scalar: 0 for combining and format characters, 2 for wide ones.
    nonisolated(unsafe) public private(set) static var scalarWidth: (Unicode.Scalar) -> Int = tableWidth

    /// Replaces the width function; called once by the terminal before the first frame.
    public static func install(_ width: @escaping (Unicode.Scalar) -> Int) {
        scalarWidth = width
    }

    /// The width of one grapheme cluster as a terminal draws it.
    public static func of(_ character: Character) -> Int {
        // ASCII, most of every frame, without a call through `scalarWidth`: controls take no column
        // (as both width functions say), everything else one.
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        var width = scalarWidth(first)
        // An emoji presentation selector (U+FE0F) or a ZWJ sequence makes the cluster a wide emoji.
        if width == 1 && scalars.count > 1 && scalars.contains(where: { $0.value == 0xFE0F }) { width = 2 }
        return max(width, 0)
    }

    public static func of(_ text: String) -> Int {
        // Printable ASCII is one column a byte, counted without forming Characters.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    public static func tableWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        for range in wideRanges where range.contains(v) { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15), outside the emoji handled above.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
