import Foundation

/// Fitting text into columns by display width (never by Characters or bytes).
public enum TextFitting {
    /// Cuts `text` to at most `width` columns, ending with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        let clean = TerminalSafeText.clean(text)
        if DisplayWidth.of(clean) <= width { return clean }
        var out = ""
        var used = 0
        for character in clean {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` truncated and padded with spaces to exactly `width` columns, left or right aligned.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let gap = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        return alignRight ? gap + cut : cut + gap
    }

    /// Splits text into lines of at most `width` columns, breaking at spaces where it can.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        // "\r\n" is a single Character in Swift, so CRLF text (mail) must be normalised before splitting.
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in TerminalSafeText.clean(String(paragraph)).split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var w = DisplayWidth.of(word)
                if used > 0 && used + 1 + w > width {
                    lines.append(line); line = ""; used = 0
                }
                while w > width { // a word longer than the line: hard-break it
                    let head = truncateHard(word, to: width)
                    lines.append(head)
                    word = String(word.dropFirst(head.count))
                    w = DisplayWidth.of(word)
                }
                if used > 0 { line += " "; used += 1 }
                line += word
                used += w
            }
            lines.append(line)
        }
        return lines
    }

    private static func truncateHard(_ text: String, to width: Int) -> String {
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            out.append(character)
            used += w
        }
        return out.isEmpty ? String(text.prefix(1)) : out
    }
}
