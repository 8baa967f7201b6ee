import CNcursesw
import TezgahUI

/// Theme roles turned into ncurses attributes and colour pairs, fitted to what the terminal has.
struct Palette {
    private var entries: [StyleRole: (attr_t, Int32)] = [:]

    init(theme: Theme, colors: Int, pairs: Int) {
        var pairNumbers: [ColorPairKey: Int32] = [:]
        for role in StyleRole.allCases {
            let style = theme.style(role)
            var attributes: attr_t = 0
            if style.bold { attributes |= tz_attr_bold() }
            if style.dim { attributes |= tz_attr_dim() }
            if style.reverse { attributes |= tz_attr_reverse() }
            if style.underline { attributes |= tz_attr_underline() }
            if style.italic { attributes |= tz_attr_italic() }
            var pair: Int32 = 0
            if colors > 0 {
                let key = ColorPairKey(foreground: Self.fit(style.foreground, colors: colors),
                                       background: Self.fit(style.background, colors: colors))
                // Plain text gets a pair too (the terminal's default colours): ncurses leaves a
                // coloured run for pair 0 with a full attribute reset (`sgr0` after `\e[39m`),
                // but moves between two pairs with the colour change alone, 6 bytes less at every
                // coloured cell run (684 → 643 bytes for one `j` at 120×40).
                do {
                    if let existing = pairNumbers[key] {
                        pair = existing
                    } else if pairNumbers.count + 1 < pairs {
                        pair = Int32(pairNumbers.count + 1)
                        _ = tz_init_pair(pair, key.foreground, key.background)
                        pairNumbers[key] = pair
                    }
                }
            }
            entries[role] = (attributes, pair)
        }
    }

    func attributes(for role: StyleRole) -> (attr_t, Int32) {
        entries[role] ?? (0, 0)
    }

    private struct ColorPairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// How many colours a direct-colour terminal reports (`xterm-direct`): each is 0xRRGGBB.
    static let directColors = 1 << 24

    /// The nearest colour the terminal can show: -1 is the terminal's default. A direct-colour
    /// terminal gets a theme's hex colours exactly, and its palette's first eight as they are (its
    /// terminfo keeps 0–7 for the ANSI colours).
    static func fit(_ color: ThemeColor, colors: Int) -> Int32 {
        switch color {
        case .terminalDefault:
            return -1
        case .indexed(let index):
            if colors >= directColors {
                if index < 8 { return Int32(index) }
                let (r, g, b) = ColorFitting.rgb(ofIndexed: index)
                return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
            }
            if Int(index) < colors { return Int32(index) }
            return Int32(ColorFitting.nearestBasic(ColorFitting.rgb(ofIndexed: index)) % max(1, min(colors, 16)))
        case let .rgb(r, g, b):
            // 0–7 are the ANSI colours there too; a near-black that packs so small is black.
            if colors >= directColors { return max(Int32(r) << 16 | Int32(g) << 8 | Int32(b), 8) == 8 ? 0 : Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
            if colors >= 256 { return Int32(ColorFitting.nearest256(r, g, b)) }
            return Int32(ColorFitting.nearestBasic((r, g, b)) % max(1, min(colors, 16)))
        }
    }
}
