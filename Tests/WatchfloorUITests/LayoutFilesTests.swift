import Foundation
import Testing
@testable import WatchfloorUI

@Suite("The shipped layouts parse and tile their screens")
struct LayoutFilesTests {
    @Test("default at 120×38: board left, map over detail right, feeds and queue below")
    func defaultLayout() throws {
        let layout = try shippedLayout("default")
        #expect(layout.name == "default")
        #expect(layout.fits == ScreenSize(width: 120, height: 36))
        let area = Rect(x: 0, y: 0, width: 120, height: 38)
        let placed = layout.solve(in: area)
        #expect(placed.map(\.pane) == [.board, .map, .detail, .feeds, .queue])
        #expect(placed.map(\.rect) == [
            Rect(x: 0, y: 0, width: 72, height: 29),
            Rect(x: 72, y: 0, width: 48, height: 17),
            Rect(x: 72, y: 17, width: 48, height: 12),
            Rect(x: 0, y: 29, width: 60, height: 9),
            Rect(x: 60, y: 29, width: 60, height: 9),
        ])
        #expect(tilingFaults(placed, area).isEmpty)
        #expect(placed[0].options.list("columns") == OptionSpec.boardColumns)
    }

    @Test("compact at 80×22: the board over a small detail and a one-line feeds strip")
    func compactLayout() throws {
        let layout = try shippedLayout("compact")
        let area = Rect(x: 0, y: 0, width: 80, height: 22)
        let placed = layout.solve(in: area)
        #expect(placed.map(\.pane) == [.board, .detail, .feeds])
        #expect(placed.map(\.rect) == [
            Rect(x: 0, y: 0, width: 80, height: 12),
            Rect(x: 0, y: 12, width: 80, height: 7),
            Rect(x: 0, y: 19, width: 80, height: 3),
        ])
        #expect(tilingFaults(placed, area).isEmpty)
        #expect(placed[2].options.flag("compact") == true)
        #expect(placed[0].options.list("columns") == ["level", "title", "place", "agencies", "status", "age", "units"])
    }

    @Test("wall at 200×58: the map first and largest")
    func wallLayout() throws {
        let layout = try shippedLayout("wall")
        let area = Rect(x: 0, y: 0, width: 200, height: 58)
        let placed = layout.solve(in: area)
        #expect(placed.map(\.pane) == [.map, .board, .detail, .feeds, .queue])
        #expect(placed.map(\.rect) == [
            Rect(x: 0, y: 0, width: 111, height: 58),
            Rect(x: 111, y: 0, width: 89, height: 30),
            Rect(x: 111, y: 30, width: 89, height: 20),
            Rect(x: 111, y: 50, width: 45, height: 8),
            Rect(x: 156, y: 50, width: 44, height: 8),
        ])
        #expect(tilingFaults(placed, area).isEmpty)
    }

    @Test("every shipped layout tiles every size from nothing to a wall, wherever the area starts",
          arguments: ["default", "compact", "wall"])
    func tilesEverySize(name: String) throws {
        let layout = try shippedLayout(name)
        for width in 0...210 {
            for height in 0...60 {
                let area = Rect(x: 3, y: 1, width: width, height: height)
                let faults = tilingFaults(layout.solve(in: area), area)
                // One expectation per failure, not per size: thousands of passing ones are slow.
                if !faults.isEmpty {
                    Issue.record("\(name) at \(width)×\(height): \(faults)")
                    return
                }
            }
        }
    }

    @Test("on a narrow screen default drops the right column rather than squeeze the board")
    func defaultNarrow() throws {
        let placed = try shippedLayout("default").solve(in: Rect(x: 0, y: 0, width: 90, height: 30))
        #expect(placed.map(\.pane) == [.board, .feeds, .queue])
        #expect(placed[0].rect == Rect(x: 0, y: 0, width: 90, height: 21))
    }

    @Test("empty, 1×1 and one-line areas place what fits and never crash")
    func tiny() throws {
        let layout = try shippedLayout("default")
        #expect(layout.solve(in: .empty).isEmpty)
        #expect(layout.solve(in: Rect(x: 5, y: 5, width: 0, height: 30)).isEmpty)
        for area in [Rect(x: 0, y: 0, width: 1, height: 1), Rect(x: 0, y: 0, width: 120, height: 1),
                     Rect(x: 0, y: 0, width: 1, height: 40), Rect(x: -3, y: -2, width: 4, height: 3)] {
            let placed = layout.solve(in: area)
            #expect(!placed.isEmpty, "\(area)")
            #expect(tilingFaults(placed, area).isEmpty, "\(area): \(tilingFaults(placed, area))")
        }
    }

    @Test("below its size, default keeps the board's rows before the feeds and queue get theirs")
    func short() throws {
        let placed = try shippedLayout("default").solve(in: Rect(x: 0, y: 0, width: 120, height: 16))
        #expect(placed.map(\.pane) == [.board, .map, .detail, .feeds, .queue])
        #expect(placed[0].rect == Rect(x: 0, y: 0, width: 72, height: 12))
        #expect(placed[3].rect == Rect(x: 0, y: 12, width: 60, height: 4))
    }
}
