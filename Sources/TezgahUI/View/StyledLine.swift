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
        StyledLine([(TextFitting.pad(label, to: labelWidth), .dim), (value, role)])
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
