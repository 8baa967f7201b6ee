/// Small charts drawn with characters: block sparklines and bars for amounts, braille dots for a
/// trend line. Each is plain text, so a monochrome terminal shows the shape, and the numbers are
/// always written beside it.
enum Sparkline {
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// `values` squeezed into `width` columns (each the sum of the values it covers), as blocks
    /// of eight heights; zero is a space, so an empty day reads as one.
    static func blocks(_ values: [Int64], width: Int) -> String {
        let columns = squeeze(values, into: max(1, width))
        let highest = columns.max() ?? 0
        guard highest > 0 else { return String(repeating: " ", count: columns.count) }
        return String(columns.map { value in
            value <= 0 ? " " : levels[min(levels.count - 1, Int((Double(value) / Double(highest) * Double(levels.count)).rounded(.up)) - 1)]
        })
    }

    /// A bar `width` columns long, filled for `fraction` (0…1) in eighths.
    static func bar(_ fraction: Double, width: Int) -> String {
        let eighths = Int((max(0, min(1, fraction)) * Double(width * 8)).rounded())
        let partial: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let text = String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
        return text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    /// A trend line in braille: each value (nil for none) a dot in one of four rows between `low`
    /// and `high`, two values per character.
    static func braille(_ values: [Double?], low: Double, high: Double) -> String {
        // Braille dot bits by row, top to bottom, for the left and the right column of a cell.
        let left: [UInt32] = [0x01, 0x02, 0x04, 0x40], right: [UInt32] = [0x08, 0x10, 0x20, 0x80]
        var text = ""
        for start in stride(from: 0, to: values.count, by: 2) {
            var bits: UInt32 = 0
            for (offset, column) in [left, right].enumerated() where start + offset < values.count {
                guard let value = values[start + offset] else { continue }
                let share = high > low ? (max(low, min(high, value)) - low) / (high - low) : 0.5
                bits |= column[3 - min(3, Int(share * 4))]
            }
            text.unicodeScalars.append(Unicode.Scalar(0x2800 + bits)!)
        }
        return text
    }

    /// Sums of consecutive runs of `values`, `width` of them at most (fewer when there are fewer values).
    static func squeeze(_ values: [Int64], into width: Int) -> [Int64] {
        guard values.count > width else { return values }
        return (0..<width).map { column in
            let from = column * values.count / width, to = (column + 1) * values.count / width
            return values[from..<max(from + 1, to)].reduce(0, +)
        }
    }
}
