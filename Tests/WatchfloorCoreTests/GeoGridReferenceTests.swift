import Foundation
import Testing
@testable import WatchfloorCore

@Suite("Geo: grid references")
struct GeoGridReferenceTests {
    @Test func provinceGridIsSixteenBySquareishTen() throws {
        let g = try GeoFixture.gazetteer()
        let grid = GridReference(zoomedTo: g.province)
        #expect(grid.columns == 16)
        #expect(grid.rows == 10)
        #expect(grid.bbox == g.province.bbox)
        let box = g.province.bbox
        #expect(grid.cell(of: GeoPoint(lat: box.maxLat, lon: box.minLon))?.description == "A1")
        #expect(grid.cell(of: GeoPoint(lat: box.minLat, lon: box.maxLon))?.description == "P10")
        #expect(grid.cell(of: GeoPoint(lat: 39.9, lon: 116.4)) == nil)
        // Jinan is west of Qingdao and (slightly) north of it: a letter before, a row no later.
        let jinan = try #require(grid.cell(of: GeoPoint(lat: 36.661, lon: 117.017)))
        let qingdao = try #require(grid.cell(of: GeoPoint(lat: 36.062, lon: 120.384)))
        #expect(jinan.columnIndex < qingdao.columnIndex)
        #expect(jinan.rowIndex <= qingdao.rowIndex)
    }

    @Test func everyCellRoundTripsThroughItsNameAndItsGround() throws {
        let g = try GeoFixture.gazetteer()
        for division in [g.province] + g.cities {
            let grid = GridReference(zoomedTo: division)
            #expect((1...26).contains(grid.columns))
            #expect(grid.cells.count == grid.columns * grid.rows)
            for cell in grid.cells {
                #expect(GridCell(parsing: cell.description) == cell)
                let ground = try #require(grid.bbox(of: cell))
                #expect(grid.cell(of: ground.center) == cell, "\(division) \(cell)")
            }
        }
    }

    @Test func cellsNameLikeAPaperMap() {
        #expect(GridCell(columnIndex: 2, rowIndex: 6).description == "C7")
        #expect(GridCell(columnIndex: 25, rowIndex: 0).description == "Z1")
        #expect(GridCell(columnIndex: 26, rowIndex: 9).description == "AA10")
        #expect(GridCell(parsing: "C7") == GridCell(columnIndex: 2, rowIndex: 6))
        #expect(GridCell(parsing: " c7 ") == GridCell(columnIndex: 2, rowIndex: 6))
        #expect(GridCell(parsing: "AB12") == GridCell(columnIndex: 27, rowIndex: 11))
        #expect(GridCell("P10") == GridCell(columnIndex: 15, rowIndex: 9))
        for bad in ["", "C", "7", "7C", "C0", "C-1", "C7x", "C 7", "Ｃ7", "ABCD1", "A12345"] {
            #expect(GridCell(parsing: bad) == nil, "\(bad)")
        }
        #expect(GridCell(columnIndex: 0, rowIndex: 0) < GridCell(columnIndex: 5, rowIndex: 0))
        #expect(GridCell(columnIndex: 5, rowIndex: 0) < GridCell(columnIndex: 0, rowIndex: 1))
    }

    @Test func cellGroundOnAPlainGrid() throws {
        let grid = GridReference(bbox: GeoBox(minLon: 0, minLat: 0, maxLon: 4, maxLat: 2), columns: 4, rows: 2)
        let c = try #require(GridCell(parsing: "C2"))
        #expect(grid.bbox(of: c) == GeoBox(minLon: 2, minLat: 0, maxLon: 3, maxLat: 1))
        #expect(grid.cell(of: GeoPoint(lat: 0.5, lon: 2.5)) == c)
        #expect(grid.cell(of: GeoPoint(lat: 1.5, lon: 0.5))?.description == "A1")
        #expect(grid.bbox(of: GridCell(columnIndex: 4, rowIndex: 0)) == nil)
        #expect(!grid.contains(try #require(GridCell(parsing: "E1"))))
    }
}
