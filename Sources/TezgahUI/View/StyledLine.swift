/// A line of text in pieces, each with its role.
public struct StyledLine: Equatable, Sendable {
    public var segments: [(text: String, role: StyleRole)]

    public init(_ segments: [(String, StyleRole)] = []) {
        self.segments = segments.map { (text: $0.0, role: $0.1) }
    }

    public init(_ text: String, _ role: StyleRole = .normal) {
        segments = [(text: text, role: role)]
    }

    /// A "Label     value" line with the label dimmed and padded to `labelWidth`.
    public static func field(_ label: String, _ value: String, _ role: StyleRole = .normal, labelWidth: Int = 11) -> StyledLine {
        // A label as long as the column is cut, so one space always parts it from its value.
        StyledLine([(TextFitting.pad(label, to: labelWidth - 1) + " ", .dim), (value, role)])
    }

    /// The line cut or padded to exactly `width` columns, for a column beside another.
    func fitted(to width: Int) -> StyledLine {
        var fitted = StyledLine()
        var used = 0
        for segment in segments where used < width {
            let text = TextFitting.truncate(segment.text, to: width - used)
            used += DisplayWidth.of(text)
            fitted.segments.append((text: text, role: segment.role))
        }
        if used < width { fitted.segments.append((text: String(repeating: " ", count: width - used), role: .normal)) }
        return fitted
    }

    /// Two columns of lines as one: `left` fitted to `width`, then `gap`, then `right`.
    static func sideBySide(_ left: [StyledLine], width: Int, _ right: [StyledLine], gap: String) -> [StyledLine] {
        (0..<max(left.count, right.count)).map { index in
            let leftLine = index < left.count ? left[index] : StyledLine()
            guard index < right.count else { return leftLine }
            var line = leftLine.fitted(to: width)
            line.segments.append((text: gap, role: .border))
            line.segments += right[index].segments
            return line
        }
    }

    public static func == (lhs: StyledLine, rhs: StyledLine) -> Bool {
        lhs.segments.elementsEqual(rhs.segments) { $0.text == $1.text && $0.role == $1.role }
    }
}

extension Buffer {
    /// Draws a styled line, clipped to `width` columns.
    public mutating func put(_ line: StyledLine, x: Int, y: Int, width: Int) {
        var column = x
        for segment in line.segments {
            let room = x + width - column
            guard room > 0 else { break }
            column += put(segment.text, x: column, y: y, maxWidth: room, role: segment.role)
        }
    }
}
