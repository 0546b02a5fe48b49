import Testing
@testable import WatchfloorCore
@testable import WatchfloorUI

/// Active warnings shade the characters whose centre they cover.
@Suite("Map warning areas")
struct MapShadingTests {
    static let warning = MapFixture.warning("W1", south: 36.4, west: 116.8, north: 36.9, east: 117.4)
    static let grid = MapGrids.grid(zoomCity: nil, gazetteer: MapFixture.gazetteer)
    static let layout = MapLayout(grid: grid, inside: Rect(x: 1, y: 1, width: 58, height: 22))!

    static func draw(_ board: Board, focus: Pane = .board, widget: MapWidget = MapWidget()) -> Canvas {
        MapFixture.draw(MapFixture.model(board, focus: focus), width: 60, height: 24, widget: widget)
    }

    /// Every character of the map, with whether the warning covers its centre.
    static func characters() -> [(x: Int, y: Int, covered: Bool)] {
        var all: [(Int, Int, Bool)] = []
        for y in 0..<layout.map.height {
            for x in 0..<layout.map.width {
                let centre = layout.point(x: Double(x) + 0.5, y: Double(y) + 0.5)
                all.append((layout.map.x + x, layout.map.y + y, warning.covers(centre)))
            }
        }
        return all
    }

    @Test("exactly the characters whose centre is inside the warning are shaded")
    func shaded() {
        let canvas = Self.draw(MapFixture.board([], warnings: [Self.warning]))
        let characters = Self.characters()
        #expect(characters.filter(\.covered).count >= 2)
        for c in characters {
            let style = canvas[c.x, c.y].style
            #expect((style.role == .warningArea && style.reverse) == c.covered, "(\(c.x), \(c.y))")
        }
    }

    @Test("an incident inside the area keeps its level's colour, shaded")
    func markInside() throws {
        let canvas = Self.draw(MapFixture.board([(MapFixture.lixia, .I)], warnings: [Self.warning]))
        let cell = try #require(Self.grid.cell(of: MapFixture.lixia))
        let marks = MapMarksTests.marks(in: canvas, cell: cell)
        #expect(marks.map(\.0) == ["!"])
        #expect(marks.first?.1 == LevelMark.style(.I).with(reverse: true))
    }

    @Test("a warning that ends stops shading, even on a widget that shaded it before")
    func ends() {
        let widget = MapWidget()
        var board = MapFixture.board([], warnings: [Self.warning])
        _ = Self.draw(board, widget: widget)
        _ = board.apply(LogEntry(at: Instant(milliseconds: 1_784_000_100_000), actor: "system", exercise: true, event: .warningExpired(warning: "W1")))
        let canvas = Self.draw(board, widget: widget)
        #expect(Self.characters().allSatisfy { canvas[$0.x, $0.y].style.role != .warningArea })
    }
}
