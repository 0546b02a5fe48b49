import Foundation

/// A map grid over a bbox with a fixed number of columns and rows, so that at a given zoom two
/// officers naming a cell ("C7") mean the same ground (DESIGN §3.4). Columns run west to east
/// from A, rows north to south from 1, as on a paper map.
public struct GridReference: Sendable, Hashable {
    /// Ten rows at every zoom: one digit, easy to say over a radio.
    public static let standardRows = 10
    /// Single letters A..Z only, so no cell name is ambiguous when spoken.
    public static let maxColumns = 26

    public let bbox: GeoBox
    public let columns: Int
    public let rows: Int

    public init(bbox: GeoBox, columns: Int, rows: Int) {
        precondition(columns >= 1 && rows >= 1, "a grid needs at least one column and one row")
        self.bbox = bbox
        self.columns = columns
        self.rows = rows
    }

    /// The grid for a zoom on a division (the province, or a city): its bbox, ten rows, and as
    /// many columns as make the cells close to square on the ground. It depends only on the
    /// division's bbox, so every console zoomed on it draws the same grid. For Shandong (about
    /// 707 km by 445 km) that is 16 columns A..P of cells about 44 km square; a city gets cells of
    /// a few to about 20 km.
    public init(zoomedTo division: Division) {
        let rows = Self.standardRows
        let aspect = division.bbox.heightMetres > 0 ? division.bbox.widthMetres / division.bbox.heightMetres : 1
        let columns = min(Self.maxColumns, max(1, Int((aspect * Double(rows)).rounded())))
        self.init(bbox: division.bbox, columns: columns, rows: rows)
    }

    /// The cell holding the point; nil outside the grid. Points on an inner grid line belong to
    /// the cell east or south of it; the outer edges belong to the grid.
    public func cell(of point: GeoPoint) -> GridCell? {
        guard bbox.contains(point) else { return nil }
        let x = (point.lon - bbox.minLon) / (bbox.maxLon - bbox.minLon) * Double(columns)
        let y = (bbox.maxLat - point.lat) / (bbox.maxLat - bbox.minLat) * Double(rows)
        let column = x.isFinite ? min(columns - 1, max(0, Int(x))) : 0
        let row = y.isFinite ? min(rows - 1, max(0, Int(y))) : 0
        return GridCell(columnIndex: column, rowIndex: row)
    }

    /// Whether the cell is on this grid (a typed "Z99" may not be).
    public func contains(_ cell: GridCell) -> Bool {
        cell.columnIndex < columns && cell.rowIndex < rows
    }

    /// The ground a cell covers; nil for a cell not on this grid.
    public func bbox(of cell: GridCell) -> GeoBox? {
        guard contains(cell) else { return nil }
        let w = (bbox.maxLon - bbox.minLon) / Double(columns)
        let h = (bbox.maxLat - bbox.minLat) / Double(rows)
        let west = bbox.minLon + w * Double(cell.columnIndex)
        let north = bbox.maxLat - h * Double(cell.rowIndex)
        // The last column and row end exactly on the grid's edge, not a rounding error short of it.
        let east = cell.columnIndex == columns - 1 ? bbox.maxLon : west + w
        let south = cell.rowIndex == rows - 1 ? bbox.minLat : north - h
        return GeoBox(minLon: west, minLat: south, maxLon: east, maxLat: north)
    }

    /// Every cell, row by row from the top.
    public var cells: [GridCell] {
        (0..<rows).flatMap { r in (0..<columns).map { GridCell(columnIndex: $0, rowIndex: r) } }
    }
}
