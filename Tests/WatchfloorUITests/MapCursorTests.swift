import Testing
@testable import WatchfloorCore
@testable import WatchfloorUI

/// The cursor's cell is highlighted when the map has the focus, and the footer describes it.
@Suite("Map cursor")
struct MapCursorTests {
    static let grid = MapGrids.grid(zoomCity: nil, gazetteer: MapFixture.gazetteer)
    static let layout = MapLayout(grid: grid, inside: Rect(x: 1, y: 1, width: 58, height: 22))!

    static func reversed(_ canvas: Canvas) -> Set<[Int]> {
        var cells: Set<[Int]> = []
        for y in layout.map.y..<layout.map.maxY {
            for x in layout.map.x..<layout.map.maxX where canvas[x, y].style.reverse { cells.insert([x, y]) }
        }
        return cells
    }

    @Test("with the focus, exactly the cursor's cell is drawn reversed and bold")
    func highlighted() {
        let canvas = MapFixture.draw(MapFixture.model(map: MapFixture.view(cursor: "E5"), focus: .map), width: 60, height: 24)
        let rect = Self.layout.rect(of: GridCell(parsing: "E5")!)
        var expected: Set<[Int]> = []
        for y in rect.y..<rect.maxY { for x in rect.x..<rect.maxX { expected.insert([x, y]) } }
        #expect(Self.reversed(canvas) == expected)
        #expect(expected.allSatisfy { canvas[$0[0], $0[1]].style.bold })
        // The grid references of the cursor's cell light up too.
        #expect(canvas[rect.x + 1, Self.layout.columnLabels.y].text == "E")
        #expect(canvas[rect.x + 1, Self.layout.columnLabels.y].style.reverse)
    }

    @Test("without the focus, no cell is reversed")
    func unfocused() {
        let canvas = MapFixture.draw(MapFixture.model(map: MapFixture.view(cursor: "E5"), focus: .board), width: 60, height: 24)
        #expect(Self.reversed(canvas).isEmpty)
    }

    @Test("the footer names the cell, the county and city at its centre, and counts what is open there")
    func footer() {
        let board = MapFixture.board([(MapFixture.lixia, .I), (MapFixture.lixia, .III), (MapFixture.heze, .II)])
        let line = { (cursor: String, language: Language) in
            MapFixture.draw(MapFixture.model(board, map: MapFixture.view(cursor: cursor), language: language), width: 60, height: 24)
                .lines()[Self.layout.footer!.y]
        }
        #expect(line("E5", .zh) == "│E5  济南市 市中区  未结事件 2 起                          │")
        #expect(line("E5", .en) == "│E5  济南市 市中区  2 open incidents                       │")
        #expect(line("A1", .en) == "│A1  outside the province  0 open incidents                │")
    }

    @Test("a cursor past the edge of the grid is drawn on the edge, never off the map")
    func clamped() {
        var view = MapView()
        view.cursor = GridCell(columnIndex: 30, rowIndex: 12)
        let canvas = MapFixture.draw(MapFixture.model(map: view), width: 60, height: 24)
        #expect(canvas.lines()[Self.layout.footer!.y].hasPrefix("│P10"))
        #expect(Self.reversed(canvas).count == Self.layout.cellWidth * Self.layout.cellHeight)
    }
}
