import Foundation

/// Which characters the terminal can show: all of Unicode (a UTF-8 terminal), or ASCII only (the
/// Linux console's font, an old serial terminal, or a server with no UTF-8 locale at all).
///
/// The repertoire is bound around drawing (`TextRepertoire.$current.withValue(.ascii) { … }`) rather
/// than stored in the state, because every string reaches the screen through `TerminalSafeText`, which
/// is where stand-ins replace what the terminal would otherwise drop; views need not know.
public enum TextRepertoire: Sendable, Equatable {
    case unicode
    case ascii

    @TaskLocal public static var current: TextRepertoire = .unicode
}

/// ASCII stand-ins for text an ASCII-only terminal cannot show: `TL` for ₺, Turkish and other Latin
/// letters without their marks (ş → s, ı → i, İ → I), `x` for ×, plain lines for box drawing, and `?`
/// for each column of a script ASCII has no letters for (山田 → ????), so nothing silently vanishes.
public enum ASCIIStandIn {
    public static func text(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII {
                out.append(character)
            } else if let standIn = table[character] ?? controlPicture(character) ?? braille(character) {
                out += standIn
            } else if let letters = withoutMarks(character) {
                out += letters
            } else {
                out += String(repeating: "?", count: max(1, DisplayWidth.of(character)))
            }
        }
        return out
    }

    /// The caret form of a control character that `TerminalSafeText` made visible (␛ → ^[, ␇ → ^G).
    private static func controlPicture(_ character: Character) -> String? {
        guard character.unicodeScalars.count == 1, let value = character.unicodeScalars.first?.value else { return nil }
        if value == 0x2421 { return "^?" }
        guard (0x2400...0x241F).contains(value), let letter = Unicode.Scalar(value - 0x2400 + 0x40) else { return nil }
        return "^" + String(Character(letter))
    }

    /// A braille cell (the Insight view's dot charts) as a mark of its height: `.` low, `:` higher,
    /// `'` dots only at the top, so a trend still reads.
    private static func braille(_ character: Character) -> String? {
        guard character.unicodeScalars.count == 1, let value = character.unicodeScalars.first?.value,
              (0x2800...0x28FF).contains(value) else { return nil }
        let dots = value - 0x2800
        if dots == 0 { return " " }
        if dots & 0xC0 != 0 { return "." }   // dots 7 and 8, the bottom row
        if dots & 0x24 != 0 { return ":" }   // dots 3 and 6
        return "'"
    }

    /// A letter with its accents taken off (é → e, ü → u, ç → c), when what is left is ASCII.
    private static func withoutMarks(_ character: Character) -> String? {
        let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
        guard !base.isEmpty, base.allSatisfy(\.isASCII) else { return nil }
        var text = ""
        text.unicodeScalars.append(contentsOf: base)
        return text
    }

    /// Characters whose ASCII form is not the letter under their marks. Each keeps its width where the
    /// desk draws it in a fixed column (lines, arrows, the ellipsis a cut text ends with).
    private static let table: [Character: String] = [
        "₺": "TL", "€": "EUR", "£": "GBP", "¥": "JPY", "¢": "c",
        "ı": "i", "İ": "I", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
        "×": "x", "÷": "/", "·": ".", "•": "*", "…": "~", "−": "-", "–": "-", "—": "-", "‐": "-",
        "“": "\"", "”": "\"", "„": "\"", "‘": "'", "’": "'", "«": "<<", "»": ">>", "‹": "<", "›": ">",
        "°": "o", "№": "No", "±": "+-", "\u{00A0}": " ", "\u{202F}": " ",
        "→": ">", "←": "<", "↑": "^", "↓": "v", "▸": ">", "▶": ">", "◂": "<", "◀": "<", "✓": "v", "✗": "x",
        "│": "|", "┃": "|", "║": "|", "▏": "|", "─": "-", "━": "-", "═": "=",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "╭": "+", "╮": "+", "╰": "+", "╯": "+",
        "▁": "_", "▂": "_", "▃": ".", "▄": "-", "▅": "=", "▆": "=", "▇": "#", "█": "#", "░": ".", "▒": ":", "▓": "#",
        "�": "?",
    ]
}
