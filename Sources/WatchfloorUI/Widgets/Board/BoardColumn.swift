/// A column of the board. Layout files name them (`columns: [level, title, ...]`); when the
/// pane is narrow, the least needed ones go first.
public enum BoardColumn: String, Sendable, CaseIterable {
    case level, category, title, place, grid, agencies, status, age, units

    /// Columns each row always keeps, and the order in which the others are dropped when
    /// space runs out: the grid reference first, since the map's footer and the detail show
    /// it too; then the units, which the detail lists.
    static let dropOrder: [BoardColumn] = [.grid, .units, .age, .category, .agencies, .status, .place]

    /// Fixed width in columns; the title takes what is left.
    func width(_ strings: Strings) -> Int {
        switch self {
        case .level: 4
        case .category: strings.language == .zh ? 8 : 13
        case .title: 0
        case .place: 15
        case .grid: 4
        // Three agencies in Chinese, six in English; more are cut with an ellipsis.
        case .agencies: 6
        case .status: 6
        case .age: 4
        // `3 到场`, `3 onscene`.
        case .units: strings.language == .zh ? 6 : 9
        }
    }

    /// The columns that fit in `width`, in display order, with the title's width.
    static func fitting(_ wanted: [BoardColumn], width: Int, strings: Strings) -> [(BoardColumn, Int)] {
        var columns = wanted
        let minimumTitle = 12
        func fixed() -> Int { columns.filter { $0 != .title }.reduce(0) { $0 + $1.width(strings) + 1 } }
        for victim in dropOrder where fixed() + minimumTitle > width {
            columns.removeAll { $0 == victim }
        }
        let titleWidth = max(0, width - fixed())
        return columns.map { ($0, $0 == .title ? titleWidth : $0.width(strings)) }
    }
}
