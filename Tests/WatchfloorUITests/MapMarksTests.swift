import Testing
@testable import WatchfloorCore
@testable import WatchfloorUI

/// Open incidents are drawn in the grid cell that holds them, and crowds are counted.
@Suite("Map incidents")
struct MapMarksTests {
    static let size = (width: 60, height: 24)
    static let grid = MapGrids.grid(zoomCity: nil, gazetteer: MapFixture.gazetteer)
    static let layout = MapLayout(grid: grid, inside: Rect(x: 1, y: 1, width: size.width - 2, height: size.height - 2))!

    /// The marks drawn inside one grid cell, as text and style.
    static func marks(in canvas: Canvas, cell: GridCell) -> [(String, Style)] {
        let rect = layout.rect(of: cell)
        var found: [(String, Style)] = []
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX where "!#*+@23456789".contains(canvas[x, y].text) {
                found.append((canvas[x, y].text, canvas[x, y].style))
            }
        }
        return found
    }

    static func draw(_ board: Board) -> Canvas {
        MapFixture.draw(MapFixture.model(board), width: size.width, height: size.height)
    }

    @Test("an incident is drawn with its level's mark and style in the cell that holds it")
    func oneIncident() throws {
        for (point, level) in [(MapFixture.lixia, Level.I), (MapFixture.qingdao, .IV), (MapFixture.heze, .II), (MapFixture.yantai, .III)] {
            let canvas = Self.draw(MapFixture.board([(point, level)]))
            let cell = try #require(Self.grid.cell(of: point))
            let marks = Self.marks(in: canvas, cell: cell)
            #expect(marks.count == 1, "\(level) at \(cell)")
            #expect(marks.first?.0 == String(LevelMark.glyph(level)))
            #expect(marks.first?.1 == LevelMark.style(level))
        }
    }

    @Test("several on one character show their count in the gravest level's style; ten or more show @")
    func crowding() throws {
        let cell = try #require(Self.grid.cell(of: MapFixture.lixia))
        let two = Self.marks(in: Self.draw(MapFixture.board([(MapFixture.lixia, .III), (MapFixture.lixia, .I)])), cell: cell)
        #expect(two.map(\.0) == ["2"])
        #expect(two.first?.1 == LevelMark.style(.I))
        let nine = Self.marks(in: Self.draw(MapFixture.board(Array(repeating: (MapFixture.lixia, .IV), count: 9))), cell: cell)
        #expect(nine.map(\.0) == ["9"])
        #expect(nine.first?.1 == LevelMark.style(.IV))
        let ten = Self.marks(in: Self.draw(MapFixture.board(Array(repeating: (MapFixture.lixia, .II), count: 10))), cell: cell)
        #expect(ten.map(\.0) == ["@"])
    }

    @Test("closed incidents and incidents without a position are not drawn")
    func notDrawn() throws {
        var board = MapFixture.board([(MapFixture.lixia, .I), (MapFixture.heze, .II)], closed: [0])
        board.incidents[1].location = nil
        let canvas = Self.draw(board)
        for point in [MapFixture.lixia, MapFixture.heze] {
            #expect(Self.marks(in: canvas, cell: try #require(Self.grid.cell(of: point))).isEmpty)
        }
    }

    @Test("the footer counts what the board's cell filter selects, in every cell")
    func footerAgreesWithFilter() {
        var random = SeededRandom(seed: 7)
        let incidents = (0..<400).map { _ in
            (GeoPoint(lat: 34.3 + 4.2 * random.unit(), lon: 114.7 + 8.1 * random.unit()), random.pick(Level.allCases))
        }
        let board = MapFixture.board(incidents, closed: Set(stride(from: 0, to: 400, by: 7)))
        var seen = 0
        for cell in Self.grid.cells {
            var view = MapView()
            view.cursor = cell
            let canvas = MapFixture.draw(MapFixture.model(board, map: view, language: .en), width: Self.size.width, height: Self.size.height)
            let expected = BoardQuery.rows(of: board, filter: view.filterForCursor(gazetteer: MapFixture.gazetteer), sort: .level, gazetteer: MapFixture.gazetteer).count
            let footer = canvas.lines()[Self.layout.footer!.y]
            #expect(footer.contains(" \(expected) open incident"), "\(cell): \(footer)")
            seen += expected
        }
        #expect(seen > 100)
    }
}
