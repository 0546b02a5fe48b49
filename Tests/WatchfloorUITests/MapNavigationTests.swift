import Testing
@testable import WatchfloorCore
@testable import WatchfloorUI

/// Moving the cursor, zooming, and the filters the cursor selects.
@Suite("Map navigation")
struct MapNavigationTests {
    let gazetteer = MapFixture.gazetteer

    @Test("the cursor moves by cells and stops at the grid's edges")
    func move() {
        var view = MapFixture.view(cursor: "B2")
        view.moveCursor(dx: -5, dy: -5, gazetteer: gazetteer)
        #expect(view.cursor.description == "A1")
        view.moveCursor(dx: 3, dy: 4, gazetteer: gazetteer)
        #expect(view.cursor.description == "D5")
        view.moveCursor(dx: 100, dy: 100, gazetteer: gazetteer)
        #expect(view.cursor.description == "P10")
    }

    @Test("zooming in goes to the city under the cursor's centre, the cursor on the same ground; out comes back")
    func zoom() throws {
        var view = MapFixture.view(cursor: "E5")
        let centre = view.cursorCentre(gazetteer: gazetteer)
        let zoomed = view.zoomIn(gazetteer: gazetteer)
        #expect(zoomed)
        #expect(view.zoomCity == "370100")
        let city = MapGrids.grid(zoomCity: "370100", gazetteer: gazetteer)
        #expect(city.columns < 16)
        #expect(view.cursor == city.cell(of: centre))
        let again = view.zoomIn(gazetteer: gazetteer)
        #expect(!again, "there is no zoom past a city")
        view.moveCursor(dx: 50, dy: 0, gazetteer: gazetteer)
        #expect(view.cursor.columnIndex == city.columns - 1, "clamped to the city's grid, not the province's")
        view.moveCursor(dx: -50, dy: 0, gazetteer: gazetteer)
        view.cursor = try #require(city.cell(of: centre))
        view.zoomOut(gazetteer: gazetteer)
        #expect(view.zoomCity == nil)
        #expect(view.cursor.description == "E5")
    }

    @Test("zooming in where there is no city changes nothing")
    func zoomAtSea() {
        var view = MapFixture.view(cursor: "P1")
        let zoomed = view.zoomIn(gazetteer: gazetteer)
        #expect(!zoomed)
        #expect(view == MapFixture.view(cursor: "P1"))
    }

    @Test("the cursor selects its cell at its zoom, or the county under its centre")
    func filters() throws {
        let province = MapFixture.view(cursor: "E5")
        let cell = province.filterForCursor(gazetteer: gazetteer)
        #expect(cell.cell?.cell.description == "E5")
        #expect(cell.cell?.zoomCity == nil)
        #expect(cell.places.isEmpty)
        let county = try #require(province.filterForCounty(gazetteer: gazetteer))
        #expect(county.places == ["370103"])  // 市中区
        #expect(county.cell == nil)
        let zoomed = MapFixture.view(cursor: "C4", zoomCity: "370100").filterForCursor(gazetteer: gazetteer)
        #expect(zoomed.cell?.cell.description == "C4")
        #expect(zoomed.cell?.zoomCity == "370100")
        #expect(MapFixture.view(cursor: "P1").filterForCounty(gazetteer: gazetteer) == nil)
    }
}
