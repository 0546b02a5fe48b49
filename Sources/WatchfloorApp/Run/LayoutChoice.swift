import WatchfloorUI

/// The layout in use and how panes are placed on the screen.
struct LayoutChoice {
    var name: String
    var available: [String] { ["default"] }

    static func load(files: DataFiles, requested: String?) throws(AppError) -> LayoutChoice {
        LayoutChoice(name: requested ?? "default")
    }

    mutating func select(_ name: String) throws(AppError) {
        guard available.contains(name) else { throw AppError("no layout \(name)") }
        self.name = name
    }

    /// The panes and their rectangles inside `area`.
    func placed(in area: Rect, width: Int, height: Int) -> [(Pane, Rect)] {
        let (left, right) = area.splitLeft(area.width * 55 / 100)
        let (board, bottomLeft) = left.splitTop(left.height - 8)
        let (map, rest) = right.splitTop(right.height * 55 / 100)
        let (feeds, queue) = bottomLeft.splitLeft(bottomLeft.width * 60 / 100)
        return [(.board, board), (.map, map), (.detail, rest), (.feeds, feeds), (.queue, queue)]
    }
}
