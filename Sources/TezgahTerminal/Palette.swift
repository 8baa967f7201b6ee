import CNcursesw
import TezgahUI

/// Theme roles turned into ncurses attributes and colour pairs, fitted to what the terminal has.
struct Palette {
    private var entries: [StyleRole: (attr_t, Int16)] = [:]

    init(theme: Theme, colors: Int, pairs: Int) {
        var pairNumbers: [ColorPairKey: Int16] = [:]
        for role in StyleRole.allCases {
            let style = theme.style(role)
            var attributes: attr_t = 0
            if style.bold { attributes |= tz_attr_bold() }
            if style.dim { attributes |= tz_attr_dim() }
            if style.reverse { attributes |= tz_attr_reverse() }
            if style.underline { attributes |= tz_attr_underline() }
            if style.italic { attributes |= tz_attr_italic() }
            var pair: Int16 = 0
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
                        pair = Int16(pairNumbers.count + 1)
                        init_pair(pair, key.foreground, key.background)
                        pairNumbers[key] = pair
                    }
                }
            }
            entries[role] = (attributes, pair)
        }
    }

    func attributes(for role: StyleRole) -> (attr_t, Int16) {
        entries[role] ?? (0, 0)
    }

    private struct ColorPairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// The nearest colour the terminal can show: -1 is the terminal's default.
    static func fit(_ color: ThemeColor, colors: Int) -> Int16 {
        switch color {
        case .terminalDefault:
            return -1
        case .indexed(let index):
            if Int(index) < colors { return Int16(index) }
            return Int16(ColorFitting.nearestBasic(ColorFitting.rgb(ofIndexed: index)) % max(1, min(colors, 16)))
        case let .rgb(r, g, b):
            if colors >= 256 { return Int16(ColorFitting.nearest256(r, g, b)) }
            return Int16(ColorFitting.nearestBasic((r, g, b)) % max(1, min(colors, 16)))
        }
    }
}
