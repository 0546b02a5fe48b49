import WatchfloorCore

/// Moving over the map: the cursor stays on the grid; zooming keeps the cursor over the
/// same ground where it can.
extension MapView {
    public func moved(dx: Int, dy: Int, grid: GridReference) -> MapView {
        var m = self
        m.cursor = GridCell(
            columnIndex: min(grid.columns - 1, max(0, cursor.columnIndex + dx)),
            rowIndex: min(grid.rows - 1, max(0, cursor.rowIndex + dy))
        )
        return m
    }

    /// The ground under the cursor's centre at the current zoom.
    func cursorCentre(gazetteer: Gazetteer) -> GeoPoint? {
        MapGrids.grid(zoomCity: zoomCity, gazetteer: gazetteer).bbox(of: cursor)?.center
    }

    /// Zooms on the city under the cursor (the province view only).
    public func zoomedIn(gazetteer: Gazetteer) -> MapView {
        guard zoomCity == nil, let centre = cursorCentre(gazetteer: gazetteer),
              let county = gazetteer.county(containing: centre), let city = gazetteer.city(of: county) else { return self }
        return zoomed(toCity: city.adcode, gazetteer: gazetteer)
    }

    public func zoomed(toCity adcode: String, gazetteer: Gazetteer) -> MapView {
        var m = self
        let from = cursorCentre(gazetteer: gazetteer)
        m.zoomCity = adcode
        let grid = MapGrids.grid(zoomCity: adcode, gazetteer: gazetteer)
        m.cursor = from.flatMap { grid.cell(of: $0) } ?? GridCell(columnIndex: grid.columns / 2, rowIndex: grid.rows / 2)
        return m
    }

    public func zoomedOut(gazetteer: Gazetteer) -> MapView {
        guard zoomCity != nil else { return self }
        var m = self
        let from = cursorCentre(gazetteer: gazetteer)
        m.zoomCity = nil
        let grid = MapGrids.grid(zoomCity: nil, gazetteer: gazetteer)
        m.cursor = from.flatMap { grid.cell(of: $0) } ?? cursor
        return m
    }

    /// A board filter for the incidents in the cursor's cell.
    public func filterForCursor(gazetteer: Gazetteer) -> BoardFilter {
        var filter = BoardFilter()
        filter.cell = (cursor, zoomCity)
        return filter
    }
}
