/// One column of a pane's list: a title, a width, and how to show a row's value.
struct Column: Sendable {
    var title: String
    var width: Int
    /// Takes the room left over (at least `width`, at most `maxWidth`).
    var flexible = false
    /// The widest a flexible column grows. Room beyond it stays blank at the right: on a wide
    /// terminal a name column as wide as the screen pushed status and total 90 columns away from
    /// the name they belong to.
    var maxWidth = 30
    /// What a flexible column may grow to: `maxWidth`, or `width` where that is already wider.
    var widest: Int { max(width, maxWidth) }
    var alignRight = false
    /// Columns with a higher number are dropped first when the screen is narrow.
    var dropOrder = 0
    /// The cell for a row; the state gives the clock and the shop's rules.
    var value: @Sendable (PaneRow, AppState) -> (String, StyleRole)

    /// The columns that fit `available` columns, with their final widths.
    static func fit(_ columns: [Column], into available: Int) -> [(Column, Int)] {
        var kept = columns
        func needed(_ list: [Column]) -> Int { list.reduce(0) { $0 + $1.width } + max(0, list.count - 1) }
        while needed(kept) > available, let drop = kept.indices.filter({ kept[$0].dropOrder > 0 })
            .max(by: { kept[$0].dropOrder < kept[$1].dropOrder }) {
            kept.remove(at: drop)
        }
        var widths = kept.map(\.width)
        var spare = max(0, available - needed(kept))
        // Shared out evenly among the flexible columns that can still grow, the remainder to the
        // last of them, until the room or the columns run out.
        while spare > 0 {
            let growing = kept.indices.filter { kept[$0].flexible && widths[$0] < kept[$0].widest }
            guard !growing.isEmpty else { break }
            var left = spare
            for (position, index) in growing.enumerated() {
                let share = spare / growing.count + (position == growing.count - 1 ? spare % growing.count : 0)
                let grown = min(share, kept[index].widest - widths[index])
                widths[index] += grown
                left -= grown
            }
            guard left < spare else { break }
            spare = left
        }
        return Array(zip(kept, widths))
    }
}
