@testable import WatchfloorCore
@testable import WatchfloorUI

/// Small boards and whole screen models for drawing the map in tests.
extension MapFixture {
    /// A board holding exactly these incidents, placed as the correlator would place them.
    /// Built directly rather than through a feed so that a test says only what it is about.
    static func board(_ incidents: [(GeoPoint, Level)], closed: Set<Int> = [], warnings: [Warning] = []) -> Board {
        var board = Board()
        let at = Instant(milliseconds: 1_784_000_000_000)
        for w in warnings {
            _ = board.apply(LogEntry(at: at, actor: "feed:weather", exercise: true, event: .warningIssued(w)))
        }
        board.incidents = incidents.enumerated().map { i, incident in
            Incident(
                id: Board.id(number: i + 1), category: .fire, level: incident.1, title: "测试",
                status: closed.contains(i) ? .closed : .new, location: incident.0,
                placement: gazetteer.placement(of: incident.0), opened: at, lastReport: at, reports: []
            )
        }
        return board
    }

    /// A red warning over a box of ground.
    static func warning(_ id: String, south: Double, west: Double, north: Double, east: Double) -> Warning {
        let ring = [
            GeoPoint(lat: south, lon: west), GeoPoint(lat: south, lon: east), GeoPoint(lat: north, lon: east),
            GeoPoint(lat: north, lon: west), GeoPoint(lat: south, lon: west),
        ]
        let area = WarningArea(description: "测试区", polygons: [ring], circles: [], geocodes: [])
        return Warning(id: id, sender: "测试气象台", level: .I, event: "暴雨红色预警", headline: "暴雨红色预警", areas: [area], effective: nil, expires: nil)
    }

    static func model(_ board: Board = Board(), map: MapView = MapView(), focus: Pane = .map, language: Language = .zh) -> ScreenModel {
        var view = ViewState()
        view.focus = focus
        view.map = map
        return ScreenModel(board: board, gazetteer: gazetteer, rows: [], feeds: [], mode: .live, operatorID: "test", strings: Strings(language), view: view)
    }

    static func draw(_ model: ScreenModel, width: Int, height: Int, widget: MapWidget = MapWidget()) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        widget.draw(model, in: canvas.bounds, on: &canvas)
        return canvas
    }
}
