/// Makes untrusted text (customer names, subjects, mail bodies, CSV cells) safe to draw: no byte of
/// it can reach the terminal as a control sequence.
///
/// C0 controls and DEL become their visible Control Pictures (ESC shows as ␛, BEL as ␇), so an owner
/// can see that a name carried something odd; C1 controls (which some terminals obey as CSI, OSC…)
/// and bidirectional overrides (which can reorder what is shown) become �. Newlines and tabs become
/// spaces, because every drawn string is one line. On an ASCII-only terminal (`TextRepertoire`) the
/// result is then given ASCII stand-ins, so widths are counted on what will really be drawn.
public enum TerminalSafeText {
    public static func clean(_ text: String) -> String {
        // Fast path: printable ASCII (most of every frame, checked byte by byte) needs no copy.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        let safe = safeScalars(text)
        return TextRepertoire.current == .ascii ? ASCIIStandIn.text(safe) : safe
    }

    private static func safeScalars(_ text: String) -> String {
        // Ordinary letters need no copy.
        if text.unicodeScalars.allSatisfy({ isSafe($0) }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isSafe(scalar) {
                out.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            default: out.append("\u{FFFD}")
            }
        }
        return String(out)
    }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return false }
        // Bidi embeddings, overrides and isolates; line/paragraph separators.
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029 { return false }
        return true
    }
}
