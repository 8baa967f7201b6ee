/// One column of a pane's list: a title, a width, and how to show a row's value.
struct Column {
    var title: String
    var width: Int
    /// Takes the room left over (at least `width`).
    var flexible = false
    var alignRight = false
    /// Columns with a higher number are dropped first when the screen is narrow.
    var dropOrder = 0
    /// The cell for a row; the state gives the clock and the shop's rules.
    var value: (PaneRow, AppState) -> (String, StyleRole)

    /// The columns that fit `available` columns, with their final widths.
    static func fit(_ columns: [Column], into available: Int) -> [(Column, Int)] {
        var kept = columns
        func needed(_ list: [Column]) -> Int { list.reduce(0) { $0 + $1.width } + max(0, list.count - 1) }
        while needed(kept) > available, let drop = kept.indices.filter({ kept[$0].dropOrder > 0 })
            .max(by: { kept[$0].dropOrder < kept[$1].dropOrder }) {
            kept.remove(at: drop)
        }
        let spare = max(0, available - needed(kept))
        let flexibleCount = kept.filter(\.flexible).count
        var given = 0
        return kept.map { column in
            guard column.flexible, flexibleCount > 0 else { return (column, column.width) }
            given += 1
            let share = spare / flexibleCount + (given == flexibleCount ? spare % flexibleCount : 0)
            return (column, column.width + share)
        }
    }
}
