import WatchfloorCore

/// Moving about the map: pure changes of the cursor and zoom, which the runtime binds to keys,
/// and the board filters the cursor selects.
extension MapView {
    /// The grid at the current zoom.
    public func grid(gazetteer: Gazetteer) -> GridReference {
        MapGrids.grid(zoomCity: zoomCity, gazetteer: gazetteer)
    }

    /// The cursor held on the grid: a cursor kept from another zoom may lie past its edge.
    public func clampedCursor(gazetteer: Gazetteer) -> GridCell {
        Self.clamp(cursor, to: grid(gazetteer: gazetteer))
    }

    /// Moves the cursor by whole cells (`dy` positive is south); it stops at the grid's edge.
    public mutating func moveCursor(dx: Int, dy: Int, gazetteer: Gazetteer) {
        let grid = grid(gazetteer: gazetteer)
        let from = Self.clamp(cursor, to: grid)
        cursor = Self.clamp(column: from.columnIndex + dx, row: from.rowIndex + dy, to: grid)
    }

    /// The ground at the centre of the cursor's cell.
    public func cursorCentre(gazetteer: Gazetteer) -> GeoPoint {
        let grid = grid(gazetteer: gazetteer)
        return grid.bbox(of: Self.clamp(cursor, to: grid))?.center ?? grid.bbox.center
    }

    /// The county under the centre of the cursor's cell; nil at sea or outside the province.
    public func countyUnderCursor(gazetteer: Gazetteer) -> Division? {
        gazetteer.county(containing: cursorCentre(gazetteer: gazetteer))
    }

    /// Zooms on the city under the centre of the cursor's cell, the cursor on the city's cell
    /// that holds that same point. Nothing changes, and it answers false, when already zoomed
    /// or when no city is under the cursor.
    @discardableResult
    public mutating func zoomIn(gazetteer: Gazetteer) -> Bool {
        guard zoomCity == nil,
              let county = countyUnderCursor(gazetteer: gazetteer),
              let city = gazetteer.city(of: county) else { return false }
        let centre = cursorCentre(gazetteer: gazetteer)
        zoomCity = city.adcode
        cursor = Self.cell(holding: centre, on: grid(gazetteer: gazetteer))
        return true
    }

    /// Zooms on a city by its adcode (`:goto 3701`), the cursor on the cell holding where it
    /// was, or the city's middle when that is outside it.
    public mutating func zoom(toCity adcode: String, gazetteer: Gazetteer) {
        let centre = cursorCentre(gazetteer: gazetteer)
        zoomCity = adcode
        let grid = grid(gazetteer: gazetteer)
        cursor = grid.bbox.contains(centre) ? Self.cell(holding: centre, on: grid)
            : GridCell(columnIndex: grid.columns / 2, rowIndex: grid.rows / 2)
    }

    /// Back to the province, the cursor on the province's cell that holds where it was.
    public mutating func zoomOut(gazetteer: Gazetteer) {
        guard zoomCity != nil else { return }
        let centre = cursorCentre(gazetteer: gazetteer)
        zoomCity = nil
        cursor = Self.cell(holding: centre, on: grid(gazetteer: gazetteer))
    }

    /// The board narrowed to the cursor's cell at this zoom.
    public func filterForCursor(gazetteer: Gazetteer) -> BoardFilter {
        var filter = BoardFilter()
        filter.cell = (clampedCursor(gazetteer: gazetteer), zoomCity)
        return filter
    }

    /// The board narrowed to the county under the cursor; nil when there is none.
    public func filterForCounty(gazetteer: Gazetteer) -> BoardFilter? {
        guard let county = countyUnderCursor(gazetteer: gazetteer) else { return nil }
        var filter = BoardFilter()
        filter.places = [county.adcode]
        return filter
    }

    /// The cell holding a point, or the grid's middle cell should the point be off the grid.
    static func cell(holding point: GeoPoint, on grid: GridReference) -> GridCell {
        grid.cell(of: point) ?? GridCell(columnIndex: grid.columns / 2, rowIndex: grid.rows / 2)
    }

    static func clamp(_ cell: GridCell, to grid: GridReference) -> GridCell {
        clamp(column: cell.columnIndex, row: cell.rowIndex, to: grid)
    }

    static func clamp(column: Int, row: Int, to grid: GridReference) -> GridCell {
        GridCell(columnIndex: min(grid.columns - 1, max(0, column)), rowIndex: min(grid.rows - 1, max(0, row)))
    }
}
