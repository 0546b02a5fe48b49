/// A pane with the rectangle it draws into and the options its layout gave it.
public struct PlacedPane: Sendable, Hashable {
    public var pane: Pane
    public var rect: Rect
    public var options: WidgetOptions

    public init(pane: Pane, rect: Rect, options: WidgetOptions) {
        self.pane = pane
        self.rect = rect
        self.options = options
    }
}

extension Layout {
    /// Where each pane goes in `area` (the screen above the status bar and command line).
    /// The rectangles tile `area` exactly; a pane that gets no cells is left out. Panes come
    /// in the order of the file.
    public func solve(in area: Rect) -> [PlacedPane] {
        var placed: [PlacedPane] = []
        Self.place(root, in: area, into: &placed)
        return placed
    }

    private static func place(_ node: LayoutNode, in rect: Rect, into placed: inout [PlacedPane]) {
        guard !rect.isEmpty else { return }
        switch node.content {
        case .pane(let pane, let options):
            placed.append(PlacedPane(pane: pane, rect: rect, options: options))
        case .split(let direction, let children):
            let along = direction == .row ? rect.width : rect.height
            var offset = 0
            for (child, cells) in zip(children, LayoutSplit.cells(along, children.map(\.sizing))) {
                let part = direction == .row
                    ? Rect(x: rect.x + offset, y: rect.y, width: cells, height: rect.height)
                    : Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: cells)
                place(child, in: part, into: &placed)
                offset += cells
            }
        }
    }
}

/// How one split shares its length among its parts. The result always adds up to the
/// length, so nested splits tile without gaps or overlaps.
enum LayoutSplit {
    /// No terminal comes near this; capping here keeps `length × weight` far from overflow
    /// whatever rectangle a caller passes.
    static let longest = 1 << 24

    /// In order of precedence:
    /// 1. a weighted part's `min` is kept for it if it still fits, otherwise the part is hidden
    ///    (a map squeezed below its minimum is worse than no map);
    /// 2. fixed sizes, first part first, each as far as the space allows;
    /// 3. what is left, plus the kept minimums, is shared by weight, and a part whose share
    ///    would fall below its minimum is held at it;
    /// 4. cells that do not divide evenly go one each to the largest remainders, earlier
    ///    parts first on a tie;
    /// 5. if no weighted part is shown, the last part shown takes what is left, and if no
    ///    part at all is shown the first takes everything.
    static func cells(_ length: Int, _ sizings: [LayoutNode.Sizing]) -> [Int] {
        let length = min(max(0, length), longest)
        var cells = Array(repeating: 0, count: sizings.count)
        guard !sizings.isEmpty else { return cells }
        var left = length

        var weighted: [(index: Int, weight: Int, min: Int)] = []
        for (i, sizing) in sizings.enumerated() {
            if case .weight(let weight, let minimum) = sizing, minimum <= left {
                left -= minimum
                weighted.append((i, weight, minimum))
            }
        }
        for (i, sizing) in sizings.enumerated() {
            if case .fixed(let size) = sizing {
                cells[i] = min(size, left)
                left -= cells[i]
            }
        }

        var pool = left + weighted.reduce(0) { $0 + $1.min }
        var open = weighted
        while true {
            let total = open.reduce(0) { $0 + $1.weight }
            let starved = open.filter { pool * $0.weight < $0.min * total }
            if starved.isEmpty { break }
            for part in starved {
                cells[part.index] = part.min
                pool -= part.min
            }
            open.removeAll { part in starved.contains { $0.index == part.index } }
        }
        // `open` cannot be emptied above: the kept minimums never exceed the pool, so some
        // part's proportional share always reaches its minimum.
        let total = open.reduce(0) { $0 + $1.weight }
        if total > 0 {
            var remainders: [(index: Int, remainder: Int)] = []
            for part in open {
                cells[part.index] = pool * part.weight / total
                remainders.append((part.index, pool * part.weight % total))
            }
            let spare = pool - open.reduce(0) { $0 + cells[$1.index] }
            let ranked = remainders.sorted { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
            for part in ranked.prefix(spare) { cells[part.index] += 1 }
            left = 0
        }

        if left > 0 {
            if let last = cells.lastIndex(where: { $0 > 0 }) { cells[last] += left } else { cells[0] = length }
        }
        return cells
    }
}
