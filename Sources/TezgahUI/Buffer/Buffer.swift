/// One terminal cell: a grapheme cluster and its role. A wide character's second column holds an
/// empty `text` (a continuation), which the terminal skips.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: StyleRole

    public init(text: String = " ", role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }

    public var isContinuation: Bool { text.isEmpty }
}

/// A grid of cells that views draw into and tests read as text. Only the terminal module turns it
/// into escape sequences, and every string drawn here passes through `TerminalSafeText` first.
public struct Buffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Paints a rectangle with blanks of one role.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: StyleRole) {
        for row in max(y, 0)..<min(y + h, height) {
            for column in max(x, 0)..<min(x + w, width) {
                cells[row * width + column] = Cell(text: " ", role: role)
            }
        }
    }

    /// Draws one line of text at (x, y), clipped to `maxWidth` columns and the buffer's edge. A wide
    /// character that does not fit whole is replaced by a space rather than cut in half.
    /// Returns the number of columns drawn.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int = .max, role: StyleRole = .normal) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = maxWidth >= width - x ? width : x + maxWidth
        var column = x
        for character in TerminalSafeText.clean(text) {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A stray combining mark with no base in this string: attach to the previous cell.
                if column > x, column - 1 < width, column - 1 >= 0 {
                    cells[y * width + column - 1].text.append(character)
                }
                continue
            }
            if column + w > limit {
                if column < limit { cells[y * width + column] = Cell(text: " ", role: role); column += 1 }
                break
            }
            if column >= 0 {
                cells[y * width + column] = Cell(text: String(character), role: role)
                if w == 2 { cells[y * width + column + 1] = Cell(text: "", role: role) }
            }
            column += w
        }
        return column - x
    }

    /// The text of each row, continuations skipped, trailing spaces kept (so widths can be checked).
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !cells[row * width + column].isContinuation {
                line += cells[row * width + column].text
            }
            return line
        }
    }

    /// The role letter of each column of each row, for snapshots where colour matters.
    public var roleLines: [String] {
        (0..<height).map { row in String((0..<width).map { cells[row * width + $0].role.letter }) }
    }

    /// The whole screen as text, rows joined by newlines, trailing spaces trimmed.
    public var text: String {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}
