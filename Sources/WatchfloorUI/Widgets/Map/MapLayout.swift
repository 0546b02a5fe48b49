import WatchfloorCore

/// Where the parts of the map go inside the widget's frame, for one grid and one size.
///
/// Every grid cell gets the same whole number of characters each way, so a character lies in
/// exactly one grid cell: the highlighted cursor covers exactly the ground the footer counts
/// and the `cell:` filter selects.
struct MapLayout: Hashable {
    let grid: GridReference
    /// The characters of the map itself.
    let map: Rect
    let cellWidth: Int
    let cellHeight: Int
    /// The row of column letters above the map.
    let columnLabels: Rect
    /// The column of row numbers left of the map.
    let rowLabels: Rect
    let footer: Rect?
    let legend: Rect?
    /// Grid cells per degree, derived from `grid`.
    private let columnsPerDegree: Double
    private let rowsPerDegree: Double

    /// Terminal characters are about twice as tall as they are wide.
    static let characterAspect = 2.0
    /// How far a cell's shape may stray from square on the ground before it gets fewer
    /// characters: a little distortion is worth a map that fills its pane.
    static let aspectTolerance = 4.0 / 3.0

    /// Nil when even one character a cell does not fit.
    init?(grid: GridReference, inside: Rect) {
        let labelWidth = String(grid.rows).count + 1
        let width = inside.width - labelWidth
        let rowsBelowLetters = inside.height - 1
        guard width >= grid.columns, rowsBelowLetters >= grid.rows else { return nil }
        // The footer names the cursor's cell: worth more than a taller map, less than any map.
        let footerRows = rowsBelowLetters > grid.rows ? 1 : 0
        let maxWidth = width / grid.columns
        let maxHeight = (rowsBelowLetters - footerRows) / grid.rows

        let cellGround = (grid.bbox.widthMetres / Double(grid.columns)) / (grid.bbox.heightMetres / Double(grid.rows))
        let ideal = cellGround.isFinite && cellGround > 0 ? cellGround * Self.characterAspect : Self.characterAspect
        let cellHeight = min(maxHeight, max(1, Int(Double(maxWidth) * Self.aspectTolerance / ideal)))
        let cellWidth = min(maxWidth, max(1, Int(Double(cellHeight) * ideal * Self.aspectTolerance)))

        self.grid = grid
        columnsPerDegree = Double(grid.columns) / (grid.bbox.maxLon - grid.bbox.minLon)
        rowsPerDegree = Double(grid.rows) / (grid.bbox.maxLat - grid.bbox.minLat)
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        map = Rect(x: inside.x + labelWidth, y: inside.y + 1, width: grid.columns * cellWidth, height: grid.rows * cellHeight)
        columnLabels = Rect(x: map.x, y: inside.y, width: map.width, height: 1)
        rowLabels = Rect(x: inside.x, y: map.y, width: labelWidth, height: map.height)
        footer = footerRows == 1 ? Rect(x: inside.x, y: map.maxY, width: inside.width, height: 1) : nil
        legend = footerRows == 1 && map.maxY + 1 < inside.maxY ? Rect(x: inside.x, y: map.maxY + 1, width: inside.width, height: 1) : nil
    }

    /// The characters of one grid cell.
    func rect(of cell: GridCell) -> Rect {
        Rect(x: map.x + cell.columnIndex * cellWidth, y: map.y + cell.rowIndex * cellHeight, width: cellWidth, height: cellHeight)
    }

    /// The character (map-relative) a point falls in; nil off the grid. It runs for every open
    /// incident every frame, so it multiplies where `GridReference.cell(of:)` divides.
    func character(of point: GeoPoint) -> (x: Int, y: Int)? {
        let box = grid.bbox
        guard box.contains(point) else { return nil }
        let fx = (point.lon - box.minLon) * columnsPerDegree
        let fy = (box.maxLat - point.lat) * rowsPerDegree
        var column = Self.index(fx, below: grid.columns), row = Self.index(fy, below: grid.rows)
        // A hair from a grid line, the product may round to the other side of it than the
        // grid's quotient: there the grid decides, so a point is always drawn in the cell the
        // board's `cell:` filter puts it in.
        if Self.nearLine(fx) || Self.nearLine(fy), let cell = grid.cell(of: point) {
            column = cell.columnIndex
            row = cell.rowIndex
        }
        return (column * cellWidth + Self.index((fx - Double(column)) * Double(cellWidth), below: cellWidth),
                row * cellHeight + Self.index((fy - Double(row)) * Double(cellHeight), below: cellHeight))
    }

    /// The ground point at a map-relative position measured in characters (corners are whole
    /// numbers, centres halves).
    func point(x: Double, y: Double) -> GeoPoint {
        let box = grid.bbox
        return GeoPoint(
            lat: box.maxLat - y / Double(map.height) * (box.maxLat - box.minLat),
            lon: box.minLon + x / Double(map.width) * (box.maxLon - box.minLon)
        )
    }

    /// `Int(f)` held to `0..<n`, as the grid clamps its edges.
    private static func index(_ f: Double, below n: Int) -> Int {
        guard f.isFinite, f > 0 else { return 0 }
        return f >= Double(n) ? n - 1 : Int(f)
    }

    /// For `f` on the grid (non-negative): within a hair of a whole number.
    private static func nearLine(_ f: Double) -> Bool {
        guard f.isFinite else { return false }
        let fraction = f - Double(Int(f))
        return fraction < 1e-9 || fraction > 1 - 1e-9
    }
}
