/// A terminal colour as a theme names it. The terminal module maps it to what the terminal has
/// (256 colours, 16, 8, or none).
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background (keeps transparent and user-chosen backgrounds).
    case terminalDefault
    /// One of the 256 indexed colours (0–15 are the user's palette).
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    static let names: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11, "bright-blue": 12,
        "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15, "gray": 8, "grey": 8,
    ]

    /// Parses `default`, a colour name, a number 0–255 or `#rrggbb`.
    public init?(_ text: String) {
        let lower = text.lowercased()
        if lower == "default" { self = .terminalDefault; return }
        if let index = Self.names[lower] { self = .indexed(index); return }
        if let index = UInt8(lower) { self = .indexed(index); return }
        if lower.hasPrefix("#"), lower.count == 7, let value = UInt32(lower.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
            return
        }
        return nil
    }
}

/// How a role is drawn: colours plus attributes. Attributes survive `NO_COLOR`.
public struct Style: Hashable, Sendable {
    public var foreground: ThemeColor = .terminalDefault
    public var background: ThemeColor = .terminalDefault
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false
    public var italic = false

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault, bold: Bool = false,
                dim: Bool = false, reverse: Bool = false, underline: Bool = false, italic: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
        self.italic = italic
    }

    /// The same style with colours removed, for `NO_COLOR` and monochrome terminals.
    public var withoutColor: Style {
        var copy = self
        copy.foreground = .terminalDefault
        copy.background = .terminalDefault
        return copy
    }
}
